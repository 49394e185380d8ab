import type { SourceConfig } from '../config/schema.js';
import type { Story } from '../schema/story.js';
import { retryOptions } from '../workers/failures.js';
import { jobIds } from '../workers/queues.js';
import type { Pipeline } from './context.js';
import { completeTeaser } from './merge.js';
import { matchesFilter } from '../sinks/filter.js';

export interface FetchedDocument {
  bytes: Uint8Array;
  url: string;
  contentType: string | null;
  fetchedAt: string;
}

export type RouteOutcome = 'new' | 'updated' | 'unchanged' | 'pending' | 'followed';

export interface IngestSummary {
  stories: number;
  outcomes: Record<RouteOutcome, number>;
  /** Items of the document that failed alone (the rest went on). */
  skipped: Array<{ index: number; code: string }>;
  archived: string;
}

/**
 * The pipeline's one path from bytes to deliveries: archive the raw document, parse it (on a
 * worker thread), then route every story. An article page completes the teaser it was fetched for.
 */
export async function ingestDocument(
  p: Pipeline,
  source: SourceConfig,
  doc: FetchedDocument,
  options: { teaser?: Story; onArchived?: (sha256: string) => Promise<void> } = {},
): Promise<IngestSummary> {
  const archived = await p.archive.put(doc.bytes);
  await p.archive.record({
    sha256: archived,
    sourceId: source.id,
    url: doc.url,
    contentType: doc.contentType,
    fetchedAt: doc.fetchedAt,
    kind: options.teaser ? 'article' : 'feed',
    ...(options.teaser ? { storyId: options.teaser.id } : {}),
  });
  await options.onArchived?.(archived);

  const parsed = await parseFetched(p, source, doc, { article: Boolean(options.teaser) });

  const stories = options.teaser ? parsed.stories.slice(0, 1).map((page) => completeTeaser(options.teaser!, page)) : parsed.stories;
  const outcomes: Record<RouteOutcome, number> = { new: 0, updated: 0, unchanged: 0, pending: 0, followed: 0 };
  const fresh: string[] = [];
  // Stories of one document are distinct (parsers drop repeated ids), so they route in parallel.
  const routed = await Promise.all(stories.map((story) => routeStory(p, source, story, { follow: !options.teaser })));
  routed.forEach((outcome, i) => {
    outcomes[outcome]++;
    if (outcome === 'new' || outcome === 'updated') fresh.push(`${stories[i]!.id}#${stories[i]!.contentHash.slice(0, 16)}`);
  });
  if (options.teaser) await p.versions.markTeaser(source.id, options.teaser.id, options.teaser.contentHash);
  await p.health.recordStories(source.id, fresh);
  return { stories: stories.length, outcomes, skipped: parsed.skipped.map(({ index, code }) => ({ index, code })), archived };
}

/**
 * A newer revision supersedes older ones still waiting for delivery (held by an embargo): a kill
 * before the release time cancels the embargoed story, an update replaces it.
 */
async function cancelSuperseded(p: Pipeline, sourceId: string, story: Story): Promise<void> {
  for (const sink of p.config.sinks) {
    for (let version = story.version - 1; version >= 1; version--) {
      const job = await p.queues.deliver.getJob(jobIds.deliver(sink.id, sourceId, story.id, version));
      if (job && (await job.isDelayed())) {
        await job.remove();
        p.logger.info({ sourceId, storyId: story.id, sinkId: sink.id, version, by: story.version }, 'held delivery superseded by a newer revision');
      }
    }
  }
}

/** Parses a fetched document on the parse pool with the source's settings (forced format, zone). */
export async function parseFetched(p: Pipeline, source: SourceConfig, doc: FetchedDocument, options: { article: boolean }) {
  // The source's format names its feed; the article pages it links to are detected.
  const forced = !options.article && source.format !== 'auto' ? { format: source.format } : {};
  return p.parser.parse({
    bytes: doc.bytes,
    options: {
      ...forced,
      url: doc.url,
      ...(doc.contentType ? { contentType: doc.contentType } : {}),
      source: { id: source.id, name: source.name },
      ...(source.timeZone ? { defaultTimeZone: source.timeZone } : {}),
      fetchedAt: doc.fetchedAt,
      limits: { maxBytes: p.config.fetch.maxBytes },
    },
  });
}

/**
 * One story: a teaser worth completing goes to the article queue; otherwise it gets a version
 * (unchanged content is dropped here) and one delivery job per sink that has not acknowledged it.
 */
export async function routeStory(p: Pipeline, source: SourceConfig, story: Story, options: { follow: boolean }): Promise<RouteOutcome> {
  const log = p.logger.child({ sourceId: source.id, storyId: story.id });
  if (options.follow && source.followArticles && story.representation === 'partial' && story.url) {
    if (await p.versions.teaserSeen(source.id, story.id, story.contentHash)) return 'unchanged';
    await p.queues.article.add(
      'article',
      { sourceId: source.id, url: story.url, teaser: story },
      { jobId: jobIds.article(source.id, story.id, story.contentHash) },
    );
    return 'followed';
  }

  const decision = await p.versions.assign(source.id, story.id, story.contentHash);
  if (decision.kind === 'unchanged') return 'unchanged';
  const versioned: Story = { ...story, version: decision.version };
  const sinks = p.config.sinks.filter((sink) => matchesFilter(sink.filter, versioned));
  if (sinks.length === 0) {
    await p.versions.acknowledge({ sourceId: source.id, storyId: story.id, version: decision.version, contentHash: story.contentHash, sinkId: '', sinkCount: 0 });
    return decision.kind === 'pending' ? 'pending' : decision.version === 1 ? 'new' : 'updated';
  }
  if (decision.kind === 'new' && decision.version > 1) await cancelSuperseded(p, source.id, versioned);
  const done = decision.kind === 'pending' ? new Set(await p.versions.acknowledged(source.id, story.id, decision.version)) : new Set<string>();
  // An embargoed revision waits in the delayed set until its release time.
  const embargoMs = versioned.embargoedUntil ? Date.parse(versioned.embargoedUntil) - Date.now() : 0;
  await p.queues.deliver.addBulk(
    sinks
      .filter((sink) => !done.has(sink.id))
      .map((sink) => ({
        name: 'deliver',
        data: { sourceId: source.id, sinkId: sink.id, sinkCount: sinks.length, story: versioned },
        opts: {
          jobId: jobIds.deliver(sink.id, source.id, story.id, decision.version),
          ...(embargoMs > 0 ? { delay: embargoMs } : {}),
          ...(sink.retry ? retryOptions(sink.retry.attempts, sink.retry.backoff) : {}),
        },
      })),
  );
  log.debug({ version: decision.version, decision: decision.kind, pubStatus: story.pubStatus }, 'story routed');
  if (decision.kind === 'pending') return 'pending';
  return decision.version === 1 ? 'new' : 'updated';
}
