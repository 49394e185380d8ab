import { FixedOffsetZone, IANAZone, type Zone } from 'luxon';

/**
 * Zone abbreviations seen in feeds and on news pages. A number is a fixed offset in minutes: an
 * explicit "EST" or "CEST" names one offset, whatever the season. A string is an IANA zone, for the
 * generic US forms ("ET", "PT"), which publishers write all year round to mean local time; they are
 * resolved DST-correctly (feedparser reads them as the standard offset, which is wrong in summer).
 * Ambiguous abbreviations take their most common meaning in English-language news: IST is India,
 * BST is British Summer Time, AST is Atlantic.
 */
const ABBREVIATIONS: Readonly<Record<string, number | string>> = {
  Z: 0,
  UT: 0,
  UTC: 0,
  GMT: 0,
  WET: 0,
  WEST: 60,
  BST: 60,
  CET: 60,
  CEST: 120,
  MET: 60,
  MEST: 120,
  MEZ: 60,
  MESZ: 120,
  EET: 120,
  EEST: 180,
  MSK: 180,
  SAST: 120,
  CAT: 120,
  EAT: 180,
  WAT: 60,
  IST: 330,
  PKT: 300,
  ICT: 420,
  WIB: 420,
  HKT: 480,
  SGT: 480,
  PHT: 480,
  AWST: 480,
  JST: 540,
  KST: 540,
  ACST: 570,
  ACDT: 630,
  AEST: 600,
  AEDT: 660,
  NZST: 720,
  NZDT: 780,
  NST: -210,
  NDT: -150,
  AST: -240,
  ADT: -180,
  EST: -300,
  EDT: -240,
  CST: -360,
  CDT: -300,
  MST: -420,
  MDT: -360,
  PST: -480,
  PDT: -420,
  AKST: -540,
  AKDT: -480,
  HST: -600,
  AT: 'America/Halifax',
  ET: 'America/New_York',
  CT: 'America/Chicago',
  MT: 'America/Denver',
  PT: 'America/Los_Angeles',
};

/** Real offsets stay within ±14:00; ±18:00 is the widest any standard library accepts. */
const MAX_OFFSET_MINUTES = 18 * 60;

/** "+02", "+0200", "+02:00", and the hour without its leading zero that some CMSs write ("-500", "-5:00"). */
const NUMERIC_OFFSET = /^([+-])(\d{1,2}?)(?::?(\d{2}))?$/;
const PREFIXED_OFFSET = /^(?:GMT|UTC|UT)([+-])(\d{1,2})(?::?(\d{2}))?$/;

/**
 * The zone a date string names: an abbreviation ("EDT", "ET"), an offset ("+0200", "-00:20",
 * "GMT-01:01", Washington Post's "-500"), or an IANA name ("Etc/GMT", "Europe/Vilnius"). Null when the token is none of those.
 *
 * @example zoneFromToken('CDT')?.offset(0) // -300
 * @example zoneFromToken('GMT+05:30')?.name // 'UTC+5:30'
 */
export function zoneFromToken(token: string): Zone | null {
  const upper = token.toUpperCase();
  const known = ABBREVIATIONS[upper];
  if (typeof known === 'number') return FixedOffsetZone.instance(known);
  if (typeof known === 'string') return IANAZone.create(known);
  const offset = NUMERIC_OFFSET.exec(upper) ?? PREFIXED_OFFSET.exec(upper);
  if (offset) return offsetZone(offset[1] === '-' ? -1 : 1, Number(offset[2]), Number(offset[3] ?? 0));
  // IANA names contain a slash; bare names like "EST" are legacy IANA aliases handled above.
  if (token.includes('/') && IANAZone.isValidZone(token)) return IANAZone.create(token);
  return null;
}

/**
 * True when `name` is an IANA zone luxon can resolve (for validating per-source settings).
 *
 * @example isValidTimeZone('America/New_York') // true
 * @example isValidTimeZone('Mars/Olympus') // false
 */
export function isValidTimeZone(name: string): boolean {
  return IANAZone.isValidZone(name);
}

function offsetZone(sign: number, hours: number, minutes: number): Zone | null {
  const total = hours * 60 + minutes;
  if (minutes > 59 || total > MAX_OFFSET_MINUTES) return null;
  return FixedOffsetZone.instance(sign * total);
}
