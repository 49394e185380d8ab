import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { WiredeskError } from '../../src/errors.js';
import { parseStories, type ParseResult } from '../../src/parsers/parse.js';
import type { Story } from '../../src/schema/story.js';
import type { Mismatch } from './report.js';

/** A code for anything a parser throws that is not a WiredeskError: a bug, never an answer. */
export const UNTYPED_ERROR = 'UNTYPED_ERROR';

export type Outcome = { ok: true; result: ParseResult } | { ok: false; code: string; message: string };

/** Fixed so two runs over the same corpus give the same stories. */
const FETCHED_AT = '2000-01-01T00:00:00Z';

/** Parses one corpus file; whatever happens, the answer is an outcome, never a throw. */
export function parseFile(corpus: string, file: string): Outcome {
  try {
    return { ok: true, result: parseStories(readFileSync(join(corpus, file)), { fetchedAt: FETCHED_AT }) };
  } catch (error) {
    if (error instanceof WiredeskError) return { ok: false, code: error.code, message: error.message };
    return { ok: false, code: UNTYPED_ERROR, message: error instanceof Error ? error.message : String(error) };
  }
}

/** A parser bug (an untyped throw) on one file as a mismatch line; nothing for any other outcome. */
export function untypedError(file: string, outcome: Outcome): Mismatch[] {
  return outcome.ok || outcome.code !== UNTYPED_ERROR
    ? []
    : [{ group: 'parser', field: 'untyped errors', file, expected: 'stories or a WiredeskError', got: outcome.message }];
}

/** The story made from the `index`-th item of the document (skipped items leave holes). */
export function storyAt(result: ParseResult, index: number): Story | undefined {
  let position = index;
  for (const { index: skipped } of result.skipped) {
    if (skipped === index) return undefined;
    if (skipped < index) position -= 1;
  }
  return result.stories[position];
}

/** JSON in UTF-8, or in Latin-1 when it is not valid UTF-8 (one rss-parser expectation is). */
export function readJson(corpus: string, file: string): unknown {
  const bytes = readFileSync(join(corpus, file));
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = new TextDecoder('latin1').decode(bytes);
  }
  return JSON.parse(text) as unknown;
}

export function exists(corpus: string, file: string): boolean {
  return existsSync(join(corpus, file));
}

/** Every file under `dir`, as corpus-relative paths with forward slashes, sorted. */
export function listFiles(corpus: string, dir: string): string[] {
  if (!exists(corpus, dir)) return [];
  return readdirSync(join(corpus, dir), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(corpus, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();
}

/** "WD_ERR_MALFORMED×3, WD_ERR_NO_STORY×1", most frequent first. */
export function formatCounts(values: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([value, count]) => (count === 1 ? value : `${value}×${count}`))
    .join(', ');
}

/** What a file came to, in a few words: "3 stories (rss)", its error code, or an untyped error's message. */
export function describeOutcome(outcome: Outcome): string {
  if (!outcome.ok) return outcome.code === UNTYPED_ERROR ? `${outcome.code}: ${outcome.message}` : outcome.code;
  const { stories, format, skipped } = outcome.result;
  const dropped = skipped.length > 0 ? `, ${skipped.length} skipped` : '';
  return `${stories.length} ${stories.length === 1 ? 'story' : 'stories'} (${format}${dropped})`;
}
