import { cdata, esc, newest, pageDocument, rfc822, TYPES, type Document, type Story } from './model.js';

export interface RssChannel {
  title: string;
  link: string;
  description: string;
  selfUrl: string;
  language: string;
  copyright: string;
  generator: string;
  /** When the feed last changed (ISO). */
  builtAt: string;
}

export interface RssItem {
  title: string;
  link: string;
  guid: string;
  /** CNN marks its canonical-URL guids `false`, as AP does its hex ids. */
  guidIsPermaLink: boolean;
  /** HTML: a teaser, sometimes with a tracking pixel. */
  description: string;
  pubDate: string;
  creator?: string;
  categories?: readonly string[];
  /** FeedBurner's canonical link behind a tracking redirect. */
  origLink?: string;
  /** `media:content` crops, largest first. */
  media?: ReadonlyArray<{ url: string; width: number; height: number }>;
}

/** What a teaser feed's site serves: the feed at `feedPath` and one article page per story. */
export interface RssSite {
  origin: string;
  feedPath: string;
  channel: Omit<RssChannel, 'selfUrl' | 'builtAt'>;
  items: readonly RssItem[];
  stories: readonly Story[];
  pageUrl: (story: Story) => string;
  page: (story: Story) => string;
}

/** The feed, rebuilt whenever its newest story changed, and the page of every story in it. */
export function rssWithPages(site: RssSite): Document[] {
  const builtAt = newest(site.stories);
  const feed = renderRss({ ...site.channel, selfUrl: `${site.origin}${site.feedPath}`, builtAt }, site.items);
  return [
    { path: site.feedPath, contentType: TYPES.rss, body: feed, modifiedAt: builtAt },
    ...site.stories.map((story) => pageDocument(site.pageUrl(story), site.page(story), story)),
  ];
}

/** RSS 2.0 with the modules wire feeds use (dc, media, atom self link, FeedBurner). */
function renderRss(channel: RssChannel, items: readonly RssItem[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:media="http://search.yahoo.com/mrss/" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:feedburner="http://rssnamespace.org/feedburner/ext/1.0">
<channel>
<title>${esc(channel.title)}</title>
<link>${esc(channel.link)}</link>
<description>${esc(channel.description)}</description>
<atom:link rel="self" type="application/rss+xml" href="${esc(channel.selfUrl)}"/>
<language>${esc(channel.language)}</language>
<copyright>${esc(channel.copyright)}</copyright>
<generator>${esc(channel.generator)}</generator>
<lastBuildDate>${rfc822(channel.builtAt)}</lastBuildDate>
<ttl>5</ttl>
${items.map(renderItem).join('\n')}
</channel>
</rss>
`;
}

function renderItem(item: RssItem): string {
  const lines = [
    `<title>${cdata(item.title)}</title>`,
    `<link>${esc(item.link)}</link>`,
    `<guid isPermaLink="${item.guidIsPermaLink}">${esc(item.guid)}</guid>`,
    `<description>${cdata(item.description)}</description>`,
    `<pubDate>${rfc822(item.pubDate)}</pubDate>`,
    ...(item.creator ? [`<dc:creator>${esc(item.creator)}</dc:creator>`] : []),
    ...(item.categories ?? []).map((c) => `<category>${esc(c)}</category>`),
    ...(item.media?.length
      ? [`<media:group>${item.media.map((m) => `<media:content medium="image" url="${esc(m.url)}" width="${m.width}" height="${m.height}" type="image/jpeg"/>`).join('')}</media:group>`]
      : []),
    ...(item.origLink ? [`<feedburner:origLink>${esc(item.origLink)}</feedburner:origLink>`] : []),
  ];
  return `<item>\n${lines.join('\n')}\n</item>`;
}
