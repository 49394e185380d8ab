/**
 * Month and weekday names in the languages our sources date their items in: English, plus the
 * Greek and Hungarian forms feedparser met in real feeds. Lookups fold case and accents, so
 * "Ιούλ", "ιουλ" and "július" all resolve.
 */
const MONTHS: ReadonlyMap<string, number> = new Map(
  (
    [
      [1, 'jan january januar'],
      [2, 'feb febr february februar'],
      [3, 'mar march marc marcius'],
      [4, 'apr april aprilis'],
      [5, 'may maj majus'],
      [6, 'jun june junius'],
      [7, 'jul july julius'],
      [8, 'aug august augusztus'],
      [9, 'sep sept september szept szeptember'],
      [10, 'oct october okt oktober'],
      [11, 'nov november'],
      [12, 'dec december'],
    ] as const
  ).flatMap(([month, names]) => names.split(' ').map((name) => [name, month] as const)),
);

/** Greek month names share a stem across cases and abbreviations ("Ιούλ", "Ιουλίου", "Ιούλιος"). */
const GREEK_MONTH_STEMS: ReadonlyArray<readonly [string, number]> = [
  ['ιαν', 1],
  ['φεβ', 2],
  ['μαρ', 3],
  ['απρ', 4],
  ['μαι', 5],
  ['ιουν', 6],
  ['ιουλ', 7],
  ['αυγ', 8],
  ['σεπ', 9],
  ['οκτ', 10],
  ['νοε', 11],
  ['δεκ', 12],
];

const WEEKDAYS: ReadonlySet<string> = new Set([
  ...'sun sunday mon monday tue tues tuesday wed weds wednesday thu thur thurs thursday fri friday sat saturday'.split(' '),
  // Greek abbreviations (Κυρ, Δευ, Τρι, Τετ, Πεμ, Παρ, Σαβ), folded.
  ...'κυρ δευ τρι τετ πεμ παρ σαβ'.split(' '),
]);

/**
 * The month number (1–12) a month name or abbreviation stands for, or null.
 *
 * @example monthFromName('Sept.') // 9
 * @example monthFromName('Ιούλ') // 7
 */
export function monthFromName(word: string): number | null {
  const folded = fold(word);
  const direct = MONTHS.get(folded);
  if (direct !== undefined) return direct;
  if (folded.length < 3 || folded.length > 12) return null;
  for (const [stem, month] of GREEK_MONTH_STEMS) if (folded.startsWith(stem)) return month;
  return null;
}

/**
 * True when the word is a weekday name or abbreviation (dates carry them; they are not checked).
 *
 * @example isWeekdayName('Thurs') // true
 */
export function isWeekdayName(word: string): boolean {
  return WEEKDAYS.has(fold(word));
}

/** Lower case, no accents or diaeresis, no trailing abbreviation dot. */
function fold(word: string): string {
  return word
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/\.$/, '');
}
