import { afterEach, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load.js';
import type { Pipeline } from '../../src/pipeline/context.js';
import { reconcileSchedulers } from '../../src/workers/scheduler.js';
import { createTestPipeline, type TestPipeline } from '../helpers/pipeline.js';

const source = (id: string, extra: Record<string, unknown> = {}) => ({ id, name: id, url: `https://${id}.example/feed.xml`, ...extra });

/** The same pipeline with another config, as after an edit and a restart. */
function withSources(p: Pipeline, sources: unknown[]): Pipeline {
  const config = parseConfig({ ...p.config, redis: { prefix: p.config.redis.prefix }, sources }, {});
  const byId = new Map(config.sources.map((s) => [s.id, s]));
  return { ...p, config, source: (id) => byId.get(id) };
}

describe('job schedulers reconciled with the config', () => {
  let t: TestPipeline | undefined;
  afterEach(async () => {
    await t?.cleanup();
  });

  it('adds one per enabled source, updates it in place, and removes those of deleted, disabled or paused sources', async () => {
    t = await createTestPipeline({ sources: [source('ap', { schedule: { every: '2m' } }), source('cnn', { schedule: { pattern: '*/5 * * * *', tz: 'America/New_York' } })] });
    expect(await reconcileSchedulers(t.pipeline)).toEqual({ scheduled: ['ap', 'cnn'], removed: [], paused: [] });
    const schedulers = async () =>
      Object.fromEntries((await t!.pipeline.queues.poll.getJobSchedulers(0, -1)).map((s) => [s.key, { every: s.every, pattern: s.pattern, tz: s.tz }]));
    expect(await schedulers()).toEqual({
      'poll-ap': { every: 120_000, pattern: undefined, tz: undefined },
      'poll-cnn': { every: undefined, pattern: '*/5 * * * *', tz: 'America/New_York' },
    });

    // Edited config: ap polls faster, cnn is gone, bbc is new but disabled, reuters is paused.
    const edited = withSources(t.pipeline, [
      source('ap', { schedule: { every: '30s' } }),
      source('bbc', { enabled: false }),
      source('reuters'),
    ]);
    await t.pipeline.health.pause('reuters', 'publisher asked us to stop', 'user');
    await t.pipeline.health.recordStories('reuters', ['kept#1']);
    expect(await reconcileSchedulers(edited)).toEqual({ scheduled: ['ap'], removed: ['cnn'], paused: ['reuters'] });
    expect(await schedulers()).toEqual({ 'poll-ap': { every: 30_000, pattern: undefined, tz: undefined } });
    // The paused source keeps its state.
    expect(await t.pipeline.health.get('reuters', 3_600_000)).toMatchObject({ storiesLast24h: 1, paused: { by: 'user' } });
  });
});

describe('source health', () => {
  let t: TestPipeline | undefined;
  afterEach(async () => {
    await t?.cleanup();
  });

  it('flags a source quiet when it has produced nothing for longer than its threshold', async () => {
    t = await createTestPipeline({});
    const health = t.pipeline.health;
    const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000);
    await health.recordSuccess('wire', hoursAgo(10));
    expect((await health.get('wire', 6 * 3_600_000)).quiet).toBe(true);
    await health.recordStories('wire', ['story#1'], hoursAgo(2));
    await health.recordSuccess('wire');
    expect(await health.get('wire', 6 * 3_600_000)).toMatchObject({ quiet: false, storiesLast24h: 1 });
    expect((await health.get('never-polled', 1)).quiet).toBe(false);
  });
});
