import type { Command } from 'commander';
import { openApp, untilSignal } from '../app.js';
import { startWorkers } from '../workers/runtime.js';
import { reconcileSchedulers } from '../workers/scheduler.js';
import type { CliIo } from './io.js';
import type { CommandResult } from './program.js';
import { createProgress } from './progress.js';

export function registerRun(program: Command, io: CliIo, _result: CommandResult): void {
  program
    .command('run')
    .description('run the scheduler and the workers in one process until SIGTERM/SIGINT')
    .option('-c, --config <file>', 'config file (default: $WIREDESK_CONFIG or ./wiredesk.config.yaml)')
    .action(async (options: { config?: string }) => {
      await serve(io, options.config, { schedule: true });
    });
  program
    .command('worker')
    .description('run workers only; several processes (or machines) can share one Redis')
    .option('-c, --config <file>', 'config file (default: $WIREDESK_CONFIG or ./wiredesk.config.yaml)')
    .action(async (options: { config?: string }) => {
      await serve(io, options.config, { schedule: false });
    });
}

async function serve(io: CliIo, configPath: string | undefined, options: { schedule: boolean }): Promise<void> {
  const app = await openApp(configPath === undefined ? {} : { configPath });
  const progress = createProgress(io, Boolean(process.stdout.isTTY));
  try {
    if (options.schedule) {
      const reconciled = await reconcileSchedulers(app.pipeline);
      app.logger.info(reconciled, 'schedules reconciled with the configuration');
    }
    const workers = startWorkers(app.pipeline, app.redis.url, progress.onEvent);
    progress.start();
    await untilSignal(app.logger);
    progress.stop();
    await workers.close();
  } finally {
    await app.close();
  }
}
