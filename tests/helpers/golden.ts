import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { parseStories, type ParseOptions } from '../../src/parsers/parse.js';
import { WiredeskError } from '../../src/errors.js';

export const FIXTURES_DIR = new URL('../fixtures/', import.meta.url).pathname;
/** Golden outputs are made with this fixed fetch time so they are reproducible. */
export const GOLDEN_FETCHED_AT = '2025-01-01T00:00:00Z';

export interface GoldenCase {
  name: string;
  file: string;
  expectedFile: string;
  options: ParseOptions;
}

/** Every `tests/fixtures/<dir>/<case>.<ext>` that has a `<case>.expected.json` beside it. */
export function goldenCases(): GoldenCase[] {
  const cases: GoldenCase[] = [];
  for (const dir of readdirSync(FIXTURES_DIR, { withFileTypes: true })) {
    if (!dir.isDirectory()) continue;
    const folder = join(FIXTURES_DIR, dir.name);
    for (const file of readdirSync(folder)) {
      if (file.endsWith('.json') && /\.(expected|options)\.json$/.test(file)) continue;
      const stem = basename(file, extname(file));
      const expectedFile = join(folder, `${stem}.expected.json`);
      if (!existsSync(expectedFile)) continue;
      cases.push({ name: `${dir.name}/${file}`, file: join(folder, file), expectedFile, options: caseOptions(folder, stem) });
    }
  }
  return cases.sort((a, b) => a.name.localeCompare(b.name));
}

/** Optional `<case>.options.json`: url, format, contentType, defaultTimeZone, source. */
function caseOptions(folder: string, stem: string): ParseOptions {
  const file = join(folder, `${stem}.options.json`);
  const options = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as ParseOptions) : {};
  return { fetchedAt: GOLDEN_FETCHED_AT, ...options };
}

/** What the golden file records: the parse result, or the typed error a bad input must give. */
export function runCase(c: GoldenCase): unknown {
  try {
    const result = parseStories(readFileSync(c.file), c.options);
    return {
      format: result.format,
      parser: result.parser,
      stories: result.stories,
      ...(result.skipped.length > 0 ? { skipped: result.skipped.map((s) => ({ index: s.index, code: s.error.code })) } : {}),
    };
  } catch (error) {
    if (error instanceof WiredeskError) return { error: { code: error.code } };
    throw error;
  }
}
