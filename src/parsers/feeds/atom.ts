import type { Element } from 'domhandler';
import type { Parser, StoryDraft } from '../types.js';
import { attr, childElements, innerMarkup, localName, namespaceOf, rawText } from '../xml.js';
import { authorNames } from './authors.js';
import { bodyFields, type Markup } from './body.js';
import { articleUrl, uniqueDrafts } from './identity.js';
import { imageEnclosure, itemImages } from './media.js';
import { all, allTexts, baseUrl, deep, first, firstText, NAMESPACES, resolveLink, selfLink, xmlLang, type Selector, type Vocabulary } from './select.js';

/** Atom 1.0 and Atom 0.3 (and namespace-less `feed` documents that follow them). */
const ATOM: Vocabulary = { own: NAMESPACES.atom };

/** Where each field lives in an entry (0.3 names after the 1.0 ones), most preferred first. */
const ENTRY = {
  id: ['id'],
  headline: ['title', 'dc:title', 'media:title'],
  origLink: ['feedburner:origLink'],
  content: ['content'],
  teaser: ['summary'],
  publishedAt: ['published', 'issued', 'created', 'dc:date'],
  updatedAt: ['updated', 'modified'],
  language: ['dc:language'],
  rights: ['rights', 'copyright', 'dc:rights'],
} as const satisfies Record<string, readonly Selector[]>;

const FEED = {
  language: ['dc:language'],
  rights: ['rights', 'copyright', 'dc:rights'],
} as const satisfies Record<string, readonly Selector[]>;

const ALTERNATE = new Set(['alternate', 'http://www.iana.org/assignments/relation/alternate']);
const ENCLOSURE = new Set(['enclosure', 'http://www.iana.org/assignments/relation/enclosure']);
const XHTML_TYPE = /^(?:xhtml|[\w.+-]+\/(?:[\w.-]+\+)?xml)$/;
const HTML_TYPE = /^(?:html|text\/html)$/;
const TEXT_TYPE = /^(?:text|text\/[\w.+-]+)$/;

/**
 * Atom 1.0 (RFC 4287) and 0.3. Entries inherit the feed's authors (RFC 4287 §4.2.1), and links
 * resolve against `xml:base` in scope, then the feed's own alternate link, then the fetch URL
 * (or, for a file, the feed's `rel="self"` link).
 */
export const atomParser: Parser<'xml'> = {
  format: 'atom',
  kind: 'xml',
  detect: (doc) => localName(doc.root) === 'feed' && [undefined, ...ATOM.own].includes(namespaceOf(doc.root)),
  parse: (doc, ctx): StoryDraft[] => {
    const feed = readFeed(doc.root, ctx.url ?? selfLink(doc.root, ATOM, 'link'));
    return uniqueDrafts(deep(doc.root, ATOM, 'entry').map((entry) => readEntry(entry, feed)), ctx, 'atom');
  },
};

/** What entries inherit from their feed. */
interface FeedInfo {
  /** The base for relative links: the feed's alternate link, else the document URL. */
  link: string | undefined;
  authors: string[];
  language: string | undefined;
  rights: string | undefined;
}

function readFeed(feed: Element, documentUrl: string | undefined): FeedInfo {
  return {
    link: alternate(feed, documentUrl) ?? documentUrl,
    authors: people(feed),
    language: firstText(feed, ATOM, ...FEED.language),
    rights: textOf(first(feed, ATOM, ...FEED.rights)),
  };
}

function readEntry(entry: Element, feed: FeedInfo): StoryDraft {
  const text = (selectors: readonly Selector[]) => firstText(entry, ATOM, ...selectors);
  const id = text(ENTRY.id);
  const enclosures = links(entry, ENCLOSURE).flatMap((l) => imageEnclosure(resolveLink(attr(l, 'href'), baseUrl(l, feed.link)), attr(l, 'type')) ?? []);
  const authors = [people(entry), people(first(entry, ATOM, 'source')), feed.authors].find((list) => list.length > 0) ?? [];
  return {
    wireId: id ?? null,
    guid: id ?? null,
    url: articleUrl({ origLink: text(ENTRY.origLink), link: alternate(entry, feed.link), guid: id }) ?? null,
    headline: textOf(first(entry, ATOM, ...ENTRY.headline)) ?? null,
    ...bodyFields(construct(first(entry, ATOM, ...ENTRY.content)), construct(first(entry, ATOM, ...ENTRY.teaser))),
    bylines: authors,
    publishedAt: text(ENTRY.publishedAt) ?? null,
    updatedAt: text(ENTRY.updatedAt) ?? null,
    tags: [...all(entry, ATOM, 'category').flatMap((c) => attr(c, 'label')?.trim() || attr(c, 'term')?.trim() || []), ...allTexts(entry, ATOM, 'dc:subject')],
    images: itemImages(entry, baseUrl(entry, feed.link), enclosures),
    language: text(ENTRY.language) ?? xmlLang(entry) ?? feed.language ?? null,
    copyrightNotice: textOf(first(entry, ATOM, ...ENTRY.rights)) ?? feed.rights ?? null,
  };
}

/** The names of a feed's, entry's or source's authors. */
function people(parent: Element | undefined): string[] {
  return authorNames(all(parent, ATOM, 'author').map(personName));
}

/** The `link` children with one of `rels`; a link without `rel` is an alternate (RFC 4287 §4.2.7.2). */
function links(parent: Element, rels: ReadonlySet<string>): Element[] {
  return all(parent, ATOM, 'link').filter((l) => rels.has(attr(l, 'rel')?.trim().toLowerCase() || 'alternate'));
}

/** The HTML alternate (else any alternate) of an entry or feed, resolved in its own `xml:base`. */
function alternate(parent: Element, fallbackBase: string | undefined): string | undefined {
  const candidates = links(parent, ALTERNATE).filter((l) => attr(l, 'href')?.trim());
  const link = candidates.find((l) => HTML_TYPE.test(attr(l, 'type')?.trim().toLowerCase() ?? 'text/html')) ?? candidates[0];
  return link ? resolveLink(attr(link, 'href'), baseUrl(link, fallbackBase)) : undefined;
}

/** A person construct's name; `<author>Jane Doe</author>` without children is taken as written. */
function personName(person: Element): string | undefined {
  const name = firstText(person, ATOM, 'name');
  if (name) return name;
  return childElements(person).length === 0 ? rawText(person).trim() : undefined;
}

/** An Atom text construct as one string (markup kept for finalize to strip). */
function textOf(el: Element | undefined): string | undefined {
  const value = construct(el);
  if (!value) return undefined;
  const raw = 'html' in value ? value.html : value.text;
  return raw.trim() === '' ? undefined : raw;
}

/**
 * Atom text and content constructs: `type` text, html or xhtml (1.0) or a MIME type (0.3 and
 * content), with 0.3's `mode` (escaped, xml, base64). Out-of-line (`src`) and binary content
 * has no text to give.
 */
function construct(el: Element | undefined): Markup | undefined {
  if (!el || attr(el, 'src') !== undefined) return undefined;
  const type = attr(el, 'type')?.trim().toLowerCase() || 'text';
  const source = attr(el, 'mode')?.trim().toLowerCase() === 'base64' ? Buffer.from(rawText(el), 'base64').toString('utf8') : undefined;
  if (XHTML_TYPE.test(type)) return { html: xhtml(el) };
  if (HTML_TYPE.test(type)) return { html: source ?? innerMarkup(el) };
  if (TEXT_TYPE.test(type)) return { text: source ?? rawText(el) };
  return undefined;
}

/** Inline XHTML without its required wrapper `div`, which is not part of the content. */
function xhtml(el: Element): string {
  const kids = childElements(el);
  const only = kids.length === 1 && localName(kids[0]!) === 'div' && rawText(el).trim() === rawText(kids[0]).trim() ? kids[0] : el;
  return innerMarkup(only);
}
