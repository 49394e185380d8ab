import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { readJsonl } from '../../src/sinks/jsonl.js';
import { createSink } from '../../src/sinks/registry.js';
import { storyRevision } from '../helpers/stories.js';
import { sinkContract, type StoredRevision } from './contract.js';

async function jsonlSink(dataDir: string, format: 'native' | 'ninjs-3.1' = 'native') {
  const sink = createSink({ type: 'jsonl', id: 'jsonl', dir: 'stories', format }, { logger: pino({ level: 'silent' }), dataDir, env: {} });
  await sink.open();
  return sink;
}

async function allLines(dataDir: string): Promise<StoredRevision[]> {
  const dir = join(dataDir, 'stories');
  const files = (await readdir(dir)).filter((f) => f.endsWith('.jsonl'));
  return (await Promise.all(files.map((f) => readJsonl(join(dir, f))))).flat();
}

sinkContract('jsonl', async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'wiredesk-jsonl-'));
  const revisions = async (id: string) =>
    (await allLines(dataDir))
      .filter((s) => s.id === id)
      .map(({ version, pubStatus, headline }) => ({ id, version, pubStatus, headline }))
      .sort((a, b) => a.version - b.version);
  return {
    sink: await jsonlSink(dataDir),
    revisions,
    // A JSON Lines consumer reads the file: the current story is the highest version in it.
    latest: async (id) => (await revisions(id)).at(-1) ?? null,
    another: () => jsonlSink(dataDir),
    cleanup: () => rm(dataDir, { recursive: true, force: true }),
  };
});

describe('jsonl sink', () => {
  it('writes ninjs lines when asked, still one per revision', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'wiredesk-jsonl-'));
    try {
      const sink = await jsonlSink(dataDir, 'ninjs-3.1');
      const story = storyRevision('https://wire.example/ninjs-line', 1);
      await sink.write([story]);
      expect(await sink.write([story])).toEqual({ written: 0, duplicates: 1 });
      const [line] = (await allLines(dataDir)) as unknown as Array<{ uri: string; version: string; headlines: unknown[] }>;
      expect(line).toMatchObject({ uri: 'https://wire.example/ninjs-line', version: '1' });
      await sink.close();
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
