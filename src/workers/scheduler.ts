import type { SourceConfig } from '../config/schema.js';
import type { Pipeline } from '../pipeline/context.js';
import { jobIds } from './queues.js';

const SCHEDULER_PREFIX = jobIds.scheduler('');

export interface ReconcileResult {
  scheduled: string[];
  removed: string[];
  paused: string[];
}

/**
 * Makes BullMQ's job schedulers match the config: one per enabled, unpaused source (created or
 * updated in place), none for sources that were removed, disabled or paused. Health, validators
 * and versions of a paused or removed source stay in Redis untouched.
 */
export async function reconcileSchedulers(p: Pipeline): Promise<ReconcileResult> {
  const result: ReconcileResult = { scheduled: [], removed: [], paused: [] };
  const wanted = new Set<string>();
  for (const source of p.config.sources) {
    if (!source.enabled) continue;
    if (await p.health.paused(source.id)) {
      result.paused.push(source.id);
      continue;
    }
    wanted.add(jobIds.scheduler(source.id));
    await scheduleSource(p, source);
    result.scheduled.push(source.id);
  }
  for (const scheduler of await p.queues.poll.getJobSchedulers(0, -1)) {
    const id = scheduler.key;
    if (id.startsWith(SCHEDULER_PREFIX) && !wanted.has(id)) {
      await p.queues.poll.removeJobScheduler(id);
      result.removed.push(id.slice(SCHEDULER_PREFIX.length));
    }
  }
  return result;
}

export async function scheduleSource(p: Pipeline, source: SourceConfig): Promise<void> {
  const repeat = 'every' in source.schedule ? { every: source.schedule.every } : { pattern: source.schedule.pattern, ...(source.schedule.tz ? { tz: source.schedule.tz } : {}) };
  await p.queues.poll.upsertJobScheduler(jobIds.scheduler(source.id), repeat, { name: 'poll', data: { sourceId: source.id } });
}

export async function unscheduleSource(p: Pipeline, sourceId: string): Promise<void> {
  await p.queues.poll.removeJobScheduler(jobIds.scheduler(sourceId));
}
