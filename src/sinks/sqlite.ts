// PLACEHOLDER — replaced by the sqlite sink.
import { z } from 'zod';
import { WiredeskError } from '../errors.js';
import type { SinkDefinition } from './types.js';

export const SqliteSinkOptions = z.object({});

export const sqliteSink = {
  type: 'sqlite',
  options: SqliteSinkOptions,
  create: () => {
    throw new WiredeskError('WD_ERR_CONFIG', 'the sqlite sink is not implemented yet', { retryable: false });
  },
} satisfies SinkDefinition<'sqlite', typeof SqliteSinkOptions>;
