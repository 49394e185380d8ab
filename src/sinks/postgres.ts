// PLACEHOLDER — replaced by the postgres sink.
import { z } from 'zod';
import { WiredeskError } from '../errors.js';
import type { SinkDefinition } from './types.js';

export const PostgresSinkOptions = z.object({});

export const postgresSink = {
  type: 'postgres',
  options: PostgresSinkOptions,
  create: () => {
    throw new WiredeskError('WD_ERR_CONFIG', 'the postgres sink is not implemented yet', { retryable: false });
  },
} satisfies SinkDefinition<'postgres', typeof PostgresSinkOptions>;
