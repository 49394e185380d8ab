import type { Byline } from '../../schema/story.js';
import { canonicalCredit } from './credits.js';
import { decodeEntities, htmlToText, normalizeWhitespace } from './text.js';

/** Longer strings are an author bio or a page fragment, not a byline. */
const MAX_BYLINE_LENGTH = 500;
const MAX_NAME_WORDS = 6;

/** "By", "BY", Spanish/Portuguese "Por", French "Par", and "Reporting by", "Story by"… */
const LEADING_BY = /^(?:(?:written|reporting|reported|story|words|text) by|by|por|par)\s*:?(?:\s+|$)/i;
/** Page furniture and non-author credits that trail a byline: from here on there are no authors. */
const TRAILING_JUNK = /\b(?:updated|published|posted|last modified|follow|contact|email|share|(?:illustrations?|photos?|photographs?|graphics?|video|editing) by)\b.*$/is;
const EMAILS_URLS_HANDLES = /\S+@\S+\.\S+|\bhttps?:\/\/\S+|\bwww\.\S+|(?<![\p{L}\p{N}])@\w+/giu;
/** Between names: punctuation, "&", and "and"/"with" in English, French ("et", "avec") and German ("und"). Captured, as "and" tells a person from an outlet. */
const SEPARATORS = /\s*([;,|\n]|&|\b(?:and|with|et|avec|und)\b)\s*/i;
const AND = /^(?:&|and|et|und)$/i;
/** Outlet words that are also surnames: after "and", "Jordan Press" is a colleague, not a newspaper. */
const SURNAME_OUTLET_WORDS = /^\p{Lu}\p{Ll}+ (?:Press|Post)$/u;

/** Job titles: "AP Business Writer", "Staff Reporter", "Chief Political Correspondent". */
const TITLE_WORDS = /\b(?:writer|reporter|correspondent|editor|columnist|contributor|producer|photographer|analyst|anchor|chief|critic|host)s?\b/i;
/**
 * Group words that make a byline organizational rather than personal: "Newser Editors",
 * "Reuters Staff", "Wire Services". The outlet before the group word, if any, is the organization.
 */
const GROUP_WORDS = /\s*\b(?:editors|staff|reporters|correspondents|writers|desk|team|newsroom|bureau|wire services|services|contributors)$/i;
/** Last words of an outlet's name: "The Washington Post", "Daily News", "Kyodo News". */
const OUTLET_WORDS = /\b(?:press|news|times|post|journal|tribune|herald|gazette|agency|media|network|wire|magazine|radio|television|tv)$/i;
/** A person's name: letters with apostrophes, hyphens and initials, and a nickname in parentheses; no digits or symbols. */
const NAME_SHAPE = /^\p{L}[\p{L}\p{M}'’.\-]*(?: (?:\p{L}[\p{L}\p{M}'’.\-]*|\(\p{L}[\p{L}\p{M}'’. \-]*\)))*$/u;
/** Roles that stand for the newsroom when no one is named: "Editor", "Staff Writer", "The Editors"; not a person's title ("Games Editor"). */
const NEWSROOM_ROLE = /^(?:(?:the|staff)\s+)?(?:editors?|writers?|reporters?|staff|desk)$/i;
/** Roman numerals in names stay upper case when an all-caps name is title-cased. */
const ROMAN = /^(?:II|III|IV|VI{0,3})$/;
/** "Jane Doe, Jr." splits at the comma; the suffix goes back onto the name. */
const NAME_SUFFIX = /^(?:Jr|Sr|JR|SR)\.?$|^(?:II|III|IV)$/;
const ALL_CAPS_WORD = /^\p{Lu}{2,}$/u;
/** Degrees after a name ("Brenda Goodman, MA") are dropped: they are neither people nor outlets. */
const DEGREE = /^(?:MA|MS|MSc|MD|PhD|Ph\.D\.|MPH|MBA|RN|JD|DDS|Esq\.?)$/;

type Segment =
  | { kind: 'person'; name: string }
  | { kind: 'suffix'; suffix: string }
  | { kind: 'title'; title: string }
  | { kind: 'organization'; name: string };

/**
 * Splits a raw byline ("By Jane Doe and John Roe, Associated Press") into people.
 *
 * Rules: "By" is dropped; names split on "and", "&", commas, semicolons, bars and line breaks;
 * HTML, entities, emails, URLs, @handles and trailing "Updated …" furniture are removed. A known
 * wire or an outlet name ("Associated Press", "CNN", "The Washington Post") is the organization of
 * every preceding person without one; a job title ("AP Business Writer") belongs to the person
 * before it, and an outlet it starts with becomes that person's organization, as written ("AP").
 * Organizational bylines are kept as bylines: "Newser Editors" → { name: "Newser Editors",
 * organization: "Newser" }, a generic "Wire Services" → { name: "Wire Services" }, a byline
 * that is only an outlet ("By The Associated Press") → { name and organization: "The Associated Press" },
 * and one that is only a newsroom role ("By Editor", "Staff Writer") → { name: "Editor" }. After "and", an outlet word that
 * is also a surname is a person's ("Mia Rabson and Jordan Press"); a nickname in parentheses
 * inside a name stays in it ("Richard (R.J.) Eskow").
 * An all-capitals name is title-cased ("JOHN DOE" → "John Doe"); other casing is kept. Duplicates
 * (case-insensitive) are dropped.
 *
 * @example parseBylines('By Amir Vera, Seán Federico-O’Murchú and Adam Renton, CNN')
 *   // [{ name: 'Amir Vera', organization: 'CNN' }, { name: 'Seán Federico-O’Murchú', organization: 'CNN' }, { name: 'Adam Renton', organization: 'CNN' }]
 * @example parseBylines('By JANE DOE, AP Business Writer') // [{ name: 'Jane Doe', title: 'AP Business Writer', organization: 'AP' }]
 * @example parseBylines('By Newser Editors and Wire Services') // [{ name: 'Newser Editors', organization: 'Newser' }, { name: 'Wire Services' }]
 */
export function parseBylines(raw: string): Byline[] {
  if (typeof raw !== 'string' || raw.length > MAX_BYLINE_LENGTH) return [];
  const text = (/<[a-z!/]/i.test(raw) ? htmlToText(raw) : decodeEntities(raw))
    .replace(EMAILS_URLS_HANDLES, ' ')
    .replace(TRAILING_JUNK, '')
    // "Jane Doe (AP)" reads as "Jane Doe, AP"; a nickname inside a name ("Richard (R.J.) Eskow") stays.
    .replace(/\(([^()]*)\)(?!\s+\p{Lu})/gu, ', $1')
    .replace(/[^\S\n]+/g, ' ')
    .trim()
    .replace(LEADING_BY, '');
  const pieces = text.split(SEPARATORS);
  const segments: Segment[] = [];
  // Split with a capturing group: names at even indices, the separator before each at the odd one before it.
  for (let i = 0; i < pieces.length; i += 2) {
    const part = normalizeWhitespace((pieces[i] ?? '').replace(LEADING_BY, '')).replace(/^[\s.:—–-]+|[\s:—–-]+$/g, '');
    const segment = classify(part, AND.test(pieces[i - 1]?.trim() ?? ''));
    if (segment) segments.push(segment);
  }
  return dedupe(assemble(segments));
}

function classify(part: string, afterAnd: boolean): Segment | null {
  if (part === '' || /\d/.test(part)) return null;
  if (DEGREE.test(part)) return null;
  if (NAME_SUFFIX.test(part)) return { kind: 'suffix', suffix: part };
  if (isOutlet(part) && !(afterAnd && SURNAME_OUTLET_WORDS.test(part) && canonicalCredit(part) === null)) return { kind: 'organization', name: part };
  if (TITLE_WORDS.test(part) && !GROUP_WORDS.test(part)) return { kind: 'title', title: part };
  if (!NAME_SHAPE.test(part) || part.split(' ').length > MAX_NAME_WORDS) return null;
  return { kind: 'person', name: part };
}

/** People take the titles that follow them and the organization that closes their group. */
function assemble(segments: Segment[]): Byline[] {
  const people: Byline[] = [];
  let groupStart = 0;
  for (const segment of segments) {
    const last = people.at(-1);
    if (segment.kind === 'person' && last !== undefined && ALL_CAPS_WORD.test(segment.name)) {
      // One capitalized word after a person is an outlet ("John Pullen, TIME"), not a person.
      for (const person of people.slice(groupStart)) person.organization ??= segment.name;
      groupStart = people.length;
    } else if (segment.kind === 'person') {
      people.push(personOrGroup(segment.name));
    } else if (segment.kind === 'suffix') {
      if (last !== undefined) last.name = `${last.name}, ${segment.suffix}`;
    } else if (segment.kind === 'title') {
      // A byline that is only a newsroom role ("By Editor", "Staff Reporter, The Hindu") is an institutional byline.
      if (people.length === 0 && NEWSROOM_ROLE.test(segment.title)) people.push({ name: segment.title });
      if (last === undefined || last.title !== undefined) continue;
      last.title = segment.title;
      const outlet = leadingOutlet(segment.title);
      if (outlet !== null && last.organization === undefined) last.organization = outlet;
    } else if (people.length === groupStart) {
      // Nobody to attach it to: the outlet itself is the byline.
      people.push({ name: segment.name, organization: segment.name });
    } else {
      for (const person of people.slice(groupStart)) person.organization ??= segment.name;
    }
    if (segment.kind === 'organization') groupStart = people.length;
  }
  return people;
}

/** A person, or a group byline such as "Newser Editors" with its outlet as the organization. */
function personOrGroup(name: string): Byline {
  const group = GROUP_WORDS.exec(name);
  if (group) {
    const outlet = name.slice(0, group.index).trim();
    return outlet === '' ? { name } : { name, organization: outlet };
  }
  return { name: name === name.toUpperCase() && /\p{Lu}/u.test(name) ? titleCase(name) : name };
}

function isOutlet(part: string): boolean {
  return canonicalCredit(part) !== null || (OUTLET_WORDS.test(part) && NAME_SHAPE.test(part) && part.split(' ').length <= MAX_NAME_WORDS);
}

/** The outlet a job title starts with: "AP Business Writer" → "AP", "Reuters correspondent" → "Reuters". */
function leadingOutlet(title: string): string | null {
  const words = title.split(' ');
  for (let n = Math.min(3, words.length - 1); n >= 1; n--) {
    const candidate = words.slice(0, n).join(' ');
    if (canonicalCredit(candidate) !== null) return candidate;
  }
  return null;
}

/** "FEDERICO-O'MURCHÚ" → "Federico-O'Murchú", "J.R. SMITH III" → "J.R. Smith III". */
function titleCase(name: string): string {
  return name
    .split(' ')
    .map((word) => (ROMAN.test(word) ? word : word.toLowerCase().replace(/(^|[.'’\-(])(\p{Ll})/gu, (_m, sep: string, ch: string) => sep + ch.toUpperCase())))
    .join(' ');
}

function dedupe(bylines: Byline[]): Byline[] {
  const seen = new Set<string>();
  return bylines.filter((b) => {
    const key = b.name.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
