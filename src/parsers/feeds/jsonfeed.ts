import type { ImageDraft, Parser, StoryDraft } from '../types.js';
import { authorNames } from './authors.js';
import { bodyFields } from './body.js';
import { uniqueDrafts } from './identity.js';
import { imageEnclosure, uniqueImages } from './media.js';
import { resolveLink } from './select.js';

type JsonObject = Record<string, unknown>;

const VERSION = /^https?:\/\/jsonfeed\.org\/version\/1(?:\.\d+)?\/?$/i;
/** Keys that mark a ninjs, AP or other wire object, which may also carry `title` and `items`. */
const FOREIGN_KEYS = ['uri', 'type', 'headline', 'headlines', 'bodies', 'body_html', 'data'];
const ITEM_KEYS = ['content_html', 'content_text', 'summary', 'url', 'external_url'];

/**
 * JSON Feed 1.0 and 1.1. A document is one when its `version` says so; a version-less object
 * passes only with the whole shape: `title`, `items` of JSON Feed items, and no wire-format keys.
 * Authors: 1.1 `authors[]` before the deprecated 1.0 `author`, the item's before the feed's.
 */
export const jsonFeedParser: Parser<'json'> = {
  format: 'jsonfeed',
  kind: 'json',
  detect: (doc) => isJsonFeed(doc.value),
  parse: (doc, ctx): StoryDraft[] => {
    const feed = isObject(doc.value) ? doc.value : {};
    const base = resolveLink(str(feed.home_page_url), ctx.url) ?? ctx.url;
    const feedAuthors = authorsOf(feed);
    const feedLanguage = str(feed.language);
    const items = Array.isArray(feed.items) ? feed.items : [];
    const drafts = items.map((item): StoryDraft => {
      if (!isObject(item)) return {};
      const id = str(item.id);
      const url = resolveLink(str(item.url) ?? str(item.external_url), base);
      const html = str(item.content_html);
      const text = str(item.content_text);
      const summary = str(item.summary);
      const authors = authorsOf(item);
      return {
        wireId: id ?? null,
        guid: id ?? null,
        url: url ?? null,
        headline: str(item.title) ?? null,
        ...bodyFields(html ? { html } : text ? { text } : undefined, summary ? { text: summary } : undefined),
        bylines: authors.length > 0 ? authors : feedAuthors,
        publishedAt: str(item.date_published) ?? null,
        updatedAt: str(item.date_modified) ?? null,
        tags: Array.isArray(item.tags) ? item.tags.flatMap((t) => str(t) ?? []) : [],
        images: imagesOf(item, base),
        language: str(item.language) ?? feedLanguage ?? null,
      };
    });
    return uniqueDrafts(drafts, ctx, 'jsonfeed');
  },
};

function isJsonFeed(value: unknown): boolean {
  if (!isObject(value)) return false;
  if (value.version !== undefined) return typeof value.version === 'string' && VERSION.test(value.version.trim());
  if (typeof value.title !== 'string' || !Array.isArray(value.items)) return false;
  if (FOREIGN_KEYS.some((key) => key in value)) return false;
  const items: unknown[] = value.items;
  if (items.length === 0) return typeof value.home_page_url === 'string' || typeof value.feed_url === 'string';
  return items.every((item) => isObject(item) && !FOREIGN_KEYS.some((key) => key in item) && ITEM_KEYS.some((key) => typeof item[key] === 'string'));
}

function authorsOf(holder: JsonObject): string[] {
  const people = Array.isArray(holder.authors) && holder.authors.length > 0 ? holder.authors : [holder.author];
  return authorNames(people.map((person) => (isObject(person) ? str(person.name) : undefined)));
}

/**
 * The main `image` (the `banner_image` only without one: it is mostly a wide crop of the same
 * picture), then picture attachments, their `title` as the caption; one image per URL.
 */
function imagesOf(item: JsonObject, base: string | undefined): ImageDraft[] {
  const attachments = Array.isArray(item.attachments) ? item.attachments.filter(isObject) : [];
  const images = [
    { url: resolveLink(str(item.image) ?? str(item.banner_image), base) },
    ...attachments.map((a) => ({ url: resolveLink(imageEnclosure(str(a.url), str(a.mime_type)), base), caption: str(a.title) ?? null })),
  ];
  return uniqueImages(images.flatMap(({ url, ...rest }) => (url ? [{ url, ...rest }] : [])));
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A non-blank string; ids given as numbers count too (the spec asks readers to coerce them). */
function str(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}
