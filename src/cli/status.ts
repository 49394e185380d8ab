import type { Command } from 'commander';
import { quietAfterMs } from '../pipeline/quiet.js';
import type { CliIo } from './io.js';
import type { CommandResult } from './program.js';
import { withApp } from './sources.js';
import { renderTable } from './table.js';

const STATES = ['waiting', 'active', 'delayed', 'prioritized', 'completed', 'failed'] as const;

export function registerStatus(program: Command, io: CliIo, _result: CommandResult): void {
  program
    .command('status')
    .description('queue depths, dead letters and the health of every source')
    .option('-c, --config <file>', 'config file (default: $WIREDESK_CONFIG or ./wiredesk.config.yaml)')
    .option('--json', 'machine-readable output')
    .action((options: { config?: string; json?: boolean }) =>
      withApp(options.config, async (app) => {
        const queues = await Promise.all(app.pipeline.queues.all.map(async (q) => ({ queue: q.name, counts: await q.getJobCounts(...STATES) })));
        const sources = await Promise.all(
          app.config.sources.map(async (s) => ({ id: s.id, enabled: s.enabled, ...(await app.pipeline.health.get(s.id, quietAfterMs(s))) })),
        );
        if (options.json) {
          io.stdout(`${JSON.stringify({ queues, sources }, null, 2)}\n`);
          return;
        }
        io.stdout(`${renderTable(['queue', ...STATES], queues.map((q) => [q.queue, ...STATES.map((s) => q.counts[s] ?? 0)]))}\n\n`);
        io.stdout(
          `${renderTable(
            ['source', 'state', 'last poll', 'last success', 'last new story', 'stories 24h', 'failures'],
            sources.map((s) => [
              s.id,
              !s.enabled ? 'disabled' : s.paused ? `paused: ${s.paused.reason}` : s.quiet ? 'QUIET' : 'ok',
              s.lastPollAt,
              s.lastSuccessAt,
              s.lastNewStoryAt,
              s.storiesLast24h,
              s.consecutiveFailures,
            ]),
          )}\n`,
        );
      }),
    );
}
