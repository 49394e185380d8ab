import { createHash } from 'node:crypto';

/** Every Redis key wiredesk owns (outside BullMQ's own), under one prefix per deployment. */
export function keys(prefix: string) {
  const story = (sourceId: string, storyId: string) => `${prefix}:story:${sourceId}:${digest(storyId)}`;
  return {
    story,
    acks: (sourceId: string, storyId: string, version: number) => `${story(sourceId, storyId)}:acks:${version}`,
    validators: (sourceId: string) => `${prefix}:validators:${sourceId}`,
    health: (sourceId: string) => `${prefix}:health:${sourceId}`,
    healthStories: (sourceId: string) => `${prefix}:health:${sourceId}:stories`,
    paused: (sourceId: string) => `${prefix}:paused:${sourceId}`,
    folderSeen: (sourceId: string) => `${prefix}:folder:${sourceId}:seen`,
    /** The host gate's own key prefix (it appends `host:{<host>}:…`). */
    hostGate: `${prefix}:`,
  };
}
export type Keys = ReturnType<typeof keys>;

function digest(value: string): string {
  return createHash('sha256').update(value).digest('hex').slice(0, 32);
}
