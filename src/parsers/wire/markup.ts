import type { Element } from 'domhandler';
import render from 'dom-serializer';
import { removeElement } from 'domutils';
import { parseDocument } from 'htmlparser2';
import { normalizeWhitespace } from '../cleaners/text.js';
import type { ImageDraft } from '../types.js';
import { attr, child, childElements, children, descendant, descendants, innerMarkup, localName, rawText, text } from '../xml.js';
import { bestImage, isPictureType, rendition } from './media.js';

/** A story body as a wire embeds it: markup, or plain text when the format has none. */
export interface EmbeddedBody {
  html?: string;
  text?: string;
  images: ImageDraft[];
}

/** NITF body elements with an HTML twin; NITF's inline entity tags (`person`, `org`…) are left for the sanitizer to unwrap. */
const NITF_TO_HTML: Readonly<Record<string, string>> = { hl2: 'h2', bq: 'blockquote', block: 'div' };

const MARKUP = /<[a-z][\w:-]*[\s/>]/i;

function mediaImage(media: Element): ImageDraft | null {
  const type = attr(media, 'media-type');
  if (type && !isPictureType(type)) return null;
  const references = children(media, 'media-reference').flatMap((ref) => {
    const r = rendition(attr(ref, 'source') ?? attr(ref, 'data-location'), attr(ref, 'width'), attr(ref, 'height'), attr(ref, 'mime-type'));
    const alt = attr(ref, 'alternate-text')?.trim();
    return r ? [{ ...r, ...(alt ? { alt } : {}) }] : [];
  });
  const best = bestImage(references);
  if (!best) return null;
  return {
    url: best.href,
    caption: text(child(media, 'media-caption')) ?? null,
    credit: text(child(media, 'media-producer')) ?? null,
    alt: best.alt ?? null,
    width: best.width ?? null,
    height: best.height ?? null,
  };
}

/**
 * Pictures in NITF `media` elements under `root`, taken out of the tree so their captions do not
 * also end up in the body text. The tree belongs to this one parse, so changing it is safe.
 */
export function takeNitfMedia(root: Element): ImageDraft[] {
  const images: ImageDraft[] = [];
  for (const media of descendants(root, 'media')) {
    const image = mediaImage(media);
    if (image) images.push(image);
    removeElement(media);
  }
  return images;
}

/** NITF `body.content` as HTML, with its pictures. */
export function nitfBody(bodyContent: Element): EmbeddedBody {
  const images = takeNitfMedia(bodyContent);
  for (const el of descendants(bodyContent)) {
    const html = NITF_TO_HTML[localName(el)];
    if (html) el.name = html;
  }
  const html = innerMarkup(bodyContent).trim();
  return { ...(html ? { html } : {}), images };
}

/**
 * An XHTML `body` as HTML. A `header` directly under the body is furniture (dpa repeats the
 * headline, genre and keywords there), not story text, so it is dropped.
 */
function xhtmlBody(body: Element): string {
  for (const header of children(body, 'header')) removeElement(header);
  return innerMarkup(body).trim();
}

/** A NITF document held as a string (a ninjs body with a NITF content type): its body content. */
export function nitfStringBody(xml: string): EmbeddedBody {
  const bodyContent = descendant(parseDocument(xml, { xmlMode: true, decodeEntities: true, recognizeCDATA: true }), 'body.content');
  return bodyContent ? nitfBody(bodyContent) : { images: [] };
}

/** An HTML string that may be a whole document (ninjs `html5` bodies): the body's inner HTML. */
export function htmlFragment(html: string): string {
  if (!/<body[\s>]/i.test(html)) return html;
  const body = descendant(parseDocument(html), 'body');
  return body ? innerMarkup(body).trim() : html;
}

/**
 * The body inside a wire container (G2 `inlineXML`/`inlineData`, NewsML 1.2 `DataContent`):
 * embedded NITF, an XHTML document, bare paragraphs, or escaped HTML or plain text. Text is
 * taken as HTML when the declared content type says markup, or, when nothing is declared, when it
 * holds tags; a declared plain type keeps "<" as text.
 */
export function embeddedBody(container: Element, contentType = ''): EmbeddedBody {
  const nitfContent = descendant(container, 'body.content');
  if (nitfContent) return nitfBody(nitfContent);
  const body = descendant(container, 'body');
  if (body) {
    const html = xhtmlBody(body);
    return { ...(html ? { html } : {}), images: [] };
  }
  if (childElements(container).length > 0) {
    const html = innerMarkup(container).trim();
    return { ...(html ? { html } : {}), images: [] };
  }
  const raw = rawText(container).trim();
  if (!raw) return { images: [] };
  const declared = contentType.toLowerCase();
  const isMarkup = /html|xml|nitf/.test(declared) || (!/plain|text\b/.test(declared) && MARKUP.test(raw));
  return isMarkup ? { html: htmlFragment(raw), images: [] } : { text: raw, images: [] };
}

const comparable = (value: string) =>
  normalizeWhitespace(value)
    .replace(/^by\s+/i, '')
    .toLowerCase();

const LEAD_BLOCKS = ['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6'];

/**
 * Drops a first paragraph or heading that only repeats the headline or a byline ("<p>By Marwan
 * Makdisi</p>" opens Reuters bodies, TT's open with an `h1` of the headline): the story carries
 * them as metadata already, and they hide the dateline lead behind them.
 */
export function withoutRepeatedLead(html: string, repeats: ReadonlyArray<string | null | undefined>): string {
  const wanted = new Set(repeats.filter((r): r is string => !!r).map(comparable));
  if (wanted.size === 0) return html;
  const doc = parseDocument(html);
  const lead = descendants(doc, ...LEAD_BLOCKS).find((el) => text(el) !== undefined);
  if (!lead || !wanted.has(comparable(text(lead)!))) return html;
  removeElement(lead);
  return render(doc.children, { decodeEntities: true }).trim();
}
