import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Sink } from '../../src/sinks/types.js';
import { storyRevision } from '../helpers/stories.js';

/** What a downstream reader of the sink sees for one revision. */
export interface StoredRevision {
  id: string;
  version: number;
  pubStatus: string;
  headline: string;
}

/** One sink on its real backend, with a way to read back what a consumer would see. */
export interface SinkUnderTest {
  /** An opened sink. */
  sink: Sink;
  /** Every revision the backend holds (or delivered) for a story, oldest version first. */
  revisions(storyId: string): Promise<StoredRevision[]>;
  /** The latest revision of a story as the backend presents it (its "current story"). */
  latest(storyId: string): Promise<StoredRevision | null>;
  /** A second, independent sink on the same backend: another worker process. */
  another(): Promise<Sink>;
  cleanup(): Promise<void>;
}

/**
 * The behaviour every sink owes the pipeline, run against each sink's real backend: idempotent by
 * (id, version), newer versions replace the current story and add a revision, a kill updates the
 * status, and concurrent writers neither interleave nor lose revisions.
 */
export function sinkContract(name: string, setUp: () => Promise<SinkUnderTest>): void {
  describe(`${name} sink contract`, () => {
    let t: SinkUnderTest;
    beforeEach(async () => {
      t = await setUp();
    });
    afterEach(async () => {
      await t.sink.close();
      await t.cleanup();
    });

    it('a written revision is readable', async () => {
      const story = storyRevision('urn:test:one', 1, { headline: 'Belarus frees 52 prisoners' });
      expect(await t.sink.write([story])).toEqual({ written: 1, duplicates: 0 });
      expect(await t.latest(story.id)).toEqual({ id: story.id, version: 1, pubStatus: 'usable', headline: 'Belarus frees 52 prisoners' });
    });

    it('the same revision twice leaves one record', async () => {
      const story = storyRevision('urn:test:twice', 1);
      await t.sink.write([story]);
      expect(await t.sink.write([story])).toEqual({ written: 0, duplicates: 1 });
      expect(await t.sink.write([story, story])).toEqual({ written: 0, duplicates: 2 });
      expect((await t.revisions(story.id)).map((r) => r.version)).toEqual([1]);
    });

    it('a newer version replaces the current story and adds a revision', async () => {
      await t.sink.write([storyRevision('urn:test:update', 1)]);
      await t.sink.write([storyRevision('urn:test:update', 2, { headline: 'Updated headline' })]);
      expect((await t.revisions('urn:test:update')).map((r) => r.version)).toEqual([1, 2]);
      expect(await t.latest('urn:test:update')).toMatchObject({ version: 2, headline: 'Updated headline' });
      // A late, older revision (a retried job) does not roll the current story back.
      await t.sink.write([storyRevision('urn:test:update', 1)]);
      expect(await t.latest('urn:test:update')).toMatchObject({ version: 2 });
    });

    it('a kill updates the status of the story', async () => {
      await t.sink.write([storyRevision('urn:test:kill', 1)]);
      await t.sink.write([storyRevision('urn:test:kill', 2, { pubStatus: 'canceled', revisionKind: 'kill' })]);
      expect(await t.latest('urn:test:kill')).toMatchObject({ version: 2, pubStatus: 'canceled' });
      expect((await t.revisions('urn:test:kill')).map((r) => r.pubStatus)).toEqual(['usable', 'canceled']);
    });

    it('concurrent writers neither interleave nor lose revisions', async () => {
      const other = await t.another();
      try {
        const stories = Array.from({ length: 40 }, (_, i) => storyRevision(`urn:test:busy-${i % 20}`, 1 + Math.floor(i / 20), { bodyText: `Body ${i} `.repeat(200) }));
        // Both writers get every revision, in different orders and batch sizes, all at once.
        const results = await Promise.all([
          ...stories.map((s) => t.sink.write([s])),
          ...[...stories].reverse().map((s, i, all) => (i % 2 === 0 ? other.write(all.slice(i, i + 2)) : Promise.resolve({ written: 0, duplicates: 0 }))),
        ]);
        expect(results.reduce((n, r) => n + r.written, 0)).toBe(40);
        for (let i = 0; i < 20; i++) {
          expect((await t.revisions(`urn:test:busy-${i}`)).map((r) => r.version)).toEqual([1, 2]);
          expect(await t.latest(`urn:test:busy-${i}`)).toMatchObject({ version: 2 });
        }
      } finally {
        await other.close();
      }
    });
  });
}
