import type { Story } from '../schema/story.js';
import type { DeliverResult } from '../workers/deliver.worker.js';
import type { PollResult } from '../workers/poll.worker.js';
import type { WorkerEvent } from '../workers/runtime.js';

/** What the pipeline did for one source during the demo, from its workers' events. */
export interface SourceTally {
  polls: number;
  notModified: number;
  /** Story ids delivered. */
  stories: Set<string>;
  /** `id#version` of every revision delivered (a job run twice counts once). */
  revisions: Set<string>;
  /** Revisions after the first (version > 1). */
  updates: Set<string>;
  corrections: Set<string>;
  kills: Set<string>;
  /** Article pages fetched to complete teasers. */
  pages: number;
  /** Lines the sink appended; a revision already in the file (an earlier run) is not appended again. */
  written: number;
  /** Failed attempts (a retried job that then succeeded counts too). */
  failures: number;
  /** When the latest poll of the source started (ms). */
  lastPollStartedAt: number;
}

export type Tally = ReturnType<typeof createTally>;

/** Counts worker events per source; the demo's summary and its verdict read from here. */
export function createTally() {
  const sources = new Map<string, SourceTally>();
  const reasons = new Set<string>();
  const of = (sourceId: string): SourceTally => {
    let tally = sources.get(sourceId);
    if (!tally) {
      tally = { polls: 0, notModified: 0, stories: new Set(), revisions: new Set(), updates: new Set(), corrections: new Set(), kills: new Set(), pages: 0, written: 0, failures: 0, lastPollStartedAt: 0 };
      sources.set(sourceId, tally);
    }
    return tally;
  };

  return {
    of,
    /** Distinct failure reasons, for the summary. */
    reasons,
    onEvent(event: WorkerEvent): void {
      const { sourceId } = event.job.data as { sourceId: string };
      const tally = of(sourceId);
      if (event.outcome === 'failed') {
        tally.failures++;
        reasons.add(`${sourceId} ${event.queue}: ${event.job.failedReason}`);
        return;
      }
      if (event.queue === 'poll') {
        const result = event.result as PollResult;
        if (result.skipped) return;
        tally.polls++;
        if (result.notModified) tally.notModified++;
        tally.lastPollStartedAt = Math.max(tally.lastPollStartedAt, event.job.processedOn ?? 0);
      }
      if (event.queue === 'article') tally.pages++;
      if (event.queue === 'deliver') {
        const story = (event.job.data as { story: Story }).story;
        const revision = `${story.id}#${story.version}`;
        tally.stories.add(story.id);
        tally.revisions.add(revision);
        tally.written += (event.result as DeliverResult).written;
        if (story.version > 1) tally.updates.add(revision);
        if (story.revisionKind === 'correction') tally.corrections.add(revision);
        if (story.pubStatus === 'canceled') tally.kills.add(story.id);
      }
    },
  };
}
