import type { Element } from 'domhandler';
import type { StoryDraft } from '../types.js';
import { attr, innerMarkup } from '../xml.js';
import { authorNames } from './authors.js';
import { bodyFields, type Markup } from './body.js';
import { articleUrl } from './identity.js';
import { imageEnclosure, itemImages } from './media.js';
import { all, allTexts, baseUrl, first, firstText, resolveLink, selfLink, xmlLang, type Selector, type Vocabulary } from './select.js';

/**
 * Where each field lives in an RSS-family item (RSS 0.9x/2.0 and RSS 1.0/RDF share it), most
 * preferred first. Unprefixed names are the format's own elements; prefixed ones are modules.
 */
const ITEM = {
  headline: ['title', 'dc:title', 'media:title'],
  link: ['link'],
  origLink: ['feedburner:origLink'],
  teaser: ['description', 'dc:description', 'dcterms:abstract'],
  content: ['content:encoded'],
  authors: ['author', 'dc:creator'],
  publishedAt: ['pubDate', 'dc:date', 'dcterms:issued', 'dcterms:created', 'atom:published'],
  updatedAt: ['atom:updated', 'dcterms:modified'],
  tags: ['category', 'dc:subject'],
  language: ['dc:language'],
  rights: ['dc:rights', 'copyright'],
} as const satisfies Record<string, readonly Selector[]>;

const CHANNEL = {
  link: ['link'],
  language: ['language', 'dc:language'],
  rights: ['copyright', 'dc:rights'],
} as const satisfies Record<string, readonly Selector[]>;

/** What an item inherits from its channel. */
export interface ChannelInfo {
  /** The base for relative item links: the channel's own link, resolved, else the document URL. */
  link: string | undefined;
  language: string | undefined;
  rights: string | undefined;
}

export function readChannel(channel: Element | undefined, vocab: Vocabulary, fetchedFrom: string | undefined): ChannelInfo {
  const documentUrl = fetchedFrom ?? selfLink(channel, vocab, 'atom:link');
  const link = resolveLink(firstText(channel, vocab, ...CHANNEL.link), channel ? baseUrl(channel, documentUrl) : documentUrl);
  return {
    link: link ?? documentUrl,
    language: firstText(channel, vocab, ...CHANNEL.language) ?? (channel ? xmlLang(channel) : undefined),
    rights: firstText(channel, vocab, ...CHANNEL.rights),
  };
}

/** One RSS-family item as a raw draft; `guid` is the item's identity in its format (RSS guid, RDF `rdf:about`). */
export function readRssItem(item: Element, vocab: Vocabulary, channel: ChannelInfo, guid: string | undefined): StoryDraft {
  const text = (selectors: readonly Selector[]) => firstText(item, vocab, ...selectors);
  const base = baseUrl(item, channel.link);
  const link = resolveLink(text(ITEM.link) ?? atomAlternate(item, vocab), base);
  const enclosures = all(item, vocab, 'enclosure').flatMap((e) => imageEnclosure(resolveLink(attr(e, 'url'), base), attr(e, 'type')) ?? []);

  return {
    wireId: guid ?? null,
    guid: guid ?? null,
    url: articleUrl({ origLink: text(ITEM.origLink), link, guid }) ?? null,
    headline: text(ITEM.headline) ?? null,
    ...bodyFields(markup(first(item, vocab, ...ITEM.content)), markup(first(item, vocab, ...ITEM.teaser))),
    bylines: authorNames(allTexts(item, vocab, ...ITEM.authors)),
    publishedAt: text(ITEM.publishedAt) ?? null,
    updatedAt: text(ITEM.updatedAt) ?? null,
    tags: allTexts(item, vocab, ...ITEM.tags),
    images: itemImages(item, base, enclosures),
    language: text(ITEM.language) ?? (item.attribs['xml:lang']?.trim() || channel.language) ?? null,
    copyrightNotice: text(ITEM.rights) ?? channel.rights ?? null,
  };
}

/** RSS text elements hold escaped HTML (or, in sloppy feeds, naked markup); either way, HTML. */
function markup(el: Element | undefined): Markup | undefined {
  return el ? { html: innerMarkup(el) } : undefined;
}

/** Some RSS feeds link their items only through an embedded `atom:link`. */
function atomAlternate(item: Element, vocab: Vocabulary): string | undefined {
  const links = all(item, vocab, 'atom:link').filter((l) => (attr(l, 'rel') ?? 'alternate') === 'alternate');
  return links.map((l) => attr(l, 'href')?.trim()).find(Boolean);
}
