import { byRecency, esc, hexId, paragraphsHtml, zoned, type Site, type Story } from './model.js';
import { rssWithPages } from './rss.js';

const ZONE = 'America/Chicago';
const FEED_PATH = '/newser/rss.xml';
const BYLINE = 'Newser Editors and Wire Services';

/** Newser rewrites wire copy: a deck, an intro crediting the wires, then bullet points. */
export const NEWSER_STORIES = {
  /** wiredesk's founding story (shared/seed), as Newser posted it. */
  belarus: {
    key: 'belarus-frees-52-prisoners-as-leaders-praise-trump',
    headline: 'Belarus Frees 52 Prisoners as Leaders Praise Trump',
    dek: 'Political prisoners were released into Lithuania',
    teaser: 'Belarus freed 52 political prisoners on Thursday, as the United States announced it was lifting sanctions on the isolated country’s national airline.',
    bylines: [BYLINE],
    section: 'World',
    tags: ['Belarus'],
    paragraphs: [
      'Belarus freed 52 political prisoners on Thursday, as the United States announced it was lifting sanctions on the isolated country’s national airline. After the prisoners were released into Lithuania, both countries thanked President Trump for his involvement, CNN reports.',
    ],
    bullets: [
      'Belarus, a close ally of Russia, has been repeatedly slapped with Western sanctions both for its authoritarian government’s crackdown on human rights and its role in Moscow’s invasion of Ukraine in 2022, the AP reports. Its president, Alexander Lukashenko, has ruled the nation of 9.5 million with an iron fist for more than three decades, and allowed the Kremlin to use Belarusian territory to send troops and weapons into Ukraine.',
      'But for more than a year, Lukashenko has sought to mend ties with the West in the hopes of easing the sanctions and the country’s international isolation. He has regularly released prisoners as a way to win favor. In June, Belarus freed Siarhei Tsikhanouski, a key dissident figure and the husband of exiled opposition leader Sviatlana Tsikhanouskaya, and 13 others following a visit by a senior Trump administration envoy.',
      'Among those released Thursday were 14 foreigners—six Lithuanians, two Latvians, two Poles, two Germans, one French national, and one UK national—according to the Belarusian presidency’s press service.',
      'In a post on X, Lithuanian President Gitanas Nauseda said the prisoners left behind “barbed wire, barred windows and constant fear.” He said he was “deeply grateful” to the US and personally to Trump for their efforts to free political prisoners. He said 52 is “a great many.” “Yet more than 1,000 political prisoners still remain in Belarusian prisons and we cannot stop until they see freedom!”',
      'Shortly before the release became public on Thursday, Belarusian state media posted a video of US envoy John Coale announcing that Washington had lifted sanctions on Belarus national air carrier, Belavia. The airline was sanctioned by the European Union, the US, and others after Belarusian flight controllers ordered a commercial jet traveling from Greece to Lithuania to land in Minsk. Once the plane landed, authorities arrested Raman Pratasevich, a dissident journalist who was on board.',
      'Coale said he met with Lukashenko Thursday and they discussed issues “including additional prisoner releases and regional security issues, like ending the weaponization of illegal migration from Belarus into neighboring NATO countries,” CNN reports. In his opening statement at the meeting, Lukashenko said he wanted to thank Trump “not because I want to flatter him, that’s foreign to me—for the efforts he is making toward peace, primarily in our region.”',
    ],
    photo: {
      file: 'belarus-nauseda-vilnius.jpg',
      title: 'US Lifts Airline Sanctions as Belarus Frees Prisoners',
      caption: 'Lithuania’s President Gitanas Nauseda speaks at the presidential palace in Vilnius, Lithuania, Monday, Sept. 8, 2025.',
      credit: 'AP Photo/Mindaugas Kulbis, File',
      width: 1200,
      height: 800,
    },
    publishedAt: '2025-09-12T12:42:00Z',
  },
  wildfire: {
    key: 'cooler-weather-hands-oregon-fire-crews-a-break',
    headline: 'Cooler Weather Hands Oregon Fire Crews a Break',
    dek: 'Cold Spring Fire is 35% contained after days of wind-driven runs',
    teaser: 'Firefighters battling a wildfire in the foothills of Oregon’s Cascades finally caught a break on Friday.',
    bylines: [BYLINE],
    section: 'US',
    tags: ['Oregon', 'wildfire'],
    paragraphs: [
      'Firefighters battling a wildfire in the foothills of Oregon’s Cascades finally caught a break on Friday, the AP reports: cooler air and a little overnight rain let crews attack the fire’s northern edge directly for the first time.',
    ],
    bullets: [
      'The Cold Spring Fire has burned about 14 square miles of timber and brush near the town of Sisters and was 35% contained Friday morning, up from 10% a day earlier.',
      '“We finally got a break from the wind,” a spokesperson for the firefighting team said. Crews had spent days backing off and burning out fuel ahead of the flames.',
      'Officials in Deschutes County hope to lower evacuation levels for two neighborhoods on Saturday. No homes have been lost, though two outbuildings burned.',
      'The cause is under investigation, and forecasters expect warm, dry weather to return by midweek.',
    ],
    photo: {
      file: 'oregon-cold-spring-fire.jpg',
      title: 'Cooler Weather Hands Oregon Fire Crews a Break',
      caption: 'A firefighter watches a burn operation along a forest road near Sisters, Ore., Thursday, Sept. 11, 2025.',
      credit: 'AP Photo/Noel Brandt',
      width: 1200,
      height: 800,
    },
    publishedAt: '2025-09-12T13:55:00Z',
  },
  bathhouse: {
    key: 'after-140-years-a-beloved-tokyo-bathhouse-drains-its-tubs',
    headline: 'After 140 Years, a Beloved Tokyo Bathhouse Drains Its Tubs',
    dek: 'Family running Kotobuki-yu says it has no successor',
    teaser: 'A public bathhouse that has served a Tokyo neighborhood since the 1880s is closing at the end of the month.',
    bylines: [BYLINE],
    section: 'World',
    tags: ['Japan', 'Tokyo'],
    paragraphs: ['A public bathhouse that has served a Tokyo neighborhood since the 1880s is closing at the end of the month, CNN reports.'],
    bullets: [
      'The family behind Kotobuki-yu, in the city’s Taito ward, has run it for five generations. Fuel costs, a failing boiler, and the lack of anyone to take over sealed its fate.',
      '“My grandfather heated this water with firewood,” owner Keiko Morita, 78, told CNN. “My knees are telling me it is time.”',
      'Japan’s sento once numbered in the tens of thousands, when many homes had no bath of their own; only a fraction survive. Kotobuki-yu’s hand-painted Mount Fuji mural will go to a local museum.',
    ],
    publishedAt: '2025-09-12T15:10:00Z',
  },
} satisfies Record<string, Story>;

const pagePath = (story: Story) => `/story/${100_000 + (parseInt(hexId(story.key, 6), 16) % 900_000)}/${story.key}.html`;
const pageUrl = (origin: string, story: Story) => `${origin}/newser${pagePath(story)}`;
/** The story's address on the real site: its guid and canonical link, so its id is the same on every run. */
const canonicalUrl = (story: Story) => `https://www.newser.com${pagePath(story)}`;

/** A newser.com-style page: no structured data, so meta tags and the generic extractor do the work. */
function page(story: Story, origin: string): string {
  const url = pageUrl(origin, story);
  const photoUrl = story.photo ? `${origin}/newser/photos/${story.photo.file}` : null;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${esc(story.headline)} - Newser</title>
<link rel="canonical" href="${esc(canonicalUrl(story))}">
<meta name="description" content="${esc(story.dek ?? story.teaser)}">
<meta property="og:title" content="${esc(story.headline)}">
<meta property="og:site_name" content="Newser">
<meta property="og:type" content="article">
<meta property="og:url" content="${esc(url)}">
<meta property="og:description" content="${esc(story.dek ?? story.teaser)}">
${photoUrl ? `<meta property="og:image" content="${esc(photoUrl)}">` : ''}
</head>
<body>
<div id="divHeader" class="header"><a href="/newser/">Newser</a> <a href="/newser/section/us">US</a> <a href="/newser/section/world">World</a></div>
<div id="divStoryColumn" class="storyColumn">
<header class="storyHeader">
<div class="storyTopLine"><span class="storyDate">${story.publishedAt.slice(0, 10)}</span> <a class="storyCategory" href="/newser/section/${esc(story.section.toLowerCase())}">${esc(story.section)}</a> | ${story.tags.map((t) => `<a class="storyTag" rel="tag" href="/newser/tag/${esc(t.toLowerCase())}">${esc(t)}</a>`).join(' ')}</div>
<h1 class="storyTitle">${esc(story.headline)}</h1>
${story.dek ? `<h2 class="storySubTitle">${esc(story.dek)}</h2>` : ''}
<div class="storyByline"><span class="storyAuthor">By ${esc(story.bylines.join(', '))}</span> <span class="storyDateLine">Posted ${zoned(story.publishedAt, ZONE, 'LLL d, yyyy h:mm a ZZZZ')}</span></div>
</header>
${
  story.photo && photoUrl
    ? `<div class="storyPhoto"><figure>${story.photo.title ? `<h3 class="photoTitle">${esc(story.photo.title)}</h3>` : ''}<img src="${esc(photoUrl)}" width="${story.photo.width}" height="${story.photo.height}" alt="${esc(story.photo.caption)}"><figcaption class="photoCaption">${esc(story.photo.caption)} <span class="photoCredit">(${esc(story.photo.credit)})</span></figcaption></figure></div>`
    : ''
}
<div id="divStoryBody" class="storyBody">
${paragraphsHtml(story.paragraphs, ' class="storyParagraph"')}
<ul class="storyBullets">
${(story.bullets ?? []).map((b) => `<li>${esc(b)}</li>`).join('\n')}
</ul>
<div class="adSlot"></div>
</div>
<div class="storyShareBar"><a href="/newser/share/email">Email</a> <a href="/newser/share/x">Share</a></div>
</div>
<div id="divFooter" class="footer">Copyright 2025 Newser, LLC. All rights reserved.</div>
</body>
</html>
`;
}

/** Newser: an RSS feed of teasers; the rewrite is on the page. */
export const newser: Site = {
  id: 'newser',
  name: 'Newser',
  feedPath: FEED_PATH,
  format: 'rss',
  partial: true,
  timeZone: ZONE,
  documents(stories, origin) {
    const items = byRecency(stories).map((story) => ({
      title: story.headline,
      link: pageUrl(origin, story),
      guid: canonicalUrl(story),
      guidIsPermaLink: true,
      description: esc(story.teaser),
      pubDate: story.publishedAt,
      categories: [story.section],
    }));
    return rssWithPages({
      origin,
      feedPath: FEED_PATH,
      channel: {
        title: 'Newser: Top Stories',
        link: `${origin}/newser/`,
        description: 'Headline news, summarized',
        language: 'en-us',
        copyright: 'Copyright 2025 Newser, LLC',
        generator: 'wiredesk wire emulator',
      },
      items,
      stories,
      pageUrl: (story) => pageUrl(origin, story),
      page: (story) => page(story, origin),
    });
  },
};
