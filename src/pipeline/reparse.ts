import type { SourceConfig } from '../config/schema.js';
import { toWiredeskError } from '../errors.js';
import type { Story } from '../schema/story.js';
import type { ArchiveEntry } from './archive.js';
import type { Pipeline } from './context.js';
import { parseFetched, routeStory, type RouteOutcome } from './ingest.js';
import { completeTeaser } from './merge.js';

export interface ReparseSummary {
  documents: number;
  stories: number;
  outcomes: Record<RouteOutcome, number>;
  failures: Array<{ sha256: string; url: string; code: string; message: string }>;
}

/**
 * Rebuilds a source's stories from its raw payload archive (after a parser fix), oldest first,
 * without fetching anything: teasers are completed from their archived article pages. Stories
 * whose content comes out different get the next version and are delivered; the rest are dropped
 * as unchanged, as in a normal poll.
 */
export async function reparseSource(p: Pipeline, source: SourceConfig, since?: Date): Promise<ReparseSummary> {
  const entries = await p.archive.entries(source.id);
  const pages = new Map<string, ArchiveEntry>();
  for (const entry of entries) if (entry.kind === 'article' && entry.storyId) pages.set(entry.storyId, entry);

  const summary: ReparseSummary = { documents: 0, stories: 0, outcomes: { new: 0, updated: 0, unchanged: 0, pending: 0, followed: 0 }, failures: [] };
  const done = new Set<string>();
  for (const entry of entries) {
    if (entry.kind !== 'feed' || done.has(entry.sha256) || (since && Date.parse(entry.fetchedAt) < since.getTime())) continue;
    done.add(entry.sha256);
    summary.documents++;
    const stories = await storiesOf(p, source, entry, summary).catch(() => []);
    for (const teaserOrStory of stories) {
      const page = teaserOrStory.representation === 'partial' ? pages.get(teaserOrStory.id) : undefined;
      const pageStory = page ? (await storiesOf(p, source, page, summary, true).catch(() => []))[0] : undefined;
      const story = pageStory ? completeTeaser(teaserOrStory, pageStory) : teaserOrStory;
      summary.stories++;
      summary.outcomes[await routeStory(p, source, story, { follow: false })]++;
    }
  }
  return summary;
}

async function storiesOf(p: Pipeline, source: SourceConfig, entry: ArchiveEntry, summary: ReparseSummary, article = false): Promise<Story[]> {
  try {
    const bytes = await p.archive.get(entry.sha256);
    const parsed = await parseFetched(p, source, { bytes, url: entry.url, contentType: entry.contentType, fetchedAt: entry.fetchedAt }, { article });
    return parsed.stories;
  } catch (error) {
    const typed = toWiredeskError(error);
    summary.failures.push({ sha256: entry.sha256, url: entry.url, code: typed.code, message: typed.message });
    throw typed;
  }
}
