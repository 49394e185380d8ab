import { resolveUrl } from '../../cleaners/urls.js';
import type { ImageDraft } from '../../types.js';
import type { Page } from '../page.js';
import type { PageField, PageFields, Strategy } from '../strategy.js';
import { corroboratedH1, dekFromDescription } from './headline.js';
import { parseLenientJson } from './lenient-json.js';
import { scanPage } from './scan.js';
import { cleanTags, isUrl, plainText, readableBylines, readableDate, sameSiteUrl } from './values.js';

type JsonObject = Record<string, unknown>;

/** schema.org types whose node describes the story itself (Readability accepts the same family). */
const ARTICLE_TYPES: ReadonlySet<string> = new Set([
  ...['Article', 'NewsArticle', 'ReportageNewsArticle', 'AnalysisNewsArticle', 'OpinionNewsArticle', 'BackgroundNewsArticle'],
  ...['ReviewNewsArticle', 'AskPublicNewsArticle', 'SatiricalArticle', 'AdvertiserContentArticle', 'BlogPosting', 'LiveBlogPosting'],
  ...['SocialMediaPosting', 'DiscussionForumPosting', 'Report', 'ScholarlyArticle', 'TechArticle', 'MedicalScholarlyArticle'],
]);
/** Containers whose article lies inside (`@graph`, a WebPage's `mainEntity`); bounded to stay cheap on hostile pages. */
const MAX_DEPTH = 4;
const MAX_NODES = 500;

/**
 * schema.org JSON-LD: the publisher's own typed statement of the story, with full dates and
 * zones, so it comes first among the embedded sources. Reads arrays, `@graph`, `mainEntity`,
 * `@id` references, and broken JSON; never throws.
 */
export const jsonLdStrategy: Strategy = {
  name: 'json-ld',
  extract(page: Page, wanted: ReadonlySet<PageField>): PageFields {
    const scan = scanPage(page);
    if (scan.jsonLd.length === 0) return {};
    const nodes = collectNodes(scan.jsonLd.flatMap(parseLenientJson));
    const article = pickArticle(page, nodes);
    if (!article) return {};
    const byId = new Map(nodes.flatMap((n) => (typeof n['@id'] === 'string' ? [[n['@id'], n] as const] : [])));
    const deref = (value: unknown): unknown => (isObject(value) && typeof value['@id'] === 'string' && Object.keys(value).length <= 2 ? (byId.get(value['@id']) ?? value) : value);

    const found: PageFields = {};
    const declared = plainText(first(article.headline)) ?? plainText(first(article.name));
    // A headline cut short for search engines ("…" or 110 characters) yields to the visible h1 it starts.
    const headline = declared ? (corroboratedH1(scan, [declared]) ?? declared) : null;
    if (headline && wanted.has('headline')) found.headline = headline;
    if (wanted.has('subheadline')) {
      const alternative = plainText(first(article.alternativeHeadline));
      const dek = alternative && alternative !== headline ? alternative : dekFromDescription(page, first(article.description), headline);
      if (dek) found.subheadline = dek;
    }
    if (wanted.has('bylines')) {
      const bylines = readableBylines(peopleNames(article.author ?? article.creator, deref));
      if (bylines.length > 0) found.bylines = bylines;
    }
    setText(found, wanted, 'publishedAt', readableDate(first(article.datePublished)) ?? readableDate(first(article.dateCreated)));
    setText(found, wanted, 'updatedAt', readableDate(first(article.dateModified)));
    setText(found, wanted, 'dateline', first(article.dateline));
    setText(found, wanted, 'section', first(article.articleSection));
    setText(found, wanted, 'copyrightNotice', first(article.copyrightNotice));
    if (wanted.has('tags')) {
      const tags = cleanTags(strings(article.keywords));
      if (tags.length > 0) found.tags = tags;
    }
    if (wanted.has('language')) {
      const language = first(article.inLanguage);
      setText(found, wanted, 'language', isObject(language) ? (language.alternateName ?? language.name) : language);
    }
    if (wanted.has('url')) {
      const url = sameSiteUrl(page, idOf(first(article.mainEntityOfPage))) ?? sameSiteUrl(page, first(article.url));
      if (url) found.url = url;
    }
    if (wanted.has('images')) {
      const image = leadImage(page, article.image, deref) ?? leadImage(page, article.thumbnailUrl, deref);
      if (image) found.images = [image];
    }
    return found;
  },
};

/** Every object a script holds at the top, in an array, in `@graph` or as a `mainEntity`. */
function collectNodes(values: unknown[]): JsonObject[] {
  const nodes: JsonObject[] = [];
  const queue: Array<{ value: unknown; depth: number }> = values.map((value) => ({ value, depth: 0 }));
  for (let i = 0; i < queue.length && nodes.length < MAX_NODES; i++) {
    const { value, depth } = queue[i]!;
    if (depth > MAX_DEPTH) continue;
    if (Array.isArray(value)) {
      for (const item of value) queue.push({ value: item, depth: depth + 1 });
    } else if (isObject(value)) {
      nodes.push(value);
      for (const key of ['@graph', 'mainEntity'] as const) if (value[key] !== undefined) queue.push({ value: value[key], depth: depth + 1 });
    }
  }
  return nodes;
}

/**
 * The node describing this page's story. Several article nodes happen (related stories, a live
 * blog's updates): the one naming this page's URL wins, then the first with a headline.
 */
function pickArticle(page: Page, nodes: JsonObject[]): JsonObject | null {
  const articles = nodes.filter((n) => typesOf(n).some((t) => ARTICLE_TYPES.has(t)));
  if (articles.length <= 1) return articles[0] ?? null;
  const here = page.url ? page.url.replace(/[?#].*$/, '').replace(/\/$/, '') : null;
  const samePage = (n: JsonObject) =>
    [idOf(first(n.mainEntityOfPage)), first(n.url), n['@id']].some(
      (u) => typeof u === 'string' && here !== null && u.replace(/[?#].*$/, '').replace(/\/$/, '') === here,
    );
  return articles.find(samePage) ?? articles.find((n) => plainText(first(n.headline)) !== null) ?? articles[0]!;
}

function typesOf(node: JsonObject): string[] {
  return strings(node['@type']).map((t) => t.replace(/^(?:https?:\/\/schema\.org\/|schema:)/, ''));
}

/**
 * Author names as raw byline strings: Person and Organization nodes, plain strings, arrays, and
 * CNN's HTML string naming several people ("By <a …>Amir Vera</a>, Seán …, and Adam Renton, CNN"),
 * which the shared byline cleaner splits. Profile URLs are not names.
 */
function peopleNames(value: unknown, deref: (v: unknown) => unknown): string[] {
  const names: string[] = [];
  for (const item of Array.isArray(value) ? value : [value]) {
    const node = deref(item);
    const raw = isObject(node) ? (first(node.name) ?? joinNames(node)) : node;
    const name = plainText(raw);
    if (name && !isUrl(name)) names.push(name);
  }
  return names;
}

function joinNames(node: JsonObject): string | undefined {
  const parts = [first(node.givenName), first(node.familyName)].filter((p): p is string => typeof p === 'string');
  return parts.length > 0 ? parts.join(' ') : undefined;
}

/** The first image with an http(s) address: an ImageObject with its caption, credit and size, or a bare URL. */
function leadImage(page: Page, value: unknown, deref: (v: unknown) => unknown): ImageDraft | null {
  for (const item of Array.isArray(value) ? value : [value]) {
    const node = deref(item);
    if (typeof node === 'string') {
      const url = resolveUrl(node, page.url ?? undefined);
      if (url) return { url };
      continue;
    }
    if (!isObject(node)) continue;
    const raw = first(node.url) ?? first(node.contentUrl);
    const url = typeof raw === 'string' ? resolveUrl(raw, page.url ?? undefined) : null;
    if (!url) continue;
    const credit = first(node.creditText) ?? nameOf(deref(first(node.copyrightHolder))) ?? nameOf(deref(first(node.author)));
    return {
      url,
      caption: plainText(first(node.caption)) ?? plainText(first(node.description)),
      credit: plainText(credit),
      width: dimension(node.width),
      height: dimension(node.height),
    };
  }
  return null;
}

function nameOf(value: unknown): unknown {
  return isObject(value) ? first(value.name) : value;
}

/** A number, "1200", "1200px" or a QuantitativeValue `{value: 1200}`. */
function dimension(value: unknown): number | string | null {
  const v = isObject(value) ? value.value : value;
  return typeof v === 'number' || typeof v === 'string' ? v : null;
}

function setText(found: PageFields, wanted: ReadonlySet<PageField>, field: 'publishedAt' | 'updatedAt' | 'dateline' | 'section' | 'copyrightNotice' | 'language', value: unknown): void {
  if (!wanted.has(field)) return;
  const text = plainText(value);
  if (text) found[field] = text;
}

function idOf(value: unknown): unknown {
  return isObject(value) ? (value['@id'] ?? value.url) : value;
}

function first(value: unknown): unknown {
  return Array.isArray(value) ? value[0] : value;
}

function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
