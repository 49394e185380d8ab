import type { Pool, PoolClient } from 'pg';
import { quoteIdentifier } from '../sql/identifier.js';
import { storiesMigration } from './001_stories.js';

/**
 * One step of the PostgreSQL schema. Steps are only ever appended (never edited once released),
 * and each keeps older writers working, so workers of two releases can share a database during
 * a rolling upgrade. They are TS modules, not .sql files, so the build ships them.
 */
export interface Migration {
  version: number;
  name: string;
  /** Statements with unqualified names: they run with the search path set to the sink's schema. */
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [storiesMigration];

/**
 * Brings a schema up to date and returns the migrations it applied (none when it was current).
 * Every starter may call this: a session advisory lock per schema makes concurrent callers take
 * turns, the later ones finding the work done. Each migration and its record in
 * `wiredesk_migrations` commit together, so a failure leaves the schema at the last whole step.
 */
export async function migrate(pool: Pool, schema: string): Promise<Migration[]> {
  const client = await pool.connect();
  let failed = false;
  try {
    return await migrateWith(client, schema);
  } catch (error) {
    failed = true;
    throw error;
  } finally {
    // A connection that failed mid-migration may hold the lock or an aborted transaction: drop it.
    client.release(failed);
  }
}

async function migrateWith(client: PoolClient, schema: string): Promise<Migration[]> {
  const quoted = quoteIdentifier(schema);
  const lockKey = `wiredesk_migrations:${schema}`;
  await client.query('SELECT pg_advisory_lock(hashtextextended($1, 0))', [lockKey]);
  try {
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${quoted}`);
    await client.query(
      `CREATE TABLE IF NOT EXISTS ${quoted}.wiredesk_migrations (
         version integer PRIMARY KEY,
         name text NOT NULL,
         applied_at timestamptz NOT NULL DEFAULT now()
       )`,
    );
    const { rows } = await client.query<{ version: number }>(`SELECT version FROM ${quoted}.wiredesk_migrations`);
    const applied = new Set(rows.map((row) => row.version));
    const pending = MIGRATIONS.filter((m) => !applied.has(m.version));
    for (const migration of pending) {
      await client.query('BEGIN');
      try {
        await client.query(`SET LOCAL search_path TO ${quoted}`);
        await client.query(migration.sql);
        await client.query(`INSERT INTO ${quoted}.wiredesk_migrations (version, name) VALUES ($1, $2)`, [migration.version, migration.name]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      }
    }
    return pending;
  } finally {
    await client.query('SELECT pg_advisory_unlock(hashtextextended($1, 0))', [lockKey]);
  }
}
