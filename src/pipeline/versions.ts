import type { Redis } from 'ioredis';
import type { Keys } from './keys.js';

export type VersionDecision =
  /** The content equals the revision every sink already has. */
  | { kind: 'unchanged'; version: number }
  /** New content: this version number is now reserved for it. */
  | { kind: 'new'; version: number }
  /** Content already assigned a version whose delivery is not yet acknowledged: route it again. */
  | { kind: 'pending'; version: number };

/**
 * Per story: the content hash and version every sink has acknowledged (`seen*`), the last version
 * handed out, and `h:<contentHash>` → version for revisions still in delivery. Assigning is one
 * atomic script, so two workers seeing the same new revision reserve one version, not two.
 */
const ASSIGN = `
local seenHash = redis.call('HGET', KEYS[1], 'seenHash')
if seenHash == ARGV[1] then return {0, tonumber(redis.call('HGET', KEYS[1], 'seenVersion'))} end
local pending = redis.call('HGET', KEYS[1], 'h:' .. ARGV[1])
if pending then return {2, tonumber(pending)} end
local version = redis.call('HINCRBY', KEYS[1], 'lastVersion', 1)
redis.call('HSET', KEYS[1], 'h:' .. ARGV[1], version)
return {1, version}
`;

/**
 * A sink acknowledged a revision. When the last of `sinkCount` sinks has, the revision becomes
 * the seen one (unless a newer one already is) and pending assignments up to it are forgotten.
 */
const ACKNOWLEDGE = `
redis.call('SADD', KEYS[2], ARGV[4])
redis.call('PEXPIRE', KEYS[2], 604800000)
if redis.call('SCARD', KEYS[2]) < tonumber(ARGV[3]) then return 0 end
local version = tonumber(ARGV[2])
local seenVersion = tonumber(redis.call('HGET', KEYS[1], 'seenVersion') or '0')
if version > seenVersion then
  redis.call('HSET', KEYS[1], 'seenHash', ARGV[1], 'seenVersion', version)
end
local fields = redis.call('HGETALL', KEYS[1])
for i = 1, #fields, 2 do
  if string.sub(fields[i], 1, 2) == 'h:' and tonumber(fields[i + 1]) <= version then
    redis.call('HDEL', KEYS[1], fields[i])
  end
end
redis.call('DEL', KEYS[2])
return 1
`;

export interface VersionStore {
  assign(sourceId: string, storyId: string, contentHash: string): Promise<VersionDecision>;
  /** Returns true when this acknowledgement made the revision seen. */
  acknowledge(input: { sourceId: string; storyId: string; version: number; contentHash: string; sinkId: string; sinkCount: number }): Promise<boolean>;
  /** Sinks that already acknowledged a revision (so a re-route skips them). */
  acknowledged(sourceId: string, storyId: string, version: number): Promise<string[]>;
  /**
   * Teasers whose article page was already fetched and routed: an unchanged teaser does not
   * cost another page fetch. (A page edited under an unchanged teaser is caught when the teaser
   * changes, which is how feeds signal updates.)
   */
  teaserSeen(sourceId: string, storyId: string, teaserHash: string): Promise<boolean>;
  markTeaser(sourceId: string, storyId: string, teaserHash: string): Promise<void>;
}

const KINDS = ['unchanged', 'new', 'pending'] as const;

/** The scripts as commands on this connection: ioredis sends EVALSHA and falls back to EVAL once. */
interface VersionCommands {
  wdAssignVersion(key: string, contentHash: string): Promise<[number, number]>;
  wdAcknowledgeVersion(storyKey: string, acksKey: string, contentHash: string, version: string, sinkCount: string, sinkId: string): Promise<number>;
}

export function createVersionStore(connection: Redis, k: Keys): VersionStore {
  const redis = connection as Redis & VersionCommands;
  if (!('wdAssignVersion' in connection)) {
    connection.defineCommand('wdAssignVersion', { numberOfKeys: 1, lua: ASSIGN });
    connection.defineCommand('wdAcknowledgeVersion', { numberOfKeys: 2, lua: ACKNOWLEDGE });
  }
  return {
    async assign(sourceId, storyId, contentHash) {
      const [code, version] = await redis.wdAssignVersion(k.story(sourceId, storyId), contentHash);
      return { kind: KINDS[code]!, version };
    },
    async acknowledge({ sourceId, storyId, version, contentHash, sinkId, sinkCount }) {
      const done = await redis.wdAcknowledgeVersion(
        k.story(sourceId, storyId),
        k.acks(sourceId, storyId, version),
        contentHash,
        String(version),
        String(sinkCount),
        sinkId,
      );
      return done === 1;
    },
    acknowledged(sourceId, storyId, version) {
      return redis.smembers(k.acks(sourceId, storyId, version));
    },
    async teaserSeen(sourceId, storyId, teaserHash) {
      return (await redis.hget(k.story(sourceId, storyId), 'teaserHash')) === teaserHash;
    },
    async markTeaser(sourceId, storyId, teaserHash) {
      await redis.hset(k.story(sourceId, storyId), 'teaserHash', teaserHash);
    },
  };
}
