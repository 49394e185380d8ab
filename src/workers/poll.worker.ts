import { DelayedError, UnrecoverableError, type Job } from 'bullmq';
import type { SourceConfig } from '../config/schema.js';
import { toWiredeskError, type WiredeskError } from '../errors.js';
import type { Logger } from '../logger.js';
import type { Pipeline } from '../pipeline/context.js';
import { ingestDocument, type IngestSummary } from '../pipeline/ingest.js';
import { PollJob } from '../schema/jobs.js';
import { listDroppedFiles, readDroppedFile } from '../sources/folder.js';
import type { Validators } from '../sources/http.js';
import { fetchForJob } from './fetch.js';
import { failureReason, toJobFailure } from './failures.js';
import { parsePayload } from './payload.js';
import { unscheduleSource } from './scheduler.js';

export interface PollResult {
  notModified?: boolean;
  skipped?: 'paused';
  documents: number;
  summaries: IngestSummary[];
}

/** Polls one source: a feed over HTTP (conditional GET) or the new files of a drop folder. */
export function createPollProcessor(p: Pipeline) {
  return async function poll(job: Job, token?: string): Promise<PollResult> {
    const { sourceId } = parsePayload(PollJob, job.data);
    const source = p.source(sourceId);
    if (!source) throw new UnrecoverableError(`WD_ERR_CONFIG: source "${sourceId}" is not in the configuration`);
    const log = p.logger.child({ component: 'poll', sourceId, jobId: job.id });
    if (await p.health.paused(sourceId)) {
      log.info('source is paused; poll skipped');
      return { skipped: 'paused', documents: 0, summaries: [] };
    }
    try {
      const result = /^https?:\/\//i.test(source.url) ? await pollHttp(p, source, job, token) : await pollFolder(p, source, job);
      await p.health.recordSuccess(sourceId);
      log.info({ documents: result.documents, notModified: result.notModified ?? false, outcomes: result.summaries.map((s) => s.outcomes) }, 'poll done');
      return result;
    } catch (error) {
      if (error instanceof DelayedError) throw error;
      const typed = toWiredeskError(error, 'WD_ERR_NETWORK');
      await recordFailure(p, source, typed, log);
      throw toJobFailure(typed);
    }
  };
}

async function pollHttp(p: Pipeline, source: SourceConfig, job: Job, token: string | undefined): Promise<PollResult> {
  const key = p.keys.validators(source.id);
  const stored = (await p.redis.hgetall(key)) as Validators;
  const fetched = await fetchForJob(p, source, source.url, job, token, stored);
  if (fetched.kind === 'not-modified') return { notModified: true, documents: 0, summaries: [] };

  const summary = await ingestDocument(
    p,
    source,
    { bytes: fetched.bytes, url: fetched.finalUrl, contentType: fetched.contentType ?? null, fetchedAt: fetched.fetchedAt },
    { onArchived: (sha256) => job.updateData({ ...job.data, archived: sha256 }) },
  );
  // Validators are kept only once the document is fully routed: a 304 must never hide a feed
  // whose stories did not make it into the queues.
  const validators = Object.entries(fetched.validators).filter(([, value]) => value);
  const write = p.redis.multi().del(key);
  if (validators.length > 0) write.hset(key, Object.fromEntries(validators));
  await write.exec();
  return { documents: 1, summaries: [summary] };
}

async function pollFolder(p: Pipeline, source: SourceConfig, job: Job): Promise<PollResult> {
  const seenKey = p.keys.folderSeen(source.id);
  const summaries: PollResult['summaries'] = [];
  for (const file of await listDroppedFiles(source.url)) {
    if (await p.redis.sismember(seenKey, file.key)) continue;
    const bytes = await readDroppedFile(file, p.config.fetch.maxBytes);
    const summary = await ingestDocument(
      p,
      source,
      { bytes, url: file.url, contentType: null, fetchedAt: new Date().toISOString() },
      { onArchived: (sha256) => job.updateData({ ...job.data, archived: sha256 }) },
    );
    await p.redis.sadd(seenKey, file.key);
    summaries.push(summary);
  }
  return { documents: summaries.length, summaries };
}

/** Health bookkeeping; after N permanent failures in a row the source pauses itself and says why. */
async function recordFailure(p: Pipeline, source: SourceConfig, error: WiredeskError, log: Logger): Promise<void> {
  const permanent = !error.retryable;
  log.warn({ err: error, code: error.code, permanent }, 'poll failed');
  const streak = await p.health.recordFailure(source.id, { code: error.code, message: error.message, permanent });
  if (permanent && streak >= p.config.health.pauseAfterPermanentErrors) {
    const reason = `paused after ${streak} permanent failures in a row; last: ${failureReason(error)}`;
    await p.health.pause(source.id, reason, 'auto');
    await unscheduleSource(p, source.id);
    log.error({ code: error.code, streak }, reason);
  }
}
