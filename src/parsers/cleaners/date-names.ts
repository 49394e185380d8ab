/**
 * Month and weekday names in the languages our sources date their items in: English; French,
 * Spanish, Portuguese, Italian and German (AFP, EFE, Lusa, ANSA and dpa feeds, Brazilian portals);
 * and the Greek and Hungarian forms feedparser met in real feeds. Lookups fold case and accents,
 * so "Ιούλ", "août" and "július" all resolve. Names and their usual abbreviations, per month:
 */
const MONTHS: ReadonlyMap<string, number> = new Map(
  [
    'jan january janvier janv enero ene janeiro gennaio gen januar janner',
    'feb february fevrier fevr fev febrero fevereiro febbraio februar febr',
    'mar march mars marzo marco marz marcius marc',
    'apr april avril avr abril abr aprile aprilis',
    'may mai mayo maio maggio mag maj majus',
    'jun june juin junio junho giugno giu juni junius',
    'jul july juillet juil julio julho luglio lug juli julius',
    'aug august aout agosto ago augusztus',
    'sep sept september septembre septiembre setiembre setembro set settembre sett szeptember szept',
    'oct october octobre octubre outubro out ottobre ott oktober okt',
    'nov november novembre noviembre novembro',
    'dec december decembre diciembre dic dezembro dez dicembre dezember',
  ].flatMap((names, index) => names.split(' ').map((name) => [name, index + 1] as const)),
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

const WEEKDAYS: ReadonlySet<string> = new Set(
  [
    'sun sunday mon monday tue tues tuesday wed weds wednesday thu thur thurs thursday fri friday sat saturday',
    'dim dimanche lun lundi mar mardi mer mercredi jeu jeudi ven vendredi sam samedi',
    'dom domingo lunes martes mie miercoles jue jueves vie viernes sab sabado',
    'seg segunda ter terca qua quarta qui quinta sex sexta',
    'domenica lunedi martedi mercoledi gio giovedi venerdi sabato',
    'so sonntag mo montag di dienstag mi mittwoch do donnerstag fr freitag sa samstag',
    // Greek abbreviations (Κυρ, Δευ, Τρι, Τετ, Πεμ, Παρ, Σαβ), folded.
    'κυρ δευ τρι τετ πεμ παρ σαβ',
  ].flatMap((names) => names.split(' ')),
);

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
