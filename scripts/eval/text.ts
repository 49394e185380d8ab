/**
 * Text normalization for comparing parser output with other projects' expectations. Written apart
 * from src/parsers/cleaners on purpose: a measurement must not share code with what it measures.
 */
import { decodeHTML } from 'entities';
import { Parser } from 'htmlparser2';

/** Collapses every run of whitespace (incl. NBSP and zero-width space) to one space, trims. */
export function normalizeSpace(value: string): string {
  return value.replace(/[\s\u200b]+/g, ' ').trim();
}

const BLOCK_TAGS: ReadonlySet<string> = new Set(
  'address article aside blockquote br dd div dl dt figcaption figure footer h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section table td th tr ul'.split(
    ' ',
  ),
);
const SKIPPED_TAGS: ReadonlySet<string> = new Set(['script', 'style']);

/**
 * Visible text of an HTML fragment (or of plain text that may hold entities or stray tags) on one
 * line: entities decoded, block boundaries become spaces, inline tags vanish ("ft<sup>2</sup>" → "ft2").
 */
export function htmlText(html: string): string {
  const parts: string[] = [];
  let skipping = 0;
  const parser = new Parser(
    {
      ontext: (text) => {
        if (skipping === 0) parts.push(text);
      },
      onopentag: (name) => {
        if (SKIPPED_TAGS.has(name)) skipping += 1;
        if (BLOCK_TAGS.has(name)) parts.push(' ');
      },
      onclosetag: (name) => {
        if (SKIPPED_TAGS.has(name)) skipping = Math.max(0, skipping - 1);
        if (BLOCK_TAGS.has(name)) parts.push(' ');
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  return normalizeSpace(parts.join(''));
}

/** Decodes HTML entities in plain text and normalizes whitespace; tags are left alone. */
export function entityText(value: string): string {
  return normalizeSpace(decodeHTML(value));
}

/**
 * Equal, except that a U+FFFD in `expected` stands for any one character: one library decoded a
 * Latin-1 feed as UTF-8, so its expectation has replacement characters where we have the letters.
 */
export function sameUpToReplacements(expected: string, got: string): boolean {
  if (!expected.includes('\ufffd')) return expected === got;
  const want = [...expected];
  const have = [...got];
  return want.length === have.length && want.every((char, i) => char === '\ufffd' || char === have[i]);
}

/** Case, typographic quotes and dashes folded, so body openings compare on words, not typography. */
export function looseText(value: string): string {
  return normalizeSpace(
    value
      .normalize('NFKC')
      .toLowerCase()
      .replace(/[\u2018\u2019\u201a\u201b\u2032]/g, "'")
      .replace(/[\u201c\u201d\u201e\u201f\u2033]/g, '"')
      .replace(/[\u2010-\u2015]/g, '-'),
  );
}

/** "London (dpa) - ", "FORT WASHINGTON, Pa. (AP) _ ", "STOCKHOLM, Aug 29, 2014 (AFP) - ". */
const CREDIT_DATELINE = /^(?:[^\s()]+\s+){0,7}\([^()]{1,30}\)\s*[-_\u2013\u2014]+\s+/u;
/** "ATHENS, April 4 ANA - ", "NEW YORK -- ": an all-caps place, then a dash. */
const CAPS_DATELINE = /^\p{Lu}{2,}[\p{Lu}\s.'\u2019-]*(?:,[^-_\u2013\u2014]{0,60})?\s+[-_\u2013\u2014]+\s+/u;

/**
 * The text without a leading wire dateline. Parsers move the dateline out of the body; the
 * expected bodies keep it, so both sides go through this before their openings are compared.
 */
export function stripLeadDateline(text: string): string {
  const match = CREDIT_DATELINE.exec(text) ?? CAPS_DATELINE.exec(text);
  return match ? text.slice(match[0].length) : text;
}

export const BODY_START_WORDS = 8;

/**
 * Whether `ours` opens with the first words of `expected` (both plain text, dateline stripped,
 * typography folded). With `expectedIsPrefix` the expectation is itself a cut-off opening, so
 * its last word may be partial.
 */
export function bodyStartMatches(expected: string, ours: string, expectedIsPrefix = false): boolean {
  const head = looseText(stripLeadDateline(expected)).split(' ').slice(0, BODY_START_WORDS).join(' ');
  if (head === '') return false;
  const body = `${looseText(stripLeadDateline(ours))} `;
  return body.startsWith(expectedIsPrefix ? head : `${head} `);
}

/** The opening words of a body, for mismatch lines. */
export function bodyStart(text: string): string {
  return stripLeadDateline(normalizeSpace(text)).split(' ').slice(0, BODY_START_WORDS).join(' ');
}

/** Person names in a byline string: "By " dropped, split on commas, "and", "&", ";", "/"; lower-cased. */
export function bylineNames(value: string): string[] {
  return value
    .split(/\s*(?:[,;&/|]|\band\b)\s*/i)
    .map((name) => normalizeSpace(name.replace(/^\s*by\s+/i, '')).toLowerCase())
    .filter((name) => name !== '');
}

/** Same people, in any order. */
export function sameBylines(expected: string, ours: readonly string[]): boolean {
  const want = bylineNames(expected).sort();
  const got = ours.flatMap(bylineNames).sort();
  return want.length === got.length && want.every((name, i) => name === got[i]);
}

/** The place of a dateline text: what comes before the first comma, parenthesis or dash. */
export function datelineCity(text: string): string {
  return normalizeSpace(text.split(/[,(]|\s[-_\u2013\u2014]/)[0] ?? '');
}

/** Our dateline contains the expected city (case-insensitive); an empty city expects no dateline. */
export function datelineMatches(expectedCity: string, ours: string | null): boolean {
  const city = normalizeSpace(expectedCity).toLowerCase();
  const got = normalizeSpace(ours ?? '').toLowerCase();
  return city === '' ? got === '' : got.includes(city);
}
