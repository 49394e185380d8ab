import { z } from 'zod';
import { Story } from './story.js';

/** Poll one source: fetch its feed (or drop folder), parse, and route the stories. */
export const PollJob = z.object({
  sourceId: z.string().min(1),
  /** Set by `sources run` and replays, for the logs. */
  manual: z.boolean().optional(),
  /** Set once the fetched bytes are archived, so a failed job points at its raw payload. */
  archived: z.string().optional(),
});
export type PollJob = z.infer<typeof PollJob>;

/** Fetch the article page of a partial (teaser-only) story and complete it. */
export const ArticleJob = z.object({
  sourceId: z.string().min(1),
  url: z.url(),
  /** The teaser as the feed gave it: its id and fields survive when the page lacks them. */
  teaser: Story,
  archived: z.string().optional(),
});
export type ArticleJob = z.infer<typeof ArticleJob>;

/** Deliver one story revision to one sink: one job per revision and sink. */
export const DeliverJob = z.object({
  sourceId: z.string().min(1),
  sinkId: z.string().min(1),
  /** How many sinks must acknowledge this revision before it counts as seen. */
  sinkCount: z.number().int().positive(),
  story: Story,
});
export type DeliverJob = z.infer<typeof DeliverJob>;
