import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Sqlite from 'better-sqlite3';
import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WiredeskError } from '../../src/errors.js';
import { createSink } from '../../src/sinks/registry.js';
import type { Sink } from '../../src/sinks/types.js';
import { storyRevision } from '../helpers/stories.js';
import { sinkContract, type StoredRevision } from './contract.js';

const FILE = 'db/wiredesk.sqlite';

async function sqliteSink(dataDir: string, format: 'native' | 'ninjs-3.1' = 'native'): Promise<Sink> {
  const sink = createSink({ type: 'sqlite', id: 'sqlite', path: FILE, busyTimeout: 5_000, format }, { logger: pino({ level: 'silent' }), dataDir, env: {} });
  await sink.open();
  return sink;
}

/** Reads the file as a downstream consumer would: a connection of its own, read-only. */
function query<T>(dataDir: string, sql: string, ...params: unknown[]): T[] {
  const db = new Sqlite(join(dataDir, FILE), { readonly: true });
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}

sinkContract('sqlite', async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'wiredesk-sqlite-'));
  return {
    sink: await sqliteSink(dataDir),
    revisions: async (id) =>
      query<StoredRevision>(
        dataDir,
        `SELECT id, version, pub_status AS pubStatus, json ->> '$.headline' AS headline FROM story_revisions WHERE id = ? ORDER BY version`,
        id,
      ),
    latest: async (id) => query<StoredRevision>(dataDir, 'SELECT id, version, pub_status AS pubStatus, headline FROM stories WHERE id = ?', id)[0] ?? null,
    another: () => sqliteSink(dataDir),
    cleanup: () => rm(dataDir, { recursive: true, force: true }),
  };
});

describe('sqlite sink', () => {
  let dataDir: string;
  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'wiredesk-sqlite-'));
  });
  afterEach(() => rm(dataDir, { recursive: true, force: true }));

  it('fills the indexed columns from the story and keeps the full record in json', async () => {
    const sink = await sqliteSink(dataDir);
    const story = storyRevision('urn:test:columns', 1, { publishedAt: '2025-09-12T12:42:00Z', section: 'World', revisionKind: 'new' });
    await sink.write([story]);
    await sink.close();
    const [row] = query<Record<string, unknown>>(dataDir, 'SELECT * FROM stories');
    expect(row).toMatchObject({
      id: 'urn:test:columns',
      version: 1,
      source_id: 'example',
      published_at: '2025-09-12T12:42:00Z',
      updated_at: null,
      section: 'World',
      pub_status: 'usable',
      revision_kind: 'new',
      headline: story.headline,
      url: story.url,
      content_hash: story.contentHash,
    });
    expect(JSON.parse(row!.json as string)).toEqual(story);
    expect(Date.parse(row!.written_at as string)).not.toBeNaN();
  });

  it('stores ninjs in json when asked; the columns still come from the story', async () => {
    const sink = await sqliteSink(dataDir, 'ninjs-3.1');
    await sink.write([storyRevision('https://wire.example/ninjs-row', 2, { section: 'Politics' })]);
    await sink.close();
    const [row] = query<{ section: string; current: string; revision: string }>(
      dataDir,
      'SELECT s.section, s.json AS current, r.json AS revision FROM stories s JOIN story_revisions r USING (id)',
    );
    expect(row?.section).toBe('Politics');
    for (const json of [row!.current, row!.revision]) expect(JSON.parse(json)).toMatchObject({ uri: 'https://wire.example/ninjs-row', version: '2' });
  });

  it('creates the schema once, uses WAL, and reopens an existing file', async () => {
    await (await sqliteSink(dataDir)).close();
    const sink = await sqliteSink(dataDir);
    await sink.write([storyRevision('urn:test:reopen', 1)]);
    expect(await sink.health?.()).toEqual({ ok: true });
    await sink.close();
    const db = new Sqlite(join(dataDir, FILE));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE 'stories_%' ORDER BY name").pluck().all()).toEqual([
      'stories_pub_status',
      'stories_published_at',
      'stories_section',
      'stories_source_id',
    ]);
    db.close();
  });

  it('two sinks opening a new file at once both get the schema', async () => {
    const [a, b] = await Promise.all([sqliteSink(dataDir), sqliteSink(dataDir)]);
    expect(await a.write([storyRevision('urn:test:both', 1)])).toEqual({ written: 1, duplicates: 0 });
    expect(await b.write([storyRevision('urn:test:both', 1)])).toEqual({ written: 0, duplicates: 1 });
    await Promise.all([a.close(), b.close()]);
  });

  it('a write the file cannot take fails retryably, naming the sink', async () => {
    const sink = createSink({ type: 'sqlite', id: 'sqlite', path: FILE, busyTimeout: 50, format: 'native' }, { logger: pino({ level: 'silent' }), dataDir, env: {} });
    await sink.open();
    // Another process holds the write lock for longer than the busy timeout.
    const holder = new Sqlite(join(dataDir, FILE));
    holder.exec('BEGIN IMMEDIATE');
    const error = await sink.write([storyRevision('urn:test:busy', 1)]).catch((e: unknown) => e);
    holder.exec('ROLLBACK');
    holder.close();
    expect(error).toBeInstanceOf(WiredeskError);
    expect(error).toMatchObject({ code: 'WD_ERR_SINK', retryable: true, details: { sqliteCode: 'SQLITE_BUSY' } });
    expect((error as Error).message).toMatch(/^sqlite: /);
    expect(await sink.write([storyRevision('urn:test:busy', 1)])).toEqual({ written: 1, duplicates: 0 });
    await sink.close();
  });
});
