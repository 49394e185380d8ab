import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readJsonl } from '../../src/sinks/jsonl.js';
import { startServer, type TestServer } from '../helpers/http-server.js';
import { createTestPipeline, type TestPipeline } from '../helpers/pipeline.js';

const item = (guid: string, title: string, category: string) =>
  `<item><title>${title}</title><guid>${guid}</guid><category>${category}</category><description>${title}.</description></item>`;

describe('several sinks with filters and formats', () => {
  let t: TestPipeline | undefined;
  let server: TestServer | undefined;
  afterEach(async () => {
    await t?.cleanup();
    await server?.close();
  });

  it('each sink gets only the revisions its filter matches, in its own format', async () => {
    server = await startServer((_req, res) =>
      res.end(`<rss version="2.0"><channel><title>W</title>${item('w1', 'World story', 'World')}${item('s1', 'Sports story', 'Sports')}</channel></rss>`),
    );
    t = await createTestPipeline({
      sources: [{ id: 'wire', name: 'Wire', url: `${server.url}/feed.xml`, allowPrivateNetwork: true }],
      sinks: [
        { type: 'jsonl', id: 'everything', dir: 'all' },
        { type: 'jsonl', id: 'usable-ninjs', dir: 'usable', format: 'ninjs-2.2', filter: { sources: ['wire'], statuses: ['usable'] } },
        { type: 'jsonl', id: 'elsewhere', dir: 'none', filter: { sources: ['another-source'] } },
      ],
    });
    t.startWorkers();
    await t.pollAndSettle('wire');

    const read = async (dir: string) => {
      const files = await readdir(join(t!.dataDir, dir)).catch(() => [] as string[]);
      return (await Promise.all(files.map((f) => readJsonl(join(t!.dataDir, dir, f))))).flat() as unknown as Array<Record<string, unknown>>;
    };
    expect((await read('all')).map((s) => s.headline)).toEqual(['World story', 'Sports story']);
    const ninjs = await read('usable');
    expect(ninjs).toHaveLength(2);
    expect(ninjs[0]).toMatchObject({ version: '1', headlines: [{ role: 'main', value: 'World story' }] });
    expect(await read('none')).toEqual([]);
    // A revision no sink wants is still seen: polling again delivers nothing new anywhere.
    await t.pollAndSettle('wire');
    expect((await read('all')).length).toBe(2);
  });
});
