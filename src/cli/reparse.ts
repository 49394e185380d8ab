import type { Command } from 'commander';
import { UsageError } from '../errors.js';
import { reparseSource } from '../pipeline/reparse.js';
import { drain } from '../workers/drain.js';
import { startWorkers } from '../workers/runtime.js';
import type { CliIo } from './io.js';
import type { CommandResult } from './program.js';
import { withApp } from './sources.js';

export function registerReparse(program: Command, io: CliIo, result: CommandResult): void {
  program
    .command('reparse')
    .description('rebuild a source\'s stories from the raw payload archive (after a parser fix) and deliver what changed')
    .requiredOption('--source <id>', 'source id')
    .option('--since <time>', 'only documents fetched at or after this ISO 8601 time')
    .option('-c, --config <file>', 'config file (default: $WIREDESK_CONFIG or ./wiredesk.config.yaml)')
    .action((options: { source: string; since?: string; config?: string }) =>
      withApp(options.config, async (app) => {
        const source = app.pipeline.source(options.source);
        if (!source) throw new UsageError(`no source "${options.source}" in the configuration`);
        const since = options.since === undefined ? undefined : new Date(options.since);
        if (since && Number.isNaN(since.getTime())) throw new UsageError(`--since: "${options.since}" is not an ISO 8601 time`);
        const summary = await reparseSource(app.pipeline, source, since);
        // Deliver here, so the command's answer means "done" even with no worker running.
        const workers = startWorkers(app.pipeline, app.redis.url);
        try {
          await drain(app.pipeline.queues.deliver);
        } finally {
          await workers.close();
        }
        io.stdout(`${JSON.stringify(summary, null, 2)}\n`);
        if (summary.failures.length > 0) result.exitCode = 1;
      }),
    );
}
