import { InvalidArgumentError, type Command } from 'commander';
import { untilSignal } from '../app.js';
import { DEFAULT_TICK_MS } from '../demo/emulator.js';
import { runDemo } from '../demo/run.js';
import { TICK_COUNT } from '../demo/timeline.js';
import { createLogger } from '../logger.js';
import type { CliIo } from './io.js';
import type { CommandResult } from './program.js';

interface DemoCommandOptions {
  dataDir: string;
  ticks: number;
  tickMs: number;
  keepRunning?: boolean;
}

export function registerDemo(program: Command, io: CliIo, result: CommandResult): void {
  program
    .command('demo')
    .description('serve an emulated news day (AP, CNN, Reuters, Newser, NITF, ninjs) on loopback and ingest it through the real pipeline')
    .option('--data-dir <dir>', 'where the JSON Lines stories and the raw archive go', './data')
    .option('--ticks <n>', `how many ticks of the timeline to play (1–${TICK_COUNT})`, integerIn(1, TICK_COUNT), TICK_COUNT)
    .option('--tick-ms <ms>', 'time between ticks', integerIn(100, 60_000), DEFAULT_TICK_MS)
    .option('--keep-running', 'after the timeline, keep serving and ingesting until Ctrl-C')
    .action(async (options: DemoCommandOptions) => {
      const logger = createLogger({ level: process.env.WIREDESK_LOG_LEVEL ?? 'warn' });
      const demo = await runDemo({
        dataDir: options.dataDir,
        ticks: options.ticks,
        tickMs: options.tickMs,
        io,
        live: Boolean(process.stdout.isTTY),
        logger,
        ...(options.keepRunning ? { keepRunning: () => untilSignal(logger) } : {}),
      });
      result.exitCode = demo.exitCode;
    });
}

function integerIn(min: number, max: number) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isSafeInteger(n) || n < min || n > max) throw new InvalidArgumentError(`expected a whole number from ${min} to ${max}`);
    return n;
  };
}
