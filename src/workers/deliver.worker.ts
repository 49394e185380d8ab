import { UnrecoverableError, type Job } from 'bullmq';
import { toWiredeskError } from '../errors.js';
import type { Pipeline } from '../pipeline/context.js';
import { DeliverJob } from '../schema/jobs.js';
import { toJobFailure } from './failures.js';
import { parsePayload } from './payload.js';

export interface DeliverResult {
  written: number;
  duplicates: number;
  /** True when this was the last sink to acknowledge, so the revision is now seen. */
  seen: boolean;
}

/**
 * Writes one revision to one sink, then acknowledges it. Sinks are idempotent by (id, version), so
 * a job that runs twice (a stalled worker, a replay) leaves one record.
 */
export function createDeliverProcessor(p: Pipeline) {
  return async function deliver(job: Job): Promise<DeliverResult> {
    const data = parsePayload(DeliverJob, job.data);
    const sink = p.sinks.get(data.sinkId);
    if (!sink) throw new UnrecoverableError(`WD_ERR_CONFIG: sink "${data.sinkId}" is not in the configuration`);
    const { story } = data;
    const log = p.logger.child({ component: 'deliver', sinkId: sink.id, sourceId: data.sourceId, storyId: story.id, version: story.version, jobId: job.id });
    let result;
    try {
      result = await sink.write([story]);
    } catch (error) {
      const typed = toWiredeskError(error, 'WD_ERR_SINK');
      log.warn({ err: typed, code: typed.code, retryable: typed.retryable }, 'delivery failed');
      throw toJobFailure(typed);
    }
    const seen = await p.versions.acknowledge({
      sourceId: data.sourceId,
      storyId: story.id,
      version: story.version,
      contentHash: story.contentHash,
      sinkId: sink.id,
      sinkCount: data.sinkCount,
    });
    log.debug({ ...result, seen }, 'delivered');
    return { ...result, seen };
  };
}
