import * as chrono from 'chrono-node';
import { DateTime, type Zone } from 'luxon';
import { isWeekdayName, monthFromName } from './date-names.js';
import { normalizeWhitespace } from './text.js';
import { zoneFromToken } from './zones.js';

export interface DateParseOptions {
  /** IANA zone used when the string carries no offset or zone abbreviation. Default 'UTC'. */
  defaultTimeZone?: string;
}

/** Longer strings are prose, not a date field; the cap also bounds every regex below. */
const MAX_DATE_LENGTH = 200;

/** Zone-less Korean dates (Nate, Onblog) are Korean local time, whatever the source's default. */
const KOREAN_ZONE = 'Asia/Seoul';

interface DateParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  /** The zone the string names (or implies); null when it names none (the default zone applies). */
  zone: Zone | string | null;
}

/** A form matched but its values are impossible (hour 25, unknown zone): reject, don't guess. */
const INVALID = 'invalid';
type Attempt = DateParts | typeof INVALID | null;

// Pattern fragments shared by the fixed-order forms. Input whitespace is collapsed to single
// spaces first, and every quantifier is bounded or separated by literals, so matching is linear.
const WEEKDAY = String.raw`(?:(?<wd>\p{L}{2,9})\.?,? ?)?`;
const TIME = String.raw`(?<h>\d{1,2}):(?<mi>\d{2})(?::(?<s>\d{2}))?(?:[.,](?<f>\d{1,9}))?(?: ?(?<ap>[AaPp])\.?[Mm]\.?(?!\p{L}))?`;
const ZONE = String.raw`(?<z>[A-Za-z+-][^\s()]*)`;
/** JavaScript's Date#toString appends the zone's long name: "(Central European Summer Time)". */
const ZONE_NAME = String.raw`(?: ?\([^()]*\))?`;

/** ISO 8601 / RFC 3339 / W3DTF, incl. reduced precision, ordinal dates and foreign month names. */
const ISO = new RegExp(
  String.raw`^(?<y>\d{4})(?:(?<sep>-?)(?<mo>\d{2,3}|\p{L}{3,12})(?:\k<sep>(?<d>\d{2}))?)?` +
    String.raw`(?:[Tt ](?<h>\d{1,2})(?::?(?<mi>\d{2})(?::?(?<s>\d{2}))?)?(?:[.,](?<f>\d{1,9}))? ?${ZONE}?)?$`,
  'u',
);
/** ISO 8601:1988 two-digit-year forms: YYMMDD, YY-MM-DD, -YYMM, -YY-MM. */
const ISO_SHORT_DATE = /^(?<y>\d{2})(?<sep>-?)(?<mo>\d{2})\k<sep>(?<d>\d{2})$/;
const ISO_SHORT_MONTH = /^-(?<y>\d{2})-?(?<mo>\d{2})$/;
/** RFC 822/1123/2822 and kin: "Thu, 01 Jan 04 19:48:21 GMT", "Mon, 13 Feb, 2012 06:28 UTC", "03 Apr 02 1500 GMT". */
const DAY_MONTH_YEAR = new RegExp(
  String.raw`^${WEEKDAY}(?<d>\d{1,2})[ -](?<mon>\p{L}{3,12})\.?(?: ?, ?| |-)(?<y>\d{4}|\d{2})(?:,? (?:${TIME}|(?<hhmm>\d{4})))?(?: ?${ZONE})?${ZONE_NAME}$`,
  'u',
);
/** asctime, Twitter and Date#toString: "Sun Jan 4 16:29:06 2004", "Thu Aug 30 2012 17:26:16 +0200". */
const MONTH_DAY_TIME = new RegExp(
  String.raw`^${WEEKDAY}(?<mon>\p{L}{3,12})\.? (?<d>\d{1,2})(?: ?, ?| )(?:(?<y>\d{4}),? )?${TIME}(?: ?${ZONE})?(?: (?<y2>\d{4}))?${ZONE_NAME}$`,
  'u',
);
/** Perforce and friends: "Fri, 2006/09/15 08:19:53 EDT". */
const SLASHED = new RegExp(String.raw`^${WEEKDAY}(?<y>\d{4})/(?<mo>\d{1,2})/(?<d>\d{1,2})(?: ${TIME})?(?: ?${ZONE})?$`, 'u');
/** European dotted dates are always day first: "12.09.2025 14:05". */
const DOTTED = new RegExp(String.raw`^${WEEKDAY}(?<d>\d{1,2})\. ?(?<mo>\d{1,2})\. ?(?<y>\d{4})(?:,? ${TIME})?(?: ?${ZONE})?$`, 'u');
/** Korean blog dates: "2004년 05월 28일 01:31:15", "2004-05-25 오후 11:23:17" (오전 = a.m., 오후 = p.m.). */
const KOREAN =
  /^(?<y>\d{4})(?:년 ?|-)(?<mo>\d{1,2})(?:월 ?|-)(?<d>\d{1,2})일?(?: (?:(?<ko>오전|오후) ?)?(?<h>\d{1,2}):(?<mi>\d{2})(?::(?<s>\d{2}))?)?$/;

/** A time or meridiem just before a zone abbreviation in prose ("7:42 AM CDT", "3:15 p.m. ET"). */
const TIME_BEFORE_ZONE = /(?:\d:\d\d|\d[AaPp][Mm]|\b[AaPp]\.?[Mm]\.?)$/;
/** Words that may surround a date on a page without being part of it. */
const FILLER_WORDS: ReadonlySet<string> = new Set(
  'updated update published posted last modified originally first created on at date time'.split(' '),
);

/**
 * Parses a date string in any common wire/feed/page format to ISO 8601 UTC (`…Z`), or null.
 * Milliseconds appear only when non-zero. Zone-less times are read in `defaultTimeZone`
 * (DST-correct); impossible values, unknown zones and trailing junk are rejected, not guessed.
 * Never throws.
 *
 * @example parseDate('Thu, 01 Jan 2004 19:48:21 GMT') // '2004-01-01T19:48:21Z'
 * @example parseDate('Sep 12, 2025 7:42 AM CDT') // '2025-09-12T12:42:00Z'
 * @example parseDate('2024-09-03T04:03:19', { defaultTimeZone: 'America/New_York' }) // '2024-09-03T08:03:19Z'
 * @example parseDate('2003-12-31T25:14:55Z') // null
 */
export function parseDate(raw: string, options: DateParseOptions = {}): string | null {
  if (typeof raw !== 'string') return null;
  const text = normalizeWhitespace(raw);
  if (text === '' || text.length > MAX_DATE_LENGTH) return null;
  try {
    const parts = rememberedParts(text);
    return parts === null ? null : toUtcIso(parts, parts.zone ?? options.defaultTimeZone ?? 'UTC');
  } catch {
    // Belt and braces: luxon and chrono are not documented as throw-free on every input.
    return null;
  }
}

/**
 * What recent date strings were read as, whatever zone they are then placed in: a page's dates
 * are read by several strategies and again by finalize (on the corpus, 4.4 calls for 1.7 distinct
 * strings a page), and prose goes through chrono. Bounded, and keyed by copies: a string sliced
 * from a page's markup would keep the whole page's text alive.
 */
const recentParts = new Map<string, DateParts | null>();
const RECENT_PARTS = 256;

function rememberedParts(text: string): DateParts | null {
  const known = recentParts.get(text);
  if (known !== undefined) return known;
  const parts = readParts(text);
  if (recentParts.size >= RECENT_PARTS) recentParts.clear();
  recentParts.set(structuredClone(text), parts);
  return parts;
}

/** The date and time a string states, and the zone it names (Korean local time for a Korean date); null when it states none. */
function readParts(text: string): DateParts | null {
  const korean = parseKorean(text);
  if (korean) return { ...korean, zone: KOREAN_ZONE };
  const parts = parseFixedForm(text) ?? parseProse(text);
  return parts === null || parts === INVALID ? null : parts;
}

/** The fixed-order machine formats, most specific first; null when none has this shape. */
function parseFixedForm(text: string): Attempt {
  const iso = parseIso(text);
  if (iso !== null) return iso;
  // "2013-01-27-01" is a broken machine date: prose parsing would only guess at it.
  if (/^\d{4}-\d/.test(text)) return INVALID;
  return parseRfcLike(text);
}

function parseIso(text: string): Attempt {
  const iso = ISO.exec(text)?.groups;
  // Compact forms need the full YYYYMMDD (ISO forbids YYYYMM: "031231" is YYMMDD), and a time needs a day.
  if (iso && !(iso.sep === '' && iso.d === undefined) && !(iso.h !== undefined && iso.d === undefined)) {
    const { mo, d } = iso;
    if (mo !== undefined && /^\d{3}$/.test(mo) && d === undefined) return ordinalDate(Number(iso.y), Number(mo));
    const month = mo === undefined ? 1 : numericMonth(mo);
    return month === null ? INVALID : build(iso, Number(iso.y), month, d === undefined ? 1 : Number(d));
  }
  const short = ISO_SHORT_DATE.exec(text)?.groups ?? ISO_SHORT_MONTH.exec(text)?.groups;
  if (!short) return null;
  return build(short, twoDigitYear(short.y ?? ''), Number(short.mo), short.d === undefined ? 1 : Number(short.d));
}

function parseRfcLike(text: string): Attempt {
  const dayFirst = DAY_MONTH_YEAR.exec(text)?.groups;
  // Military-style "1500" is the clock without its colon.
  const named = dayFirst?.hhmm ? { ...dayFirst, h: dayFirst.hhmm.slice(0, 2), mi: dayFirst.hhmm.slice(2) } : (dayFirst ?? MONTH_DAY_TIME.exec(text)?.groups);
  if (named) {
    const month = monthFromName(named.mon ?? '');
    const year = named.y ?? named.y2;
    if (month === null || year === undefined || (named.y !== undefined && named.y2 !== undefined)) return null;
    if (named.wd !== undefined && !isWeekdayName(named.wd)) return null;
    return build(named, year.length === 2 ? twoDigitYear(year) : Number(year), month, Number(named.d));
  }
  const numeric = SLASHED.exec(text)?.groups ?? DOTTED.exec(text)?.groups;
  if (!numeric || (numeric.wd !== undefined && !isWeekdayName(numeric.wd))) return null;
  return build(numeric, Number(numeric.y), Number(numeric.mo), Number(numeric.d));
}

function parseKorean(text: string): DateParts | null {
  const g = KOREAN.exec(text)?.groups;
  // Without a Korean marker this is a plain ISO date, which the default zone governs.
  if (!g || !/[년오]/.test(text)) return null;
  const meridiem = g.ko === undefined ? undefined : g.ko === '오전' ? 'a' : 'p';
  const parts = build({ ...g, ap: meridiem }, Number(g.y), Number(g.mo), Number(g.d));
  return parts === INVALID ? null : parts;
}

/**
 * Prose on pages: "Updated 3:15 PM EDT, Fri September 12, 2025". chrono-node reads the words;
 * zones are taken out first so every path shares one zone table. The date must be complete
 * (year, month and day stated) and nothing but filler may be left over.
 */
function parseProse(text: string): Attempt {
  const extracted = extractProseZone(text);
  if (extracted === INVALID) return INVALID;
  const results = chrono.strict.parse(extracted.text);
  if (results.some((r) => [...r.tags()].some((tag) => tag.startsWith('result/relativeDate')))) return null;

  const isDated = (r: chrono.ParsedResult) => r.start.isCertain('year') && r.start.isCertain('month') && r.start.isCertain('day');
  const dated = results.filter(isDated);
  const date = dated[0];
  if (date === undefined || dated.length > 1) return null;
  const timed = date.start.isCertain('hour') ? date : results.find((r) => !isDated(r) && r.start.isCertain('hour'));
  const used = timed === undefined || timed === date ? [date] : [date, timed];
  if (!onlyFillerLeft(extracted.text, used)) return null;

  const zone = extracted.zone ?? chronoZone(date) ?? (timed ? chronoZone(timed) : null);
  const component = (r: chrono.ParsedResult | undefined, key: chrono.Component) => (r ? (r.start.get(key) ?? 0) : 0);
  return {
    year: component(date, 'year'),
    month: component(date, 'month'),
    day: component(date, 'day'),
    hour: component(timed, 'hour'),
    minute: component(timed, 'minute'),
    second: component(timed, 'second'),
    millisecond: component(timed, 'millisecond'),
    zone,
  };
}

/** Takes a zone abbreviation or offset that follows a time out of prose (at most one zone). */
function extractProseZone(text: string): { text: string; zone: Zone | null } | typeof INVALID {
  const tokens = text.split(' ');
  let zone: Zone | null = null;
  for (let i = 1; i < tokens.length; i++) {
    const token = (tokens[i] ?? '').replace(/^\(/, '').replace(/[),;]+$/, '');
    if (!/^(?:[A-Z]{1,5}|(?:GMT|UTC)?[+-]\d{1,2}(?::?\d{2})?)$/.test(token)) continue;
    if (!TIME_BEFORE_ZONE.test((tokens[i - 1] ?? '').replace(/[,;]$/, ''))) continue;
    const found = zoneFromToken(token);
    if (found === null) continue;
    if (zone !== null && !zone.equals(found)) return INVALID;
    zone = found;
    tokens[i] = tokens[i]?.includes(',') ? ',' : '';
  }
  return { text: tokens.join(' '), zone };
}

function chronoZone(result: chrono.ParsedResult): Zone | null {
  if (!result.start.isCertain('timezoneOffset')) return null;
  const offset = result.start.get('timezoneOffset');
  return offset === null ? null : zoneFromToken(formatOffset(offset));
}

/** True when, outside the parsed spans, only punctuation and filler words remain. */
function onlyFillerLeft(text: string, used: chrono.ParsedResult[]): boolean {
  let rest = text;
  for (const r of [...used].sort((a, b) => b.index - a.index)) {
    rest = `${rest.slice(0, r.index)} ${rest.slice(r.index + r.text.length)}`;
  }
  return rest
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .every((word) => FILLER_WORDS.has(word.toLowerCase()));
}

/** Turns matched groups into parts; INVALID when the clock or zone is impossible. */
function build(g: Record<string, string | undefined>, year: number, month: number, day: number): DateParts | typeof INVALID {
  let hour = g.h === undefined ? 0 : Number(g.h);
  if (g.ap !== undefined) {
    if (hour < 1 || hour > 12) return INVALID;
    hour = (hour % 12) + (/p/i.test(g.ap) ? 12 : 0);
  }
  let zone: Zone | null = null;
  if (g.z !== undefined) {
    zone = zoneFromToken(g.z);
    if (zone === null) return INVALID;
  }
  return {
    year,
    month,
    day,
    hour,
    minute: g.mi === undefined ? 0 : Number(g.mi),
    second: g.s === undefined ? 0 : Number(g.s),
    millisecond: g.f === undefined ? 0 : Number(g.f.padEnd(3, '0').slice(0, 3)),
    zone,
  };
}

function ordinalDate(year: number, dayOfYear: number): Attempt {
  const date = DateTime.fromObject({ year, ordinal: dayOfYear }, { zone: 'UTC' });
  return date.isValid ? { year, month: date.month, day: date.day, hour: 0, minute: 0, second: 0, millisecond: 0, zone: null } : INVALID;
}

/** "12", "012" (feedparser has seen three-digit months) or a month name ("július"). */
function numericMonth(value: string): number | null {
  if (/^\d+$/.test(value)) return value.length === 3 && !value.startsWith('0') ? null : Number(value);
  return monthFromName(value);
}

/** RFC 2822 §4.3: 00–49 are 2000–2049, 50–99 are 1950–1999. */
function twoDigitYear(value: string): number {
  const year = Number(value);
  return year < 50 ? 2000 + year : 1900 + year;
}

function formatOffset(minutes: number): string {
  const abs = Math.abs(minutes);
  return `${minutes < 0 ? '-' : '+'}${String(Math.floor(abs / 60)).padStart(2, '0')}${String(abs % 60).padStart(2, '0')}`;
}

/** Validates the parts (luxon rejects month 13, Feb 30, minute 61, bad zones) and renders UTC. */
function toUtcIso(parts: DateParts, zone: Zone | string): string | null {
  // ISO 8601 allows 24:00 for the end of a day, and RFC 3339 allows a leap second.
  const endOfDay = parts.hour === 24 && parts.minute === 0 && parts.second === 0 && parts.millisecond === 0;
  const clock = { ...parts, hour: endOfDay ? 0 : parts.hour, second: parts.second === 60 ? 59 : parts.second };
  const offset = fixedOffset(zone);
  if (offset !== null) return atFixedOffset(clock, offset, endOfDay);
  const { year, month, day, hour, minute, second, millisecond } = clock;
  let local = DateTime.fromObject({ year, month, day, hour, minute, second, millisecond }, { zone });
  if (!local.isValid) return null;
  if (endOfDay) local = local.plus({ days: 1 });
  const utc = local.toUTC();
  if (utc.year < 0 || utc.year > 9999) return null;
  return utc.toISO({ suppressMilliseconds: true });
}

/** Minutes east of UTC of a zone that has one offset all year (UTC, "+02:00"); null for a zone with rules. */
function fixedOffset(zone: Zone | string): number | null {
  if (zone === 'UTC') return 0;
  return typeof zone !== 'string' && zone.isUniversal ? zone.offset(0) : null;
}

/**
 * What luxon gives for a fixed offset, by plain arithmetic (luxon costs some 20 µs a call, most of
 * parseDate's time): the same validation, the same UTC rendering.
 */
function atFixedOffset(parts: DateParts, offsetMinutes: number, nextDay: boolean): string | null {
  const { year, month, day, hour, minute, second, millisecond } = parts;
  const valid =
    month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month) && hour >= 0 && hour <= 23 && minute >= 0 && minute <= 59 && second >= 0 && second <= 59 && millisecond >= 0 && millisecond <= 999;
  if (!valid) return null;
  const local = new Date(Date.UTC(2000, 0, 1, hour, minute, second, millisecond));
  // setUTCFullYear, not Date.UTC: Date.UTC reads years 0–99 as 1900–1999.
  local.setUTCFullYear(year, month - 1, day);
  const utc = new Date(local.getTime() - offsetMinutes * 60_000 + (nextDay ? 86_400_000 : 0));
  const utcYear = utc.getUTCFullYear();
  if (Number.isNaN(utcYear) || utcYear < 0 || utcYear > 9999) return null;
  const iso = utc.toISOString();
  return utc.getUTCMilliseconds() === 0 ? `${iso.slice(0, -5)}Z` : iso;
}

function daysInMonth(year: number, month: number): number {
  if (month !== 2) return [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
}
