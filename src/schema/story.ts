import { z } from 'zod';

/** Bumped when the record changes shape in a way consumers must know about. */
export const SCHEMA_VERSION = 1;

/** Every wire and page format wiredesk reads; a parser is registered under each. */
export const FORMATS = [
  'rss',
  'rdf',
  'atom',
  'jsonfeed',
  'nitf',
  'newsml-g2',
  'newsml-1.2',
  'ninjs',
  'ap-media',
  'html',
] as const;
export const Format = z.enum(FORMATS);
export type Format = z.infer<typeof Format>;

/** An instant in UTC, always with the `Z` suffix and millisecond precision dropped when zero. */
export const UtcTimestamp = z.iso.datetime({ offset: false, local: false });

export const PubStatus = z.enum(['usable', 'withheld', 'canceled']);
export type PubStatus = z.infer<typeof PubStatus>;

export const RevisionKind = z.enum(['new', 'update', 'correction', 'writethru', 'advisory', 'kill']);
export type RevisionKind = z.infer<typeof RevisionKind>;

export const Representation = z.enum(['full', 'partial']);

export const Byline = z.object({
  name: z.string().min(1),
  title: z.string().min(1).optional(),
  organization: z.string().min(1).optional(),
});
export type Byline = z.infer<typeof Byline>;

export const Subject = z
  .object({
    code: z.string().min(1).optional(),
    name: z.string().min(1).optional(),
    scheme: z.string().min(1).optional(),
  })
  .refine((s) => s.code !== undefined || s.name !== undefined, { message: 'a subject needs a code or a name' });
export type Subject = z.infer<typeof Subject>;

export const Image = z.object({
  url: z.string().min(1),
  caption: z.string().nullable(),
  credit: z.string().nullable(),
  alt: z.string().nullable(),
  width: z.number().int().positive().nullable(),
  height: z.number().int().positive().nullable(),
});
export type Image = z.infer<typeof Image>;

export const RelatedLink = z.object({ headline: z.string().min(1), url: z.string().min(1) });
export type RelatedLink = z.infer<typeof RelatedLink>;

/** The untouched date strings each normalized timestamp came from, for audit and re-parsing. */
export const RawDates = z.object({
  publishedAt: z.string().optional(),
  updatedAt: z.string().optional(),
  firstCreatedAt: z.string().optional(),
  embargoedUntil: z.string().optional(),
});

/** One normalized, versioned story: the contract every sink and consumer reads. */
export const Story = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  /** Stable across revisions: the wire's own id, else the normalized canonical URL. */
  id: z.string().min(1),
  /** 1, 2, … per content change, assigned by the pipeline (1 when parsed offline). */
  version: z.number().int().min(1),
  /** The wire's revision id (AP etag, NewsML-G2 version) or, failing that, the content hash. */
  revision: z.string().min(1),
  /** sha256 (hex) of the editorial content; equal hashes mean nothing a reader sees changed. */
  contentHash: z.string().regex(/^[0-9a-f]{64}$/),
  source: z.object({ id: z.string().min(1), name: z.string().min(1) }),
  url: z.string().nullable(),
  guid: z.string().nullable(),
  /** Every identifier the wire gave (itemid, etag, doc-id, friendlykey, …), by role. */
  altIds: z.record(z.string(), z.string()),
  format: Format,
  /** The parser that produced the record, e.g. `rss`, `nitf`, `html`. */
  parser: z.string().min(1),
  /** Which strategy produced each field (`site:apnews`, `json-ld`, `generic`, …) when it varies. */
  extraction: z.record(z.string(), z.string()),
  language: z.string().nullable(),
  headline: z.string().min(1),
  subheadline: z.string().nullable(),
  slugline: z.string().nullable(),
  bylines: z.array(Byline),
  /** The place text of the dateline, e.g. "VILNIUS, Lithuania". */
  dateline: z.string().nullable(),
  section: z.string().nullable(),
  tags: z.array(z.string()),
  subjects: z.array(Subject),
  publishedAt: UtcTimestamp.nullable(),
  updatedAt: UtcTimestamp.nullable(),
  firstCreatedAt: UtcTimestamp.nullable(),
  rawDates: RawDates,
  pubStatus: PubStatus,
  revisionKind: RevisionKind.nullable(),
  /** 1 (flash) … 9 (lowest), as the wire gives it. */
  urgency: z.number().int().min(1).max(9).nullable(),
  embargoedUntil: UtcTimestamp.nullable(),
  ednote: z.string().nullable(),
  /** Paragraphs separated by blank lines; list items kept one per line. */
  bodyText: z.string(),
  /** Sanitized HTML: allow-listed tags and attributes only. */
  bodyHtml: z.string(),
  wordCount: z.number().int().min(0),
  images: z.array(Image),
  /** Wire services the story credits (AP, CNN, Reuters, …), from datelines, attributions and photo credits. */
  credits: z.array(z.string()),
  related: z.array(RelatedLink),
  copyrightNotice: z.string().nullable(),
  usageTerms: z.string().nullable(),
  /** `partial` when the document carries only a teaser (a feed item without the full text). */
  representation: Representation,
  fetchedAt: UtcTimestamp,
});
export type Story = z.infer<typeof Story>;
