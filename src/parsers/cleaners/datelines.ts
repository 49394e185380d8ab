import { canonicalCredit } from './credits.js';
import { collapseWhitespace } from './text.js';

export interface Dateline {
  /**
   * The place, e.g. "MEXICO CITY" or "VILNIUS, Lithuania". Empty only in `splitLeadDateline`'s
   * result for a credit-only lead such as "(CNN) —", which names no place.
   */
  place: string;
  /** Canonical wire credits found in the dateline, e.g. ["AP"]. */
  credits: string[];
}

// Fragments of the dateline shape. Every repetition is bounded and separated by literals, and
// leads are matched on their first characters only, so matching is linear.
/** A place word in capitals, allowing AP's "McALLEN" and "ST. LOUIS", "WINSTON-SALEM", "SÃO". */
const UPPER_WORD = String.raw`(?:Mc|Mac|De)?\p{Lu}[\p{Lu}'’.\-]*\p{Lu}\.?`;
const CAPITALIZED_WORD = String.raw`\p{Lu}[\p{L}'’.\-]*`;
const MONTH = String.raw`(?:Jan|Feb|Mar|Apr|May|June?|July?|Aug|Sept?|Oct|Nov|Dec)[a-z]*\.?`;
const WEEKDAY = String.raw`(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day`;
/** "Sept. 11", "Thursday, Sept. 11, 2025", and day first as Spanish and French wires write it: "2 ene", "11 sept. 2025". */
const DATE = String.raw`(?:${WEEKDAY},? )?(?:${MONTH} \d{1,2}(?:,? \d{4})?|\d{1,2} \p{L}{3,10}\.?(?: \d{4})?)`;
/** A state or country after the city: "Wis.", "N.Y.", "Lithuania", "Democratic Republic of Congo". */
const REGION = String.raw`(?!${WEEKDAY}|${MONTH} \d)${CAPITALIZED_WORD}(?: (?:(?:of|and|the|de|del|da|do) )?${CAPITALIZED_WORD}){0,3}`;
/** What follows a dateline: a sentence, so a capital, digit or opening quote. */
const SENTENCE_START = /^[\p{Lu}\p{N}"“‘'(\[]/u;
const CREDIT = String.raw`\((?<credit>[^()]{1,40})\)`;
/** Em or en dash, a hyphen or two, the underscore older AP copy uses for a dash ("(AP) _ "), or EFE's ".-" ("(EFE).- "). */
const DASH = String.raw`(?:—|–|--?(?=\s)|_(?=\s)|\.-)\s*`;

/** "MEXICO CITY (AP) —", "LONDON, Sept. 11 (Reuters) -", "VILNIUS/WARSAW, Sept 11 (Reuters) -", "WASHINGTON —". */
const UPPER_LEAD = new RegExp(
  String.raw`^\s*(?<place>${UPPER_WORD}(?:[ /]${UPPER_WORD}){0,5}(?:, ${REGION}){0,2})(?:,? ${DATE})? ?(?:${CREDIT} ?)?${DASH}`,
  'u',
);
/** CNN's "Hong Kong (CNN) —", EFE's "Tegucigalpa, 2 ene (EFE).-": a place in title case needs a known credit to be a dateline. */
const TITLE_LEAD = new RegExp(String.raw`^\s*(?<place>${CAPITALIZED_WORD}(?: ${CAPITALIZED_WORD}){0,4}(?:, ${REGION}){0,2})(?:,? ${DATE})? ?${CREDIT} ?${DASH}`, 'u');
const CREDIT_ONLY_LEAD = new RegExp(String.raw`^\s*${CREDIT} ?${DASH}`, 'u');

/** A dateline fits in this many characters; the rest of a paragraph is never scanned. */
const MAX_LEAD_LENGTH = 160;
const MAX_PLACE_LENGTH = 100;

/**
 * Parses a dateline given on its own ("MEXICO CITY (AP) —", "VILNIUS, Lithuania, Sept. 11"). The
 * place may be in any case here, since the caller already knows this text is a dateline. Null
 * when no place remains once credits, date and dash are taken off ("(CNN) —").
 *
 * @example parseDateline('LA CROSSE, Wis. (AP) —') // { place: 'LA CROSSE, Wis.', credits: ['AP'] }
 * @example parseDateline('LONDON, Sept. 11 (Reuters) -') // { place: 'LONDON', credits: ['Reuters'] }
 */
export function parseDateline(raw: string): Dateline | null {
  if (typeof raw !== 'string' || raw.length > MAX_LEAD_LENGTH * 2) return null;
  const credits: string[] = [];
  const place = collapseWhitespace(raw)
    .replace(/\(([^()]{1,40})\)/g, (_paren, inner: string) => {
      credits.push(creditOf(inner));
      return ' ';
    })
    .replace(/\.-\s*$/, '')
    .replace(/[\s—–_-]+$/, '')
    .replace(new RegExp(String.raw`,? ${DATE}$`, 'u'), '')
    .replace(/^[\s,]+|[\s,]+$/g, '');
  if (place === '' || place.length > MAX_PLACE_LENGTH) return null;
  return { place, credits: unique(credits) };
}

/**
 * Finds a dateline prefix at the start of a lead paragraph and returns it with the rest of the
 * paragraph (an exact suffix of it). Needs the dateline shape: a place in capitals (optionally a
 * state or country, a date and a credit), or a title-case place with a credit, then a dash. A
 * credit-only lead ("(CNN) —") gives an empty place. Normal sentences do not match.
 *
 * @example splitLeadDateline('VILNIUS, Lithuania (AP) — Belarus freed 52 prisoners.')
 *   // { dateline: { place: 'VILNIUS, Lithuania', credits: ['AP'] }, rest: 'Belarus freed 52 prisoners.' }
 * @example splitLeadDateline('Many people (including me) — said so.') // null
 */
export function splitLeadDateline(paragraph: string): { dateline: Dateline; rest: string } | null {
  if (typeof paragraph !== 'string') return null;
  const head = paragraph.slice(0, MAX_LEAD_LENGTH);
  const upper = UPPER_LEAD.exec(head);
  const title = upper ? null : TITLE_LEAD.exec(head);
  const creditOnly = upper || title ? null : CREDIT_ONLY_LEAD.exec(head);
  const match = upper ?? title ?? creditOnly;
  if (!match) return null;

  const inner = match.groups?.credit;
  const credit = inner === undefined ? null : creditOf(inner);
  // Without a place in capitals, only a known wire makes "(X) —" a dateline.
  if (!upper && (inner === undefined || canonicalCredit(inner) === null)) return null;
  const rest = paragraph.slice(match[0].length);
  if (!SENTENCE_START.test(rest)) return null;
  const place = (match.groups?.place ?? '').trim();
  return { dateline: { place, credits: credit === null ? [] : [credit] }, rest };
}

/** A parenthesized credit: canonical when it is a known wire, else as written ("KTLA"). */
function creditOf(inner: string): string {
  const trimmed = inner.trim();
  return canonicalCredit(trimmed) ?? trimmed;
}

function unique(values: string[]): string[] {
  return [...new Set(values.filter(Boolean))];
}
