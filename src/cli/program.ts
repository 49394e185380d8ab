import { Command, CommanderError } from 'commander';
import { UsageError, WiredeskError } from '../errors.js';
import { EXIT, type CliIo } from './io.js';
import { registerDemo } from './demo.js';
import { registerDlq } from './dlq.js';
import { registerMigrate } from './migrate.js';
import { registerParse } from './parse.js';
import { registerReparse } from './reparse.js';
import { registerRun } from './run.js';
import { registerSchema } from './schema.js';
import { registerSources } from './sources.js';
import { registerStatus } from './status.js';

/** Commands set this when they finish; commander itself only knows success or a thrown error. */
export interface CommandResult {
  exitCode: number;
}

export function buildProgram(io: CliIo, result: CommandResult): Command {
  const program = new Command('wiredesk')
    .description('Wire-service story ingestion: feeds, wire formats and article pages into one normalized, versioned story record.')
    .version(process.env.npm_package_version ?? '0.1.0')
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .showHelpAfterError('(run "wiredesk --help" for usage)')
    .exitOverride();
  for (const register of [registerRun, registerDemo, registerSources, registerStatus, registerDlq, registerReparse, registerParse, registerSchema, registerMigrate]) {
    register(program, io, result);
  }
  return program;
}

/** Runs the CLI and returns the exit code: 0 success, 1 some inputs failed, 2 usage. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const result: CommandResult = { exitCode: EXIT.ok };
  const program = buildProgram(io, result);
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return result.exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      const done = error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help';
      return done ? EXIT.ok : EXIT.usage;
    }
    if (error instanceof UsageError) {
      io.stderr(`wiredesk: ${error.message}\n`);
      return EXIT.usage;
    }
    if (error instanceof WiredeskError) {
      io.stderr(`wiredesk: ${error.code}: ${error.message}\n`);
      return EXIT.someFailed;
    }
    throw error;
  }
}
