import type { Job } from 'bullmq';
import type { Command } from 'commander';
import { UsageError } from '../errors.js';
import { codeOfReason } from '../workers/failures.js';
import type { Queues } from '../workers/queues.js';
import type { CliIo } from './io.js';
import type { CommandResult } from './program.js';
import { withApp } from './sources.js';
import { renderTable } from './table.js';

const CONFIG_OPTION = ['-c, --config <file>', 'config file (default: $WIREDESK_CONFIG or ./wiredesk.config.yaml)'] as const;

export interface DeadLetter {
  queue: string;
  id: string;
  code: string | null;
  reason: string;
  attempts: number;
  failedAt: string | null;
  sourceId: string | null;
  /** sha256 of the raw payload in the archive, when the job got that far. */
  archived: string | null;
}

/** Failed jobs are the dead-letter queue: every one keeps its payload, its code and its reason. */
export async function deadLetters(queues: Queues, queueName?: string): Promise<Array<{ job: Job; letter: DeadLetter }>> {
  const selected = queues.all.filter((q) => !queueName || q.name === queueName);
  if (selected.length === 0) throw new UsageError(`no queue "${queueName}" (queues: ${queues.all.map((q) => q.name).join(', ')})`);
  const out = [];
  for (const queue of selected) {
    for (const job of await queue.getFailed(0, -1)) {
      const data = (job.data ?? {}) as { sourceId?: string; archived?: string };
      out.push({
        job,
        letter: {
          queue: queue.name,
          id: job.id ?? '',
          code: codeOfReason(job.failedReason),
          reason: job.failedReason,
          attempts: job.attemptsMade,
          failedAt: job.finishedOn ? new Date(job.finishedOn).toISOString() : null,
          sourceId: data.sourceId ?? null,
          archived: data.archived ?? null,
        },
      });
    }
  }
  return out;
}

export function registerDlq(program: Command, io: CliIo, result: CommandResult): void {
  const dlq = program.command('dlq').description('the dead-letter queue: failed jobs, their codes, and replay');

  dlq
    .command('list')
    .description('failed jobs, newest first')
    .option('--queue <name>', 'only this queue (poll, article, deliver)')
    .option(...CONFIG_OPTION)
    .option('--json', 'machine-readable output')
    .action((options: { config?: string; queue?: string; json?: boolean }) =>
      withApp(options.config, async (app) => {
        const letters = (await deadLetters(app.pipeline.queues, options.queue)).map((d) => d.letter);
        if (options.json) {
          io.stdout(`${JSON.stringify(letters, null, 2)}\n`);
          return;
        }
        io.stdout(
          `${renderTable(
            ['queue', 'job', 'source', 'code', 'attempts', 'failed at', 'reason'],
            letters.map((l) => [l.queue, l.id, l.sourceId, l.code, l.attempts, l.failedAt, l.reason.slice(0, 100)]),
          )}\n`,
        );
      }),
    );

  dlq
    .command('replay')
    .description('put failed jobs back in their queues (all of them, or the given ids)')
    .argument('[ids...]', 'job ids (default: every failed job)')
    .option('--queue <name>', 'only this queue (poll, article, deliver)')
    .option('--code <code>', 'only failures with this code, e.g. WD_ERR_SINK')
    .option(...CONFIG_OPTION)
    .action((ids: string[], options: { config?: string; queue?: string; code?: string }) =>
      withApp(options.config, async (app) => {
        const wanted = new Set(ids);
        const letters = (await deadLetters(app.pipeline.queues, options.queue)).filter(
          ({ letter }) => (wanted.size === 0 || wanted.has(letter.id)) && (!options.code || letter.code === options.code),
        );
        const missing = [...wanted].filter((id) => !letters.some((l) => l.letter.id === id));
        for (const { job } of letters) await job.retry('failed', { resetAttemptsMade: true, resetAttemptsStarted: true });
        io.stdout(`replayed ${letters.length} job(s)\n`);
        if (missing.length > 0) {
          io.stderr(`not in the dead-letter queue: ${missing.join(', ')}\n`);
          result.exitCode = 1;
        }
      }),
    );
}
