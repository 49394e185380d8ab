import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { WiredeskError } from '../errors.js';

export interface DroppedFile {
  path: string;
  url: string;
  /** Identifies this version of the file: a file rewritten in place is ingested again. */
  key: string;
  mtimeMs: number;
}

/**
 * A local drop folder as a source: every regular file in it (not recursive, dotfiles and
 * partial uploads ignored), oldest first. Files are left in place; the caller remembers keys.
 */
export async function listDroppedFiles(dir: string): Promise<DroppedFile[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    throw new WiredeskError('WD_ERR_NETWORK', `cannot read the drop folder ${dir}: ${(error as Error).message}`, {
      cause: error,
      retryable: (error as NodeJS.ErrnoException).code !== 'ENOTDIR',
    });
  }
  const files: DroppedFile[] = [];
  for (const name of names) {
    if (name.startsWith('.') || /\.(tmp|part|partial|crdownload)$/i.test(name)) continue;
    const path = join(dir, name);
    const info = await stat(path).catch(() => null);
    if (!info?.isFile()) continue;
    files.push({ path, url: pathToFileURL(path).href, key: `${name}|${info.size}|${info.mtimeMs}`, mtimeMs: info.mtimeMs });
  }
  return files.sort((a, b) => a.mtimeMs - b.mtimeMs);
}

export async function readDroppedFile(file: DroppedFile, maxBytes: number): Promise<Uint8Array> {
  const info = await stat(file.path);
  if (info.size > maxBytes) {
    throw new WiredeskError('WD_ERR_TOO_LARGE', `${file.path} is ${info.size} bytes; the limit is ${maxBytes}`, { retryable: false });
  }
  return new Uint8Array(await readFile(file.path));
}
