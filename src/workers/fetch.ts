import type { Job } from 'bullmq';
import type { Config, SourceConfig } from '../config/schema.js';
import { WiredeskError } from '../errors.js';
import type { Pipeline } from '../pipeline/context.js';
import type { FetchResult, Validators } from '../sources/http.js';
import type { HostLimits } from '../sources/politeness.js';
import { delayJob } from './failures.js';

/** When a 429/503 gives no Retry-After, the host rests this long. */
const DEFAULT_RATE_LIMIT_PAUSE_MS = 60_000;

/**
 * One polite request for a job: take the host's slot (or put the job back until the host is free),
 * fetch, give the slot back. A 429/503 also closes the host to every worker until Retry-After.
 */
export async function fetchForJob(
  p: Pipeline,
  source: SourceConfig,
  url: string,
  job: Job,
  token: string | undefined,
  validators?: Validators,
): Promise<FetchResult> {
  const host = new URL(url).hostname.toLowerCase();
  const gate = await p.hostGate.tryAcquire(host, { ...politenessFor(p.config, source, host), leaseMs: requestBudgetMs(p.config) });
  if (!gate.granted) return delayJob(job, token, gate.retryInMs);
  try {
    return await p.fetcher.fetchDocument(url, {
      headers: source.headers,
      allowPrivateNetwork: source.allowPrivateNetwork,
      ...(validators ? { validators } : {}),
    });
  } catch (error) {
    if (error instanceof WiredeskError && error.code === 'WD_ERR_RATE_LIMITED') {
      const pause = Number(error.details.retryAfterMs ?? DEFAULT_RATE_LIMIT_PAUSE_MS);
      await p.hostGate.blockHost(host, Date.now() + pause);
    }
    throw error;
  } finally {
    await gate.release();
  }
}

/** The source's own setting beats the host's, which beats the default. */
export function politenessFor(config: Pick<Config, 'politeness'>, source: SourceConfig, host: string): HostLimits {
  const bare = host.replace(/^www\./, '');
  const merged = { ...config.politeness.default, ...(config.politeness.hosts[bare] ?? config.politeness.hosts[host]), ...source.politeness };
  return { minIntervalMs: merged.minInterval, maxConcurrent: merged.maxConcurrent };
}

/** A slot is leased for at most one whole request, so a crashed worker cannot hold it forever. */
function requestBudgetMs(config: Pick<Config, 'fetch'>): number {
  const { connectTimeout, headersTimeout, bodyTimeout, maxRedirects } = config.fetch;
  return (connectTimeout + headersTimeout + bodyTimeout) * (maxRedirects + 1) + 5_000;
}
