import type { WorkerEvent } from '../workers/runtime.js';
import type { CliIo } from './io.js';

export interface Counters {
  polls: number;
  notModified: number;
  storiesNew: number;
  storiesUpdated: number;
  storiesUnchanged: number;
  articles: number;
  deliveries: number;
  failures: number;
}

/**
 * Live counters for `run` and `demo`: fed by worker events, drawn as one status line that a
 * terminal redraws in place (and left alone when stdout is not a terminal: logs say it all).
 */
export function createProgress(io: CliIo, live: boolean) {
  const counters: Counters = { polls: 0, notModified: 0, storiesNew: 0, storiesUpdated: 0, storiesUnchanged: 0, articles: 0, deliveries: 0, failures: 0 };
  let timer: NodeJS.Timeout | undefined;
  const line = () =>
    `polls ${counters.polls} (${counters.notModified} not modified) · stories ${counters.storiesNew} new, ${counters.storiesUpdated} updated, ` +
    `${counters.storiesUnchanged} unchanged · articles ${counters.articles} · delivered ${counters.deliveries} · failed ${counters.failures}`;

  return {
    counters,
    onEvent(event: WorkerEvent) {
      if (event.outcome === 'failed') {
        counters.failures++;
        return;
      }
      if (event.queue === 'deliver') counters.deliveries++;
      if (event.queue === 'article') counters.articles++;
      if (event.queue === 'poll') counters.polls++;
      const result = event.result as { notModified?: boolean; summaries?: Array<{ outcomes: Record<string, number> }>; outcomes?: Record<string, number> } | undefined;
      if (result?.notModified) counters.notModified++;
      for (const outcomes of [...(result?.summaries?.map((s) => s.outcomes) ?? []), ...(result?.outcomes ? [result.outcomes] : [])]) {
        counters.storiesNew += outcomes.new ?? 0;
        counters.storiesUpdated += outcomes.updated ?? 0;
        counters.storiesUnchanged += outcomes.unchanged ?? 0;
      }
    },
    start() {
      if (live) timer = setInterval(() => io.stdout(`\r\x1b[2K${line()}`), 500);
    },
    stop() {
      if (timer) clearInterval(timer);
      if (live) io.stdout(`\r\x1b[2K${line()}\n`);
    },
    line,
  };
}
