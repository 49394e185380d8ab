import type { Story } from '../../schema/story.js';
import { payloadOf, type PayloadFormat } from '../payload.js';

/**
 * One revision as the SQL sinks store it, keyed by column name. The indexed columns always come
 * from the native Story, whatever the sink's format; only `json` carries the chosen payload.
 */
export interface StoryRow {
  id: string;
  version: number;
  source_id: string;
  published_at: string | null;
  updated_at: string | null;
  section: string | null;
  pub_status: string;
  revision_kind: string | null;
  headline: string;
  url: string | null;
  content_hash: string;
  /** The payload per the sink's format, serialized: both backends take JSON as text. */
  json: string;
}

export function storyRow(story: Story, format: PayloadFormat): StoryRow {
  return {
    id: story.id,
    version: story.version,
    source_id: story.source.id,
    published_at: story.publishedAt,
    updated_at: story.updatedAt,
    section: story.section,
    pub_status: story.pubStatus,
    revision_kind: story.revisionKind,
    headline: story.headline,
    url: story.url,
    content_hash: story.contentHash,
    json: JSON.stringify(payloadOf(story, format)),
  };
}
