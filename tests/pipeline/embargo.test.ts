import { afterEach, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../helpers/http-server.js';
import { createTestPipeline, type TestPipeline } from '../helpers/pipeline.js';

/** A ninjs item whose embargo and status the test changes between polls. */
function ninjs(state: { embargoed: string | null; pubstatus: string; body: string }) {
  return JSON.stringify({
    uri: 'urn:wire:embargo-1',
    type: 'text',
    headline: 'Central bank to announce rate decision',
    pubstatus: state.pubstatus,
    ...(state.embargoed ? { embargoed: state.embargoed } : {}),
    body_html: `<p>${state.body}</p>`,
    versioncreated: '2025-09-12T12:00:00Z',
  });
}

describe('embargoed revisions', () => {
  let t: TestPipeline | undefined;
  let server: TestServer | undefined;
  afterEach(async () => {
    await t?.cleanup();
    await server?.close();
  });

  async function setUp(state: Parameters<typeof ninjs>[0]) {
    server = await startServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(ninjs(state));
    });
    t = await createTestPipeline({ sources: [{ id: 'wire', name: 'Wire', url: `${server.url}/item.json`, allowPrivateNetwork: true }] });
    t.startWorkers();
    return t;
  }

  it('are held until the embargo lifts, then delivered', async () => {
    const embargoed = new Date(Date.now() + 2_000).toISOString();
    const t = await setUp({ embargoed, pubstatus: 'usable', body: 'Rates stay at 4.25%.' });
    await t.pipeline.queues.poll.add('poll', { sourceId: 'wire' });
    // Routed but held: the delivery waits in the delayed set and the sink has nothing.
    await expect.poll(async () => (await t.pipeline.queues.deliver.getDelayedCount()) === 1, { timeout: 10_000 }).toBe(true);
    expect(await t.delivered()).toEqual([]);
    await t.settle();
    const [story] = await t.delivered();
    expect(story?.version).toBe(1);
    expect(Date.parse(story?.embargoedUntil ?? '')).toBe(Date.parse(embargoed));
    expect(Date.now()).toBeGreaterThanOrEqual(Date.parse(embargoed));
  });

  it('a kill before the release cancels the held story; the kill itself is delivered', async () => {
    const state = { embargoed: new Date(Date.now() + 60_000).toISOString() as string | null, pubstatus: 'usable', body: 'Rates stay at 4.25%.' };
    const t = await setUp(state);
    await t.pipeline.queues.poll.add('poll', { sourceId: 'wire' });
    await expect.poll(async () => (await t.pipeline.queues.deliver.getDelayedCount()) === 1, { timeout: 10_000 }).toBe(true);

    state.pubstatus = 'canceled';
    state.embargoed = null;
    await t.pollAndSettle('wire');
    expect(await t.pipeline.queues.deliver.getDelayedCount()).toBe(0);
    expect((await t.delivered()).map((s) => [s.version, s.pubStatus])).toEqual([[2, 'canceled']]);
  });
});
