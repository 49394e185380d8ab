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

/**
 * The zone news from a country is dated in: the only zone of most, and for countries that span
 * several, the zone of the capital or of most national newsrooms (New York and Washington for the
 * US, Toronto and Montreal for Canada, Sydney and Melbourne for Australia).
 */
const COUNTRY_ZONES: Readonly<Record<string, string>> = {
  ...{ US: 'America/New_York', CA: 'America/Toronto', MX: 'America/Mexico_City', BR: 'America/Sao_Paulo', AR: 'America/Argentina/Buenos_Aires' },
  ...{ CL: 'America/Santiago', CO: 'America/Bogota', PE: 'America/Lima', VE: 'America/Caracas', GB: 'Europe/London', IE: 'Europe/Dublin' },
  ...{ PT: 'Europe/Lisbon', ES: 'Europe/Madrid', FR: 'Europe/Paris', BE: 'Europe/Brussels', NL: 'Europe/Amsterdam', LU: 'Europe/Luxembourg' },
  ...{ DE: 'Europe/Berlin', AT: 'Europe/Vienna', CH: 'Europe/Zurich', IT: 'Europe/Rome', DK: 'Europe/Copenhagen', NO: 'Europe/Oslo' },
  ...{ SE: 'Europe/Stockholm', FI: 'Europe/Helsinki', PL: 'Europe/Warsaw', CZ: 'Europe/Prague', SK: 'Europe/Bratislava', HU: 'Europe/Budapest' },
  ...{ SI: 'Europe/Ljubljana', HR: 'Europe/Zagreb', RS: 'Europe/Belgrade', RO: 'Europe/Bucharest', BG: 'Europe/Sofia', GR: 'Europe/Athens' },
  ...{ TR: 'Europe/Istanbul', UA: 'Europe/Kyiv', BY: 'Europe/Minsk', LT: 'Europe/Vilnius', LV: 'Europe/Riga', EE: 'Europe/Tallinn' },
  ...{ RU: 'Europe/Moscow', IL: 'Asia/Jerusalem', EG: 'Africa/Cairo', ZA: 'Africa/Johannesburg', NG: 'Africa/Lagos', KE: 'Africa/Nairobi' },
  ...{ AE: 'Asia/Dubai', QA: 'Asia/Qatar', SA: 'Asia/Riyadh', PK: 'Asia/Karachi', IN: 'Asia/Kolkata', BD: 'Asia/Dhaka', TH: 'Asia/Bangkok' },
  ...{ VN: 'Asia/Ho_Chi_Minh', ID: 'Asia/Jakarta', MY: 'Asia/Kuala_Lumpur', SG: 'Asia/Singapore', PH: 'Asia/Manila', CN: 'Asia/Shanghai' },
  ...{ HK: 'Asia/Hong_Kong', TW: 'Asia/Taipei', KR: 'Asia/Seoul', JP: 'Asia/Tokyo', AU: 'Australia/Sydney', NZ: 'Pacific/Auckland' },
};
/** Languages spoken as a first language in one country, or in several that share its clock (German, French, Chinese). */
const LANGUAGE_COUNTRIES: Readonly<Record<string, string>> = {
  ...{ de: 'DE', fr: 'FR', it: 'IT', nl: 'NL', da: 'DK', sv: 'SE', nb: 'NO', nn: 'NO', no: 'NO', fi: 'FI', pl: 'PL', cs: 'CZ', sk: 'SK' },
  ...{ hu: 'HU', sl: 'SI', hr: 'HR', ro: 'RO', bg: 'BG', el: 'GR', tr: 'TR', uk: 'UA', be: 'BY', lt: 'LT', lv: 'LV', et: 'EE', ru: 'RU' },
  ...{ he: 'IL', ja: 'JP', ko: 'KR', zh: 'CN', th: 'TH', vi: 'VN', id: 'ID' },
};
/** Country-code domains used as brands rather than countries (.co, .io, .tv, .me, .fm, .ly, .ai). */
const VANITY_TLDS: ReadonlySet<string> = new Set(['co', 'io', 'tv', 'me', 'fm', 'ly', 'ai', 'am', 'to', 'cc', 'ws', 'gg', 'is', 'nu']);
/** Generic domains: in English (or with no language stated) a news site under one is most often American. */
const GENERIC_TLDS: ReadonlySet<string> = new Set(['com', 'net', 'org', 'us', 'gov', 'edu', 'news']);

/**
 * The zone a page most likely prints its zone-less times in, from what it says about itself: the
 * region of its language tags (`en-GB`, og:locale `pt_BR`), else its country-code domain
 * (`.de`, `.co.jp`, `.com.au`), else a language spoken in one country's zone (`ja`, `de`), else
 * the US for an English (or unlabelled) page on a generic domain. Null when nothing points
 * anywhere (Spanish on a .com). A guess, for pages whose site has no known zone.
 *
 * @example likelyTimeZone('spektrum.de', ['de']) // 'Europe/Berlin'
 * @example likelyTimeZone('abcnews.go.com', ['en', 'en_US']) // 'America/New_York'
 * @example likelyTimeZone('elpais.com', ['es']) // null
 */
export function likelyTimeZone(host: string | null, languages: ReadonlyArray<string | null>): string | null {
  const tags = languages.filter((t): t is string => Boolean(t)).map((t) => t.trim().replace('_', '-').split('-'));
  const region = tags.map(([, region]) => region?.toUpperCase()).find((r) => r !== undefined && COUNTRY_ZONES[r] !== undefined);
  if (region) return COUNTRY_ZONES[region]!;
  const tld = host?.split('.').at(-1)?.toLowerCase() ?? '';
  const country = tld.length === 2 && !VANITY_TLDS.has(tld) ? (tld === 'uk' ? 'GB' : tld.toUpperCase()) : null;
  if (country && COUNTRY_ZONES[country]) return COUNTRY_ZONES[country];
  const language = tags.map(([language]) => LANGUAGE_COUNTRIES[language?.toLowerCase() ?? '']).find(Boolean);
  if (language) return COUNTRY_ZONES[language] ?? null;
  const english = tags.length === 0 || tags.some(([language]) => language?.toLowerCase() === 'en');
  return english && GENERIC_TLDS.has(tld) ? COUNTRY_ZONES.US! : null;
}
