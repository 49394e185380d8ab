import type { Command } from 'commander';
import { loadConfig } from '../config/load.js';
import { toWiredeskError } from '../errors.js';
import { createLogger } from '../logger.js';
import { migratePostgresSink } from '../sinks/postgres.js';
import type { SinkConfig } from '../sinks/registry.js';
import { EXIT, type CliIo } from './io.js';
import type { CommandResult } from './program.js';

type PostgresSinkConfig = Extract<SinkConfig, { type: 'postgres' }>;

/**
 * `wiredesk migrate`: brings the tables of every postgres sink up to date now, for operators who
 * would rather not let the first worker do it (sinks also migrate when they open). Needs only the
 * database, not Redis. Exit 1 when any sink could not be migrated; the others still are.
 */
export function registerMigrate(program: Command, io: CliIo, result: CommandResult): void {
  program
    .command('migrate')
    .description('create or update the tables of every postgres sink in the configuration')
    .option('-c, --config <file>', 'config file (default: $WIREDESK_CONFIG or ./wiredesk.config.yaml)')
    .action(async (options: { config?: string }) => {
      const config = await loadConfig(options.config === undefined ? {} : { path: options.config });
      const sinks = config.sinks.filter((sink): sink is PostgresSinkConfig => sink.type === 'postgres');
      if (sinks.length === 0) {
        io.stdout('no postgres sink in the configuration: nothing to migrate\n');
        return;
      }
      const logger = createLogger();
      for (const sink of sinks) {
        const where = `${sink.id} (schema ${sink.schema})`;
        try {
          const applied = await migratePostgresSink(sink, { logger: logger.child({ sink: sink.id }), dataDir: config.dataDir, env: process.env });
          const names = applied.map((m) => `${String(m.version).padStart(3, '0')}_${m.name}`);
          io.stdout(`${where}: ${names.length === 0 ? 'up to date' : `applied ${names.join(', ')}`}\n`);
        } catch (error) {
          const typed = toWiredeskError(error, 'WD_ERR_SINK');
          io.stderr(`${where}: ${typed.code}: ${typed.message}\n`);
          result.exitCode = EXIT.someFailed;
        }
      }
    });
}
