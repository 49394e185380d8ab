import { resolve } from 'node:path';
import { openApp, type App } from '../app.js';
import type { CliIo } from '../cli/io.js';
import { createProgress } from '../cli/progress.js';
import { parseConfig } from '../config/load.js';
import type { Config } from '../config/schema.js';
import type { Logger } from '../logger.js';
import { deleteKeysMatching } from '../redis.js';
import { drain } from '../workers/drain.js';
import { startWorkers } from '../workers/runtime.js';
import { reconcileSchedulers, unscheduleSource } from '../workers/scheduler.js';
import { DEFAULT_TICK_MS, startWireEmulator, type WireEmulator } from './emulator.js';
import { renderIntro, renderSummary, verdict } from './summary.js';
import { createTally, type Tally } from './tally.js';
import { expectedAt, noteOf, SITES } from './timeline.js';

const DEMO_PREFIX = 'wiredesk-demo';
/** Every source polls this often: the fastest schedule the config allows. */
const POLL_EVERY_MS = 1_000;

export interface DemoOptions {
  dataDir: string;
  /** Ticks of the timeline to play, tick 0 included. Default: all. */
  ticks?: number;
  tickMs?: number;
  /** Every Redis key of the demo lives under it, and is wiped when the demo starts. */
  redisPrefix?: string;
  io: CliIo;
  /** Redraw a live counter line (stdout is a terminal). */
  live?: boolean;
  logger: Logger;
  /** After the timeline, keep serving and ingesting until this resolves (e.g. on SIGINT). */
  keepRunning?: () => Promise<unknown>;
  /** How long the pipeline may take to catch up after the last tick. */
  settleTimeoutMs?: number;
}

export interface DemoResult {
  /** 0 when every story was delivered and no job ended in the dead letters. */
  exitCode: number;
  tally: Tally;
}

/** The demo's source for an emulated site. */
export const demoSourceId = (siteId: string) => `demo-${siteId}`;

/**
 * `wiredesk demo`: a wire emulator on loopback, ingested by the real pipeline (queues, workers,
 * Redis, the JSON Lines sink), then a summary. The demo's schedulers are removed at the end and
 * its keys live under their own prefix, so nothing it does leaks into a real deployment.
 */
export async function runDemo(options: DemoOptions): Promise<DemoResult> {
  const started = Date.now();
  const tickMs = options.tickMs ?? DEFAULT_TICK_MS;
  const prefix = options.redisPrefix ?? DEMO_PREFIX;
  const emulator = await startWireEmulator({ tickMs, ...(options.ticks === undefined ? {} : { ticks: options.ticks }) });
  try {
    const config = demoConfig(emulator.url, resolve(options.dataDir), prefix);
    const app = await openApp({ config, logger: options.logger });
    try {
      await deleteKeysMatching(app.pipeline.redis, `${prefix}:*`);
      options.io.stdout(renderIntro({ config, origin: emulator.url, redisUrl: app.redis.url, ticks: emulator.lastTick + 1, tickMs, pollEveryMs: POLL_EVERY_MS }));
      const { tally, settled } = await ingest(app, emulator, options);
      const deadLetters = (await Promise.all(app.pipeline.queues.all.map((q) => q.getFailedCount()))).reduce((a, b) => a + b, 0);
      const expected = new Map([...expectedAt(emulator.lastTick)].map(([site, e]) => [demoSourceId(site.id), e]));
      const problems = verdict({ tally, expected, deadLetters, settled });
      options.io.stdout(await renderSummary({ tally, config, problems, started }));
      return { exitCode: problems.length === 0 ? 0 : 1, tally };
    } finally {
      await app.close();
    }
  } finally {
    await emulator.close();
  }
}

/**
 * Plays the timeline with the workers running, waits until every source has polled after the last
 * tick, then stops polling and lets the queues empty. `settled` is false when that took too long.
 */
async function ingest(app: App, emulator: WireEmulator, options: DemoOptions): Promise<{ tally: Tally; settled: boolean }> {
  const { io } = options;
  const live = options.live ?? false;
  const timeoutMs = options.settleTimeoutMs ?? 60_000;
  const sources = app.config.sources;
  const tally = createTally();
  const progress = createProgress(io, live);
  // Narration goes above the live counter line, which redraws itself.
  const say = (line: string) => io.stdout(`${live ? '\r\x1b[2K' : ''}${line}\n`);
  const stopPolling = () => Promise.all(sources.map((s) => unscheduleSource(app.pipeline, s.id)));

  await reconcileSchedulers(app.pipeline);
  const workers = startWorkers(app.pipeline, app.redis.url, (event) => {
    tally.onEvent(event);
    progress.onEvent(event);
  });
  progress.start();
  try {
    say(`tick 0  ${noteOf(0)}`);
    const lastTickAt = await emulator.play((tick) => say(`tick ${tick}  ${noteOf(tick)}`));
    say('waiting for every source to poll once more and for the queues to empty…');
    const polled = await until(() => sources.every((s) => tally.of(s.id).lastPollStartedAt >= lastTickAt), Date.now() + timeoutMs);
    if (options.keepRunning) {
      say(`still serving ${emulator.url} and polling it every ${POLL_EVERY_MS / 1000} s; press Ctrl-C to stop`);
      await options.keepRunning();
    }
    await stopPolling();
    // In pipeline order: polls add article jobs, articles add deliveries.
    let drained = true;
    for (const queue of app.pipeline.queues.all) drained = (await drain(queue, { timeoutMs }).then(() => true, () => false)) && drained;
    return { tally, settled: polled && drained };
  } finally {
    progress.stop();
    await workers.close();
    // Also when the timeline failed midway: no demo schedule may outlive the demo.
    await stopPolling();
  }
}

/** One source per emulated wire, polled every second; the emulator is on loopback, hence `allowPrivateNetwork`. */
function demoConfig(origin: string, dataDir: string, prefix: string): Config {
  return parseConfig({
    redis: { prefix },
    dataDir,
    // One host serves every wire: a short interval keeps the demo quick and still exercises the gate.
    politeness: { hosts: { [new URL(origin).hostname]: { minInterval: '25ms', maxConcurrent: 4 } } },
    // Loopback fails fast or not at all: quick retries keep a failing demo from hanging.
    retries: { attempts: 3, backoff: '250ms' },
    workers: { shutdownTimeout: '5s' },
    sources: SITES.map((site) => ({
      id: demoSourceId(site.id),
      name: `${site.name} (emulated)`,
      url: `${origin}${site.feedPath}`,
      format: site.format,
      schedule: { every: POLL_EVERY_MS },
      followArticles: site.partial,
      timeZone: site.timeZone,
      allowPrivateNetwork: true,
    })),
  });
}


async function until(condition: () => boolean, deadline: number): Promise<boolean> {
  while (!condition()) {
    if (Date.now() > deadline) return false;
    await new Promise((r) => setTimeout(r, 100));
  }
  return true;
}
