import type { SourceConfig } from '../config/schema.js';

const MIN_QUIET_MS = 6 * 3_600_000;
const QUIET_INTERVALS = 24;

/**
 * How long a source may produce nothing before it is flagged quiet: its own setting, else 24 of
 * its polling intervals but at least 6 h (cron schedules: 6 h).
 */
export function quietAfterMs(source: SourceConfig): number {
  if (source.quietAfter !== undefined) return source.quietAfter;
  const every = 'every' in source.schedule ? source.schedule.every : 0;
  return Math.max(MIN_QUIET_MS, every * QUIET_INTERVALS);
}
