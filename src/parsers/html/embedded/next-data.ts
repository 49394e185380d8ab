import { textContent } from 'domutils';
import { comparable } from '../../cleaners/text.js';
import type { Page } from '../page.js';
import type { PageField, PageFields, Strategy } from '../strategy.js';
import { parseLenientJson } from './lenient-json.js';
import { metaValue, scanPage, type PageScan } from './scan.js';
import { dekFromDescription } from './headline.js';
import { cleanTags, isUrl, plainText, readableBylines, readableDate, sameSiteUrl } from './values.js';

type JsonObject = Record<string, unknown>;

/** Where a state assignment's object starts: `window.__INITIAL_STATE__ = {`, Arc's `Fusion.globalContent = {`. */
const ASSIGNMENT = /(?:__INITIAL_STATE__|__PRELOADED_STATE__|Fusion\.globalContent)\s*=\s*(?=[{[])/g;
/** Page state can be megabytes of app data: the walk stops after this many objects, or this deep. */
const MAX_OBJECTS = 20_000;
const MAX_DEPTH = 16;

const PUBLISHED = [
  ...['datePublished', 'publishedAt', 'published_at', 'publishDate', 'publish_date', 'publishedDate', 'publicationDate'],
  ...['date_published', 'firstPublished', 'first_publish_date', 'display_date', 'pubDate', 'published'],
];
const MODIFIED = ['dateModified', 'updatedAt', 'updated_at', 'modifiedDate', 'lastModified', 'last_updated_date', 'lastUpdated', 'updated'];
const DEKS = ['dek', 'subheadline', 'subHeadline', 'subtitle', 'standfirst', 'alternativeHeadline'];
const AUTHORS = ['authors', 'author', 'bylines', 'byline', 'contributors'];

/**
 * Page state that single-page apps ship with their HTML: Next.js `__NEXT_DATA__`,
 * `window.__INITIAL_STATE__`/`__PRELOADED_STATE__`, and Arc XP's `Fusion.globalContent` (ANS).
 * Its shape is the app's own, so a bounded walk looks for the shallowest object that has a
 * headline and a publication date, and trusts it only when its headline is the page's (title,
 * og:title or an h1) or its URL is the page's: app state also holds related and trending stories.
 */
export const pageStateStrategy: Strategy = {
  name: 'page-state',
  extract(page: Page, wanted: ReadonlySet<PageField>): PageFields {
    const scan = scanPage(page);
    if (scan.stateScripts.length === 0) return {};
    const story = findStory(page, scan, scan.stateScripts.flatMap(stateValues));
    return story ? storyFields(page, story, wanted) : {};
  },
};

function stateValues(script: { json: boolean; text: string }): unknown[] {
  if (script.json) return parseLenientJson(script.text).slice(0, 1);
  const values: unknown[] = [];
  for (const match of script.text.matchAll(ASSIGNMENT)) {
    const value = parseLenientJson(script.text.slice(match.index + match[0].length))[0];
    if (value !== undefined) values.push(value);
  }
  return values;
}

/** Breadth-first, so the page's own story (near the root) is met before nested related stories. */
function findStory(page: Page, scan: PageScan, roots: unknown[]): JsonObject | null {
  const titles = [scan.title, metaValue(scan, 'og:title'), ...scan.h1.map((el) => textContent(el))]
    .filter((t): t is string => Boolean(t))
    .map(comparable)
    .filter((t) => t.length > 0);
  const here = page.url ? new URL(page.url).pathname.replace(/\/$/, '') : null;
  const queue: Array<{ value: unknown; depth: number }> = roots.map((value) => ({ value, depth: 0 }));
  let visited = 0;
  for (let i = 0; i < queue.length && visited < MAX_OBJECTS; i++) {
    const { value, depth } = queue[i]!;
    if (typeof value !== 'object' || value === null) continue;
    visited++;
    if (!Array.isArray(value) && isStory(value as JsonObject, titles, here)) return value as JsonObject;
    if (depth >= MAX_DEPTH) continue;
    for (const child of Array.isArray(value) ? value : Object.values(value)) {
      if (typeof child === 'object' && child !== null) queue.push({ value: child, depth: depth + 1 });
    }
  }
  return null;
}

function isStory(node: JsonObject, titles: string[], here: string | null): boolean {
  const headline = headlineOf(node);
  if (!headline || PUBLISHED.every((key) => dateOf(node[key]) === null)) return false;
  const key = comparable(headline);
  if (key.length >= 10 && titles.some((t) => t === key || t.startsWith(key))) return true;
  const url = urlOf(node);
  return here !== null && here !== '' && typeof url === 'string' && pathOf(url) === here;
}

function storyFields(page: Page, story: JsonObject, wanted: ReadonlySet<PageField>): PageFields {
  const found: PageFields = {};
  const headline = headlineOf(story);
  if (wanted.has('headline') && headline) found.headline = headline;
  if (wanted.has('subheadline')) {
    const dek = DEKS.map((key) => plainText(basic(story[key]))).find(Boolean) ?? plainText(basic(story.subheadlines));
    const described = dek ?? dekFromDescription(page, basic(story.description), headline);
    if (described) found.subheadline = described;
  }
  if (wanted.has('bylines')) {
    const credits = story.credits as JsonObject | undefined;
    const people = readableBylines(names(credits?.by ?? AUTHORS.map((key) => story[key]).find((v) => v !== undefined && v !== null)));
    if (people.length > 0) found.bylines = people;
  }
  const published = PUBLISHED.map((key) => dateOf(story[key])).find(Boolean);
  const modified = MODIFIED.map((key) => dateOf(story[key])).find(Boolean);
  if (wanted.has('publishedAt') && published) found.publishedAt = published;
  if (wanted.has('updatedAt') && modified) found.updatedAt = modified;
  if (wanted.has('section')) {
    const taxonomy = story.taxonomy as JsonObject | undefined;
    const section = nameOf(taxonomy?.primary_section) ?? nameOf(story.section) ?? nameOf(story.sectionName) ?? nameOf(story.category);
    if (section) found.section = section;
  }
  if (wanted.has('tags')) {
    const taxonomy = story.taxonomy as JsonObject | undefined;
    const raw = taxonomy?.tags ?? story.tags ?? story.keywords;
    const tags = cleanTags((Array.isArray(raw) ? raw : [raw]).map(nameOf).filter((t): t is string => t !== null));
    if (tags.length > 0) found.tags = tags;
  }
  if (wanted.has('url')) {
    const url = sameSiteUrl(page, urlOf(story));
    if (url) found.url = url;
  }
  return found;
}

/** `headline`, `title`, or Arc's `headlines.basic`. */
function headlineOf(node: JsonObject): string | null {
  return plainText(basic(node.headlines)) ?? plainText(basic(node.headline)) ?? plainText(node.title);
}

/** Arc wraps texts as `{basic: "…"}`. */
function basic(value: unknown): unknown {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as JsonObject).basic : value;
}

function urlOf(node: JsonObject): unknown {
  return node.canonical_url ?? node.canonicalUrl ?? node.url ?? node.website_url;
}

function pathOf(url: string): string | null {
  try {
    return new URL(url, 'https://x.invalid').pathname.replace(/\/$/, '');
  } catch {
    return null;
  }
}

/** A readable date string, or epoch seconds/milliseconds (apps store both) as ISO. */
function dateOf(value: unknown): string | null {
  if (typeof value === 'number' && Number.isFinite(value)) {
    const ms = value < 1e11 ? value * 1000 : value;
    return ms > 3e11 && ms < 4.2e12 ? new Date(ms).toISOString() : null;
  }
  return readableDate(value);
}

/** People as strings or objects (`name`, `displayName`, `byline`…), in a list or alone. */
function names(value: unknown): string[] {
  const out: string[] = [];
  for (const item of Array.isArray(value) ? value : [value]) {
    const name = nameOf(item);
    if (name && !isUrl(name)) out.push(name);
  }
  return out;
}

function nameOf(value: unknown): string | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return plainText(value);
  const node = value as JsonObject;
  return plainText(node.name) ?? plainText(node.displayName) ?? plainText(node.fullName) ?? plainText(node.byline) ?? plainText(node.text);
}
