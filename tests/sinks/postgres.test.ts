import { pino } from 'pino';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { WiredeskError } from '../../src/errors.js';
import { MIGRATIONS } from '../../src/sinks/migrations/index.js';
import { migratePostgresSink } from '../../src/sinks/postgres.js';
import { createSink, SinkConfig } from '../../src/sinks/registry.js';
import type { Sink, SinkContext } from '../../src/sinks/types.js';
import { closedPort } from '../helpers/http-server.js';
import { postgresForTest, TEST_DATABASE_URL } from '../helpers/postgres.js';
import { storyRevision } from '../helpers/stories.js';
import { sinkContract, type StoredRevision } from './contract.js';

const DATABASE_URL = TEST_DATABASE_URL;
const ctx: SinkContext = { logger: pino({ level: 'silent' }), dataDir: '.', env: {} };
const database = postgresForTest();
const { db, freshSchema, dropSchema } = database;

afterAll(() => database.cleanup());

function postgresSink(schema: string, options: Record<string, unknown> = {}): Sink {
  return createSink(SinkConfig.parse({ type: 'postgres', url: DATABASE_URL, schema, ...options }), ctx);
}

async function opened(schema: string, options: Record<string, unknown> = {}): Promise<Sink> {
  const sink = postgresSink(schema, options);
  await sink.open();
  return sink;
}

async function rows<T>(sql: string, params: unknown[] = []): Promise<T[]> {
  return (await db.query(sql, params)).rows as T[];
}

sinkContract('postgres', async () => {
  const schema = freshSchema();
  return {
    sink: await opened(schema),
    revisions: (id) =>
      rows<StoredRevision>(
        `SELECT id, version, pub_status AS "pubStatus", json ->> 'headline' AS headline FROM "${schema}".story_revisions WHERE id = $1 ORDER BY version`,
        [id],
      ),
    latest: async (id) => (await rows<StoredRevision>(`SELECT id, version, pub_status AS "pubStatus", headline FROM "${schema}".stories WHERE id = $1`, [id]))[0] ?? null,
    another: () => opened(schema),
    cleanup: () => dropSchema(schema),
  };
});

describe('postgres sink', () => {
  const open: Sink[] = [];
  afterEach(async () => {
    await Promise.all(open.splice(0).map((s) => s.close()));
  });
  async function sinkOn(schema: string, options: Record<string, unknown> = {}): Promise<Sink> {
    const sink = await opened(schema, options);
    open.push(sink);
    return sink;
  }

  it('fills the indexed columns from the story and keeps the full record as JSONB', async () => {
    const schema = freshSchema();
    const sink = await sinkOn(schema);
    const story = storyRevision('urn:test:columns', 1, { publishedAt: '2025-09-12T12:42:00Z', section: 'World', revisionKind: 'new' });
    expect(await sink.write([story])).toEqual({ written: 1, duplicates: 0 });
    const [row] = await rows<Record<string, unknown>>(`SELECT * FROM "${schema}".stories`);
    expect(row).toMatchObject({
      id: 'urn:test:columns',
      version: 1,
      source_id: 'example',
      published_at: new Date('2025-09-12T12:42:00Z'),
      updated_at: null,
      section: 'World',
      pub_status: 'usable',
      revision_kind: 'new',
      headline: story.headline,
      url: story.url,
      content_hash: story.contentHash,
      json: story,
    });
    expect(row!.written_at).toBeInstanceOf(Date);
    expect(await rows(`SELECT json FROM "${schema}".story_revisions`)).toEqual([{ json: story }]);
  });

  it('stores ninjs in json when asked; the columns still come from the story', async () => {
    const schema = freshSchema();
    const sink = await sinkOn(schema, { format: 'ninjs-3.1' });
    await sink.write([storyRevision('https://wire.example/ninjs-row', 2, { section: 'Politics' })]);
    const [row] = await rows<{ section: string; current: unknown; revision: unknown }>(
      `SELECT s.section, s.json AS current, r.json AS revision FROM "${schema}".stories s JOIN "${schema}".story_revisions r USING (id)`,
    );
    expect(row?.section).toBe('Politics');
    for (const json of [row?.current, row?.revision]) expect(json).toMatchObject({ uri: 'https://wire.example/ninjs-row', version: '2' });
  });

  it('migrations are recorded and applied once, however many sinks start at once', async () => {
    const schema = freshSchema();
    await Promise.all(Array.from({ length: 4 }, () => sinkOn(schema)));
    expect(await migratePostgresSink({ id: 'postgres', url: DATABASE_URL, schema, poolSize: 1, statementTimeout: 5_000, connectTimeout: 5_000 }, ctx)).toEqual([]);
    expect(await rows(`SELECT version, name FROM "${schema}".wiredesk_migrations ORDER BY version`)).toEqual(MIGRATIONS.map(({ version, name }) => ({ version, name })));
    expect(await rows(`SELECT tablename FROM pg_tables WHERE schemaname = $1 ORDER BY tablename`, [schema])).toEqual([
      { tablename: 'stories' },
      { tablename: 'story_revisions' },
      { tablename: 'wiredesk_migrations' },
    ]);
    expect((await rows(`SELECT indexname FROM pg_indexes WHERE schemaname = $1 AND tablename = 'stories' ORDER BY indexname`, [schema])).length).toBe(5);
  });

  it('a server that does not answer: open() still succeeds, writes fail retryably without the password', async () => {
    const sink = await sinkOn(freshSchema(), { url: `postgres://wiredesk:s3cr%2Ft@127.0.0.1:${await closedPort()}/test`, connectTimeout: '1s' });
    const error = await sink.write([storyRevision('urn:test:down', 1)]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WiredeskError);
    expect(error).toMatchObject({ code: 'WD_ERR_SINK', retryable: true });
    expect((error as Error).message).toMatch(/^postgres: cannot write to schema wdtest_\w+ at 127\.0\.0\.1:\d+\/test: .*ECONNREFUSED/);
    expect(JSON.stringify([(error as Error).message, (error as WiredeskError).toJSON()])).not.toMatch(/s3cr/);
    expect(await sink.health?.()).toMatchObject({ ok: false });
  });

  it('a database that does not exist fails open() at once: no retry can fix it', async () => {
    const error = await opened(freshSchema(), { url: DATABASE_URL.replace(/\/test$/, '/no_such_db') }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'WD_ERR_SINK', retryable: false, details: { code: '3D000' } });
  });

  it('a revision the database refuses is rejected for good, and the batch leaves nothing behind', async () => {
    const schema = freshSchema();
    const sink = await sinkOn(schema);
    // JSONB cannot hold a NUL character (22P05); a version below 1 breaks a CHECK (23514).
    const nul = storyRevision('urn:test:nul', 1, { headline: 'Bad \u0000 byte' });
    const zero = { ...storyRevision('urn:test:zero', 1), version: 0 };
    for (const [story, sqlstate] of [[nul, '22P05'], [zero, '23514']] as const) {
      const error = await sink.write([storyRevision('urn:test:fine', 1), story]).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 'WD_ERR_SINK_REJECTED', retryable: false, details: { code: sqlstate } });
      expect((error as Error).message).toMatch(/^postgres: /);
    }
    expect(await rows(`SELECT id FROM "${schema}".story_revisions`)).toEqual([]);
  });

  it('a statement over the timeout is cancelled and retryable', async () => {
    const schema = freshSchema();
    const sink = await sinkOn(schema, { statementTimeout: '200ms' });
    const blocker = await db.connect();
    try {
      await blocker.query('BEGIN');
      await blocker.query(`LOCK TABLE "${schema}".story_revisions IN ACCESS EXCLUSIVE MODE`);
      const error = await sink.write([storyRevision('urn:test:slow', 1)]).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 'WD_ERR_SINK', retryable: true, details: { code: '57014' } });
    } finally {
      await blocker.query('ROLLBACK');
      blocker.release();
    }
    expect(await sink.write([storyRevision('urn:test:slow', 1)])).toEqual({ written: 1, duplicates: 0 });
  });

  it('tables dropped under a running sink come back on the next write', async () => {
    const schema = freshSchema();
    const sink = await sinkOn(schema);
    await sink.write([storyRevision('urn:test:gone', 1)]);
    await db.query(`DROP SCHEMA "${schema}" CASCADE`);
    await expect(sink.write([storyRevision('urn:test:gone', 2)])).rejects.toMatchObject({ code: 'WD_ERR_SINK', retryable: true });
    expect(await sink.write([storyRevision('urn:test:gone', 2)])).toEqual({ written: 1, duplicates: 0 });
    expect(await sink.health?.()).toEqual({ ok: true });
  });

  it('takes DATABASE_URL when it has no url, and says where to set one when neither is there', async () => {
    const config = SinkConfig.parse({ type: 'postgres', schema: freshSchema() });
    const sink = createSink(config, { ...ctx, env: { DATABASE_URL } });
    await sink.open();
    open.push(sink);
    expect(await sink.write([storyRevision('urn:test:env', 1)])).toEqual({ written: 1, duplicates: 0 });
    expect(() => createSink(config, ctx)).toThrow(expect.objectContaining({ code: 'WD_ERR_CONFIG', message: expect.stringMatching(/sinks\[id=postgres\]\.url.*DATABASE_URL/) }));
  });

  it('accepts only safe schema names', () => {
    for (const schema of ['Stories', 'a-b', '1abc', 'x"; DROP', 'pg_stories', 'a'.repeat(64)]) {
      expect(SinkConfig.safeParse({ type: 'postgres', url: DATABASE_URL, schema }).success, schema).toBe(false);
    }
    expect(SinkConfig.safeParse({ type: 'postgres', url: 'mysql://x/y' }).success).toBe(false);
  });
});
