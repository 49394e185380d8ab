import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import { ParseError, type ErrorCode } from '../errors.js';
import parseTask, { type ParseTask, type ParseTaskResult } from './parse-task.js';

export interface ParsePool {
  parse(task: ParseTask): Promise<Extract<ParseTaskResult, { ok: true }>>;
  close(): Promise<void>;
}

/**
 * Parsing is the CPU cost of the pipeline. On worker threads it cannot starve the event loop that
 * renews BullMQ job locks and talks to Redis; with `threads: 0` it runs inline (for comparison,
 * and for tiny deployments).
 */
export function createParsePool(threads: number): ParsePool {
  const unwrap = (result: ParseTaskResult) => {
    if (result.ok) return result;
    throw new ParseError(result.code as ErrorCode, result.message, { retryable: result.retryable });
  };
  if (threads === 0) {
    return { parse: async (task) => unwrap(parseTask(task)), close: async () => {} };
  }
  const pool = new Piscina<ParseTask, ParseTaskResult>({ filename: taskFile(), minThreads: threads, maxThreads: threads });
  return {
    async parse(task) {
      return unwrap(await pool.run(task));
    },
    async close() {
      await pool.destroy();
    },
  };
}

/** The compiled task: beside this module in dist/, or dist/ itself when running from sources (tests). */
function taskFile(): string {
  const sibling = fileURLToPath(new URL('./parse-task.js', import.meta.url));
  if (existsSync(sibling)) return sibling;
  return fileURLToPath(new URL('../../dist/workers/parse-task.js', import.meta.url));
}
