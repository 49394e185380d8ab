import { randomUUID } from 'node:crypto';
import pg from 'pg';

/** The PostgreSQL the tests use: TEST_DATABASE_URL, or the local `test` database. */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface TestDatabase {
  /** The test's own view of the database, as a downstream reader. */
  db: pg.Pool;
  /** A schema name of its own (`wdtest_<random>`), dropped by `cleanup`. */
  freshSchema(): string;
  dropSchema(schema: string): Promise<void>;
  /** Drops every schema it handed out, even when a test failed, and closes the pool. */
  cleanup(): Promise<void>;
}

/** Each test file gets its own schemas, so files never see each other's tables. */
export function postgresForTest(): TestDatabase {
  const db = new pg.Pool({ connectionString: TEST_DATABASE_URL, max: 2 });
  const schemas = new Set<string>();
  const dropSchema = async (schema: string) => {
    await db.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    schemas.delete(schema);
  };
  return {
    db,
    freshSchema() {
      const schema = `wdtest_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
      schemas.add(schema);
      return schema;
    },
    dropSchema,
    async cleanup() {
      for (const schema of schemas) await dropSchema(schema);
      await db.end();
    },
  };
}
