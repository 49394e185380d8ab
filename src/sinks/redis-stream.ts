// PLACEHOLDER — replaced by the redis-stream sink.
import { z } from 'zod';
import { WiredeskError } from '../errors.js';
import type { SinkDefinition } from './types.js';

export const RedisStreamSinkOptions = z.object({});

export const redisStreamSink = {
  type: 'redis-stream',
  options: RedisStreamSinkOptions,
  create: () => {
    throw new WiredeskError('WD_ERR_CONFIG', 'the redis-stream sink is not implemented yet', { retryable: false });
  },
} satisfies SinkDefinition<'redis-stream', typeof RedisStreamSinkOptions>;
