/**
 * How an article page's headline, authors and published date are compared with the ground truth:
 * one set of rules, applied alike to wiredesk and to the baselines.
 */
import { instantSeconds } from './score.js';
import { BODY_START_WORDS, bodyStart, normalizeSpace, stripLeadDateline } from './text.js';

/** Letters and digits only, lower-cased: compares words, not punctuation, spacing or typography. */
export function foldText(value: string): string {
  return value.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

export function sameHeadline(expected: string, got: string | null): boolean {
  const want = foldText(expected);
  return got !== null && want !== '' && want === foldText(got);
}

/** A separator before a trailing site or section name: " | Site", " - Site", " – Site", " — Site", " · Site". */
const SITE_SEPARATOR = /\s+[|\u00b7\u2013\u2014-]\s+/g;

/** `longer` is `shorter` followed by a separator and whatever trails it. */
function withTrailingSite(longer: string, shorter: string): boolean {
  const want = foldText(shorter);
  return want !== '' && [...longer.matchAll(SITE_SEPARATOR)].some((m) => foldText(longer.slice(0, m.index)) === want);
}

/** The same headline, or one of the two is the other plus a trailing " | Site" / " - Site" segment. */
export function sameHeadlineUpToSite(expected: string, got: string | null): boolean {
  if (got === null) return false;
  return sameHeadline(expected, got) || withTrailingSite(expected, got) || withTrailingSite(got, expected);
}

/**
 * Names in a byline string: cut at the first line break (bylines scraped with their dateline),
 * a leading "By" dropped, split on , ; & and "and". Not text.ts's bylineNames: that one also
 * splits on "/" and "|", which would turn "Mike Cason | mcason@al.com" into two required names.
 */
export function authorNames(byline: string): string[] {
  const firstLine = byline.trim().split(/\r\n?|\n/)[0] ?? '';
  return firstLine
    .replace(/^\s*by(?:\s+|$)/i, '')
    .split(/\s*(?:[,;&]|\band\b)\s*/i)
    .map(normalizeSpace)
    .filter((name) => foldText(name) !== '');
}

/**
 * Every expected name equals, contains or is contained in one of the predicted names (folded).
 * False when nothing is expected: such pages are not counted.
 */
export function sameAuthors(expected: readonly string[], got: readonly string[]): boolean {
  const predicted = got.map(foldText).filter((name) => name !== '');
  const wanted = expected.map(foldText).filter((name) => name !== '');
  return (
    wanted.length > 0 &&
    wanted.every((want) => predicted.some((name) => name === want || name.includes(want) || want.includes(name)))
  );
}

/**
 * The body opens like the expected opening: it starts with the opening's first words, or its own
 * first words lie within the opening (Mercury's text keeps leading image credits and captions that
 * other extractors drop). A leading dateline is stripped from both, and words compare on letters
 * and digits only: Mercury's text runs some blocks together ('a hoax."Donald Trump'), and an
 * opening cut mid-word is still a prefix.
 */
export function sameOpening(expected: string, body: string): boolean {
  const want = foldText(bodyStart(expected));
  const ours = bodyStart(body);
  if (want === '' || ours === '') return false;
  const text = (value: string): string => foldText(stripLeadDateline(normalizeSpace(value)));
  const wholeOpening = ours.split(' ').length === BODY_START_WORDS;
  return text(body).startsWith(want) || (wholeOpening && text(expected).includes(foldText(ours)));
}

const TIME_OF_DAY = /\d[T ]\d{1,2}:\d{2}/;
/** A time of exactly midnight is how a date without a time is often written ("2013-11-27 00:00:00"). */
const MIDNIGHT = /[T ]00:00(?::00(?:\.0+)?)?(?:Z|[+-]00:?00)?$/i;

export function hasTimeOfDay(value: string): boolean {
  return TIME_OF_DAY.test(value) && !MIDNIGHT.test(value.trim());
}

/** Seconds since the epoch: ISO 8601 as score.ts reads it (no offset = UTC), other forms through Date.parse. */
export function dateSeconds(value: string): number | null {
  const iso = instantSeconds(value);
  if (iso !== null) return iso;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : Math.floor(ms / 1000);
}

const utcDay = (seconds: number): string => new Date(seconds * 1000).toISOString().slice(0, 10);

/** An explicit offset or Z at the end of an ISO-like timestamp. */
const HAS_OFFSET = /(?:Z|[+-]\d{2}:?\d{2})$/i;
const QUARTER_HOUR = 15 * 60;
const MAX_OFFSET = 14 * 3600;

export interface DateMatch {
  /**
   * The same instant within 60 s; the same UTC day when the expected value has no time of day.
   * An expected clock time with no offset names no instant: it matches a prediction that shows the
   * same clock time in some real zone (a whole number of quarter hours, at most 14 h, away).
   */
  exact: boolean;
  /** The same UTC day or within 14 h: forgives a ground truth that read a zone-less time in another zone. */
  sameDay: boolean;
}

export function compareDates(expected: string, got: string | null): DateMatch {
  const want = dateSeconds(expected);
  const have = got === null ? null : dateSeconds(got);
  if (want === null || have === null) return { exact: false, sameDay: false };
  const day = utcDay(want) === utcDay(have);
  const apart = Math.abs(want - have);
  const zoneless = !HAS_OFFSET.test(expected.trim()) && /^\d{4}-\d{2}-\d{2}[T ]\d/.test(expected.trim());
  const sameClock = zoneless && apart <= MAX_OFFSET && Math.abs(apart - Math.round(apart / QUARTER_HOUR) * QUARTER_HOUR) <= 60;
  return { exact: hasTimeOfDay(expected) ? apart <= 60 || sameClock : day, sameDay: day || apart <= 14 * 3600 };
}
