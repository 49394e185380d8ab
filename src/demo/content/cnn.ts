import { byRecency, esc, hexId, lastChange, paragraphsHtml, zoned, type Site, type Story } from './model.js';
import { rssWithPages } from './rss.js';

const ZONE = 'America/New_York';
const FEED_PATH = '/cnn/rss.xml';

export const CNN_STORIES = {
  belarus: {
    key: 'belarus-prisoners-release-us-sanctions-belavia-intl',
    headline: 'Belarus frees 52 prisoners as US lifts sanctions on its state airline',
    teaser: 'Belarus freed 52 political prisoners on Thursday, as the United States announced it would lift sanctions on the country’s national airline.',
    bylines: ['Anna Kowalczyk', 'Mark Ellison', 'Jurgita Petraitė'],
    section: 'europe',
    tags: ['Belarus', 'Lithuania', 'Political prisoners', 'Sanctions'],
    paragraphs: [
      'Belarus freed 52 political prisoners on Thursday, as the United States announced it would lift sanctions on the country’s national airline, Belavia.',
      'The prisoners were taken across the border into Lithuania, whose president, Gitanas Nauseda, thanked President Donald Trump for his involvement. Nauseda wrote on X that those released had left behind “barbed wire, barred windows and constant fear,” and said more than 1,000 political prisoners were still held in Belarus.',
      'US envoy John Coale, who met Belarusian leader Alexander Lukashenko in Minsk on Thursday, said the two had discussed “additional prisoner releases and regional security issues.”',
      'Belavia was hit with sanctions by the US, the European Union and others in 2021, after Belarusian controllers ordered a commercial flight from Greece to Lithuania to land in Minsk, where authorities detained the dissident journalist Raman Pratasevich.',
      'Lukashenko, a close ally of Russian President Vladimir Putin, has freed groups of prisoners several times in the past year. In June, opposition figure Siarhei Tsikhanouski was released after a visit by a senior Trump administration envoy.',
    ],
    photo: {
      file: 'belarus-freed-prisoners-vilnius.jpg',
      caption: 'People freed from prison in Belarus arrive in Vilnius, Lithuania, on Thursday.',
      credit: 'Rasa Vaitkutė/AFP/Getty Images',
      width: 1100,
      height: 619,
    },
    publishedAt: '2025-09-12T12:05:00Z',
    updatedAt: '2025-09-12T13:40:00Z',
  },
  coral: {
    key: 'tasmania-deep-sea-coral-reef-mapped-scn',
    headline: 'Scientists map a deep-sea coral reef the size of a small city off Tasmania',
    teaser: 'A research vessel’s underwater robot has charted a cold-water coral reef stretching across nearly 40 square kilometers, far deeper than sunlight reaches.',
    bylines: ['Priya Raman'],
    section: 'science',
    tags: ['Oceans', 'Coral reefs', 'Australia'],
    paragraphs: [
      'A sprawling reef of cold-water corals, hidden more than 1,000 meters (3,300 feet) beneath the Southern Ocean, has been mapped for the first time by scientists working off the coast of Tasmania.',
      'The reef covers nearly 40 square kilometers (15 square miles) — roughly the footprint of a small city — and is built largely by a single species of stony coral that thrives in cold, dark water, according to the team aboard the research vessel.',
      '“We expected patches. We found a continuous structure that just kept going,” said marine ecologist Lachlan Boyd, who led the expedition. Unlike tropical reefs, these corals do not rely on sunlight; they feed on particles that drift down from the surface.',
      'The researchers say the find strengthens the case for protecting seamounts in the region from bottom trawling, which can destroy in minutes structures that took thousands of years to grow.',
    ],
    photo: {
      file: 'tasmania-coral-rov.jpg',
      caption: 'An image taken by a remotely operated vehicle shows coral formations on the seafloor off Tasmania.',
      credit: 'Courtesy Lachlan Boyd',
      width: 1100,
      height: 619,
    },
    publishedAt: '2025-09-12T10:12:00Z',
  },
  bathhouse: {
    key: 'tokyo-oldest-sento-bathhouse-closing',
    headline: 'Tokyo’s oldest neighborhood bathhouse will close after 140 years',
    teaser: 'Kotobuki-yu, a public bathhouse that has served a Tokyo neighborhood since the 1880s, will close at the end of the month as its owners retire.',
    bylines: ['Hanako Sato', 'Daniel Brooks'],
    section: 'travel',
    tags: ['Japan', 'Tokyo', 'Culture'],
    paragraphs: [
      'For 140 years, the wooden doors of Kotobuki-yu have opened every afternoon at 3 p.m. At the end of this month, they will open for the last time.',
      'The family that has run the public bathhouse in Tokyo’s Taito ward for five generations says rising fuel costs, an aging boiler and the lack of a successor have left them no choice but to close.',
      '“My grandfather heated this water with firewood,” said owner Keiko Morita, 78. “I have been here every day of my life. My knees are telling me it is time.”',
      'Japan had tens of thousands of public bathhouses, known as sento, at their peak in the 1960s, when many homes lacked baths of their own. Only a fraction of them remain.',
      'Regulars have been lining up since the closure was announced, many carrying cameras along with their towels. The mural of Mount Fuji above the men’s bath, repainted by hand every few years, will be donated to a local museum.',
    ],
    publishedAt: '2025-09-12T14:21:00Z',
  },
} satisfies Record<string, Story>;

const pagePath = (story: Story) => `/${story.publishedAt.slice(0, 10).replaceAll('-', '/')}/${story.section}/${story.key}/index.html`;
const pageUrl = (origin: string, story: Story) => `${origin}/cnn${pagePath(story)}`;
/** The story's address on the real site: its guid and canonical link, so its id is the same on every run. */
const canonicalUrl = (story: Story) => `https://edition.cnn.com${pagePath(story)}`;

/** CNN's JSON-LD names every author in one HTML string: "By <a …>A</a>, B and C, CNN". */
function authorHtml(bylines: readonly string[]): string {
  const [first = '', ...others] = bylines.map((name, i) => (i === 0 ? `<a href="/cnn/profiles/${name.toLowerCase().replace(/\W+/g, '-')}">${name}</a>` : name));
  const last = others.pop();
  return `By ${[first, ...others].join(', ')}${last ? ` and ${last}` : ''}, CNN`;
}

/** A cnn.com-style page: `headline__`/`byline__`/`article__` blocks, "Updated … EDT, Fri September 12, 2025", a "(CNN) —" lead. */
function page(story: Story, origin: string): string {
  const url = pageUrl(origin, story);
  const photoUrl = story.photo ? `${origin}/cnn/dam/assets/${story.photo.file}` : null;
  const [lead = '', ...rest] = story.paragraphs;
  const updated = story.updatedAt ? 'Updated' : 'Published';
  const jsonLd = {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: story.headline,
    description: story.teaser,
    url,
    datePublished: story.publishedAt,
    dateModified: lastChange(story),
    author: [{ '@type': 'Person', name: authorHtml(story.bylines) }],
    articleSection: [story.section],
    ...(photoUrl && story.photo ? { image: { '@type': 'ImageObject', url: photoUrl, width: story.photo.width, height: story.photo.height } } : {}),
    publisher: { '@type': 'Organization', name: 'CNN' },
  };
  return `<!DOCTYPE html>
<html lang="en" data-layout-uri="cms.cnn.com/_layouts/layout-with-rail/instances/${esc(story.section)}-article-v1">
<head>
<meta charset="utf-8">
<title>${esc(story.headline)} | CNN</title>
<link rel="canonical" href="${esc(canonicalUrl(story))}">
<meta name="author" content="${esc(story.bylines.join(', '))}, CNN">
<meta name="description" content="${esc(story.teaser)}">
<meta name="keywords" content="${esc(story.tags.join(', '))}">
<meta property="og:title" content="${esc(story.headline)}">
<meta property="og:site_name" content="CNN">
<meta property="og:type" content="article">
<meta property="og:url" content="${esc(url)}">
<meta property="og:description" content="${esc(story.teaser)}">
${photoUrl ? `<meta property="og:image" content="${esc(photoUrl)}">` : ''}
<meta property="article:published_time" content="${story.publishedAt}">
<meta property="article:modified_time" content="${lastChange(story)}">
<meta name="meta-section" content="${esc(story.section)}">
<script type="application/ld+json">${JSON.stringify(jsonLd)}</script>
</head>
<body>
<header class="header"><nav class="header__nav"><a href="/cnn/">CNN</a> <a href="/cnn/world">World</a> <a href="/cnn/science">Science</a> <a href="/cnn/travel">Travel</a></nav></header>
<div class="layout__content-wrapper layout-with-rail__content-wrapper">
<section class="layout__top layout-with-rail__top">
<div class="headline headline--has-lowertext">
<h1 class="headline__text inline-placeholder" id="maincontent">${esc(story.headline)}</h1>
<div class="headline__footer"><div class="headline__sub-container">
<div class="byline byline--has-avatars"><div class="byline__names">By ${story.bylines.map((name) => `<span class="byline__name">${esc(name)}</span>`).join(', ')}, CNN</div></div>
<div class="timestamp vossi-timestamp">${updated} ${zoned(lastChange(story), ZONE, 'h:mm a ZZZZ, ccc LLLL d, yyyy')}</div>
</div></div>
</div>
</section>
<section class="layout__main layout-with-rail__main">
<main class="article__main"><div class="article__content-container"><div class="article__content" data-editable="content">
${
  story.photo && photoUrl
    ? `<div class="image image__lede image__hide-placeholder"><div class="image__container"><picture class="image__picture"><img src="${esc(photoUrl)}" alt="${esc(story.photo.caption)}" width="${story.photo.width}" height="${story.photo.height}"></picture></div><div class="image__metadata"><div class="image__caption attribution"><span data-editable="metaCaption">${esc(story.photo.caption)}</span></div><figcaption class="image__credit">${esc(story.photo.credit)}</figcaption></div></div>`
    : ''
}
<p class="paragraph inline-placeholder vossi-paragraph" data-component-name="paragraph"><cite class="source__cite">(CNN)</cite> — ${esc(lead)}</p>
${paragraphsHtml(rest, ' class="paragraph inline-placeholder vossi-paragraph" data-component-name="paragraph"')}
</div></div></main>
<aside class="layout-with-rail__rail"><div class="related-content"><h2>More from CNN</h2><ul><li><a href="/cnn/world">Latest world news</a></li><li><a href="/cnn/travel">Travel</a></li></ul></div></aside>
</section>
</div>
<footer class="footer"><p>© 2025 Cable News Network. A Warner Bros. Discovery Company. All Rights Reserved.</p></footer>
</body>
</html>
`;
}

/** CNN World: teasers with a tracking pixel, canonical URLs as non-permalink guids, image crops. */
export const cnn: Site = {
  id: 'cnn',
  name: 'CNN World',
  feedPath: FEED_PATH,
  format: 'rss',
  partial: true,
  timeZone: ZONE,
  documents(stories, origin) {
    const items = byRecency(stories).map((story) => {
      const url = pageUrl(origin, story);
      const pixel = `${origin}/cnn/~r/pixel/${hexId(story.key, 11)}.gif`;
      return {
        title: story.headline,
        link: url,
        guid: canonicalUrl(story),
        guidIsPermaLink: false,
        description: `${esc(story.teaser)}<img src="${pixel}" height="1" width="1" alt=""/>`,
        pubDate: story.publishedAt,
        origLink: url,
        ...(story.photo
          ? {
              media: [
                { url: `${origin}/cnn/dam/assets/${story.photo.file}`, width: story.photo.width, height: story.photo.height },
                { url: `${origin}/cnn/dam/assets/${story.photo.file.replace('.jpg', '-large-11.jpg')}`, width: 300, height: 300 },
              ],
            }
          : {}),
      };
    });
    return rssWithPages({
      origin,
      feedPath: FEED_PATH,
      channel: {
        title: 'CNN.com - RSS Channel - World',
        link: `${origin}/cnn/world`,
        description: 'CNN.com delivers up-to-the-minute news and information on the latest top stories.',
        language: 'en-US',
        copyright: 'Copyright (c) 2025 Turner Broadcasting System, Inc. All Rights Reserved.',
        generator: 'coredev-bumblebee',
      },
      items,
      stories,
      pageUrl: (story) => pageUrl(origin, story),
      page: (story) => page(story, origin),
    });
  },
};
