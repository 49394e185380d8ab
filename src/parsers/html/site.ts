import type { Cheerio, CheerioAPI } from 'cheerio/slim';
import { isTag, type AnyNode } from 'domhandler';
import { normalizeWhitespace } from '../cleaners/text.js';
import { resolveUrl } from '../cleaners/urls.js';
import type { RelatedLink } from '../../schema/story.js';
import type { ImageDraft, StoryDraft } from '../types.js';
import { extractBody } from './body.js';
import { imageOf } from './generic/figures.js';
import { mergeImages } from './images.js';
import type { Page } from './page.js';
import type { PageField, PageFields, Strategy } from './strategy.js';

/** A CSS selector, or a `[selector, attribute]` pair that reads an attribute instead of the text. */
export type Selector = string | readonly [selector: string, attribute: string];

/** Ordered fallbacks: the first selector that yields a non-empty value wins. */
export interface TextField {
  selectors: readonly Selector[];
  /** Applied in order to each value; returning null discards it. */
  clean?: ReadonlyArray<(value: string) => string | null>;
}

export interface BodyField {
  /** The article container, by ordered fallback. */
  selectors: readonly string[];
  /** Elements inside the container that are not the story (share bars, promos, related blocks). */
  remove?: readonly string[];
}

export interface FigureField {
  /** Each match is one figure: a lead photo above the text, or a photo block in it. */
  selectors: readonly string[];
  /** Inside a figure, its caption (default `figcaption`); a credit printed inside it is left for finalization to split off. */
  caption?: string;
  /** Inside a figure, its photo credit, when the site prints it apart. */
  credit?: string;
}

/**
 * One site's declarative selector map. Everything is optional: what a site map leaves out, or
 * fails to find, comes from embedded data or the generic extractor.
 */
export interface SiteSpec {
  /** Short name, recorded as `site:<name>` in the story's extraction map. */
  name: string;
  /** Hosts and base domains it serves (`apnews.com` also serves `www.apnews.com`). */
  hosts: readonly string[];
  /** IANA zone for times the site prints without one. */
  timeZone?: string;
  headline?: TextField;
  subheadline?: TextField;
  /** Every match is one byline string (split later by the shared byline cleaner). */
  bylines?: TextField;
  dateline?: TextField;
  publishedAt?: TextField;
  updatedAt?: TextField;
  section?: TextField;
  /** Every match is one tag. */
  tags?: TextField;
  body?: BodyField;
  /** The site's photos with their captions and credits; they come before the images the body extractor finds. */
  figures?: FigureField;
  /** Links to related stories shown with the story: each match is a link, or holds one. */
  related?: readonly string[];
}

const SINGLE_FIELDS = ['headline', 'subheadline', 'dateline', 'publishedAt', 'updatedAt', 'section'] as const;
const LIST_FIELDS = ['bylines', 'tags'] as const;

export function siteStrategy(spec: SiteSpec): Strategy {
  const name = `site:${spec.name}`;
  return {
    name,
    extract(page: Page, wanted: ReadonlySet<PageField>): PageFields {
      const { $ } = page;
      const found: PageFields = {};
      for (const field of SINGLE_FIELDS) {
        const rule = spec[field];
        if (rule && wanted.has(field)) {
          const value = firstValue($, rule);
          if (value !== null) found[field] = value;
        }
      }
      for (const field of LIST_FIELDS) {
        const rule = spec[field];
        if (rule && wanted.has(field)) {
          const values = allValues($, rule);
          if (values.length > 0) found[field] = values;
        }
      }
      const images: ImageDraft[] = spec.figures && wanted.has('images') ? figuresOf($, spec.figures, page.url) : [];
      if (spec.body && (wanted.has('bodyHtml') || wanted.has('images'))) {
        const container = spec.body.selectors.map((s) => $(s).first()).find((c) => c.length > 0);
        if (container) {
          const body = extractBody(page, container, spec.body.remove ?? []);
          if (body.bodyHtml) found.bodyHtml = body.bodyHtml;
          images.push(...body.images);
        }
      }
      // A lead figure is often repeated in the body, at another size.
      const unique = mergeImages([{ from: name, images }]).images;
      if (unique.length > 0) found.images = unique;
      if (spec.related && wanted.has('related')) {
        const related = relatedLinks($, spec.related, page.url);
        if (related.length > 0) found.related = related;
      }
      return found satisfies Partial<StoryDraft>;
    },
  };
}

function figuresOf($: CheerioAPI, spec: FigureField, base: string | null): ImageDraft[] {
  const images: ImageDraft[] = [];
  for (const el of $(spec.selectors.join(', ')).toArray()) {
    const figure = $(el);
    const picture = figure.find('picture, img').toArray().find(isTag);
    const image = picture ? imageOf(picture) : null;
    // A figure whose picture has no http(s) address (a data: placeholder, a script URL) shows nothing.
    if (!image || !resolveUrl(image.url, base ?? undefined)) continue;
    const credit = spec.credit ? normalizeWhitespace(figure.find(spec.credit).first().text()) : '';
    const caption = normalizeWhitespace(figure.find(spec.caption ?? 'figcaption').first().text());
    images.push({ ...image, caption: (credit && caption.endsWith(credit) ? caption.slice(0, -credit.length).trim() : caption) || null, credit: credit || null });
  }
  return images;
}

function relatedLinks($: CheerioAPI, selectors: readonly string[], base: string | null): RelatedLink[] {
  const links: RelatedLink[] = [];
  for (const el of $(selectors.join(', ')).toArray()) {
    const link = isTag(el) && el.name === 'a' ? $(el) : $(el).find('a[href]').first();
    const url = link.attr('href') ? resolveUrl(link.attr('href')!, base ?? undefined) : null;
    const headline = normalizeWhitespace(link.text());
    if (url && headline && !links.some((l) => l.url === url)) links.push({ headline, url });
  }
  return links;
}

function read($: CheerioAPI, selector: Selector): Cheerio<AnyNode> {
  return $(typeof selector === 'string' ? selector : selector[0]);
}

function valueOf(el: Cheerio<AnyNode>, selector: Selector, rule: TextField): string | null {
  // Some archivers (Mercury's fixtures) rewrite a meta's `content` as `value`, as the page scan knows.
  const raw = typeof selector === 'string' ? el.text() : (el.attr(selector[1]) ?? (selector[1] === 'content' ? el.attr('value') : undefined));
  let value: string | null = raw ? normalizeWhitespace(raw) || null : null;
  for (const clean of rule.clean ?? []) {
    if (value === null) break;
    value = clean(value);
  }
  return value;
}

function firstValue($: CheerioAPI, rule: TextField): string | null {
  for (const selector of rule.selectors) {
    for (const el of read($, selector).toArray()) {
      const value = valueOf($(el), selector, rule);
      if (value) return value;
    }
  }
  return null;
}

function allValues($: CheerioAPI, rule: TextField): string[] {
  for (const selector of rule.selectors) {
    const values = read($, selector)
      .toArray()
      .map((el) => valueOf($(el), selector, rule))
      .filter((v): v is string => Boolean(v));
    if (values.length > 0) return [...new Set(values)];
  }
  return [];
}
