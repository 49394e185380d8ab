import { gunzipSync } from 'node:zlib';
import { DomHandler, isTag, type Document } from 'domhandler';
import { Parser, type ParserOptions } from 'htmlparser2';
import { ParseError } from '../errors.js';
import { decodeBytes, looksBinary } from './cleaners/charset.js';
import type { DocumentKind, ParseContext, ParsedDocument } from './types.js';

const GZIP_MAGIC = [0x1f, 0x8b] as const;
const JSON_TYPES = /\bjson\b/i;
const HTML_TYPES = /\btext\/html\b|\bapplication\/xhtml\+xml\b/i;

/**
 * Turns raw bytes into a parsed document, once: size and depth limits, gzip, charset, then a
 * sniff of the kind (JSON, XML or HTML) from the content type and the first markup.
 * Every failure is a ParseError with a stable code; nothing here throws anything else.
 */
export function loadDocument(input: Uint8Array, ctx: ParseContext): ParsedDocument {
  const bytes = gunzipIfNeeded(input, ctx.limits.maxBytes);
  if (bytes.length === 0) throw new ParseError('WD_ERR_EMPTY_DOCUMENT', 'the document is empty (0 bytes)');
  if (bytes.length > ctx.limits.maxBytes) {
    throw new ParseError('WD_ERR_TOO_LARGE', `the document is ${bytes.length} bytes; the limit is ${ctx.limits.maxBytes}`, {
      details: { bytes: bytes.length, limit: ctx.limits.maxBytes },
    });
  }
  if (looksBinary(bytes)) throw new ParseError('WD_ERR_BINARY', 'the document is binary data, not text');

  const { text: decoded, charset } = decodeBytes(bytes, ctx.contentType === undefined ? {} : { contentType: ctx.contentType });
  const text = decoded.trim();
  if (text === '') throw new ParseError('WD_ERR_EMPTY_DOCUMENT', 'the document holds only whitespace');
  ctx.logger?.debug({ charset, bytes: bytes.length }, 'document decoded');

  const kind = sniffKind(text, ctx.contentType);
  if (kind === 'json') return { kind, value: parseJson(text), text };
  if (kind === 'html') return { kind, document: parseMarkup(text, { decodeEntities: true }, ctx.limits.maxDepth), text };
  const document = parseMarkup(text, { xmlMode: true, decodeEntities: true, recognizeCDATA: true }, ctx.limits.maxDepth);
  const root = document.children.find(isTag);
  if (!root) throw new ParseError('WD_ERR_MALFORMED', 'the XML document has no root element');
  return { kind, document, root, text };
}

function gunzipIfNeeded(bytes: Uint8Array, maxBytes: number): Uint8Array {
  if (bytes[0] !== GZIP_MAGIC[0] || bytes[1] !== GZIP_MAGIC[1]) return bytes;
  try {
    // maxOutputLength turns a gzip bomb into an error instead of an allocation.
    return gunzipSync(bytes, { maxOutputLength: maxBytes + 1, finishFlush: 2 /* Z_SYNC_FLUSH: keep truncated streams */ });
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'ERR_BUFFER_TOO_LARGE') {
      throw new ParseError('WD_ERR_TOO_LARGE', `the document inflates past the limit of ${maxBytes} bytes`, { cause: error });
    }
    throw new ParseError('WD_ERR_MALFORMED', 'the document is gzip data that cannot be inflated', { cause: error });
  }
}

/** JSON by shape or type; HTML by doctype, root element or type; XML for any other markup. */
export function sniffKind(text: string, contentType?: string): DocumentKind {
  const first = text[0];
  if (first === '{' || first === '[') return 'json';
  if (first !== '<') {
    if (contentType && JSON_TYPES.test(contentType)) return 'json';
    throw new ParseError('WD_ERR_UNKNOWN_FORMAT', 'the document is neither markup nor JSON');
  }
  const head = text.slice(0, 4096).toLowerCase();
  const hasXmlDeclaration = head.startsWith('<?xml');
  const firstElement = /<([a-z][\w:.-]*)/.exec(head.replace(/<!--[\s\S]*?-->|<![\s\S]*?>|<\?[\s\S]*?\?>/g, ''));
  const rootName = firstElement?.[1];
  if (head.includes('<!doctype html') || rootName === 'html') return 'html';
  if (!hasXmlDeclaration && contentType && HTML_TYPES.test(contentType)) return 'html';
  if (rootName === 'head' || rootName === 'body') return 'html';
  return 'xml';
}

function tooDeep(maxDepth: number): ParseError {
  return new ParseError('WD_ERR_TOO_DEEP', `markup is nested deeper than ${maxDepth} levels`, { details: { maxDepth } });
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ParseError('WD_ERR_MALFORMED', `the JSON document is ill-formed: ${(error as Error).message}`, { cause: error });
  }
}

/**
 * The document tree, refused with WD_ERR_TOO_DEEP as soon as an element opens deeper than
 * `maxDepth`. The check rides on the one parse: htmlparser2's Parser costs O(depth) per tag
 * (100,000 levels take seconds), so it must stop early rather than be checked after, and later
 * passes that walk the tree can trust its depth.
 */
function parseMarkup(text: string, options: ParserOptions, maxDepth: number): Document {
  const handler = new DepthLimitedHandler(maxDepth, options);
  new Parser(handler, options).end(text);
  return handler.root;
}

class DepthLimitedHandler extends DomHandler {
  constructor(
    private readonly maxDepth: number,
    options: ParserOptions,
  ) {
    super(undefined, options);
  }

  override onopentag(name: string, attribs: Record<string, string>): void {
    // The stack holds the document node and every open element.
    if (this.tagStack.length > this.maxDepth) throw tooDeep(this.maxDepth);
    super.onopentag(name, attribs);
  }
}
