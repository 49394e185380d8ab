import { isWeekdayName, monthFromName } from './date-names.js';
import { comparable } from './text.js';

/** What the story's header already says: lines of the body that only restate it are not the story. */
export interface StoryHeader {
  headline: string | null;
  subheadline: string | null;
  bylineNames: readonly string[];
}

/** Header lines sit at the very top; past this many paragraphs the story has begun. */
const MAX_HEADER_PARAGRAPHS = 6;
/** A kicker ("Corona", "Breaking News") is a few words with no sentence in them. */
const KICKER_MAX_WORDS = 3;
const KICKER_MAX_CHARS = 30;
const STAMP_MAX_CHARS = 100;
const BYLINE_MAX_WORDS = 12;
/** A reading-time segment ("8 min read", "Reading time: 4 minutes"): a number and a few words. */
const READING_TIME_MAX_WORDS = 4;
/** A sentence (or a fragment of one) ends with one of these; a headline, a dek or a kicker usually does not. */
const SENTENCE_END = /[.!?…,;:"”’»)]$/;
const SEGMENT_SEPARATOR = /\s*[|·•]\s*/;
const BYLINE_PREFIX = /^(?:by|par|por|von|di|de|door|av|af)\s+/i;
const NAME_SEPARATOR = /\s*(?:,|;|&|\band\b|\bund\b|\bet\b|\by\b|\be\b)\s*/i;
/** Numbers as dates and times print them: "19", "19th", "3:15", "15.05.2020", "2016-12-19", "07h30". */
const NUMERIC = /^\d{1,4}(?:st|nd|rd|th|er|e|\.)?(?:[.:/h-]\d{1,4})*\.?$/i;
const DATE_OR_TIME = /\d{1,2}[:h]\d\d|\d{1,4}[./-]\d{1,2}[./-]\d{2,4}/i;
const MERIDIEM = /^(?:[ap]\.?m\.?|uhr|h)$/i;
/** A CJK date or time: "2019年3月1日", "13時16分". */
const CJK_DATE = /^[\d０-９]+(?:[年月日時分秒][\d０-９]*)+[年月日時分秒]?$/;
/** Zone abbreviations (EDT, GMT, IST, MESZ) and "ET"; upper case only, as printed. */
const ZONE = /^\(?[A-Z]{2,5}\)?$/;
/** Short function words between a label and its date ("Updated on … at …", "le … à …"). */
const MAX_FILLER_CHARS = 3;

/**
 * The text that opens `bodyText` but belongs to the story's header, or '' when the story starts
 * at once: the headline or the dek restated, the byline, a date stamp ("Updated on September 19
 * at 3:15 p.m.", "15.05.2020, 07:11 | Lesedauer: 8 Minuten", "2019年3月1日 13時16分"), and a
 * kicker just above one of them. Templates print these inside the article box, so extractors take
 * them for the first paragraphs. A restated headline or dek must not read as a sentence (a
 * description that repeats the lede is still the lede), and at least one paragraph always stays.
 *
 * @example leadingHeader('By Jane Doe\n\nThe story.', { headline: null, subheadline: null, bylineNames: ['Jane Doe'] }) // 'By Jane Doe\n\n'
 */
export function leadingHeader(bodyText: string, header: StoryHeader): string {
  // Only the top is read: one paragraph past the limit is enough to know one always stays.
  const paragraphs = bodyText.split('\n\n', MAX_HEADER_PARAGRAPHS + 1);
  const restated = new Set([header.headline, header.subheadline].filter((v): v is string => Boolean(v)).map(comparable));
  const names = new Set(header.bylineNames.map(comparable).filter(Boolean));
  let cut = 0;
  for (let i = 0; i < Math.min(paragraphs.length - 1, MAX_HEADER_PARAGRAPHS); i++) {
    const paragraph = paragraphs[i]!;
    if (isHeaderLine(paragraph, restated, names)) cut = i + 1;
    else if (!isKicker(paragraph)) break;
  }
  return cut === 0 ? '' : paragraphs.slice(0, cut).join('\n\n') + '\n\n';
}

function isHeaderLine(paragraph: string, restated: ReadonlySet<string>, names: ReadonlySet<string>): boolean {
  if (!SENTENCE_END.test(paragraph) && restated.has(comparable(paragraph))) return true;
  if (paragraph.length > STAMP_MAX_CHARS) return false;
  // Each segment of "15.05.2020, 07:11 | Lesedauer: 8 Minuten" is a stamp, a byline or a reading time; a reading time alone is not enough.
  const kinds = paragraph
    .split(SEGMENT_SEPARATOR)
    .filter(Boolean)
    .map((segment) => (isDateStamp(segment) ? 'stamp' : isBylineOf(segment, names) ? 'byline' : isReadingTime(segment) ? 'reading time' : 'other'));
  return !kinds.includes('other') && kinds.some((kind) => kind !== 'reading time');
}

function isKicker(paragraph: string): boolean {
  return paragraph.length <= KICKER_MAX_CHARS && paragraph.split(/\s+/).length <= KICKER_MAX_WORDS && !SENTENCE_END.test(paragraph);
}

/** "By Matt Snyder", "Melanie Wassink", "Par Jane Doe et John Roe": every name one of the story's bylines. */
function isBylineOf(segment: string, names: ReadonlySet<string>): boolean {
  if (names.size === 0 || segment.split(/\s+/).length > BYLINE_MAX_WORDS) return false;
  const parts = segment.replace(BYLINE_PREFIX, '').split(NAME_SEPARATOR).filter(Boolean);
  return parts.length > 0 && parts.every((part) => names.has(comparable(part)));
}

/**
 * A date or a time, led by at most one label word: "Updated on September 19 at 3:15 p.m.",
 * "Published: Dec. 22, 2016, 6:47 p.m. EST", "15.05.2020, 07:11", "2019年3月1日 13時16分".
 */
function isDateStamp(segment: string): boolean {
  const words = segment.split(/[\s,]+/).filter(Boolean);
  let dated = DATE_OR_TIME.test(segment);
  let hasNumber = false;
  let hasMonth = false;
  const labels = words.filter((word) => {
    const bare = word.replace(/^[(]+|[):;,]+$/g, '');
    if (CJK_DATE.test(bare)) {
      dated = true;
      return false;
    }
    if (NUMERIC.test(bare)) {
      hasNumber = true;
      return false;
    }
    if (monthFromName(bare) !== null) {
      hasMonth = true;
      return false;
    }
    return !(isWeekdayName(bare) || MERIDIEM.test(bare) || ZONE.test(bare) || bare.length <= MAX_FILLER_CHARS);
  });
  // The one label leads ("Updated …", "Published: …"): a word after the date makes it a sentence ("In 2019, 12:30 was late.").
  return (dated || (hasMonth && hasNumber)) && (labels.length === 0 || (labels.length === 1 && labels[0] === words[0]));
}

/** "8 min read", "Lesedauer: 8 Minuten", "Reading time: 4 minutes". */
function isReadingTime(segment: string): boolean {
  const words = segment.split(/\s+/);
  return words.length <= READING_TIME_MAX_WORDS && words.some((w) => /^\d+$/.test(w)) && !DATE_OR_TIME.test(segment);
}
