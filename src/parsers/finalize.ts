import { createHash } from 'node:crypto';
import { ParseError, ValidationError } from '../errors.js';
import { contentHashOf } from '../schema/content-hash.js';
import { SCHEMA_VERSION, Story, type Byline, type Format, type Image } from '../schema/story.js';
import { parseBylines } from './cleaners/bylines.js';
import { canonicalCredit, findCredits, splitCaptionCredit } from './cleaners/credits.js';
import { parseDate } from './cleaners/dates.js';
import { parseDateline, splitLeadDateline } from './cleaners/datelines.js';
import { leadingHeader } from './cleaners/header.js';
import { stripLeadText } from './cleaners/lead.js';
import { sanitizeHtml } from './cleaners/sanitize.js';
import { countWords, decodeEntities, htmlToText, markupDepth, normalizeWhitespace } from './cleaners/text.js';
import { normalizeUrl, resolveUrl } from './cleaners/urls.js';
import type { ImageDraft, ParseContext, StoryDraft } from './types.js';

const FEED_FORMATS: ReadonlySet<Format> = new Set(['rss', 'rdf', 'atom', 'jsonfeed', 'html']);
const HAS_SCHEME = /^[a-z][a-z0-9+.-]*:/i;
const HEADLINE_FALLBACK_WORDS = 14;

export interface FinalizeMeta {
  format: Format;
  parser: string;
}

/**
 * Turns a parser's raw draft into a validated Story. Every parser shares this one path, so
 * dates, bylines, datelines, credits, HTML and identity are normalized the same way everywhere.
 * Throws ValidationError (or ParseError for a draft with nothing to show) — never returns junk.
 */
export function finalizeStory(draft: StoryDraft, ctx: ParseContext, meta: FinalizeMeta): Story {
  const zone = { defaultTimeZone: draft.defaultTimeZone ?? ctx.defaultTimeZone };
  // Only a page is its own story; a feed or wire file's URL is where many stories came from.
  const documentUrl = meta.format === 'html' && ctx.url ? resolveUrl(ctx.url) : null;
  const url = draft.url ? resolveUrl(draft.url, ctx.url) : documentUrl;
  const extraction = { ...draft.extraction };

  // Markup nested past the limit (hostile or broken) keeps its text but loses its tags: the
  // sanitizer's tree builder is slow on it, and no real article nests that deep.
  const draftHtml = draft.bodyHtml ?? '';
  const tooDeep = hasMoreTagsThan(draftHtml, ctx.limits.maxDepth) && markupDepth(draftHtml) > ctx.limits.maxDepth;
  const flattened = tooDeep ? textToHtml(htmlToText(draftHtml)) : draftHtml;
  const sanitized = flattened ? sanitizeHtml(flattened, url ? { baseUrl: url } : {}) : '';
  let bodyHtml = sanitized || (draft.bodyText ? textToHtml(draft.bodyText) : '');
  let bodyText = draft.bodyText ? paragraphsOf(draft.bodyText) : htmlToText(bodyHtml);
  const bylines = dedupeBylines((draft.bylines ?? []).flatMap((b) => (typeof b === 'string' ? parseBylines(b) : [cleanByline(b)])));
  const draftHeadline = inline(draft.headline);
  const subheadline = inline(draft.subheadline);
  const slugline = inline(draft.slugline);

  // Lines that restate the header ("By Jane Doe", the dek, "Updated 3:15 p.m.") are not the story's first paragraphs.
  const header = leadingHeader(bodyText, { headline: draftHeadline, subheadline, bylineNames: bylines.map((b) => b.name) });
  const headerless = header ? stripLeadText(bodyHtml, header) : bodyHtml;
  if (headerless !== bodyHtml) {
    bodyText = bodyText.slice(header.length);
    bodyHtml = headerless;
  }

  // A lead like "MEXICO CITY (AP) — …" is the dateline, not the story's first words.
  let datelineText = inline(draft.dateline);
  const firstParagraph = bodyText.split('\n\n', 1)[0] ?? '';
  const lead = splitLeadDateline(firstParagraph);
  if (lead && firstParagraph.endsWith(lead.rest)) {
    const prefix = firstParagraph.slice(0, firstParagraph.length - lead.rest.length);
    bodyText = bodyText.slice(prefix.length);
    bodyHtml = stripLeadText(bodyHtml, prefix);
    datelineText ??= lead.dateline.place || null;
  }
  const dateline = datelineText ? parseDateline(datelineText) : null;

  const headline = draftHeadline ?? slugline ?? headlineFromBody(bodyText);
  if (headline === null) throw new ParseError('WD_ERR_NO_STORY', 'the item has no headline and no text');
  if (!draftHeadline) extraction.headline ??= slugline ? 'slugline' : 'body';

  const images = (draft.images ?? []).flatMap((image) => finalizeImage(image, url));

  const rawDates = pickDefined({
    publishedAt: inline(draft.publishedAt),
    updatedAt: inline(draft.updatedAt),
    firstCreatedAt: inline(draft.firstCreatedAt),
    embargoedUntil: inline(draft.embargoedUntil),
  });
  const date = (raw: string | undefined) => (raw ? parseDate(raw, zone) : null);
  const firstCreatedAt = date(rawDates.firstCreatedAt);
  const updatedAt = date(rawDates.updatedAt);
  const publishedAt = date(rawDates.publishedAt) ?? firstCreatedAt ?? updatedAt;

  const credits = uniqueCredits([
    ...(draft.credits ?? []),
    ...(dateline?.credits ?? []),
    ...(lead?.dateline.credits ?? []),
    ...bylines.flatMap((b) => (b.organization ? [b.organization] : [])),
    ...findCredits(bodyText),
    ...images.flatMap((image) => (image.credit ? findCredits(image.credit) : [])),
  ]);

  const content = {
    headline,
    subheadline,
    slugline,
    bylines,
    dateline: dateline?.place || datelineText,
    section: inline(draft.section),
    tags: unique((draft.tags ?? []).map(inline).filter((t): t is string => t !== null)),
    subjects: draft.subjects ?? [],
    pubStatus: draft.pubStatus ?? 'usable',
    revisionKind: draft.revisionKind ?? null,
    urgency: urgencyOf(draft.urgency),
    embargoedUntil: date(rawDates.embargoedUntil),
    ednote: inline(draft.ednote),
    bodyText,
    images,
    related: draft.related ?? [],
    copyrightNotice: inline(draft.copyrightNotice),
    usageTerms: inline(draft.usageTerms),
  };
  const contentHash = contentHashOf(content);

  const candidate = {
    schemaVersion: SCHEMA_VERSION,
    id: storyId(draft, url, ctx, meta.format, headline, publishedAt),
    version: 1,
    revision: inline(draft.wireRevision) ?? contentHash.slice(0, 16),
    contentHash,
    source: ctx.source,
    url,
    guid: inline(draft.guid),
    altIds: draft.altIds ?? {},
    format: meta.format,
    parser: meta.parser,
    extraction,
    language: canonicalLanguage(draft.language),
    ...content,
    publishedAt,
    updatedAt,
    firstCreatedAt,
    rawDates,
    bodyHtml,
    wordCount: countWords(bodyText),
    credits,
    representation: draft.representation ?? 'full',
    fetchedAt: ctx.fetchedAt,
  };
  const result = Story.safeParse(candidate);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
    throw new ValidationError(`the story fails the schema: ${problems}`, { cause: result.error, details: { storyId: candidate.id } });
  }
  return result.data;
}

/**
 * Identity: a wire id that is a URL is normalized; one with a scheme (urn:, tag:) is kept; a bare
 * feed guid is only unique within its feed, so it is scoped by source. Without a wire id, the
 * canonical URL; without that, a hash of what the item says.
 */
function storyId(draft: StoryDraft, url: string | null, ctx: ParseContext, format: Format, headline: string, publishedAt: string | null): string {
  const wireId = inline(draft.wireId);
  if (wireId) {
    if (/^https?:\/\//i.test(wireId)) return normalizeUrl(wireId) ?? wireId;
    if (HAS_SCHEME.test(wireId) || !FEED_FORMATS.has(format)) return wireId;
    return `urn:wiredesk:${ctx.source.id}:${wireId}`;
  }
  const canonical = url ? normalizeUrl(url) : null;
  if (canonical) return canonical;
  return `urn:wiredesk:${ctx.source.id}:${sha256(`${headline}\n${publishedAt ?? ''}`).slice(0, 32)}`;
}

/** Each tag opens at most one level, so markup with no more tags than the limit needs no depth count. */
function hasMoreTagsThan(html: string, limit: number): boolean {
  let tags = 0;
  for (let i = html.indexOf('<'); i >= 0; i = html.indexOf('<', i + 1)) if (++tags > limit) return true;
  return false;
}

/** One-line text: tags stripped, entities decoded (feeds often double-escape), whitespace collapsed. */
function inline(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const text = /<[a-z!/]/i.test(value) ? htmlToText(value) : value;
  const cleaned = normalizeWhitespace(decodeEntities(text));
  return cleaned === '' ? null : cleaned;
}

/** Plain text from a format without markup: paragraphs normalized, blank lines between them. */
function paragraphsOf(text: string): string {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.split('\n').map(normalizeWhitespace).filter(Boolean).join('\n'))
    .filter(Boolean)
    .join('\n\n');
}

function textToHtml(text: string): string {
  return paragraphsOf(text)
    .split('\n\n')
    .map((p) => `<p>${escapeHtml(p).replaceAll('\n', '<br>')}</p>`)
    .join('');
}

function escapeHtml(value: string): string {
  return value.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');
}

function headlineFromBody(bodyText: string): string | null {
  const words = bodyText.split(/\s+/).filter(Boolean);
  if (words.length === 0) return null;
  return words.length <= HEADLINE_FALLBACK_WORDS ? words.join(' ') : `${words.slice(0, HEADLINE_FALLBACK_WORDS).join(' ')}…`;
}

function cleanByline(byline: Byline): Byline {
  const name = inline(byline.name) ?? byline.name;
  const title = inline(byline.title);
  const organization = inline(byline.organization);
  return { name, ...(title ? { title } : {}), ...(organization ? { organization } : {}) };
}

function dedupeBylines(bylines: Byline[]): Byline[] {
  const seen = new Set<string>();
  return bylines.filter((b) => {
    const key = b.name.toLowerCase();
    if (b.name === '' || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function finalizeImage(image: ImageDraft, base: string | null): Image[] {
  const url = resolveUrl(image.url, base ?? undefined);
  if (!url) return [];
  let caption = inline(image.caption);
  let credit = inline(image.credit);
  if (caption && !credit) {
    const split = splitCaptionCredit(caption);
    caption = split.caption || null;
    credit = split.credit;
  }
  return [{ url, caption, credit, alt: inline(image.alt), width: dimension(image.width), height: dimension(image.height) }];
}

function urgencyOf(value: number | null | undefined): number | null {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 9 ? value : null;
}

function dimension(value: number | string | null | undefined): number | null {
  const n = typeof value === 'string' ? Number.parseInt(value, 10) : value;
  return typeof n === 'number' && Number.isInteger(n) && n > 0 ? n : null;
}

/** Known wires in their canonical short form; other credits as given. First appearance wins. */
function uniqueCredits(names: string[]): string[] {
  return unique(names.map((n) => canonicalCredit(n) ?? inline(n)).filter((n): n is string => n !== null));
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

function canonicalLanguage(value: string | null | undefined): string | null {
  const tag = inline(value)?.replace('_', '-');
  if (!tag) return null;
  try {
    return Intl.getCanonicalLocales(tag)[0] ?? null;
  } catch {
    return null;
  }
}

function pickDefined<T extends Record<string, string | null>>(record: T): { [K in keyof T]?: string } {
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== null)) as { [K in keyof T]?: string };
}

function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}
