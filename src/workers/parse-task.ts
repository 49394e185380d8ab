import { WiredeskError } from '../errors.js';
import { parseStories, type ParseOptions } from '../parsers/parse.js';
import type { Story } from '../schema/story.js';

export interface ParseTask {
  bytes: Uint8Array;
  options: Omit<ParseOptions, 'logger'>;
}

/** Errors do not keep their class across threads, so they travel as plain data. */
export type ParseTaskResult =
  | { ok: true; format: string; stories: Story[]; skipped: Array<{ index: number; code: string; message: string }> }
  | { ok: false; code: string; message: string; retryable: boolean };

/** Runs on a worker thread (and inline when threads are off): bytes in, stories or a typed error out. */
export default function parseTask(task: ParseTask): ParseTaskResult {
  try {
    const result = parseStories(task.bytes, task.options);
    return {
      ok: true,
      format: result.format,
      stories: result.stories,
      skipped: result.skipped.map((s) => ({ index: s.index, code: s.error.code, message: s.error.message })),
    };
  } catch (error) {
    if (error instanceof WiredeskError) return { ok: false, code: error.code, message: error.message, retryable: error.retryable };
    return { ok: false, code: 'WD_ERR_MALFORMED', message: `parser crashed: ${(error as Error).message}`, retryable: false };
  }
}
