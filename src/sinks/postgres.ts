import type { Pool } from 'pg';
import { z } from 'zod';
import { Duration } from '../config/duration.js';
import { ConfigError, WiredeskError } from '../errors.js';
import type { Story } from '../schema/story.js';
import { migrate, type Migration } from './migrations/index.js';
import { quoteIdentifier, SchemaName } from './sql/identifier.js';
import { storyRow } from './sql/row.js';
import type { CommonSinkOptions, Sink, SinkContext, SinkDefinition, SinkWriteResult } from './types.js';

const ConnectionString = z
  .string()
  .regex(/^postgres(ql)?:\/\//, 'expected a postgres:// connection string')
  .refine((url) => URL.canParse(url), 'not a valid connection string');

export const PostgresSinkOptions = z.object({
  /** `postgres://user:password@host:5432/database`. Default: DATABASE_URL from the environment. */
  url: ConnectionString.optional(),
  /** Schema holding the tables; created, with the tables, by the migrations. Default `wiredesk`. */
  schema: SchemaName.default('wiredesk'),
  /** Connections per process. Default 10. */
  poolSize: z.number().int().min(1).max(100).default(10),
  /** Longest a statement may run on the server before it is cancelled (and retried). Default 30 s. */
  statementTimeout: Duration.default(30_000),
  /** Longest wait for a connection (TCP, TLS, authentication). Default 5 s. */
  connectTimeout: Duration.default(5_000),
});
export type PostgresSinkOptions = z.infer<typeof PostgresSinkOptions>;

/**
 * Stories in PostgreSQL: `stories` holds the current revision of each story, `story_revisions`
 * every revision, both with the payload as JSONB. The tables come from versioned migrations, run
 * at `open()` and by `wiredesk migrate`. A server that is down at start does not stop the
 * pipeline: writes fail retryably until it answers, and the first one that connects migrates.
 */
export const postgresSink = {
  type: 'postgres',
  options: PostgresSinkOptions,
  create: createPostgresSink,
} satisfies SinkDefinition<'postgres', typeof PostgresSinkOptions>;

/** What a retry can do about a PostgreSQL error, by SQLSTATE. */
type Verdict = 'retry' | 'remigrate' | 'rejected' | 'operator';

/**
 * Data (22) and integrity (23) errors are the revision's own: no retry fixes them. Bad credentials
 * (28), a missing database (3D000), missing privileges and other schema mismatches (42) wait for
 * an operator. Tables or schema gone (42P01, 3F000) are recreated by migrating again. Everything
 * else — connection loss, shutdowns, timeouts, deadlocks, a read-only standby mid-failover, and
 * errors without a SQLSTATE (refused, reset, pg's own timeouts) — is worth a retry.
 */
function verdictOf(error: unknown): Verdict {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string' || !/^[0-9A-Z]{5}$/.test(code)) return 'retry';
  if (code === '42P01' || code === '3F000') return 'remigrate';
  const errorClass = code.slice(0, 2);
  if (errorClass === '22' || errorClass === '23') return 'rejected';
  if (errorClass === '28' || errorClass === '42' || code === '3D000') return 'operator';
  return 'retry';
}

/** The connection string of a postgres sink: its own `url`, else DATABASE_URL. */
function connectionStringOf(options: Pick<PostgresSinkOptions, 'url'> & { id: string }, env: NodeJS.ProcessEnv): string {
  const url = options.url ?? env.DATABASE_URL;
  if (url === undefined || url === '') {
    throw new ConfigError(`sinks[id=${options.id}].url: the postgres sink has no url; set it, or DATABASE_URL in the environment`);
  }
  const checked = ConnectionString.safeParse(url);
  if (!checked.success) throw new ConfigError(`sinks[id=${options.id}].url${options.url === undefined ? ' (from DATABASE_URL)' : ''}: ${checked.error.issues[0]?.message}`);
  return url;
}

/** A pool on the sink's database and what error messages may say about it (never the password). */
interface Connection {
  pool: Pool;
  /** `host:port/database`, for messages. */
  target: string;
  /** Error text with the password, should a driver ever echo it, cut out. */
  redact(text: string): string;
}

async function connect(options: PostgresSinkOptions & { id: string }, ctx: SinkContext, poolSize: number): Promise<Connection> {
  const url = connectionStringOf(options, ctx.env);
  const parsed = new URL(url);
  // As written in the URL and as sent (percent-decoded): either could surface in a message.
  const secrets = [parsed.password, safeDecode(parsed.password)].filter((s) => s !== '');
  const { Pool } = await import('pg');
  const pool = new Pool({
    connectionString: url,
    max: poolSize,
    connectionTimeoutMillis: options.connectTimeout,
    statement_timeout: options.statementTimeout,
    // A server that falls silent mid-query (a cut network) would otherwise hold the job forever;
    // on this timeout the pool drops the connection.
    query_timeout: options.statementTimeout + options.connectTimeout,
    keepAlive: true,
    application_name: `wiredesk:${options.id}`,
  });
  // An idle connection the server closes (a restart, 57P01) is reported here; without a listener
  // it would crash the process. The pool replaces it on the next query.
  pool.on('error', (error) => ctx.logger.warn({ code: (error as { code?: string }).code, message: redact(error.message) }, 'postgres: idle connection lost'));
  function redact(text: string): string {
    return secrets.reduce((out, secret) => out.split(secret).join('***'), text);
  }
  return { pool, target: `${parsed.hostname}:${parsed.port || '5432'}${parsed.pathname}`, redact };
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** A typed error saying what failed, prefixed with the sink name and free of secrets. */
function sinkError(connection: Pick<Connection, 'redact'>, action: string, error: unknown, sinkId: string): WiredeskError {
  const verdict = verdictOf(error);
  const sqlstate = (error as { code?: unknown } | null)?.code;
  return new WiredeskError(
    verdict === 'rejected' ? 'WD_ERR_SINK_REJECTED' : 'WD_ERR_SINK',
    `postgres: ${action}: ${connection.redact(error instanceof Error ? error.message : String(error))}`,
    { cause: error, retryable: verdict === 'retry' || verdict === 'remigrate', details: { sinkId, ...(typeof sqlstate === 'string' ? { code: sqlstate } : {}) } },
  );
}

/**
 * Both tables in one statement (atomic on its own, one round trip): every revision is inserted
 * unless already there, and the newest revision of each story in the batch replaces the current
 * one only when it is newer — a late, older revision never rolls a story back. Rows go in id order
 * so concurrent batches lock the same keys in the same order instead of deadlocking.
 */
function writeStatement(schema: string): string {
  const quoted = quoteIdentifier(schema);
  return `
    WITH incoming AS (
      SELECT id, version, source_id, published_at, updated_at, section, pub_status, revision_kind, headline, url, content_hash, json::jsonb AS json
      FROM jsonb_to_recordset($1::jsonb) AS r(
        id text, version integer, source_id text, published_at timestamptz, updated_at timestamptz, section text,
        pub_status text, revision_kind text, headline text, url text, content_hash text, json text)
    ),
    new_revisions AS (
      INSERT INTO ${quoted}.story_revisions (id, version, pub_status, content_hash, json)
      SELECT id, version, pub_status, content_hash, json FROM incoming ORDER BY id, version
      ON CONFLICT (id, version) DO NOTHING
      RETURNING 1
    ),
    current_stories AS (
      INSERT INTO ${quoted}.stories AS story (id, version, source_id, published_at, updated_at, section, pub_status, revision_kind, headline, url, content_hash, json)
      SELECT DISTINCT ON (id) id, version, source_id, published_at, updated_at, section, pub_status, revision_kind, headline, url, content_hash, json
      FROM incoming ORDER BY id, version DESC
      ON CONFLICT (id) DO UPDATE SET
        version = excluded.version, source_id = excluded.source_id, published_at = excluded.published_at,
        updated_at = excluded.updated_at, section = excluded.section, pub_status = excluded.pub_status,
        revision_kind = excluded.revision_kind, headline = excluded.headline, url = excluded.url,
        content_hash = excluded.content_hash, json = excluded.json, written_at = now()
      WHERE excluded.version > story.version
    )
    SELECT count(*)::integer AS written FROM new_revisions`;
}

function createPostgresSink({ id, format, ...options }: PostgresSinkOptions & CommonSinkOptions, ctx: SinkContext): Sink {
  // A missing connection string is a configuration error: fail when the pipeline is built.
  connectionStringOf({ ...options, id }, ctx.env);
  // Prepared once per connection; the name only has to be unique within this sink's own pool.
  const statement = { name: 'wiredesk_write', text: writeStatement(options.schema) };
  let connection: Connection | undefined;
  /** The migrations, once they have succeeded; cleared on failure so the next write tries again. */
  let migrated: Promise<unknown> | undefined;

  function ready(c: Connection): Promise<unknown> {
    migrated ??= migrate(c.pool, options.schema).catch((error: unknown) => {
      migrated = undefined;
      throw error;
    });
    return migrated;
  }

  return {
    id,
    type: 'postgres',
    async open() {
      const c = await connect({ ...options, id }, ctx, options.poolSize);
      connection = c;
      try {
        await ready(c);
      } catch (error) {
        const typed = sinkError(c, `cannot migrate schema ${options.schema} at ${c.target}`, error, id);
        if (!typed.retryable) {
          connection = undefined;
          await c.pool.end();
          throw typed;
        }
        ctx.logger.warn({ err: typed }, 'postgres: not reachable at start; writes are retried until it is, and the first that connects migrates');
      }
    },
    async write(revisions: readonly Story[]): Promise<SinkWriteResult> {
      const c = connection;
      if (!c) throw new WiredeskError('WD_ERR_SINK', 'postgres: the sink is not open', { details: { sinkId: id } });
      if (revisions.length === 0) return { written: 0, duplicates: 0 };
      let rows: string;
      try {
        rows = JSON.stringify(revisions.map((story) => storyRow(story, format)));
      } catch (error) {
        throw new WiredeskError('WD_ERR_SINK_REJECTED', `postgres: cannot serialize a revision: ${(error as Error).message}`, { cause: error, details: { sinkId: id } });
      }
      try {
        await ready(c);
        const result = await c.pool.query<{ written: number }>({ ...statement, values: [rows] });
        const written = result.rows[0]?.written ?? 0;
        return { written, duplicates: revisions.length - written };
      } catch (error) {
        const typed = sinkError(c, `cannot write to schema ${options.schema} at ${c.target}`, error, id);
        if (verdictOf(error) === 'remigrate') migrated = undefined;
        throw typed;
      }
    },
    async close() {
      const c = connection;
      connection = undefined;
      migrated = undefined;
      await c?.pool.end();
    },
    async health() {
      const c = connection;
      if (!c) return { ok: false, detail: 'not open' };
      try {
        await c.pool.query('SELECT 1');
        return { ok: true };
      } catch (error) {
        return { ok: false, detail: c.redact((error as Error).message) };
      }
    },
  };
}

/**
 * Runs the migrations of one postgres sink on demand (`wiredesk migrate`), on a connection of its
 * own, and returns those it applied.
 */
export async function migratePostgresSink(options: PostgresSinkOptions & { id: string }, ctx: SinkContext): Promise<Migration[]> {
  const c = await connect(options, ctx, 1);
  try {
    return await migrate(c.pool, options.schema);
  } catch (error) {
    throw sinkError(c, `cannot migrate schema ${options.schema} at ${c.target}`, error, options.id);
  } finally {
    await c.pool.end();
  }
}
