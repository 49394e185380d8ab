import type { Command } from 'commander';
import { openApp, type App } from '../app.js';
import { UsageError } from '../errors.js';
import { jobIds } from '../workers/queues.js';
import { scheduleSource, unscheduleSource } from '../workers/scheduler.js';
import { quietAfterMs } from '../pipeline/quiet.js';
import type { CliIo } from './io.js';
import type { CommandResult } from './program.js';
import { renderTable } from './table.js';

const CONFIG_OPTION = ['-c, --config <file>', 'config file (default: $WIREDESK_CONFIG or ./wiredesk.config.yaml)'] as const;

export function registerSources(program: Command, io: CliIo, _result: CommandResult): void {
  const sources = program.command('sources').description('list, run, pause and resume sources');

  sources
    .command('list')
    .description('every configured source with its schedule and health')
    .option(...CONFIG_OPTION)
    .option('--json', 'machine-readable output')
    .action((options: { config?: string; json?: boolean }) =>
      withApp(options.config, async (app) => {
        const rows = await Promise.all(
          app.config.sources.map(async (s) => ({ source: s, health: await app.pipeline.health.get(s.id, quietAfterMs(s)) })),
        );
        if (options.json) {
          io.stdout(`${JSON.stringify(rows.map(({ source, health }) => ({ id: source.id, name: source.name, url: source.url, enabled: source.enabled, schedule: source.schedule, ...health })), null, 2)}\n`);
          return;
        }
        io.stdout(
          `${renderTable(
            ['id', 'name', 'schedule', 'state', 'last success', 'stories 24h', 'failures', 'last error'],
            rows.map(({ source, health }) => [
              source.id,
              source.name,
              'every' in source.schedule ? `every ${source.schedule.every / 1000}s` : source.schedule.pattern,
              !source.enabled ? 'disabled' : health.paused ? `paused (${health.paused.by})` : health.quiet ? 'quiet' : 'active',
              health.lastSuccessAt,
              health.storiesLast24h,
              health.consecutiveFailures,
              health.lastError ? `${health.lastError.code}: ${health.lastError.message}`.slice(0, 80) : null,
            ]),
          )}\n`,
        );
      }),
    );

  sources
    .command('run')
    .description('poll a source now')
    .argument('<id>', 'source id')
    .option(...CONFIG_OPTION)
    .action((id: string, options: { config?: string }) =>
      withApp(options.config, async (app) => {
        requireSource(app, id);
        const at = Date.now();
        const job = await app.pipeline.queues.poll.add('poll', { sourceId: id, manual: true }, { jobId: jobIds.manualPoll(id, at) });
        io.stdout(`queued poll of ${id} (job ${job.id}); a running \`wiredesk run\` or \`wiredesk worker\` processes it\n`);
      }),
    );

  sources
    .command('pause')
    .description('stop polling a source; its state is kept')
    .argument('<id>', 'source id')
    .option('--reason <text>', 'why, for whoever looks next', 'paused by an operator')
    .option(...CONFIG_OPTION)
    .action((id: string, options: { config?: string; reason: string }) =>
      withApp(options.config, async (app) => {
        requireSource(app, id);
        await app.pipeline.health.pause(id, options.reason, 'user');
        await unscheduleSource(app.pipeline, id);
        io.stdout(`paused ${id}\n`);
      }),
    );

  sources
    .command('resume')
    .description('resume polling a paused source')
    .argument('<id>', 'source id')
    .option(...CONFIG_OPTION)
    .action((id: string, options: { config?: string }) =>
      withApp(options.config, async (app) => {
        const source = requireSource(app, id);
        await app.pipeline.health.resume(id);
        if (source.enabled) await scheduleSource(app.pipeline, source);
        io.stdout(`resumed ${id}\n`);
      }),
    );
}

function requireSource(app: App, id: string) {
  const source = app.pipeline.source(id);
  if (!source) throw new UsageError(`no source "${id}" in the configuration (known: ${app.config.sources.map((s) => s.id).join(', ') || 'none'})`);
  return source;
}

/** Opens the app for one command and always closes it. */
export async function withApp(configPath: string | undefined, action: (app: App) => Promise<void>): Promise<void> {
  const app = await openApp(configPath === undefined ? {} : { configPath });
  try {
    await action(app);
  } finally {
    await app.close();
  }
}
