import { appendFile, mkdir, open, readFile, stat, truncate } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import lockfile from 'proper-lockfile';
import { z } from 'zod';
import { WiredeskError } from '../errors.js';
import type { Story } from '../schema/story.js';
import { payloadOf } from './payload.js';
import type { CommonSinkOptions, Sink, SinkContext, SinkDefinition, SinkWriteResult } from './types.js';

export const JsonlSinkOptions = z.object({
  /** Folder of the daily files, relative to the data directory. */
  dir: z.string().default('stories'),
});
export type JsonlSinkOptions = z.infer<typeof JsonlSinkOptions>;

/**
 * One JSON line per story revision, one file per UTC day of the revision's fetch time
 * (`stories-2025-09-12.jsonl`), so a retried delivery lands in the same file as the first try.
 * Writers on several processes take a lock file per day file; under the lock the sink reads what
 * was appended since it last looked, so a revision already in the file is never written twice.
 */
export const jsonlSink = {
  type: 'jsonl',
  options: JsonlSinkOptions,
  create: createJsonlSink,
} satisfies SinkDefinition<'jsonl', typeof JsonlSinkOptions>;

function createJsonlSink({ id, format, ...options }: JsonlSinkOptions & CommonSinkOptions, ctx: SinkContext): Sink {
  const dir = resolve(ctx.dataDir, options.dir);
  /** Per file: how far it has been read, and the revision keys seen in it. */
  const seen = new Map<string, { offset: number; keys: Set<string> }>();

  /** Reads lines appended since last time; returns the keys and where the last whole line ends. */
  async function catchUp(file: string): Promise<{ keys: Set<string>; end: number; size: number }> {
    const entry = seen.get(file) ?? { offset: 0, keys: new Set<string>() };
    seen.set(file, entry);
    const size = await stat(file).then((s) => s.size, () => 0);
    if (size <= entry.offset) return { keys: entry.keys, end: entry.offset, size };
    const handle = await open(file, 'r');
    try {
      const buffer = Buffer.alloc(size - entry.offset);
      await handle.read(buffer, 0, buffer.length, entry.offset);
      // Only whole lines count; a torn last line (a crash mid-append) is read again next time.
      const text = buffer.toString('utf8');
      const end = text.lastIndexOf('\n') + 1;
      for (const line of text.slice(0, end).split('\n')) {
        if (line) entry.keys.add(revisionKeyOfLine(line));
      }
      entry.offset += Buffer.byteLength(text.slice(0, end));
    } finally {
      await handle.close();
    }
    return { keys: entry.keys, end: entry.offset, size };
  }

  /**
   * Group commit: writes that arrive while a flush is running wait for the next one, which appends
   * them all under one lock with one fsync. Each caller still learns what became of its revisions.
   */
  const queues = new Map<string, { pending: Array<PendingWrite>; flushing: boolean }>();

  function writeFile(file: string, stories: readonly Story[]): Promise<SinkWriteResult> {
    return new Promise((resolveWrite, rejectWrite) => {
      const queue = queues.get(file) ?? { pending: [], flushing: false };
      queues.set(file, queue);
      queue.pending.push({ stories, resolve: resolveWrite, reject: rejectWrite });
      if (!queue.flushing) void flush(file, queue);
    });
  }

  async function flush(file: string, queue: { pending: PendingWrite[]; flushing: boolean }): Promise<void> {
    queue.flushing = true;
    while (queue.pending.length > 0) {
      const batch = queue.pending.splice(0);
      try {
        const results = await appendBatch(file, batch.map((w) => w.stories));
        batch.forEach((w, i) => w.resolve(results[i]!));
      } catch (error) {
        for (const w of batch) w.reject(error);
      }
    }
    queue.flushing = false;
  }

  async function appendBatch(file: string, batches: ReadonlyArray<readonly Story[]>): Promise<SinkWriteResult[]> {
    await appendFile(file, '');
    // A lock left by a killed writer goes stale after 10 s; waiting up to ~20 s outlasts it.
    const release = await lockfile.lock(file, { retries: { retries: 100, minTimeout: 20, maxTimeout: 200 }, stale: 10_000 });
    try {
      const { keys, end, size } = await catchUp(file);
      // A writer killed mid-append leaves a torn last line; cut it, or the next line would fuse with it.
      if (size > end) await truncate(file, end);
      const lines: string[] = [];
      const results = batches.map((stories) => {
        let written = 0;
        for (const story of stories) {
          const record = payloadOf(story, format);
          const key = recordKey(record);
          if (keys.has(key)) continue;
          keys.add(key);
          lines.push(`${JSON.stringify(record)}\n`);
          written++;
        }
        return { written, duplicates: stories.length - written };
      });
      if (lines.length > 0) {
        const handle = await open(file, 'a');
        try {
          const text = lines.join('');
          await handle.appendFile(text);
          await handle.sync();
          seen.get(file)!.offset += Buffer.byteLength(text);
        } finally {
          await handle.close();
        }
      }
      return results;
    } finally {
      await release();
    }
  }

  return {
    id,
    type: 'jsonl',
    async open() {
      await mkdir(dir, { recursive: true });
    },
    async write(revisions) {
      const byFile = new Map<string, Story[]>();
      for (const story of revisions) {
        const file = join(dir, `stories-${story.fetchedAt.slice(0, 10)}.jsonl`);
        byFile.set(file, [...(byFile.get(file) ?? []), story]);
      }
      const total: SinkWriteResult = { written: 0, duplicates: 0 };
      try {
        for (const [file, stories] of byFile) {
          const result = await writeFile(file, stories);
          total.written += result.written;
          total.duplicates += result.duplicates;
        }
      } catch (error) {
        throw new WiredeskError('WD_ERR_SINK', `jsonl: cannot append to ${dir}: ${(error as Error).message}`, { cause: error });
      }
      return total;
    },
    async close() {
      seen.clear();
    },
  };
}

interface PendingWrite {
  stories: readonly Story[];
  resolve(result: SinkWriteResult): void;
  reject(error: unknown): void;
}

/**
 * The revision key of a stored record, native or ninjs (whose `uri` stands for the story id and
 * whose `version` is a string): the same function reads lines back and keys new ones.
 */
function recordKey(record: unknown): string {
  const { id, uri, version } = (record ?? {}) as { id?: string; uri?: string; version?: number | string };
  return `${id ?? uri ?? ''}#v${version ?? ''}`;
}

function revisionKeyOfLine(line: string): string {
  try {
    return recordKey(JSON.parse(line));
  } catch {
    return '';
  }
}

/** Reads every revision in a JSON Lines file (for tests, reparse and the demo summary). */
export async function readJsonl(file: string): Promise<Story[]> {
  const text = await readFile(file, 'utf8');
  return text.split('\n').filter(Boolean).map((line) => JSON.parse(line) as Story);
}
