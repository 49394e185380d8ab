import type { Document, Element } from 'domhandler';
import type { Logger } from '../logger.js';
import type { Byline, Format, PubStatus, RelatedLink, RevisionKind, Subject } from '../schema/story.js';

/** Limits that keep hostile or runaway documents from exhausting memory or the stack. */
export interface ParseLimits {
  /** Largest document accepted, in bytes (after decompression). */
  maxBytes: number;
  /** Deepest element nesting accepted. */
  maxDepth: number;
  /** Most stories taken from one document; the rest are dropped with a warning. */
  maxStories: number;
}

export const DEFAULT_PARSE_LIMITS: Readonly<ParseLimits> = Object.freeze({
  maxBytes: 16 * 1024 * 1024,
  maxDepth: 512,
  maxStories: 5000,
});

export interface ParseContext {
  source: { id: string; name: string };
  /** Where the document came from: resolves relative links and picks site parsers by host. */
  url?: string;
  /** The HTTP Content-Type, when the document was fetched. */
  contentType?: string;
  /** IANA zone for dates that carry no offset: the source's setting, else UTC. */
  defaultTimeZone: string;
  /**
   * True when that zone was configured for the source. When it was not, a parser may know better
   * from the document itself (an American page's zone-less "4:19 PM" is not 4:19 PM in London).
   */
  timeZoneConfigured: boolean;
  /** ISO UTC instant the bytes were fetched (or read). */
  fetchedAt: string;
  limits: ParseLimits;
  logger?: Logger;
}

/** A decoded document, parsed once, handed to the parser that recognised it. */
export type ParsedDocument =
  | { kind: 'xml'; document: Document; root: Element; text: string }
  | { kind: 'json'; value: unknown; text: string }
  | { kind: 'html'; document: Document; text: string };

export type DocumentKind = ParsedDocument['kind'];

export type DocumentOf<K extends DocumentKind> = Extract<ParsedDocument, { kind: K }>;

/** An image as a parser found it; finalization resolves the URL and splits credit out of the caption. */
export interface ImageDraft {
  url: string;
  caption?: string | null;
  credit?: string | null;
  alt?: string | null;
  width?: number | string | null;
  height?: number | string | null;
}

/**
 * What a parser extracts from one story. Everything is optional and raw: finalization
 * (shared by all parsers) normalizes dates, bylines, datelines, credits, HTML and ids, then
 * validates the result against the Story schema.
 */
export interface StoryDraft {
  /** The wire's own story id: NITF doc-id, NewsML-G2 guid, AP itemid, ninjs uri, RSS guid, Atom id. */
  wireId?: string | null;
  /** The wire's own revision id: AP etag, NewsML-G2 version, ninjs version. */
  wireRevision?: string | null;
  url?: string | null;
  guid?: string | null;
  altIds?: Record<string, string>;
  /** Strategy per field, when a parser mixes several (HTML pages). */
  extraction?: Record<string, string>;
  language?: string | null;
  headline?: string | null;
  subheadline?: string | null;
  slugline?: string | null;
  /** Structured bylines, or raw byline strings ("By Jane Doe and John Roe, AP") to be split. */
  bylines?: Array<Byline | string>;
  /** Raw dateline text ("MEXICO CITY (AP) —" or "VILNIUS, Lithuania"). */
  dateline?: string | null;
  section?: string | null;
  tags?: string[];
  subjects?: Subject[];
  /** IANA zone for this story's zone-less dates when the parser knows better than the source default (a site's own zone). */
  defaultTimeZone?: string;
  /** Raw date strings, any common format; zone-less ones use the context's default zone. */
  publishedAt?: string | null;
  updatedAt?: string | null;
  firstCreatedAt?: string | null;
  embargoedUntil?: string | null;
  pubStatus?: PubStatus | null;
  revisionKind?: RevisionKind | null;
  urgency?: number | null;
  ednote?: string | null;
  /** Unsanitized body HTML; sanitized in finalization. */
  bodyHtml?: string | null;
  /** Plain body text, when the format has no markup; derived from bodyHtml otherwise. */
  bodyText?: string | null;
  images?: ImageDraft[];
  /** Wire credits the format states outright (NITF distributor, G2 infoSource, AP provider). */
  credits?: string[];
  related?: RelatedLink[];
  copyrightNotice?: string | null;
  usageTerms?: string | null;
  representation?: 'full' | 'partial';
}

/** One parser per format: it recognises its documents and turns one into story drafts. */
export interface Parser<K extends DocumentKind = DocumentKind> {
  format: Format;
  kind: K;
  /** True when the document is this parser's format (root element, namespace or JSON shape). */
  detect(doc: DocumentOf<K>, ctx: ParseContext): boolean;
  /** One draft per story; throws ParseError when the document cannot yield any. */
  parse(doc: DocumentOf<K>, ctx: ParseContext): StoryDraft[];
}
