import { ParseError } from '../../errors.js';
import type { Parser, StoryDraft } from '../types.js';
import { isApItem } from './ap-media.js';
import { editorialStatus, editorNote } from './editorial.js';
import { asString, get, getInteger, getString, getStrings, isObject, objects, type JsonObject } from './json.js';
import { htmlFragment, nitfStringBody, withoutRepeatedLead, type EmbeddedBody } from './markup.js';
import { isPictureType, jsonAssociationImages, jsonDescription, jsonPicture } from './media.js';
import { subjectFromCode, subjectFromUri, uniqueSubjects } from './qcodes.js';

/**
 * ninjs 1.x, 2.x and 3.x, and Superdesk's ninjs dialect (`guid`, `byline`, `authors`,
 * `description_text`). 1.x writes one property per variant (`headline`, `headline_main`,
 * `body_html`, `body_text`) and keys renditions and associations by name; 2.x has arrays of
 * `{role, value}` (`headlines`, `bodies`, `descriptions`) and named arrays; 3.x is 2.x in
 * camelCase (`versionCreated`, `embargoedUntil`), which the case-insensitive reads absorb.
 */

const MARKUP = /<[a-z][\w:-]*[\s/>]/i;
const STORY_KEYS = ['headline', 'headlines', 'bodies', 'body_html', 'body_text', 'body_xhtml', 'type'];

/** `headline_main`, `body_richtext`…: 1.x variants by the part after the underscore. */
function variants(item: JsonObject, prefix: string): Array<[variant: string, value: string]> {
  return Object.entries(item).flatMap(([key, value]) => {
    const lower = key.toLowerCase();
    const text = asString(value);
    return lower.startsWith(`${prefix}_`) && text !== undefined ? [[lower.slice(prefix.length + 1), text] as [string, string]] : [];
  });
}

function roleOf(entry: JsonObject): string {
  return getString(entry, 'role')?.toLowerCase() ?? '';
}

/** The main headline: `headline`, a `headlines` entry with the main role (or none), or a 1.x `headline_*` variant. */
function headlines(item: JsonObject): { main?: string; sub?: string } {
  const list = objects(get(item, 'headlines'));
  const sub = list.find((h) => roleOf(h).startsWith('sub'));
  const main = list.find((h) => h !== sub && ['', 'main', 'simple', 'headline'].includes(roleOf(h))) ?? list.find((h) => h !== sub);
  const v1 = variants(item, 'headline');
  return {
    main: getString(item, 'headline') ?? getString(main, 'value') ?? v1.find(([v]) => v === 'main')?.[1] ?? v1[0]?.[1],
    sub: getString(sub, 'value'),
  };
}

const isHtmlish = (hint: string) => /html|xhtml|rich|xml/i.test(hint);

/**
 * The body: a NITF body, else the first body with markup (by content type, role or 1.x key:
 * `html`, `xhtml`, `richtext`…), else the first plain one. Markup in an untyped body counts as HTML.
 */
function body(item: JsonObject): EmbeddedBody {
  const candidates: Array<[hint: string, value: string]> = [
    ...objects(get(item, 'bodies')).flatMap((b): Array<[string, string]> => {
      const value = getString(b, 'value');
      return value ? [[`${getString(b, 'contentType', 'contenttype') ?? ''} ${roleOf(b)}`, value]] : [];
    }),
    ...variants(item, 'body'),
  ];
  const nitf = candidates.find(([hint]) => /nitf/i.test(hint));
  if (nitf) return nitfStringBody(nitf[1]);
  const html = candidates.find(([hint, value]) => isHtmlish(hint) || (!/plain|text$/i.test(hint.trim()) && MARKUP.test(value)));
  if (html) return { html: htmlFragment(html[1]), images: [] };
  const text = candidates[0]?.[1];
  return text ? { text, images: [] } : { images: [] };
}

/** The item's own summary, for an item that has no body. */
function summary(item: JsonObject): string | undefined {
  const described = objects(get(item, 'descriptions')).find((d) => ['', 'summary', 'text', 'abstract'].includes(roleOf(d)));
  return getString(described, 'value') ?? jsonDescription(item, 'summary') ?? getString(item, 'description_text');
}

/** `by`/`byline`; failing that, people credited as authors (ninjs `people[rel=author]`, Superdesk `authors` other than editors). */
function bylines(item: JsonObject): string[] {
  const by = getString(item, 'by', 'byline');
  if (by) return [by];
  const people = objects(get(item, 'people', 'person')).filter((p) => /author|creator|writer/i.test(getString(p, 'rel') ?? ''));
  const authors = objects(get(item, 'authors')).filter((a) => !/editor/i.test(getString(a, 'role') ?? ''));
  return [...people, ...authors].map((p) => getString(p, 'name')).filter((n): n is string => n !== undefined);
}

/** 2.x/3.x subjects name a concept by `uri` and/or `literal`; 1.x (and Superdesk) by `code` and `scheme`. */
function subjects(item: JsonObject): StoryDraft['subjects'] {
  return uniqueSubjects(
    objects(get(item, 'subjects', 'subject')).map((s) => {
      const name = getString(s, 'name');
      const uri = getString(s, 'uri');
      return uri ? subjectFromUri(uri, name, getString(s, 'literal')) : subjectFromCode(getString(s, 'code', 'literal', 'qcode'), name, getString(s, 'scheme'));
    }),
  );
}

/** 1.x `altids` is an object of ids by role; 2.x/3.x an array of `{role, value}`. */
function altIds(item: JsonObject): Record<string, string> {
  const raw = get(item, 'altids');
  if (Array.isArray(raw)) {
    return Object.fromEntries(objects(raw).flatMap((a) => (getString(a, 'value') ? [[getString(a, 'role') ?? 'altId', getString(a, 'value')!]] : [])));
  }
  return isObject(raw) ? Object.fromEntries(Object.entries(raw).flatMap(([k, v]) => (asString(v) ? [[k, asString(v)!]] : []))) : {};
}

function draft(item: JsonObject): StoryDraft {
  const { main, sub } = headlines(item);
  const picture = isPictureType(getString(item, 'type')) ? jsonPicture(item) : null;
  const { html, text, images = [] } = body(item);
  const teaser = html || text ? undefined : (picture?.caption ?? summary(item));
  const by = bylines(item);
  const representation = getString(item, 'representationType')?.toLowerCase();
  const status = editorialStatus([getString(item, 'pubstatus')]);
  const infosources = objects(get(item, 'infosources', 'infosource')).map((s) => getString(s, 'name'));

  return {
    wireId: getString(item, 'uri', 'guid') ?? null,
    wireRevision: getString(item, 'version') ?? null,
    altIds: altIds(item),
    language: getString(item, 'language') ?? null,
    headline: main ?? getString(item, 'title') ?? null,
    subheadline: sub ?? null,
    slugline: getString(item, 'slugline') ?? null,
    bylines: by,
    dateline: getString(item, 'located') ?? null,
    tags: getStrings(item, 'keywords'),
    subjects: subjects(item),
    publishedAt: getString(item, 'firstpublished') ?? null,
    firstCreatedAt: getString(item, 'firstcreated', 'contentcreated') ?? null,
    updatedAt: getString(item, 'versioncreated') ?? null,
    embargoedUntil: getString(item, 'embargoedUntil', 'embargoed') ?? null,
    pubStatus: status.pubStatus,
    revisionKind: status.revisionKind,
    urgency: getInteger(item, 'urgency') ?? null,
    ednote: editorNote([getString(item, 'ednote')]),
    bodyHtml: html ? withoutRepeatedLead(html, [main, ...by]) : null,
    bodyText: text ?? teaser ?? null,
    images: [...(picture ? [picture] : []), ...images, ...jsonAssociationImages(get(item, 'associations'))],
    credits: [...infosources, getString(item, 'source')].filter((c): c is string => c !== undefined),
    copyrightNotice: getString(item, 'copyrightnotice') ?? null,
    usageTerms: getStrings(item, 'usageterms').join(' ') || null,
    representation: representation === 'partial' || (teaser && !picture) ? 'partial' : 'full',
  };
}

/** The items of a document: one ninjs object, an array of them, or a list envelope (`item`/`items`). */
function ninjsItems(value: unknown): JsonObject[] {
  if (Array.isArray(value)) return objects(value);
  const listed = get(value, 'items', 'item');
  if (Array.isArray(listed)) return objects(listed);
  return isObject(value) ? [value] : [];
}

/** A ninjs object: an identifier (`uri`, or Superdesk's `guid`) and something a story has. */
function isNinjs(item: JsonObject): boolean {
  if (!getString(item, 'uri', 'guid')) return false;
  const keys = Object.keys(item).map((k) => k.toLowerCase());
  return keys.some((k) => STORY_KEYS.includes(k) || k.startsWith('headline_') || k.startsWith('body_'));
}

/** JSON Feed marks itself with a `version` URL; its items carry `id`, never a ninjs `uri`. */
const isJsonFeed = (value: unknown) => /jsonfeed\.org/i.test(getString(value, 'version') ?? '');

export const ninjsParser: Parser<'json'> = {
  format: 'ninjs',
  kind: 'json',
  detect: (doc) => {
    if (isJsonFeed(doc.value)) return false;
    const items = ninjsItems(doc.value);
    return items.length > 0 && items.every(isNinjs) && !items.some(isApItem);
  },
  parse: (doc) => {
    const items = ninjsItems(doc.value).filter(isNinjs);
    if (items.length === 0) throw new ParseError('WD_ERR_NO_STORY', 'the ninjs document holds no item');
    return items.map(draft);
  },
};
