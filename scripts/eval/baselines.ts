/**
 * Readability (with jsdom) and Mercury on the article pages, for comparison with wiredesk. Eval
 * sets run synchronously and Mercury is async, so both baselines run one page after the other in
 * a child process (baseline-worker.ts) that this waits for.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const BASELINES = ['readability', 'mercury'] as const;
export type Baseline = (typeof BASELINES)[number];

export interface BaselinePage {
  /** Corpus-relative path, as in ArticlePage. */
  file: string;
  url: string;
}

/** What the worker reads on stdin. */
export interface BaselineJob {
  corpus: string;
  pages: BaselinePage[];
}

/** What a baseline gave, as raw as it gave it; the article sets score it like wiredesk's story. */
export interface BaselineArticle {
  headline: string | null;
  byline: string | null;
  published: string | null;
  body: string;
}

/** One JSON line of the worker: one page through one baseline. */
export type BaselineAnswer = { page: number; system: Baseline; ms: number } & (
  | ({ ok: true } & BaselineArticle)
  | { ok: false; failure: string }
);


const WORKER = fileURLToPath(new URL('./baseline-worker.ts', import.meta.url));
/** The worker's answers come on this descriptor: the libraries may write to stdout. */
export const ANSWER_FD = 3;
/** A hung library must not hang the eval: what is unanswered by then counts as failed. */
const TIMEOUT_MS = 20 * 60_000;

/** Every page through every baseline, in page order; a page the worker never answered is a failure. */
export function runBaselines(job: BaselineJob): Record<Baseline, BaselineAnswer[]> {
  // execArgv carries tsx's loader, so the worker runs from its TypeScript source like this script.
  const child = spawnSync(process.execPath, [...process.execArgv, WORKER], {
    input: JSON.stringify(job),
    stdio: ['pipe', 'ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
    maxBuffer: 1 << 30,
    timeout: TIMEOUT_MS,
  });
  const lines = String(child.output?.[ANSWER_FD] ?? '').split('\n');
  const answers = lines.filter((line) => line !== '').map((line) => JSON.parse(line) as BaselineAnswer);
  const lastError = String(child.stderr ?? '').trim().split('\n').at(-1);
  const ended = child.error?.message ?? `worker exited with ${child.status ?? child.signal}: ${lastError || 'no message'}`;
  const answered = (system: Baseline, page: number): BaselineAnswer =>
    answers.find((a) => a.system === system && a.page === page) ?? {
      page,
      system,
      ms: 0,
      ok: false,
      failure: `no answer (${ended})`,
    };
  return {
    readability: job.pages.map((_, page) => answered('readability', page)),
    mercury: job.pages.map((_, page) => answered('mercury', page)),
  };
}
