import { byRecency, esc, hexId, lastChange, paragraphsHtml, zoned, type Revision, type Site, type Story } from './model.js';
import { rssWithPages } from './rss.js';

/** Where AP prints its visible times; its zone-less meta times are UTC. */
const ZONE = 'America/New_York';
const FEED_PATH = '/ap/rss.xml';

export const AP_STORIES = {
  belarus: {
    key: 'belarus-political-prisoners-lithuania-belavia-sanctions',
    headline: 'Belarus frees 52 political prisoners as US lifts sanctions on its national airline',
    teaser: 'Belarus has freed 52 political prisoners into neighboring Lithuania, hours after the United States said it would lift sanctions on the state airline Belavia.',
    bylines: ['Tomas Jankauskas', 'Elena Voronova'],
    dateline: 'VILNIUS, Lithuania',
    section: 'World News',
    tags: ['Belarus', 'Lithuania', 'Alexander Lukashenko', 'Political prisoners', 'Sanctions'],
    paragraphs: [
      'Belarus freed 52 political prisoners on Thursday and sent them across the border into Lithuania, hours after the United States said it was lifting sanctions on the country’s state airline.',
      'Fourteen of those released hold foreign passports — six Lithuanians, two Latvians, two Poles, two Germans, one French citizen and one British citizen — according to the press service of Belarusian President Alexander Lukashenko.',
      'Lithuanian President Gitanas Nauseda thanked the U.S. and President Donald Trump personally for helping secure the releases, but noted that more than 1,000 people remain jailed in Belarus for political reasons.',
      'The decision on Belavia was announced by U.S. envoy John Coale in a video aired by Belarusian state media after he met Lukashenko in Minsk. The carrier was placed under Western sanctions after Belarusian air traffic controllers diverted a passenger jet flying from Greece to Lithuania in 2021 and authorities arrested a dissident journalist who was on board.',
      'Lukashenko, who has governed the nation of 9.5 million with a heavy hand for more than 30 years, has released batches of prisoners over the past year as he tries to ease sanctions imposed over his crackdown on dissent and his support for Russia’s war in Ukraine.',
    ],
    photo: {
      file: 'belarus-nauseda-vilnius.jpg',
      caption: 'Lithuania’s President Gitanas Nauseda speaks at the presidential palace in Vilnius, Lithuania, Monday, Sept. 8, 2025.',
      credit: 'AP Photo/Mindaugas Kulbis, File',
      width: 1200,
      height: 800,
    },
    publishedAt: '2025-09-12T12:31:07Z',
  },
  wildfire: {
    key: 'oregon-cold-spring-fire-containment-evacuations',
    headline: 'Crews gain ground on Oregon wildfire as cooler weather settles in',
    teaser: 'Firefighters in central Oregon say cooler, damper weather has helped them hold the Cold Spring Fire’s northern edge, and some evacuated residents may return this weekend.',
    bylines: ['Marisa Delgado'],
    dateline: 'SISTERS, Ore.',
    section: 'U.S. News',
    tags: ['Wildfires', 'Oregon', 'Weather'],
    paragraphs: [
      'Firefighters said Friday that cooler temperatures and a little overnight rain had helped them stop the northern advance of a wildfire that forced hundreds of people from their homes in the foothills of Oregon’s Cascade Range this week.',
      'The Cold Spring Fire had burned about 14 square miles (36 square kilometers) of timber and brush by Friday morning and was 35% contained, up from 10% a day earlier, according to the interagency team managing the response.',
      '“We finally got a break from the wind,” said incident spokesperson Dana Ruiz. “Crews were able to go direct on the fire line for the first time instead of backing off and burning out ahead of it.”',
      'Deschutes County officials said they expected to lower evacuation levels for two neighborhoods west of town on Saturday if the lines hold. No homes have been destroyed, though two outbuildings burned on Tuesday.',
      'The cause of the fire remains under investigation. Forecasters warned that warmer, drier air would return by the middle of next week.',
    ],
    photo: {
      file: 'oregon-cold-spring-fire.jpg',
      caption: 'A firefighter watches a burn operation along a forest road near Sisters, Ore., Thursday, Sept. 11, 2025.',
      credit: 'AP Photo/Noel Brandt',
      width: 1200,
      height: 800,
    },
    publishedAt: '2025-09-12T13:05:44Z',
  },
  library: {
    key: 'vermont-village-library-reopens-after-flood',
    headline: 'Vermont village library reopens two years after floodwaters ruined its collection',
    teaser: 'Volunteers carried thousands of donated books back into a village library in Vermont that was gutted by flooding in the summer of 2023.',
    bylines: ['Hannah Corliss'],
    dateline: 'LOWELL FALLS, Vt.',
    section: 'U.S. News',
    tags: ['Vermont', 'Floods', 'Libraries'],
    paragraphs: [
      'The children’s room smells of fresh paint again. Two years after the brook behind it rose 5 feet in a single night, the public library in this village of 1,800 people reopened its doors on Friday.',
      'About 9,000 books, the building’s furnace and all of its public computers were lost when water poured through the basement and ground floor in July 2023, said library director Ruth Ann Pelletier.',
      'Donations arrived from 31 states, she said, including a box of picture books mailed by a second-grade class in Alaska, and volunteers spent the summer cataloging and shelving them.',
      'The rebuilt library sits about 3 feet (1 meter) higher on a new foundation, paid for largely with federal disaster aid and a state grant. The furnace and the electrical panel are now on the second floor.',
      '“People kept asking when the library would be back,” Pelletier said. “It turned out the library was the people asking.”',
    ],
    photo: {
      file: 'vermont-library-volunteers.jpg',
      caption: 'Volunteers carry boxes of donated books into the rebuilt public library in Lowell Falls, Vt., Wednesday, Sept. 10, 2025.',
      credit: 'AP Photo/Colin Mercer',
      width: 1200,
      height: 800,
    },
    publishedAt: '2025-09-12T11:20:15Z',
  },
  orcas: {
    key: 'puget-sound-orca-superpod-ferry',
    headline: 'Dozens of orcas put on a rare show for ferry riders in Puget Sound',
    teaser: 'Passengers on a Seattle-area ferry watched dozens of killer whales surface alongside the boat in an unusual gathering of the region’s endangered orca families.',
    bylines: ['Jordan Kessler'],
    dateline: 'SEATTLE',
    section: 'Science',
    tags: ['Whales', 'Washington', 'Wildlife'],
    paragraphs: [
      'Commuters on a morning ferry across Puget Sound got an unexpected show on Friday when dozens of orcas surfaced alongside the vessel, slapping their tails and leaping clear of the water.',
      'Researchers who track the region’s endangered southern resident killer whales said all three of the population’s family groups appeared to have come together, a gathering sometimes called a superpod that is seen only a handful of times a year.',
      '“It was like the whole sound was breathing,” said passenger Amy Tran, who recorded the encounter on her phone from the upper deck.',
      'The ferry slowed to a crawl and kept its distance, as state rules require to protect the whales from vessel noise. The southern residents number fewer than 80 animals and have struggled with a scarcity of chinook salmon, their main prey.',
    ],
    publishedAt: '2025-09-12T15:02:30Z',
  },
} satisfies Record<string, Story>;

/** A writethru: a new headline and teaser, two paragraphs added after the fourth. */
export const AP_BELARUS_WRITETHRU: Revision = {
  headline: 'Belarus frees 52 political prisoners; US envoy says further releases were discussed',
  teaser: 'Belarus has freed 52 political prisoners into Lithuania as the U.S. lifts sanctions on Belavia, and a U.S. envoy says more releases were on the table.',
  paragraphs: [
    ...AP_STORIES.belarus.paragraphs.slice(0, 4),
    'Coale said he and Lukashenko also talked about further prisoner releases and regional security, including ending what he called the weaponization of illegal migration from Belarus into neighboring NATO countries.',
    'Opening the meeting, Lukashenko said he wanted to thank Trump for his peace efforts in the region, adding that he was not saying so to flatter him.',
    ...AP_STORIES.belarus.paragraphs.slice(4),
  ],
  updatedAt: '2025-09-12T14:48:00Z',
};

const pageUrl = (origin: string, story: Story) => `${origin}/ap/article/${story.key}-${hexId(story.key)}`;

/** AP's names are upper case on the page and in structured data. */
const authorLinks = (story: Story) =>
  story.bylines.map((name) => `<a class="Link" href="/ap/author/${esc(name.toLowerCase().replaceAll(' ', '-'))}">${esc(name.toUpperCase())}</a>`).join(' and ');

/**
 * An apnews.com-style page: "Page-" furniture, a JSON-LD array, and `article:published_time`
 * without a zone (UTC digits, the same instant JSON-LD states with a Z).
 */
function page(story: Story, origin: string): string {
  const url = pageUrl(origin, story);
  const photoUrl = story.photo ? `${origin}/ap/photos/${story.photo.file}` : null;
  const [lead = '', ...rest] = story.paragraphs;
  const photoCaption = story.photo ? `${story.photo.caption} (${story.photo.credit})` : '';
  const jsonLd = [
    {
      '@context': 'http://schema.org',
      '@type': 'NewsArticle',
      headline: story.headline,
      description: story.teaser,
      url,
      mainEntityOfPage: { '@type': 'WebPage', '@id': url },
      datePublished: story.publishedAt,
      dateModified: lastChange(story),
      articleSection: [story.section],
      keywords: story.tags,
      author: story.bylines.map((name) => ({ '@type': 'Person', name: name.toUpperCase() })),
      ...(photoUrl && story.photo ? { image: [{ '@type': 'ImageObject', url: photoUrl, width: story.photo.width, height: story.photo.height }] } : {}),
      publisher: { '@type': 'Organization', name: 'AP News' },
    },
  ];
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<title>${esc(story.headline)} | AP News</title>
<link rel="canonical" href="${esc(url)}">
<meta name="description" content="${esc(story.teaser)}">
<meta property="og:title" content="${esc(story.headline)}">
<meta property="og:url" content="${esc(url)}">
<meta property="og:type" content="article">
<meta property="og:site_name" content="AP News">
<meta property="og:description" content="${esc(story.teaser)}">
${photoUrl ? `<meta property="og:image" content="${esc(photoUrl)}">\n<meta property="og:image:alt" content="${esc(photoCaption)}">` : ''}
<meta property="article:published_time" content="${zoned(story.publishedAt, 'UTC', "yyyy-MM-dd'T'HH:mm:ss")}">
<meta property="article:modified_time" content="${zoned(lastChange(story), 'UTC', "yyyy-MM-dd'T'HH:mm:ss.SSS")}">
<meta property="article:section" content="${esc(story.section)}">
${story.tags.map((t) => `<meta property="article:tag" content="${esc(t)}">`).join('\n')}
<meta name="brightspot.contentId" content="${hexId(story.key, 24)}">
<script type="application/ld+json" id="link-ld-json">${JSON.stringify(jsonLd)}</script>
</head>
<body class="Page-body">
<header class="Page-header"><nav class="Page-header-navigation"><a href="/ap/">AP News</a> <a href="/ap/hub/world-news">World</a> <a href="/ap/hub/us-news">U.S.</a> <a href="/ap/hub/science">Science</a></nav></header>
<main class="Page-main">
<div class="Page-content">
<div class="Page-breadcrumbs"><a href="/ap/hub/${esc(story.section.toLowerCase().replace(/\W+/g, '-'))}">${esc(story.section)}</a></div>
<h1 class="Page-headline">${esc(story.headline)}</h1>
<div class="Page-byline">
<div class="Page-authors">By ${authorLinks(story)}</div>
<div class="Page-dateModified"><span>Updated </span><bsp-timestamp data-timestamp="${Date.parse(lastChange(story))}"><span>${zoned(lastChange(story), ZONE, 'h:mm a ZZZZ, LLLL d, yyyy')}</span></bsp-timestamp></div>
</div>
${
  story.photo && photoUrl
    ? `<div class="Page-lead"><figure class="Figure"><picture><img class="Image" src="${esc(photoUrl)}" width="${story.photo.width}" height="${story.photo.height}" alt="${esc(story.photo.caption)}"></picture><figcaption class="Figure-caption"><div class="CarouselSlide-infoDescription"><p>${esc(photoCaption)}</p></div></figcaption></figure></div>`
    : ''
}
<div class="RichTextStoryBody RichTextBody">
<p>${esc(`${story.dateline} (AP) — ${lead}`)}</p>
${paragraphsHtml(rest)}
</div>
<div class="Page-tags">${story.tags.map((t) => `<a rel="tag" href="/ap/hub/${esc(t.toLowerCase().replace(/\W+/g, '-'))}">${esc(t)}</a>`).join(' ')}</div>
</div>
</main>
<footer class="Page-footer"><p>Copyright 2025 The Associated Press. All Rights Reserved.</p></footer>
</body>
</html>
`;
}

/** AP Top News: an RSS feed of teasers whose links lead to the article pages. */
export const ap: Site = {
  id: 'ap',
  name: 'AP Top News',
  feedPath: FEED_PATH,
  format: 'rss',
  partial: true,
  timeZone: 'UTC',
  documents(stories, origin) {
    const items = byRecency(stories).map((story) => ({
      title: story.headline,
      link: pageUrl(origin, story),
      guid: hexId(story.key),
      guidIsPermaLink: false,
      description: `<p>${esc(story.teaser)}</p>`,
      pubDate: story.publishedAt,
      creator: `By ${story.bylines.join(' and ')}`,
      categories: [story.section],
    }));
    return rssWithPages({
      origin,
      feedPath: FEED_PATH,
      channel: {
        title: 'AP Top News',
        link: `${origin}/ap/`,
        description: 'Top stories from The Associated Press',
        language: 'en-us',
        copyright: 'Copyright 2025 The Associated Press. All Rights Reserved.',
        generator: 'wiredesk wire emulator',
      },
      items,
      stories,
      pageUrl: (story) => pageUrl(origin, story),
      page: (story) => page(story, origin),
    });
  },
};
