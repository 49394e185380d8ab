import { DelayedError, UnrecoverableError, type Job } from 'bullmq';
import { toWiredeskError } from '../errors.js';
import { ingestDocument, routeStory, type IngestSummary } from '../pipeline/ingest.js';
import type { Pipeline } from '../pipeline/context.js';
import { ArticleJob } from '../schema/jobs.js';
import { fetchForJob } from './fetch.js';
import { toJobFailure } from './failures.js';
import { parsePayload } from './payload.js';

/**
 * Completes a teaser with its article page. When the page cannot be had — a permanent failure, or
 * the last attempt of a transient one — the teaser is delivered as it is (partial), so the story
 * is never lost; the failed job stays in the dead-letter queue, and a replay delivers the full text
 * as the next version.
 */
export function createArticleProcessor(p: Pipeline) {
  return async function article(job: Job, token?: string): Promise<IngestSummary | { fallback: 'teaser' }> {
    const data = parsePayload(ArticleJob, job.data);
    const source = p.source(data.sourceId);
    if (!source) throw new UnrecoverableError(`WD_ERR_CONFIG: source "${data.sourceId}" is not in the configuration`);
    const log = p.logger.child({ component: 'article', sourceId: source.id, jobId: job.id, storyId: data.teaser.id });
    try {
      const fetched = await fetchForJob(p, source, data.url, job, token);
      if (fetched.kind === 'not-modified') throw new UnrecoverableError('WD_ERR_HTTP_STATUS: 304 without a conditional request');
      const summary = await ingestDocument(
        p,
        source,
        { bytes: fetched.bytes, url: fetched.finalUrl, contentType: fetched.contentType ?? null, fetchedAt: fetched.fetchedAt },
        { teaser: data.teaser, onArchived: (sha256) => job.updateData({ ...job.data, archived: sha256 }) },
      );
      log.info({ outcomes: summary.outcomes }, 'article completed');
      return summary;
    } catch (error) {
      if (error instanceof DelayedError) throw error;
      const failure = toJobFailure(toWiredeskError(error, 'WD_ERR_NETWORK'));
      const lastAttempt = failure instanceof UnrecoverableError || job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      if (lastAttempt) {
        const outcome = await routeStory(p, source, data.teaser, { follow: false });
        log.warn({ err: failure, outcome }, 'article page unavailable; the teaser was delivered instead');
      }
      throw failure;
    }
  };
}
