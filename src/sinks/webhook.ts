// PLACEHOLDER — replaced by the webhook sink.
import { z } from 'zod';
import { WiredeskError } from '../errors.js';
import type { SinkDefinition } from './types.js';

export const WebhookSinkOptions = z.object({});

export const webhookSink = {
  type: 'webhook',
  options: WebhookSinkOptions,
  create: () => {
    throw new WiredeskError('WD_ERR_CONFIG', 'the webhook sink is not implemented yet', { retryable: false });
  },
} satisfies SinkDefinition<'webhook', typeof WebhookSinkOptions>;
