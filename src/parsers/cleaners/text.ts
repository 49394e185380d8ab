import { decodeHTMLStrict } from 'entities';
import { Tokenizer, type TokenizerCallbacks } from 'htmlparser2';

/** Invisible characters that split or glue words without showing: zero-width space/joiners, word joiner, BOM, soft hyphen. */
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff\u00ad]/g;

/**
 * Whitespace runs that are not already one plain space. Replacing only these leaves the single
 * spaces between words alone: on prose, twice as fast as replacing every `\s+`.
 */
const SPACE_RUNS = /\s{2,}|[^\S ]/g;

/**
 * Each run of whitespace (incl. NBSP and line breaks) as one space; the ends are not trimmed.
 *
 * @example collapseWhitespace(' a \n\t b ') // ' a b '
 */
export function collapseWhitespace(value: string): string {
  return value.replace(SPACE_RUNS, ' ');
}

/**
 * Collapses whitespace (incl. NBSP, zero-width), trims; entities are not touched.
 *
 * @example normalizeWhitespace('  Jane\u00a0Doe \u200b\n reports ') // 'Jane Doe reports'
 */
export function normalizeWhitespace(value: string): string {
  return collapseWhitespace(value.replace(INVISIBLE, '')).trim();
}

/**
 * Decodes HTML entities (named and numeric) in plain text, once: "&amp;amp;" becomes "&amp;".
 * Named entities need their semicolon: browsers' legacy rule would turn "AT&T &notes" into
 * "AT&T ¬es" and "&copyright" into "©right", and feed text is full of bare ampersands.
 *
 * @example decodeEntities('Caf&eacute; &amp; bar &#8212; &#x2019;') // 'Café & bar — ’'
 */
export function decodeEntities(value: string): string {
  return decodeHTMLStrict(value);
}

/**
 * Lower-case letters and digits only: compares titles and names across quote styles, dashes and spacing.
 *
 * @example comparable('“Belarus Frees 52” — AP') // 'belarusfrees52ap'
 */
export function comparable(value: string): string {
  return value
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

/** Elements whose content is never reader-visible text. */
const SKIPPED = new Set(['script', 'style', 'noscript', 'template', 'title', 'svg', 'math', 'iframe', 'object', 'canvas', 'select', 'textarea']);
/** Elements that start and end a paragraph (inside a list they only break the line). */
const BLOCKS = new Set([
  ...['address', 'article', 'aside', 'blockquote', 'caption', 'dd', 'details', 'dialog', 'div', 'dl', 'dt'],
  ...['fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header'],
  ...['hgroup', 'hr', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tr', 'ul'],
]);
const LISTS = new Set(['ul', 'ol', 'dl']);
const CELLS = new Set(['td', 'th']);

// Break markers in the raw output; NUL cannot occur in the text (it is stripped from text nodes).
const LINE = '\u0000L';
const PARAGRAPH = '\u0000P';
const BREAKS = / *(?:\u0000[LP] *)+/g;

/**
 * Plain text of an HTML fragment: blocks as paragraphs separated by a blank line, list items one
 * per line, `<br>` as a line break, scripts and styles dropped, whitespace collapsed in each line.
 *
 * One linear tokenizer pass (see `tokenize`); without a tree, implied closes (`<p>a<p>b`) are
 * handled by breaking on every open.
 *
 * @example htmlToText('<h1>Title</h1><p>One <b>two</b></p><ul><li>a</li><li>b</li></ul>') // 'Title\n\nOne two\n\na\nb'
 */
export function htmlToText(html: string): string {
  let out = '';
  let openTag = '';
  let skipDepth = 0;
  let listDepth = 0;
  let preDepth = 0;
  const blockBreak = () => (listDepth > 0 ? LINE : PARAGRAPH);
  // Text is added raw and its whitespace collapsed once at the end, but for preformatted text.
  const addText = (text: string) => {
    if (skipDepth > 0) return;
    const clean = text.includes('\u0000') ? text.replaceAll('\u0000', '') : text;
    out += preDepth > 0 ? clean.replace(INVISIBLE, '').replace(/\r\n?|\n/g, LINE).replace(/[^\S\n]+/g, ' ') : clean;
  };
  const open = (name: string) => {
    if (SKIPPED.has(name)) skipDepth++;
    if (skipDepth > 0) return;
    if (name === 'br' || name === 'li') out += LINE;
    else if (CELLS.has(name)) out += ' ';
    else if (BLOCKS.has(name)) out += blockBreak();
    if (LISTS.has(name)) listDepth++;
    if (name === 'pre') preDepth++;
  };
  const close = (name: string) => {
    if (skipDepth > 0) {
      if (SKIPPED.has(name)) skipDepth--;
      return;
    }
    if (LISTS.has(name)) listDepth = Math.max(0, listDepth - 1);
    if (name === 'pre') preDepth = Math.max(0, preDepth - 1);
    if (name === 'li') out += LINE;
    else if (BLOCKS.has(name)) out += blockBreak();
  };

  tokenize(html, true, {
    onopentagname(start, end) {
      openTag = html.slice(start, end).toLowerCase();
      open(openTag);
    },
    onselfclosingtag() {
      // `<svg/>` and `<math/>` are complete elements; other `<x/>` stay open, as in HTML.
      if (SKIPPED.has(openTag)) close(openTag);
    },
    onclosetag(start, end) {
      close(html.slice(start, end).toLowerCase());
    },
    ontext(start, end) {
      addText(html.slice(start, end));
    },
    ontextentity(codepoint) {
      addText(String.fromCodePoint(codepoint));
    },
  });

  return collapseWhitespace(out.replace(INVISIBLE, ''))
    .replace(BREAKS, (run) => (run.includes(PARAGRAPH) ? '\n\n' : '\n'))
    .trim();
}

type TagEvents = Pick<TokenizerCallbacks, 'onopentagname' | 'onselfclosingtag' | 'onclosetag'> & Partial<Pick<TokenizerCallbacks, 'ontext' | 'ontextentity'>>;

function ignore(): void {}

/** Every tokenizer event, doing nothing: callers override the few they read. */
const IGNORED: TokenizerCallbacks = {
  onattribdata: ignore,
  onattribentity: ignore,
  onattribend: ignore,
  onattribname: ignore,
  oncdata: ignore,
  onclosetag: ignore,
  oncomment: ignore,
  ondeclaration: ignore,
  onend: ignore,
  onopentagend: ignore,
  onopentagname: ignore,
  onprocessinginstruction: ignore,
  onselfclosingtag: ignore,
  ontext: ignore,
  ontextentity: ignore,
};

/**
 * htmlparser2's tokenizer over `html`, reporting only tag and text events. Text and depth need no
 * element tree, and the Parser's tag stack costs O(depth) per tag (seconds at 100,000 levels);
 * the tokenizer alone is linear and iterative.
 */
function tokenize(html: string, decodeEntities: boolean, events: TagEvents): void {
  const tokenizer = new Tokenizer({ decodeEntities }, { ...IGNORED, ...events });
  tokenizer.write(html);
  tokenizer.end();
}

/** Elements that never have content, so they never nest. */
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);

/**
 * How deep the tags of a fragment nest (an upper bound: closes that HTML implies are not
 * counted), in one linear tokenizer pass — a guard before tree-building code that is slow on
 * hostile nesting.
 *
 * @example markupDepth('<div><p>a</p><p>b</p></div>') // 2
 */
export function markupDepth(html: string, options: { xml?: boolean } = {}): number {
  const isVoid = (tag: string) => !options.xml && VOID.has(tag);
  let depth = 0;
  let max = 0;
  let name = '';
  tokenize(html, false, {
    onopentagname(start, end) {
      name = html.slice(start, end).toLowerCase();
      if (isVoid(name)) return;
      depth++;
      if (depth > max) max = depth;
    },
    onselfclosingtag() {
      if (!isVoid(name)) depth--;
    },
    onclosetag(start, end) {
      if (!isVoid(html.slice(start, end).toLowerCase())) depth = Math.max(0, depth - 1);
    },
  });
  return max;
}

/** A CJK ideograph or kana: each counts as one word, since these scripts do not space words. */
const CJK = String.raw`\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}`;
const IS_IDEOGRAPH = new RegExp(`[${CJK}]`, 'u');
/** Letters, digits and marks of spaced scripts. */
const IS_WORD_CHAR = new RegExp(String.raw`[^\s\p{P}\p{S}${CJK}]`, 'u');
/** ' ’ - . , join the parts of one word ("O'Murchú", "U.S.", "3.5", "180,000") when a word character follows. */
const JOINERS = "'’.,-";

const WORD_CHAR = 1;
const JOINER = 2;
const IDEOGRAPH = 3;
const OTHER = 4;
/** Kind of each BMP character, worked out by the regexes above on first sight (0: not yet). */
const BMP_KINDS = new Uint8Array(0x10000);

function classify(codePoint: number): number {
  const char = String.fromCodePoint(codePoint);
  if (IS_IDEOGRAPH.test(char)) return IDEOGRAPH;
  if (IS_WORD_CHAR.test(char)) return WORD_CHAR;
  return JOINERS.includes(char) ? JOINER : OTHER;
}

function kindOf(codePoint: number): number {
  if (codePoint > 0xffff) return classify(codePoint);
  const known = BMP_KINDS[codePoint]!;
  if (known !== 0) return known;
  const kind = classify(codePoint);
  BMP_KINDS[codePoint] = kind;
  return kind;
}

/**
 * Words in plain text, linear time. Latin, Cyrillic, Greek, Hangul… words are runs of letters and
 * digits; each CJK ideograph or kana is a word (Intl.Segmenter is far too slow on long pages).
 * One scan with a per-character table: a regex match per word cost more than the rest of
 * finalization's text work.
 *
 * @example countWords("Seán Federico-O'Murchú filed 3.5 stories") // 5
 * @example countWords('東京で会議') // 5
 */
export function countWords(value: string): number {
  let count = 0;
  let inWord = false;
  for (let i = 0; i < value.length; ) {
    const codePoint = value.codePointAt(i)!;
    const size = codePoint > 0xffff ? 2 : 1;
    const kind = kindOf(codePoint);
    if (kind === WORD_CHAR) {
      if (!inWord) count++;
      inWord = true;
    } else if (kind === IDEOGRAPH) {
      count++;
      inWord = false;
    } else if (kind === JOINER && inWord) {
      const next = value.codePointAt(i + size);
      inWord = next !== undefined && kindOf(next) === WORD_CHAR;
    } else {
      inWord = false;
    }
    i += size;
  }
  return count;
}
