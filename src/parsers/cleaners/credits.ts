/**
 * Wire services, and the broadcasters copy is most often credited to, each with its canonical
 * short credit. `names` match in any case ("REUTERS/Name"); `acronyms` only as written, so "the
 * app reports" is not AP. `surname` marks names that are also people's ("Michael Bloomberg said").
 */
interface Outlet {
  credit: string;
  names: readonly string[];
  acronyms: readonly string[];
  surname?: boolean;
}

const OUTLETS: readonly Outlet[] = [
  { credit: 'AP', names: ['Associated Press'], acronyms: ['AP'] },
  { credit: 'Reuters', names: ['Thomson Reuters', 'Reuters'], acronyms: [] },
  { credit: 'AFP', names: ['Agence France-Presse', 'Agence France Presse'], acronyms: ['AFP'] },
  { credit: 'CNN', names: ['Cable News Network', 'CNN Wire', 'CNN Business'], acronyms: ['CNN'] },
  { credit: 'Bloomberg', names: ['Bloomberg News', 'Bloomberg'], acronyms: [], surname: true },
  { credit: 'UPI', names: ['United Press International'], acronyms: ['UPI'] },
  { credit: 'dpa', names: ['Deutsche Presse-Agentur'], acronyms: ['dpa', 'DPA'] },
  { credit: 'EFE', names: ['Agencia EFE'], acronyms: ['EFE'] },
  { credit: 'ANSA', names: [], acronyms: ['ANSA'] },
  { credit: 'Xinhua', names: ['Xinhua News Agency', 'Xinhua'], acronyms: [] },
  { credit: 'Kyodo', names: ['Kyodo News', 'Kyodo'], acronyms: [] },
  { credit: 'PA', names: ['PA Media', 'PA Wire', 'Press Association'], acronyms: ['PA'] },
  { credit: 'AAP', names: ['Australian Associated Press'], acronyms: ['AAP'] },
  { credit: 'Canadian Press', names: ['Canadian Press'], acronyms: [] },
  { credit: 'Yonhap', names: ['Yonhap News Agency', 'Yonhap'], acronyms: [] },
  { credit: 'TASS', names: ['TASS'], acronyms: [] },
  { credit: 'Anadolu', names: ['Anadolu Agency', 'Anadolu'], acronyms: [] },
  { credit: 'PTI', names: ['Press Trust of India'], acronyms: ['PTI'] },
  { credit: 'BBC', names: ['BBC News'], acronyms: ['BBC'] },
  { credit: 'NPR', names: ['National Public Radio'], acronyms: ['NPR'] },
];

/** Case, spacing and hyphenation vary: "Agence France-Presse", "AGENCE FRANCE PRESSE". */
const nameKey = (name: string): string => name.replace(/[\s-]+/g, ' ').toLowerCase();
const BY_NAME = new Map(OUTLETS.flatMap((o) => [...o.names, ...o.acronyms].map((n) => [nameKey(n), o] as const)));
const BY_ACRONYM = new Map(OUTLETS.flatMap((o) => o.acronyms.map((a) => [a, o] as const)));

/** Longest alternatives first, so "Thomson Reuters" wins over "Reuters". */
const alternation = (names: string[]): string =>
  names
    .sort((a, b) => b.length - a.length)
    .map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/[ -]/g, '[\\s-]'))
    .join('|');
const NAME_MENTION = new RegExp(String.raw`(?:${alternation([...OUTLETS.flatMap((o) => o.names)])})(?![\p{L}\p{N}])`, 'giu');
const ACRONYM_MENTION = new RegExp(String.raw`(?:${alternation([...BY_ACRONYM.keys()])})(?![\p{L}\p{N}])`, 'gu');
/**
 * A mention starts a word. Tried where a name matched rather than leading the patterns: a
 * lookbehind there made the scan of a whole story twice as slow.
 */
const WORD_START = /(?<![\p{L}\p{N}])/uy;

/** How far around a mention to look for an attribution cue. */
const CUE_WINDOW = 40;
/** Words just before a mention that make it an attribution: "according to the AP". */
const CUE_BEFORE =
  /(?:according to|told|per|via|reported by|interview with|statement to|speaking to|spoke to|spoke with|confirmed to|courtesy of|©|copyright(?: \d{4})?)\s+(?:the\s+)?$/i;
/** Words just after one: "CNN reports", "AP Photo/…", "REUTERS/Name", "Reuters writer". */
const CUE_AFTER =
  /^(?:\s*\/|\s+(?:reports?|reported|reporting|says|said|writes|wrote|notes|noted|learned|contributed|confirmed|photo|via|writers?|reporters?|correspondents?)\b)/i;
const CAPITALIZED_WORD_BEFORE = /\p{Lu}\p{L}*\s+$/u;
/** A photographer's name and a slash before the agency: "Josh Edelson / AFP", "Name/Reuters". */
const SLASH_BEFORE = /\p{L}\s*\/\s*$/u;

/**
 * The canonical short name of a wire service ("Associated Press" → "AP"), or null if not a known
 * wire. For credits stated in a field, so case is ignored and "The" and parentheses are dropped.
 *
 * @example canonicalCredit('The Associated Press') // 'AP'
 * @example canonicalCredit('Thomson Reuters') // 'Reuters'
 * @example canonicalCredit('Newser') // null
 */
export function canonicalCredit(name: string): string | null {
  if (typeof name !== 'string' || name.length > 100) return null;
  const key = nameKey(name.trim())
    .replace(/^\((.*)\)$/, '$1')
    .replace(/^the /, '')
    .replace(/[.,;:]+$/, '');
  return BY_NAME.get(key)?.credit ?? null;
}

/**
 * Wire services credited in running text: "CNN reports", "the AP reports", "according to
 * Reuters", "told the Associated Press", "(AP Photo/…)", "REUTERS/Name", "Name / AFP - Getty
 * Images", "Getty Images via AFP".
 * A bare mention ("a CNN anchor") is not a credit. Canonical, de-duplicated, in order of first
 * appearance; linear in the text.
 *
 * @example findCredits('Belarus freed 52 prisoners, CNN reports. Talks went on, the AP reports.') // ['CNN', 'AP']
 * @example findCredits('Download the app reports section') // []
 */
export function findCredits(text: string): string[] {
  if (typeof text !== 'string') return [];
  const found: Array<{ index: number; credit: string }> = [];
  for (const [pattern, lookup] of [
    [NAME_MENTION, (m: string) => BY_NAME.get(nameKey(m))],
    [ACRONYM_MENTION, (m: string) => BY_ACRONYM.get(m)],
  ] as const) {
    for (const match of mentions(text, pattern)) {
      const outlet = lookup(match[0]);
      if (outlet && isAttribution(text, match.index, match.index + match[0].length, outlet)) {
        found.push({ index: match.index, credit: outlet.credit });
      }
    }
  }
  return [...new Set(found.sort((a, b) => a.index - b.index).map((f) => f.credit))];
}

/** The pattern's matches that start a word: where one does not, the search goes on from its next character. */
function mentions(text: string, pattern: RegExp): RegExpExecArray[] {
  const found: RegExpExecArray[] = [];
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    WORD_START.lastIndex = match.index;
    if (WORD_START.test(text)) found.push(match);
    else pattern.lastIndex = match.index + 1;
  }
  return found;
}

function isAttribution(text: string, start: number, end: number, outlet: Outlet): boolean {
  const before = text.slice(Math.max(0, start - CUE_WINDOW), start);
  const after = text.slice(end, end + CUE_WINDOW);
  if (outlet.surname && CAPITALIZED_WORD_BEFORE.test(before) && !/(?:^|\s)The\s+$/.test(before)) return false;
  // "(AP) —" opens a story; "Advanced Placement (AP) exams" is not a credit; "Josh Edelson / AFP - Getty Images" credits the agency after the photographer.
  return CUE_BEFORE.test(before) || CUE_AFTER.test(after) || (before.endsWith('(') && /^\)\s*(?:[—–-]|$)/.test(after)) || SLASH_BEFORE.test(before);
}

/** Words that make a trailing parenthetical or last segment of a caption a credit line. */
const PHOTO_WORDS = /\b(?:photo|photos|photograph|photographer|image|images|pool|credit|courtesy|handout|via)\b/i;
/** "Photo: Jane Doe/Reuters", "Photograph by …", "Credit: …", "Image: …". */
const CREDIT_LABEL = /\b(?:photo(?:graph)?s?|credits?|images?|pictures?)\s*(?::|by\s)\s*/gi;
/** An agency of at most three words, a slash, then a name: "REUTERS/Gleb Garanich", "AP Photo/Evan Vucci". */
const SLASH_CREDIT = /^\p{Lu}[\p{L}&.'-]*(?: [\p{L}&.'-]+){0,2} ?\/ ?\p{Lu}/u;
/** Credits run a few words; anything longer is caption text. */
const MAX_CREDIT_LENGTH = 120;

/**
 * Splits a trailing photo credit off a caption: "… Sept. 8, 2025. (AP Photo/Mindaugas Kulbis, File)",
 * "… in Kyiv. REUTERS/Gleb Garanich", "… on Friday. Photo: Jane Doe/Reuters". A label such as
 * "Photo:" is not part of the credit; "AP Photo/" is.
 *
 * @example splitCaptionCredit('Crowds in Vilnius, Sept. 8, 2025. (AP Photo/Mindaugas Kulbis, File)')
 *   // { caption: 'Crowds in Vilnius, Sept. 8, 2025.', credit: 'AP Photo/Mindaugas Kulbis, File' }
 */
export function splitCaptionCredit(caption: string): { caption: string; credit: string | null } {
  if (typeof caption !== 'string') return { caption: '', credit: null };
  const text = caption.trim();
  return trailingParenthetical(text) ?? labelledCredit(text) ?? lastSegmentCredit(text) ?? { caption: text, credit: null };
}

function trailingParenthetical(text: string): { caption: string; credit: string } | null {
  if (!text.endsWith(')')) return null;
  let depth = 0;
  for (let i = text.length - 1; i >= 0; i--) {
    if (text[i] === ')') depth++;
    else if (text[i] === '(' && --depth === 0) {
      const inner = text.slice(i + 1, -1).trim();
      return inner.length <= MAX_CREDIT_LENGTH && isCreditText(inner) ? { caption: text.slice(0, i).trim(), credit: inner } : null;
    }
  }
  return null;
}

function labelledCredit(text: string): { caption: string; credit: string } | null {
  const label = [...text.matchAll(CREDIT_LABEL)].at(-1);
  if (!label) return null;
  const credit = text.slice(label.index + label[0].length).trim();
  // The label must start the caption or follow a sentence end or a separator.
  const before = text.slice(0, label.index).trimEnd();
  if (credit === '' || credit.length > MAX_CREDIT_LENGTH || /[.!?]\s+\p{Lu}/u.test(credit)) return null;
  if (before !== '' && !/[.!?|—–\-:;,)]$/.test(before)) return null;
  return { caption: before.replace(/\s*[|—–\-:;,]$/, '').trim(), credit };
}

function lastSegmentCredit(text: string): { caption: string; credit: string } | null {
  const boundary = Math.max(text.lastIndexOf('. '), text.lastIndexOf('  '), text.lastIndexOf('? '), text.lastIndexOf('! '));
  const start = boundary < 0 ? 0 : boundary + 1;
  const segment = text.slice(start).trim();
  if (segment.length > MAX_CREDIT_LENGTH) return null;
  if (!SLASH_CREDIT.test(segment) && !(PHOTO_WORDS.test(segment) && findCredits(segment).length > 0)) return null;
  return { caption: text.slice(0, start).trim(), credit: segment };
}

function isCreditText(text: string): boolean {
  return text.includes('/') || PHOTO_WORDS.test(text) || findCredits(text).length > 0 || canonicalCredit(text) !== null;
}

/**
 * A photo credit without the parentheses or brackets a page prints around it in an element of its
 * own; a credit that only starts or ends with one keeps it.
 *
 * @example bareCredit('(AP Photo/Evan Vucci)') // 'AP Photo/Evan Vucci'
 * @example bareCredit('Jane Doe (Reuters)') // 'Jane Doe (Reuters)'
 */
export function bareCredit(credit: string): string {
  const text = credit.trim();
  const inner = /^[([](.*)[)\]]$/s.exec(text)?.[1];
  return inner !== undefined && !/[()[\]]/.test(inner) ? inner.trim() : text;
}
