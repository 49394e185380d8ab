import { ParseError } from '../errors.js';
import type { Format } from '../schema/story.js';
import { atomParser } from './feeds/atom.js';
import { jsonFeedParser } from './feeds/jsonfeed.js';
import { rdfParser } from './feeds/rdf.js';
import { rssParser } from './feeds/rss.js';
import { htmlParser } from './html/index.js';
import type { ParseContext, ParsedDocument, Parser } from './types.js';
import { apMediaParser } from './wire/ap-media.js';
import { newsml1Parser } from './wire/newsml-1.js';
import { newsmlG2Parser } from './wire/newsml-g2.js';
import { nitfParser } from './wire/nitf.js';
import { ninjsParser } from './wire/ninjs.js';

/**
 * Every parser, registered here and nowhere else. Detection tries them in this order, so a more
 * specific shape comes before a looser one (AP Media JSON before generic ninjs).
 */
export const PARSERS: readonly Parser[] = [
  rssParser,
  atomParser,
  rdfParser,
  nitfParser,
  newsmlG2Parser,
  newsml1Parser,
  apMediaParser,
  ninjsParser,
  jsonFeedParser,
  htmlParser,
] as Parser[];

export function parserFor(format: Format): Parser {
  const parser = PARSERS.find((p) => p.format === format);
  if (!parser) throw new ParseError('WD_ERR_UNKNOWN_FORMAT', `no parser is registered for format "${format}"`);
  return parser;
}

/**
 * The parser for a document: the forced one (which must accept the document), or the first that
 * recognises it. A forced feed parser given an HTML page fails with WD_ERR_FORMAT_MISMATCH.
 */
export function chooseParser(doc: ParsedDocument, ctx: ParseContext, forced?: Format): Parser {
  if (forced) {
    const parser = parserFor(forced);
    if (parser.kind !== doc.kind || !accepts(parser, doc, ctx)) {
      throw new ParseError('WD_ERR_FORMAT_MISMATCH', `the document is not ${forced} (it looks like ${describe(doc)})`);
    }
    return parser;
  }
  const parser = PARSERS.find((p) => p.kind === doc.kind && accepts(p, doc, ctx));
  if (!parser) throw new ParseError('WD_ERR_UNKNOWN_FORMAT', `no parser recognises this document (${describe(doc)})`);
  return parser;
}

function accepts(parser: Parser, doc: ParsedDocument, ctx: ParseContext): boolean {
  return (parser.detect as (d: ParsedDocument, c: ParseContext) => boolean)(doc, ctx);
}

function describe(doc: ParsedDocument): string {
  if (doc.kind === 'xml') return `XML with root <${doc.root.name}>`;
  if (doc.kind === 'json') return Array.isArray(doc.value) ? 'a JSON array' : 'a JSON object';
  return 'an HTML page';
}
