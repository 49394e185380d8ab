import { z } from 'zod';
import { Duration } from '../config/duration.js';
import { SinkFilter } from './filter.js';
import { jsonlSink } from './jsonl.js';
import { PayloadFormat } from './payload.js';
import { postgresSink } from './postgres.js';
import { redisStreamSink } from './redis-stream.js';
import { sqliteSink } from './sqlite.js';
import type { Sink, SinkContext, SinkDefinition } from './types.js';
import { webhookSink } from './webhook.js';

const SinkId = z.string().regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, 'use 1–64 lower-case letters, digits, - and _');

/** Delivery retries for one sink, when it should differ from the pipeline's defaults. */
export const SinkRetry = z.object({ attempts: z.number().int().min(1).max(100), backoff: Duration }).strict();

/** Every sink takes these besides its own options. */
const COMMON = {
  /** Native records, or IPTC ninjs 3.1 / 2.2. */
  format: PayloadFormat.default('native'),
  filter: SinkFilter.optional(),
  retry: SinkRetry.optional(),
};

function configOf<T extends string, O extends z.ZodObject>(definition: SinkDefinition<T, O>) {
  return { type: z.literal(definition.type), id: SinkId.default(definition.type), ...COMMON };
}

/** Every sink type, registered here and nowhere else; the config schema is built from them. */
const DEFINITIONS = [jsonlSink, sqliteSink, postgresSink, redisStreamSink, webhookSink] as const;

export const SinkConfig = z.discriminatedUnion('type', [
  jsonlSink.options.extend(configOf(jsonlSink)).strict(),
  sqliteSink.options.extend(configOf(sqliteSink)).strict(),
  postgresSink.options.extend(configOf(postgresSink)).strict(),
  redisStreamSink.options.extend(configOf(redisStreamSink)).strict(),
  webhookSink.options.extend(configOf(webhookSink)).strict(),
]);
export type SinkConfig = z.infer<typeof SinkConfig>;

export function createSink(config: SinkConfig, ctx: SinkContext): Sink {
  const definition = DEFINITIONS.find((d) => d.type === config.type) as SinkDefinition | undefined;
  if (!definition) throw new Error(`no sink type "${config.type}"`);
  return definition.create(config as never, ctx);
}
