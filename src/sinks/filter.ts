import { z } from 'zod';
import { PubStatus, type Story } from '../schema/story.js';

/** Which revisions a sink wants. Every listed criterion must match; an absent one matches all. */
export const SinkFilter = z
  .object({
    sources: z.array(z.string()).min(1).optional(),
    /** Sections, compared case-insensitively. */
    sections: z.array(z.string()).min(1).optional(),
    statuses: z.array(PubStatus).min(1).optional(),
  })
  .strict();
export type SinkFilter = z.infer<typeof SinkFilter>;

export function matchesFilter(filter: SinkFilter | undefined, story: Pick<Story, 'source' | 'section' | 'pubStatus'>): boolean {
  if (!filter) return true;
  if (filter.sources && !filter.sources.includes(story.source.id)) return false;
  if (filter.sections && !filter.sections.some((s) => s.toLowerCase() === story.section?.toLowerCase())) return false;
  if (filter.statuses && !filter.statuses.includes(story.pubStatus)) return false;
  return true;
}
