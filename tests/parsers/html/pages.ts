import { existsSync, readFileSync } from 'node:fs';
import { loadDocument } from '../../../src/parsers/document.js';
import { loadPage, type Page } from '../../../src/parsers/html/page.js';
import { PAGE_FIELDS, type PageField } from '../../../src/parsers/html/strategy.js';
import { DEFAULT_PARSE_LIMITS, type ParseContext } from '../../../src/parsers/types.js';

/** Every field, as a strategy is asked for them when nothing was found yet. */
export const ALL_FIELDS: ReadonlySet<PageField> = new Set(PAGE_FIELDS);

const FIXTURES = new URL('../../fixtures/html/', import.meta.url);

/** A page from markup, loaded as the HTML parser loads it. */
export function htmlPage(html: string, url?: string): Page {
  const ctx: ParseContext = {
    source: { id: 'test', name: 'Test' },
    defaultTimeZone: 'UTC',
    timeZoneConfigured: false,
    fetchedAt: '2025-01-01T00:00:00Z',
    limits: { ...DEFAULT_PARSE_LIMITS },
    ...(url === undefined ? {} : { url }),
  };
  const doc = loadDocument(new TextEncoder().encode(html), ctx);
  if (doc.kind !== 'html') throw new Error(`not an HTML page: ${doc.kind}`);
  return loadPage(doc, ctx);
}

/** `tests/fixtures/html/<name>.html`, at the URL its options file gives. */
export function fixturePage(name: string): Page {
  const options = new URL(`${name}.options.json`, FIXTURES);
  const url = existsSync(options) ? (JSON.parse(readFileSync(options, 'utf8')) as { url?: string }).url : undefined;
  return htmlPage(readFileSync(new URL(`${name}.html`, FIXTURES), 'utf8'), url);
}
