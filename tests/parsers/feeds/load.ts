import { loadDocument } from '../../../src/parsers/document.js';
import { DEFAULT_PARSE_LIMITS, type DocumentKind, type DocumentOf, type ParseContext, type Parser, type StoryDraft } from '../../../src/parsers/types.js';

export function context(url?: string): ParseContext {
  return {
    source: { id: 'test', name: 'Test' },
    defaultTimeZone: 'UTC',
    timeZoneConfigured: false,
    fetchedAt: '2025-01-01T00:00:00Z',
    limits: DEFAULT_PARSE_LIMITS,
    ...(url === undefined ? {} : { url }),
  };
}

/** The document as wiredesk loads any input, when it is of the parser's kind. */
function load<K extends DocumentKind>(parser: Parser<K>, input: string, ctx: ParseContext): DocumentOf<K> | undefined {
  const doc = loadDocument(new TextEncoder().encode(input), ctx);
  return doc.kind === parser.kind ? (doc as DocumentOf<K>) : undefined;
}

/** Whether `parser` recognises the document. */
export function detects<K extends DocumentKind>(parser: Parser<K>, input: string): boolean {
  const ctx = context();
  const doc = load(parser, input, ctx);
  return doc !== undefined && parser.detect(doc, ctx);
}

/** The raw drafts a parser makes of a document, before finalization. */
export function drafts<K extends DocumentKind>(parser: Parser<K>, input: string, url?: string): StoryDraft[] {
  const ctx = context(url);
  const doc = load(parser, input, ctx);
  if (!doc) throw new Error(`the input is not a ${parser.kind} document`);
  return parser.parse(doc, ctx);
}
