import { mkdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import { Duration } from '../config/duration.js';
import { WiredeskError } from '../errors.js';
import type { Story } from '../schema/story.js';
import { storyRow, type StoryRow } from './sql/row.js';
import type { CommonSinkOptions, Sink, SinkContext, SinkDefinition, SinkWriteResult } from './types.js';

export const SqliteSinkOptions = z.object({
  /** The database file, relative to the data directory. Default `wiredesk.sqlite`. */
  path: z.string().min(1).default('wiredesk.sqlite'),
  /** How long a write waits for another process's write lock before failing (retryably). Default 5 s. */
  busyTimeout: Duration.default(5_000),
});
export type SqliteSinkOptions = z.infer<typeof SqliteSinkOptions>;

/**
 * The schema, one step per entry; `PRAGMA user_version` counts the steps applied. Steps are only
 * ever appended, and each keeps older writers working, so a file a newer wiredesk has touched
 * stays writable by an older one.
 */
const SCHEMA_STEPS: readonly string[] = [
  `CREATE TABLE stories (
     id TEXT PRIMARY KEY,
     version INTEGER NOT NULL,
     source_id TEXT NOT NULL,
     published_at TEXT,
     updated_at TEXT,
     section TEXT,
     pub_status TEXT NOT NULL,
     revision_kind TEXT,
     headline TEXT NOT NULL,
     url TEXT,
     content_hash TEXT NOT NULL,
     json TEXT NOT NULL,
     written_at TEXT NOT NULL
   );
   CREATE INDEX stories_source_id ON stories (source_id);
   CREATE INDEX stories_published_at ON stories (published_at);
   CREATE INDEX stories_section ON stories (section);
   CREATE INDEX stories_pub_status ON stories (pub_status);
   CREATE TABLE story_revisions (
     id TEXT NOT NULL,
     version INTEGER NOT NULL,
     pub_status TEXT NOT NULL,
     content_hash TEXT NOT NULL,
     json TEXT NOT NULL,
     written_at TEXT NOT NULL,
     PRIMARY KEY (id, version)
   );`,
];

const INSERT_REVISION = `
  INSERT INTO story_revisions (id, version, pub_status, content_hash, json, written_at)
  VALUES (@id, @version, @pub_status, @content_hash, @json, @written_at)
  ON CONFLICT (id, version) DO NOTHING`;

// Only a newer version replaces the current story: a late, older revision never rolls it back.
const UPSERT_STORY = `
  INSERT INTO stories (id, version, source_id, published_at, updated_at, section, pub_status, revision_kind, headline, url, content_hash, json, written_at)
  VALUES (@id, @version, @source_id, @published_at, @updated_at, @section, @pub_status, @revision_kind, @headline, @url, @content_hash, @json, @written_at)
  ON CONFLICT (id) DO UPDATE SET
    version = excluded.version, source_id = excluded.source_id, published_at = excluded.published_at,
    updated_at = excluded.updated_at, section = excluded.section, pub_status = excluded.pub_status,
    revision_kind = excluded.revision_kind, headline = excluded.headline, url = excluded.url,
    content_hash = excluded.content_hash, json = excluded.json, written_at = excluded.written_at
  WHERE excluded.version > stories.version`;

/** Errors a retry cannot fix: the row itself is wrong. Everything else (busy, I/O, full disk) may pass. */
const REJECTED = /^SQLITE_(CONSTRAINT|TOOBIG|MISMATCH|RANGE)/;

/**
 * The embedded, queryable store: `stories` holds the latest revision of each story, with indexed
 * columns for the usual questions (by source, time, section, status), and `story_revisions` every
 * revision. WAL mode and a busy timeout let several worker processes write the same file.
 */
export const sqliteSink = {
  type: 'sqlite',
  options: SqliteSinkOptions,
  create: createSqliteSink,
} satisfies SinkDefinition<'sqlite', typeof SqliteSinkOptions>;

function createSqliteSink({ id, format, ...options }: SqliteSinkOptions & CommonSinkOptions, ctx: SinkContext): Sink {
  const file = resolve(ctx.dataDir, options.path);
  let db: Database | undefined;
  let writeBatch: ((rows: readonly StoryRow[], writtenAt: string) => number) | undefined;

  function fail(action: string, error: unknown): WiredeskError {
    const code = (error as { code?: unknown }).code;
    const rejected = typeof code === 'string' && REJECTED.test(code);
    return new WiredeskError(rejected ? 'WD_ERR_SINK_REJECTED' : 'WD_ERR_SINK', `sqlite: ${action} ${file}: ${(error as Error).message}`, {
      cause: error,
      details: { sinkId: id, ...(typeof code === 'string' ? { sqliteCode: code } : {}) },
    });
  }

  return {
    id,
    type: 'sqlite',
    async open() {
      try {
        await mkdir(dirname(file), { recursive: true });
        // Node hands a CommonJS module to import() as its default export; TypeScript (without
        // esModuleInterop) types it as the module itself.
        const { default: Sqlite } = (await import('better-sqlite3')) as unknown as { default: typeof import('better-sqlite3') };
        const opened = new Sqlite(file, { timeout: options.busyTimeout });
        db = opened;
        opened.pragma('journal_mode = WAL');
        // Once a write returns, the revision counts as delivered and is never sent again: it must
        // survive a power cut, not only a crash of this process.
        opened.pragma('synchronous = FULL');
        migrate(opened);
        const insertRevision = opened.prepare(INSERT_REVISION);
        const upsertStory = opened.prepare(UPSERT_STORY);
        // IMMEDIATE takes the write lock up front, where the busy timeout applies, instead of
        // failing at once when a read transaction cannot be upgraded.
        const transaction = opened.transaction((rows: readonly StoryRow[], writtenAt: string) => {
          let written = 0;
          for (const row of rows) {
            const params = { ...row, written_at: writtenAt };
            written += insertRevision.run(params).changes;
            upsertStory.run(params);
          }
          return written;
        });
        writeBatch = (rows, writtenAt) => transaction.immediate(rows, writtenAt);
      } catch (error) {
        db?.close();
        db = undefined;
        throw fail('cannot open', error);
      }
    },
    async write(revisions: readonly Story[]): Promise<SinkWriteResult> {
      if (!writeBatch) throw new WiredeskError('WD_ERR_SINK', `sqlite: ${file} is not open`, { details: { sinkId: id } });
      let rows: StoryRow[];
      try {
        rows = revisions.map((story) => storyRow(story, format));
      } catch (error) {
        throw new WiredeskError('WD_ERR_SINK_REJECTED', `sqlite: cannot serialize a revision: ${(error as Error).message}`, { cause: error, details: { sinkId: id } });
      }
      try {
        const written = writeBatch(rows, new Date().toISOString());
        return { written, duplicates: revisions.length - written };
      } catch (error) {
        throw fail('cannot write to', error);
      }
    },
    async close() {
      db?.close();
      db = undefined;
      writeBatch = undefined;
    },
    async health() {
      if (!db) return { ok: false, detail: 'not open' };
      try {
        db.prepare('SELECT 1').get();
        return { ok: true };
      } catch (error) {
        return { ok: false, detail: (error as Error).message };
      }
    },
  };
}

/** Applies the schema steps this file lacks, under the write lock so two starting processes take turns. */
function migrate(db: Database): void {
  db.transaction(() => {
    const applied = db.pragma('user_version', { simple: true }) as number;
    for (const step of SCHEMA_STEPS.slice(applied)) db.exec(step);
    // A pragma takes no parameters; the value is this module's constant, not input.
    if (applied < SCHEMA_STEPS.length) db.pragma(`user_version = ${SCHEMA_STEPS.length}`);
  }).immediate();
}
