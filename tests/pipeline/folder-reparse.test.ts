import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, onTestFinished } from 'vitest';
import { reparseSource } from '../../src/pipeline/reparse.js';
import { createTestPipeline, type TestPipeline } from '../helpers/pipeline.js';

const nitf = (docId: string, headline: string, body: string) => `<?xml version="1.0" encoding="UTF-8"?>
<nitf><head><title>${headline}</title><docdata><doc-id id-string="${docId}"/><date.issue norm="20250912T124200Z"/></docdata></head>
<body><body.head><hedline><hl1>${headline}</hl1></hedline><byline>By Jane Roe</byline></body.head>
<body.content><p>${body}</p></body.content></body></nitf>`;

describe('a drop folder source and reparse', () => {
  let t: TestPipeline | undefined;
  afterEach(async () => {
    await t?.cleanup();
  });

  it('ingests each new file once, archives it, and reparse rebuilds without fetching', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'wiredesk-drop-'));
    onTestFinished(() => rm(folder, { recursive: true, force: true }));
    t = await createTestPipeline({ sources: [{ id: 'drop', name: 'Drop folder', url: folder }] });
    t.startWorkers();

    await writeFile(join(folder, 'one.xml'), nitf('AP-1', 'First story', 'WASHINGTON (AP) — First.'));
    await writeFile(join(folder, '.partial.xml'), 'ignored while uploading');
    await t.pollAndSettle('drop');
    await writeFile(join(folder, 'two.xml'), nitf('AP-2', 'Second story', 'LONDON (AP) — Second.'));
    await t.pollAndSettle('drop');
    await t.pollAndSettle('drop');
    expect((await t.delivered()).map((s) => [s.id, s.version])).toEqual([
      ['AP-1', 1],
      ['AP-2', 1],
    ]);
    expect((await t.pipeline.archive.entries('drop')).length).toBe(2);

    // Nothing changed: a reparse finds every story unchanged and delivers nothing.
    const unchanged = await reparseSource(t.pipeline, t.pipeline.source('drop')!);
    expect(unchanged).toMatchObject({ documents: 2, stories: 2, outcomes: { unchanged: 2 }, failures: [] });
    await t.settle();
    expect((await t.delivered()).length).toBe(2);

    // A new deployment (fresh Redis state, another sink) rebuilds every story from the archive alone.
    const rebuilt = await createTestPipeline({
      dataDir: t.dataDir,
      sinks: [{ type: 'jsonl', dir: 'rebuilt' }],
      sources: [{ id: 'drop', name: 'Drop folder', url: join(t.dataDir, 'no-such-folder') }],
    });
    onTestFinished(() => rebuilt.cleanup());
    rebuilt.startWorkers();
    expect(await reparseSource(rebuilt.pipeline, rebuilt.pipeline.source('drop')!)).toMatchObject({ documents: 2, outcomes: { new: 2 } });
    await rebuilt.settle();
    expect((await rebuilt.delivered()).map((s) => [s.id, s.headline])).toEqual([
      ['AP-1', 'First story'],
      ['AP-2', 'Second story'],
    ]);
  });
});
