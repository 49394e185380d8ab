import { z } from 'zod';
import { createJsonlSink, JsonlSinkOptions } from './jsonl.js';
import type { Sink, SinkContext } from './types.js';

const SinkId = z.string().regex(/^[a-z0-9][a-z0-9_-]*$/, 'use lower-case letters, digits, - and _');

/** Every sink type with its options schema, registered here and nowhere else. */
export const SinkConfig = z.discriminatedUnion('type', [
  z.object({ type: z.literal('jsonl'), id: SinkId.default('jsonl'), ...JsonlSinkOptions.shape }).strict(),
]);
export type SinkConfig = z.infer<typeof SinkConfig>;

export function createSink(config: SinkConfig, ctx: SinkContext): Sink {
  switch (config.type) {
    case 'jsonl':
      return createJsonlSink(config.id, config, ctx);
  }
}
