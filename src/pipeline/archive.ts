import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, stat, writeFile, appendFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gunzip, gzip } from 'node:zlib';

const gzipAsync = promisify(gzip);
const gunzipAsync = promisify(gunzip);

export interface ArchiveEntry {
  /** sha256 of the raw bytes: the file's address in the archive. */
  sha256: string;
  sourceId: string;
  url: string;
  contentType: string | null;
  fetchedAt: string;
  kind: 'feed' | 'article';
  /** For article pages: the teaser story they complete, so a reparse can merge again. */
  storyId?: string;
}

/**
 * The bytes of every fetched document, content-addressed (`ab/cd/<sha256>.gz`), with a per-source
 * JSON Lines index of what was fetched when. Identical documents are stored once; a reparse after a
 * parser fix rebuilds stories from here without fetching anything.
 */
export function createArchive(dir: string) {
  const pathOf = (sha256: string) => join(dir, 'objects', sha256.slice(0, 2), sha256.slice(2, 4), `${sha256}.gz`);
  const indexOf = (sourceId: string) => join(dir, 'index', `${sourceId}.jsonl`);

  return {
    /** Stores the bytes (once) and returns their address. */
    async put(bytes: Uint8Array): Promise<string> {
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      const file = pathOf(sha256);
      if (await stat(file).then(() => true, () => false)) return sha256;
      await mkdir(join(file, '..'), { recursive: true });
      // Write then rename, so a crash never leaves a truncated object under its final name.
      const temp = `${file}.${process.pid}.${Date.now()}.tmp`;
      await writeFile(temp, await gzipAsync(bytes));
      await rename(temp, file);
      return sha256;
    },

    async get(sha256: string): Promise<Uint8Array> {
      return new Uint8Array(await gunzipAsync(await readFile(pathOf(sha256))));
    },

    /** Appends one line to the source's index; O_APPEND keeps concurrent appends from several workers whole. */
    async record(entry: ArchiveEntry): Promise<void> {
      await mkdir(join(dir, 'index'), { recursive: true });
      await appendFile(indexOf(entry.sourceId), `${JSON.stringify(entry)}\n`);
    },

    /** Entries of a source, oldest first, fetched at or after `since`. */
    async entries(sourceId: string, since?: Date): Promise<ArchiveEntry[]> {
      const text = await readFile(indexOf(sourceId), 'utf8').catch(() => '');
      const all = text
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as ArchiveEntry);
      return since ? all.filter((e) => Date.parse(e.fetchedAt) >= since.getTime()) : all;
    },
  };
}
export type Archive = ReturnType<typeof createArchive>;
