/**
 * Story → IPTC ninjs export. Property names below are 3.1's; 2.2 spells them in lower case and
 * calls `embargoedUntil` `embargoed`. Both schemas forbid extra top-level properties, so wiredesk's
 * own bookkeeping goes only where ninjs has a slot for it.
 *
 * | Story                                    | ninjs                                                         |
 * | ---------------------------------------- | ------------------------------------------------------------- |
 * | id                                       | uri (as is when a URI, else `urn:wiredesk:id:<encoded>`)      |
 * | (constant)                               | type `text`                                                   |
 * | representation                           | representationType                                            |
 * | version (pipeline counter)               | version (string)                                              |
 * | firstCreatedAt ?? publishedAt            | firstCreated                                                  |
 * | updatedAt ?? publishedAt                 | versionCreated                                                |
 * | embargoedUntil                           | embargoedUntil / 2.2 embargoed                                |
 * | pubStatus (canceled when a kill)         | pubStatus                                                     |
 * | urgency, language, slugline              | same names                                                    |
 * | ednote, copyrightNotice, usageTerms      | edNote, copyrightNotice, usageTerms                           |
 * | headline, subheadline                    | headlines [{role main}, {role subhead}]                       |
 * | bodyHtml, bodyText, wordCount            | bodies [{richtext, text/html}, {text, text/plain}] + counts   |
 * | bylines                                  | by (display string), people [{name, rel author}]              |
 * | dateline                                 | located                                                       |
 * | subjects, section, tags                  | subjects [{name, uri, literal}], {rel section}, {rel keyword} |
 * | credits, source                          | infoSources, roles from IPTC contentprodpartyrole             |
 * | images, related                          | associations (picture / text) with renditions                 |
 * | altIds, url, guid, revision, contentHash | altIds (wire roles as given; ours as `wiredesk:*`)            |
 * | (constant)                               | standard {name ninjs, version, schema}                        |
 *
 * Left out, having no ninjs property: schemaVersion, format, parser, extraction, rawDates,
 * fetchedAt, revisionKind (beyond kill → canceled), and publishedAt when firstCreatedAt and
 * updatedAt are both set (ninjs has no publication time of its own).
 */
import type { Byline, Image, PubStatus, RelatedLink, Story, Subject } from './story.js';
import { encodeUriComponent, isUri, toHref, toNinjsUri } from './ninjs-uri.js';

/** The IPTC ninjs versions wiredesk exports, newest first. */
export const NINJS_VERSIONS = ['3.1', '2.2'] as const;
export type NinjsVersion = (typeof NINJS_VERSIONS)[number];
export const DEFAULT_NINJS_VERSION: NinjsVersion = '3.1';

/** The `$id` of each official schema, which is also what an export's `standard.schema` names. */
export const NINJS_SCHEMA_IDS: Readonly<Record<NinjsVersion, string>> = Object.freeze({
  '3.1': 'http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json#',
  '2.2': 'http://www.iptc.org/std/ninjs/ninjs-schema_2.2.json#',
});

/** IPTC Content Production Party Role NewsCodes: infoSource roles are URIs from this scheme. */
const PARTY_ROLE = 'http://cv.iptc.org/newscodes/contentprodpartyrole/';

/** IPTC's preferred aliases for its own subject schemes, so `medtop:20000001` becomes a full URI. */
const IPTC_SCHEME_ALIASES: Readonly<Record<string, string>> = Object.freeze({
  medtop: 'http://cv.iptc.org/newscodes/mediatopic/',
  subj: 'http://cv.iptc.org/newscodes/subjectcode/',
});

/** A headline, description or body: ninjs 3.x spelling (2.x lowercases the keys). */
export interface NinjsText {
  role?: string;
  contentType?: string;
  value: string;
}

export interface NinjsBody extends NinjsText {
  charCount?: number;
  wordCount?: number;
}

/** A person, subject or other concept the content relates to. */
export interface NinjsConcept {
  name?: string;
  rel?: string;
  uri?: string;
  literal?: string;
}

export interface NinjsInfoSource {
  name?: string;
  role?: string;
  uri?: string;
  literal?: string;
}

export interface NinjsRendition {
  name: string;
  href?: string;
  width?: number;
  height?: number;
}

export interface NinjsAltId {
  role: string;
  value: string;
}

/** An associated item: ninjs requires both `name` and `uri` on each. */
export interface NinjsAssociation {
  name: string;
  uri: string;
  type: 'picture' | 'text';
  representationType: 'partial';
  headlines?: NinjsText[];
  descriptions?: NinjsText[];
  renditions?: NinjsRendition[];
}

/** The part of ninjs 3.1 that a Story export fills. */
export interface Ninjs31Document {
  uri: string;
  type: 'text';
  representationType: Story['representation'];
  version: string;
  firstCreated?: string;
  versionCreated?: string;
  embargoedUntil?: string;
  pubStatus: PubStatus;
  urgency?: number;
  copyrightNotice?: string;
  usageTerms?: string;
  edNote?: string;
  language?: string;
  headlines: NinjsText[];
  bodies?: NinjsBody[];
  people?: NinjsConcept[];
  subjects?: NinjsConcept[];
  infoSources?: NinjsInfoSource[];
  by?: string;
  slugline?: string;
  located?: string;
  associations?: NinjsAssociation[];
  altIds?: NinjsAltId[];
  standard: { name: 'ninjs'; version: NinjsVersion; schema: string };
}

/** ninjs 2.x spells every property in lower case, and calls `embargoedUntil` just `embargoed`. */
type Key22<K> = K extends 'embargoedUntil' ? 'embargoed' : K extends string ? Lowercase<K> : never;
export type To22<T> = T extends readonly (infer U)[] ? To22<U>[] : T extends object ? { [K in keyof T as Key22<K>]: To22<T[K]> } : T;

/** The same export in ninjs 2.2 spelling. */
export type Ninjs22Document = To22<Ninjs31Document>;
export type NinjsDocument = Ninjs31Document | Ninjs22Document;

/**
 * Exports a Story as an IPTC ninjs document (a plain JSON object), valid against the official
 * schema of that version (default 3.1). The mapping is in this module's header; fields ninjs has
 * no home for are left out, not smuggled in.
 *
 * @example
 * const doc = toNinjs(story); // ninjs 3.1
 * doc.headlines[0]; // { role: 'main', value: story.headline }
 * const legacy = toNinjs(story, '2.2');
 * legacy.versioncreated; // same instant as doc.versionCreated
 */
export function toNinjs(story: Story): Ninjs31Document;
export function toNinjs(story: Story, version: '3.1'): Ninjs31Document;
export function toNinjs(story: Story, version: '2.2'): Ninjs22Document;
export function toNinjs(story: Story, version?: NinjsVersion): NinjsDocument;
export function toNinjs(story: Story, version: NinjsVersion = DEFAULT_NINJS_VERSION): NinjsDocument {
  const doc = buildDocument(story, version);
  return version === '2.2' ? to22(doc) : doc;
}

function buildDocument(story: Story, version: NinjsVersion): Ninjs31Document {
  return {
    uri: toNinjsUri(story.id),
    type: 'text',
    representationType: story.representation,
    version: String(story.version),
    ...field('firstCreated', story.firstCreatedAt ?? story.publishedAt),
    ...field('versionCreated', story.updatedAt ?? story.publishedAt),
    ...field('embargoedUntil', story.embargoedUntil),
    // A kill withdraws the story whatever status the wire sent with it.
    pubStatus: story.revisionKind === 'kill' ? 'canceled' : story.pubStatus,
    ...field('urgency', story.urgency),
    ...field('copyrightNotice', story.copyrightNotice),
    ...field('usageTerms', story.usageTerms),
    ...field('edNote', story.ednote),
    ...field('language', story.language),
    headlines: headlinesOf(story),
    ...field('bodies', bodiesOf(story)),
    ...field('people', story.bylines.map((b): NinjsConcept => ({ name: b.name, rel: 'author' }))),
    ...field('subjects', subjectsOf(story)),
    ...field('infoSources', infoSourcesOf(story)),
    ...field('by', byLine(story.bylines)),
    ...field('slugline', story.slugline),
    ...field('located', story.dateline),
    ...field('associations', [...story.images.map(imageAssociation), ...story.related.map(relatedAssociation)]),
    ...field('altIds', altIdsOf(story)),
    standard: { name: 'ninjs', version, schema: NINJS_SCHEMA_IDS[version] },
  };
}

/** `{ [key]: value }`, or nothing for null, an empty string or an empty list: no key without content. */
function field<K extends string, V>(key: K, value: V | null | undefined): Partial<Record<K, V>> {
  if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) return {};
  // TypeScript widens a computed generic key to `string`; the object has exactly the key K.
  return { [key]: value } as Partial<Record<K, V>>;
}

function headlinesOf(story: Story): NinjsText[] {
  const main: NinjsText = { role: 'main', value: story.headline };
  return story.subheadline ? [main, { role: 'subhead', value: story.subheadline }] : [main];
}

/** HTML first (the richer form), then plain text; ninjs 2.x and 3.x keep the counts inside each body. */
function bodiesOf(story: Story): NinjsBody[] {
  // Characters, not UTF-16 code units: an emoji counts once.
  const counts = { charCount: [...story.bodyText].length, wordCount: story.wordCount };
  const bodies: NinjsBody[] = [];
  if (story.bodyHtml) bodies.push({ role: 'richtext', contentType: 'text/html', ...counts, value: story.bodyHtml });
  if (story.bodyText) bodies.push({ role: 'text', contentType: 'text/plain', ...counts, value: story.bodyText });
  return bodies;
}

/**
 * The display byline: "Jane Doe and John Roe" for plain names; with titles or organizations each
 * byline reads "Name, Title, Organization" and they are joined by "; " so the commas stay unambiguous.
 */
function byLine(bylines: Byline[]): string | null {
  if (bylines.length === 0) return null;
  if (bylines.every((b) => !b.title && !b.organization)) {
    const names = bylines.map((b) => b.name);
    const last = names.pop();
    return names.length === 0 ? (last ?? null) : `${names.join(', ')} and ${last}`;
  }
  return bylines.map((b) => [b.name, b.title, b.organization].filter(Boolean).join(', ')).join('; ');
}

/** Classification codes first, then the section and the free tags (ninjs has no keywords property). */
function subjectsOf(story: Story): NinjsConcept[] {
  return [
    ...story.subjects.map(subjectOf),
    ...(story.section ? [{ name: story.section, rel: 'section' }] : []),
    ...story.tags.map((tag) => ({ name: tag, rel: 'keyword' })),
  ];
}

/**
 * `uri` is the scheme's base URI plus the code, when the scheme is a URI or a known IPTC alias.
 * `literal` is the bare code then (the uri keeps the scheme), else the QCode `scheme:code`, so the
 * scheme is never lost.
 */
function subjectOf(subject: Subject): NinjsConcept {
  const { code, name, scheme } = subject;
  const base = scheme === undefined ? null : schemeBase(scheme);
  const uri = code !== undefined && base !== null ? `${base}${encodeUriComponent(code)}` : null;
  const resolved = uri !== null && isUri(uri) ? uri : null;
  const literal = code === undefined ? null : resolved !== null || scheme === undefined ? code : `${scheme}:${code}`;
  return { ...field('name', name), ...field('uri', resolved), ...field('literal', literal) };
}

function schemeBase(scheme: string): string | null {
  const alias = IPTC_SCHEME_ALIASES[scheme.toLowerCase()];
  if (alias !== undefined) return alias;
  if (!/^https?:\/\//i.test(scheme)) return null;
  return /[/#]$/.test(scheme) ? scheme : `${scheme}/`;
}

/** Credited wires as content sources; the wiredesk source the story came through as its distributor. */
function infoSourcesOf(story: Story): NinjsInfoSource[] {
  return [
    ...story.credits.map((name) => ({ name, role: `${PARTY_ROLE}contentSource` })),
    { name: story.source.name, literal: story.source.id, role: `${PARTY_ROLE}distributor` },
  ];
}

function imageAssociation(image: Image, index: number): NinjsAssociation {
  const descriptions: NinjsText[] = [
    ...(image.caption ? [{ role: 'caption', value: image.caption }] : []),
    ...(image.alt ? [{ role: 'alttext', value: image.alt }] : []),
    ...(image.credit ? [{ role: 'creditline', value: image.credit }] : []),
  ];
  const href = toHref(image.url);
  const rendition: NinjsRendition = {
    name: 'default',
    ...field('href', href),
    ...field('width', image.width),
    ...field('height', image.height),
  };
  return {
    name: `image-${index + 1}`,
    // A fetchable URL identifies an image well enough; only a non-URL needs the reversible wrapping.
    uri: href ?? toNinjsUri(image.url),
    type: 'picture',
    representationType: 'partial',
    ...field('descriptions', descriptions),
    ...field('renditions', Object.keys(rendition).length > 1 ? [rendition] : []),
  };
}

function relatedAssociation(link: RelatedLink, index: number): NinjsAssociation {
  const href = toHref(link.url);
  return {
    name: `related-${index + 1}`,
    uri: href ?? toNinjsUri(link.url),
    type: 'text',
    representationType: 'partial',
    headlines: [{ role: 'main', value: link.headline }],
    ...field('renditions', href === null ? [] : [{ name: 'default', href }]),
  };
}

/**
 * The wire's own identifiers under their own roles, then wiredesk's under `wiredesk:` roles: the
 * page URL, the feed guid, the wire revision (etag / version) and the content hash.
 */
function altIdsOf(story: Story): NinjsAltId[] {
  const own: Array<[string, string | null]> = [
    ['wiredesk:url', story.url],
    ['wiredesk:guid', story.guid],
    ['wiredesk:revision', story.revision],
    ['wiredesk:contentHash', story.contentHash],
  ];
  return [
    ...Object.entries(story.altIds).map(([role, value]) => ({ role, value })),
    ...own.flatMap(([role, value]) => (value ? [{ role, value }] : [])),
  ];
}

function to22(doc: Ninjs31Document): Ninjs22Document {
  // The runtime twin of To22: every object this module builds is a schema object, never a free-form map.
  return renameKeys22(doc) as Ninjs22Document;
}

function renameKeys22(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(renameKeys22);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, v]) => [key === 'embargoedUntil' ? 'embargoed' : key.toLowerCase(), renameKeys22(v)]),
  );
}
