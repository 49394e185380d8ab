import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { cli } from '../helpers/cli.js';
import { closedPort } from '../helpers/http-server.js';
import { postgresForTest, TEST_DATABASE_URL } from '../helpers/postgres.js';

const DATABASE_URL = TEST_DATABASE_URL;

describe('wiredesk migrate', () => {
  const database = postgresForTest();
  const { db } = database;
  const schema = database.freshSchema();
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'wiredesk-migrate-'));
  });
  afterAll(async () => {
    await database.cleanup();
    await rm(dir, { recursive: true, force: true });
  });

  async function configFile(name: string, sinks: unknown[]): Promise<string> {
    const file = join(dir, name);
    await writeFile(file, stringify({ dataDir: dir, sinks }));
    return file;
  }

  it('creates the tables of every postgres sink, then finds them up to date', async () => {
    const config = await configFile('wiredesk.config.yaml', [{ type: 'jsonl' }, { type: 'postgres', url: DATABASE_URL, schema }]);
    expect(await cli('migrate', '--config', config)).toEqual({ code: 0, stdout: `postgres (schema ${schema}): applied 001_stories\n`, stderr: '' });
    const tables = await db.query('SELECT tablename FROM pg_tables WHERE schemaname = $1 ORDER BY tablename', [schema]);
    expect(tables.rows.map((r: { tablename: string }) => r.tablename)).toEqual(['stories', 'story_revisions', 'wiredesk_migrations']);
    expect(await cli('migrate', '-c', config)).toEqual({ code: 0, stdout: `postgres (schema ${schema}): up to date\n`, stderr: '' });
  });

  it('exits 1 with a clear message when the server does not answer', async () => {
    const url = `postgres://wiredesk:hunter2@127.0.0.1:${await closedPort()}/wiredesk`;
    const config = await configFile('down.yaml', [{ type: 'postgres', id: 'warehouse', url, schema, connectTimeout: '1s' }]);
    const run = await cli('migrate', '--config', config);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(new RegExp(`^warehouse \\(schema ${schema}\\): WD_ERR_SINK: postgres: cannot migrate schema ${schema} at 127\\.0\\.0\\.1:\\d+/wiredesk: .*ECONNREFUSED`));
    expect(run.stderr).not.toContain('hunter2');
  });

  it('says so when there is nothing to migrate', async () => {
    const config = await configFile('jsonl.yaml', [{ type: 'jsonl' }]);
    expect(await cli('migrate', '--config', config)).toMatchObject({ code: 0, stdout: 'no postgres sink in the configuration: nothing to migrate\n' });
  });
});
