import { isUtf8 } from 'node:buffer';
import { ResultType, Sniffer } from 'encoding-sniffer/sniffer';
import iconv from 'iconv-lite';

export interface DecodeOptions {
  /** HTTP Content-Type header value, whose charset parameter is one of the signals. */
  contentType?: string;
}

/** Feeds put their XML declaration first, but pages can bury the meta tag under a big head. */
const SNIFF_BYTES = 4096;
const BINARY_SAMPLE_BYTES = 1024;
/** Above this share of control characters in the sample, the bytes are not text. */
const MAX_CONTROL_RATIO = 0.1;

const CHARSET_PARAM = /charset\s*=\s*["']?([^"';,\s]+)/i;
/** Single-byte charsets: text in them is essentially never also valid multi-byte UTF-8. */
const SINGLE_BYTE = /^(?:windows-125\d|iso-8859-\d+|koi8-[ru]|ibm866|macintosh|x-mac-cyrillic)$/;
/** Where a charset was declared inside the document itself: templates copy these from page to page, stale or not. */
const IN_DOCUMENT: ReadonlySet<ResultType> = new Set([ResultType.META_TAG, ResultType.XML_ENCODING]);
const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46, 0x2d]; // "%PDF-"
const BOMS = [
  [0xef, 0xbb, 0xbf],
  [0xff, 0xfe],
  [0xfe, 0xff],
];
/** UTF-32, which WHATWG (and so the sniffer) leaves out: by its BOM, or by "<" as the first code unit. */
const UTF32_SIGNATURES: ReadonlyArray<readonly [readonly number[], string]> = [
  [[0x00, 0x00, 0xfe, 0xff], 'utf-32be'],
  [[0xff, 0xfe, 0x00, 0x00], 'utf-32le'],
  [[0x00, 0x00, 0x00, 0x3c], 'utf-32be'],
  [[0x3c, 0x00, 0x00, 0x00], 'utf-32le'],
];
/** What bytes 0x80–0x9F mean in windows-1252, for text that carries them as C1 controls. */
const WINDOWS_1252_C1 = iconv.decode(Uint8Array.from({ length: 32 }, (_, i) => 0x80 + i), 'windows-1252');
/** Tab, LF, VT, FF, CR, and ESC (ISO-2022-JP switches character sets with it). */
const TEXT_CONTROLS = new Set([0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x1b]);

/**
 * Decodes bytes to text: BOM, then the HTTP header's charset, then the XML declaration or meta
 * tag (WHATWG prescan of the first 4 KB, via encoding-sniffer), then UTF-8. Unknown labels fall
 * through to the next signal. Common mislabels are repaired unless a BOM settled the matter:
 * "UTF-8" that is not valid UTF-8 is read as windows-1252 (unless nearly all of it is valid); a
 * single-byte charset (e.g. a server's default ISO-8859-1) over valid UTF-8 is read as UTF-8; and
 * so is any charset a meta tag or XML declaration states over bytes that are valid multi-byte
 * UTF-8 (a page re-encoded to UTF-8 that kept its `gb2312` meta): text in GBK, Shift_JIS, EUC or
 * Big5 is essentially never also valid UTF-8. Only the HTTP header is trusted over that.
 * UTF-32 is recognised by its BOM or XML prefix. C1 control characters, which only appear when
 * windows-1252 text was once decoded as Latin-1 ("don\u0092t"), become the punctuation they
 * stood for, as HTML does for `&#146;`. The BOM is removed. Never throws.
 *
 * @example decodeBytes(new Uint8Array([0x63, 0x61, 0x66, 0xe9])) // { text: 'café', charset: 'windows-1252' }
 * @example decodeBytes(bytes, { contentType: 'text/xml; charset=koi8-r' }).charset // 'koi8-r'
 */
export function decodeBytes(bytes: Uint8Array, options: DecodeOptions = {}): { text: string; charset: string } {
  const utf32 = utf32Charset(bytes);
  if (utf32 !== null) return decode(bytes, utf32);
  const label = options.contentType === undefined ? undefined : CHARSET_PARAM.exec(options.contentType)?.[1];
  const sniffer = new Sniffer({
    maxBytes: SNIFF_BYTES,
    defaultEncoding: 'UTF-8',
    ...(label === undefined ? {} : { transportLayerEncodingLabel: label }),
  });
  sniffer.write(bytes);

  const charset = supportedCharset(sniffer.encoding);
  if (sniffer.resultType !== ResultType.BOM) {
    if (charset === 'utf-8' && !isUtf8(bytes)) return decodeMislabelledUtf8(bytes);
    const overridable = SINGLE_BYTE.test(charset) || (IN_DOCUMENT.has(sniffer.resultType) && !charset.startsWith('utf-16'));
    if (charset !== 'utf-8' && overridable && hasHighBytes(bytes) && isUtf8(bytes)) return decode(bytes, 'utf-8');
  }
  return decode(bytes, charset);
}

/**
 * True when the bytes are binary junk rather than text in some charset: a PDF, NUL bytes that are
 * not UTF-16's, or many control characters in the first kilobyte. UTF-16 (with or without a BOM)
 * is text.
 *
 * @example looksBinary(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d])) // true (PNG)
 * @example looksBinary(new TextEncoder().encode('<rss version="2.0">')) // false
 */
export function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, BINARY_SAMPLE_BYTES);
  if (sample.length === 0 || BOMS.some((bom) => startsWith(sample, bom)) || utf32Charset(sample) !== null) return false;
  if (startsWith(sample, PDF_MAGIC)) return true;

  let nulEven = 0;
  let nulOdd = 0;
  let control = 0;
  sample.forEach((byte, i) => {
    if (byte === 0) {
      if (i % 2 === 0) nulEven++;
      else nulOdd++;
    } else if (byte < 0x20 && !TEXT_CONTROLS.has(byte)) control++;
  });
  // UTF-16 without a BOM puts the zero high byte of ASCII characters all on one side.
  const utf16Like = (nulEven === 0 || nulOdd === 0) && Math.max(nulEven, nulOdd) >= 0.3 * (sample.length / 2);
  if (nulEven + nulOdd > 0 && !utf16Like) return true;
  return control / sample.length > MAX_CONTROL_RATIO;
}

/** The sniffed WHATWG name in lower case, or utf-8 when neither decoder knows it. */
function supportedCharset(name: string): string {
  const charset = name.toLowerCase();
  return iconv.encodingExists(charset) || textDecode(new Uint8Array(0), charset) !== null ? charset : 'utf-8';
}

/**
 * iconv-lite first: Node 20's TextDecoder reads windows-1252 as ISO-8859-1 (0x93 becomes U+0093,
 * not “). TextDecoder (full ICU) covers the few iconv-lite lacks, such as ISO-2022-JP.
 */
function decode(bytes: Uint8Array, charset: string): { text: string; charset: string } {
  if (charset === 'utf-8') return finish(utf8(bytes), charset, bytes);
  const text = iconv.encodingExists(charset) ? iconv.decode(bytes, charset) : (textDecode(bytes, charset) ?? utf8(bytes));
  return finish(text, charset, bytes);
}

/** UTF-8 through Buffer's native decoder: iconv-lite's goes through StringDecoder, about four times slower on a page. */
function utf8(bytes: Uint8Array): string {
  return asBuffer(bytes).toString('utf8');
}

/** A Buffer over the same memory, for Node's native byte routines. */
function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function finish(text: string, charset: string, bytes: Uint8Array): { text: string; charset: string } {
  // Both decoders drop a BOM of their own encoding; a stray one from another is dropped here.
  const unmarked = text.replace(/^\ufeff/, '');
  // UTF-8 writes U+0080–U+009F as C2 80–9F: without those bytes (nearly every page) there is nothing to repair, and the byte search costs far less than the regex over the text.
  return { text: charset === 'utf-8' && !hasUtf8C1(bytes) ? unmarked : repairC1(unmarked), charset };
}

function textDecode(bytes: Uint8Array, charset: string): string | null {
  try {
    return new TextDecoder(charset).decode(bytes);
  } catch {
    return null;
  }
}

/**
 * Text labelled (or assumed) UTF-8 that fails to decode is usually windows-1252; but a UTF-8
 * document with a few corrupt bytes is still UTF-8, and reading it as windows-1252 would garble
 * every accented letter in it.
 */
function decodeMislabelledUtf8(bytes: Uint8Array): { text: string; charset: string } {
  const lossy = utf8(bytes);
  let replaced = 0;
  let decoded = 0;
  for (const char of lossy) {
    if (char === '\ufffd') replaced++;
    else if (char > '\u007f') decoded++;
  }
  return decoded > replaced ? finish(lossy, 'utf-8', bytes) : decode(bytes, 'windows-1252');
}

function utf32Charset(bytes: Uint8Array): string | null {
  return UTF32_SIGNATURES.find(([signature]) => startsWith(bytes, signature))?.[1] ?? null;
}

function repairC1(text: string): string {
  return text.replace(/[\u0080-\u009f]/g, (c) => WINDOWS_1252_C1[c.charCodeAt(0) - 0x80] ?? c);
}

/** True when the bytes hold a C2 80–9F sequence: a C1 control character, in UTF-8. */
function hasUtf8C1(bytes: Uint8Array): boolean {
  // Buffer's indexOf is a native byte search, a plain Uint8Array's is not (ten times slower).
  const buffer = asBuffer(bytes);
  for (let at = buffer.indexOf(0xc2); at >= 0; at = buffer.indexOf(0xc2, at + 1)) {
    const next = buffer[at + 1];
    if (next !== undefined && next >= 0x80 && next <= 0x9f) return true;
  }
  return false;
}

function hasHighBytes(bytes: Uint8Array): boolean {
  return bytes.some((byte) => byte >= 0x80);
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((byte, i) => bytes[i] === byte);
}
