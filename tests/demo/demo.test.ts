import { randomUUID } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoSourceId, runDemo, type DemoResult } from '../../src/demo/run.js';
import { expectedAt, SITES, TICK_COUNT } from '../../src/demo/timeline.js';
import { deleteKeysMatching } from '../../src/redis.js';
import { readJsonl } from '../../src/sinks/jsonl.js';
import type { Story } from '../../src/schema/story.js';
import { cli } from '../helpers/cli.js';
import { TEST_REDIS_URL } from '../helpers/redis.js';

describe('wiredesk demo, end to end on the real Redis', () => {
  const prefix = `wdtest-demo-${randomUUID().slice(0, 12)}`;
  const redis = new Redis(TEST_REDIS_URL);
  let dataDir: string;
  let result: DemoResult;
  let output = '';
  let stories: Story[];
  const ofSource = (siteId: string) => stories.filter((s) => s.source.id === demoSourceId(siteId));

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'wiredesk-demo-'));
    // Left over from an earlier run under the same prefix: the demo must start without it.
    await redis.set(`${prefix}:story:demo-ap:stale`, '1');
    result = await runDemo({
      dataDir,
      tickMs: 1_200,
      redisPrefix: prefix,
      io: { stdout: (t) => void (output += t), stderr: (t) => void (output += t) },
      logger: pino({ level: process.env.WIREDESK_TEST_LOG ?? 'silent' }),
    });
    const dir = join(dataDir, 'stories');
    const files = (await readdir(dir)).filter((f) => f.endsWith('.jsonl')).sort();
    stories = (await Promise.all(files.map((f) => readJsonl(join(dir, f))))).flat();
  }, 60_000);

  afterAll(async () => {
    await deleteKeysMatching(redis, `${prefix}:*`);
    await redis.quit();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('exits 0 with every story of every wire delivered, and no failed job', () => {
    expect(result.exitCode, output).toBe(0);
    for (const [site, expected] of expectedAt(TICK_COUNT - 1)) {
      expect(new Set(ofSource(site.id).map((s) => s.id)).size, site.id).toBe(expected.stories);
      expect(result.tally.of(demoSourceId(site.id)).failures, site.id).toBe(0);
    }
    expect(stories.length).toBe(new Set(stories.map((s) => `${s.id}#${s.version}`)).size);
  });

  it('completes every teaser with its article page', () => {
    for (const siteId of SITES.filter((s) => s.partial).map((s) => s.id)) {
      for (const story of ofSource(siteId)) {
        expect(story, story.headline).toMatchObject({ representation: 'full', parser: 'rss+html' });
        expect(story.wordCount, story.headline).toBeGreaterThan(100);
      }
    }
    // The feed had a one-sentence teaser; the last paragraph is only on the page.
    const library = ofSource('ap').find((s) => s.headline.startsWith('Vermont village library'));
    expect(library?.bodyText).toContain('It turned out the library was the people asking.');
  });

  it('delivers the AP writethru as version 2 of the same story', () => {
    const belarus = ofSource('ap').filter((s) => s.headline.startsWith('Belarus frees 52 political prisoners'));
    expect(belarus.map((s) => s.version)).toEqual([1, 2]);
    expect(belarus[1]).toMatchObject({ id: belarus[0]!.id, headline: 'Belarus frees 52 political prisoners; US envoy says further releases were discussed' });
    expect(belarus[1]!.bodyText).toContain('weaponization of illegal migration');
    expect(belarus[0]!.bodyText).not.toContain('weaponization');
  });

  it('versions the NITF story through its writethru and its correction', () => {
    const takes = ofSource('nitf');
    expect(takes.map((s) => [s.version, s.revisionKind])).toEqual([
      [1, null],
      [2, 'writethru'],
      [3, 'correction'],
    ]);
    expect(new Set(takes.map((s) => s.id)).size).toBe(1);
    expect(takes[1]!.bodyText).toContain('All 221 people aboard');
    expect(takes[2]).toMatchObject({ ednote: expect.stringContaining('CORRECTS number of people aboard to 212') });
    expect(takes[2]!.bodyText).toContain('All 212 people aboard');
  });

  it('delivers the kill as a new version with pubStatus canceled', () => {
    const mascot = ofSource('ninjs');
    expect(mascot.map((s) => [s.version, s.pubStatus, s.revisionKind])).toEqual([
      [1, 'usable', null],
      [2, 'canceled', 'kill'],
    ]);
    expect(mascot[1]!.id).toBe(mascot[0]!.id);
  });

  it('saw unchanged feeds as 304s, and summarizes per source', () => {
    const tally = result.tally.of(demoSourceId('reuters'));
    expect(tally.notModified).toBeGreaterThan(0);
    expect(tally.polls).toBeGreaterThan(tally.notModified);
    expect(output).toMatch(/^total +\d+ +\d+ +\d+ +16 +21 +5 +1 +1 +0$/m);
    expect(output).toContain('tick 5  KILL');
    expect(output).toContain(join(dataDir, 'stories', 'stories-'));
  });

  it('leaves no schedule behind, and started without the stale state', async () => {
    expect(await redis.zcard(`${prefix}:poll:repeat`)).toBe(0);
    expect(await redis.exists(`${prefix}:story:demo-ap:stale`)).toBe(0);
  });
});

describe('wiredesk demo options', () => {
  it('refuses a number of ticks the timeline does not have', async () => {
    const run = await cli('demo', '--ticks', String(TICK_COUNT + 1));
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`expected a whole number from 1 to ${TICK_COUNT}`);
  });
});
