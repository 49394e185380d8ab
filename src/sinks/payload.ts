import { z } from 'zod';
import { toNinjs } from '../schema/ninjs.js';
import type { Story } from '../schema/story.js';

/** What a sink sends downstream: wiredesk's own record, or IPTC ninjs. */
export const PayloadFormat = z.enum(['native', 'ninjs-3.1', 'ninjs-2.2']);
export type PayloadFormat = z.infer<typeof PayloadFormat>;

export function payloadOf(story: Story, format: PayloadFormat): unknown {
  if (format === 'native') return story;
  return toNinjs(story, format === 'ninjs-2.2' ? '2.2' : '3.1');
}

export const CHANGE_EVENTS = ['story.created', 'story.updated', 'story.corrected', 'story.withheld', 'story.killed'] as const;
export type ChangeEvent = (typeof CHANGE_EVENTS)[number];

/**
 * The change a revision makes, for consumers that react to events (streams, webhooks): status
 * changes first (a kill is a kill whatever its version), then corrections, then first versions.
 *
 * @example changeEvent({ version: 3, pubStatus: 'canceled', revisionKind: 'kill' }) // 'story.killed'
 */
export function changeEvent(story: Pick<Story, 'version' | 'pubStatus' | 'revisionKind'>): ChangeEvent {
  if (story.pubStatus === 'canceled' || story.revisionKind === 'kill') return 'story.killed';
  if (story.pubStatus === 'withheld') return 'story.withheld';
  if (story.revisionKind === 'correction') return 'story.corrected';
  return story.version === 1 ? 'story.created' : 'story.updated';
}

/** The idempotency key of one revision: the same in every sink and every retry. */
export function revisionKey(story: Pick<Story, 'id' | 'version'>): string {
  return `${story.id}#v${story.version}`;
}
