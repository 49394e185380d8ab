import type { Redis } from 'ioredis';
import { Agent, request, type Dispatcher } from 'undici';
import { z } from 'zod';
import { Duration, toMs } from '../config/duration.js';
import { WiredeskError } from '../errors.js';
import type { Story } from '../schema/story.js';
import { DEFAULT_USER_AGENT, parseRetryAfter } from '../sources/http.js';
import { changeEvent, payloadOf, revisionKey } from './payload.js';
import { connectSinkRedis, notOpen, pingSinkRedis, quitSinkRedis, sinkRedisUrl } from './redis-client.js';
import { signWebhook, SIGNATURE_HEADER, TIMESTAMP_HEADER } from './signature.js';
import type { CommonSinkOptions, Sink, SinkContext, SinkDefinition, SinkWriteResult } from './types.js';

/** Headers the sink sets itself; extra `headers` may not replace them (the signature depends on them). */
const RESERVED_HEADERS = /^(content-type|content-length|host|idempotency-key|x-wiredesk-.*)$/i;
/** An HTTP token, and a value with no line breaks: anything else undici would refuse on every request. */
const HEADER_NAME = /^[!#$%&'*+.^`|~\w-]+$/;
const HEADER_VALUE = /^[^\r\n\0]*$/;

export const WebhookSinkOptions = z.object({
  /** The receiver: an http(s) URL. Redirects are not followed (a 3xx is a rejection). */
  url: z.url({ protocol: /^https?$/ }),
  /**
   * The HMAC-SHA256 key for `x-wiredesk-signature`, shared with the receiver. Write `${NAME}` to
   * take it from the environment rather than the config file.
   */
  secret: z.string().min(1),
  /** Limit on one POST, connection to the end of the response. Default: 10 s. */
  timeout: Duration.refine((ms) => ms > 0, 'must be longer than 0').default(toMs('10s')),
  /**
   * Extra request headers, e.g. a gateway's `authorization`; values may use `${NAME}`. They may
   * replace `user-agent`, not the headers the sink sets itself. Default: none.
   */
  headers: z
    .record(z.string().regex(HEADER_NAME, 'not a header name').refine((name) => !RESERVED_HEADERS.test(name), 'set by the sink itself'), z.string().regex(HEADER_VALUE, 'no line breaks'))
    .default({}),
  /** The Redis that remembers which revisions the receiver acknowledged. Default: the pipeline's Redis. */
  redisUrl: z.string().optional(),
  /**
   * Prefix of those keys (`<prefix><id>#v<n>`). Default: `<redis.prefix>:webhook:<sink id>:delivered:`,
   * so deployments that share one Redis under different prefixes stay apart.
   */
  keyPrefix: z.string().min(1).optional(),
  /** How long an acknowledged revision is remembered (a replay after that POSTs it again). Default: 7 d. */
  dedupeTtl: Duration.refine((ms) => ms > 0, 'must be longer than 0').default(toMs('7d')),
});
export type WebhookSinkOptions = z.infer<typeof WebhookSinkOptions>;

/** How much of a refusal's body goes into the error (and so into `wiredesk dlq list`). */
const BODY_EXCERPT_CHARS = 500;

/**
 * One signed JSON POST per story revision.
 *
 * **Request.** `POST <url>` with the body
 * `{"event": "story.updated", "revisionKey": "<id>#v<n>", "story": <the story in the sink's format>}`
 * (the event and key sit in the signed body so a receiver need not trust unsigned headers for them)
 * and the headers `content-type: application/json`, `user-agent: wiredesk/<version> …`,
 * `x-wiredesk-event` (the change event), `idempotency-key` (the revision key, percent-encoded where
 * it has characters a header cannot carry), `x-wiredesk-timestamp` and `x-wiredesk-signature` (see
 * `./signature.ts`: `v1=<hex HMAC-SHA256(secret, "<timestamp>.<body>")>`; receivers check it with
 * `verifyWebhookSignature`). The body is the same on every attempt; the timestamp and signature
 * are fresh each time.
 *
 * **Outcomes.** 2xx: delivered. 408, 409 (the key is still being processed, in the IETF
 * Idempotency-Key draft), 429, 5xx, a timeout or a network error: WD_ERR_SINK, retried with the
 * job's backoff (`details.retryAfterMs` carries a Retry-After). Any other status, 3xx included:
 * WD_ERR_SINK_REJECTED, to the dead-letter queue at once, with the status and the start of the
 * response body in the message and in `details`, ready to replay once the receiver is fixed.
 *
 * **Once in effect.** After a 2xx the sink records the revision in Redis (`SET NX` with
 * `dedupeTtl`), and never POSTs a recorded revision again: a retried or replayed job reports it as a
 * duplicate. The record is made only after the 2xx, so a crash or Redis failure between the two,
 * or two workers racing on one revision, can POST it twice; the `idempotency-key` covers that, and
 * a receiver must keep one record per key. Delivery is at-least-once; the key makes it once in effect.
 * A batch is POSTed in order, each revision recorded as it succeeds, so a batch retried after a
 * failure part-way resends only what was not acknowledged.
 *
 * **Reachability.** Unlike sources, this sink may reach loopback and private addresses, and has no
 * `allowPrivateNetwork` switch: its one URL is operator configuration (trusted like the Redis URL),
 * receivers are usually internal, and nothing from outside can steer the request, since redirects
 * are not followed. Error messages name the receiver by origin only, as paths often hold tokens.
 */
export const webhookSink = {
  type: 'webhook',
  options: WebhookSinkOptions,
  create: createWebhookSink,
} satisfies SinkDefinition<'webhook', typeof WebhookSinkOptions>;

function createWebhookSink({ id, format, ...options }: WebhookSinkOptions & CommonSinkOptions, ctx: SinkContext): Sink {
  const name = `webhook ${id}`;
  const target = new URL(options.url);
  const redisUrl = sinkRedisUrl(options.redisUrl, ctx);
  const keyPrefix = options.keyPrefix ?? `${ctx.keyPrefix ?? 'wiredesk'}:webhook:${id}:delivered:`;
  let redis: Redis | undefined;
  let agent: Agent | undefined;

  async function post(story: Story, key: string, dispatcher: Dispatcher): Promise<void> {
    const event = changeEvent(story);
    const body = JSON.stringify({ event, revisionKey: key, story: payloadOf(story, format) });
    const timestamp = Math.floor(Date.now() / 1000);
    const signal = AbortSignal.timeout(options.timeout);
    let response: Dispatcher.ResponseData;
    try {
      response = await request(target, {
        method: 'POST',
        dispatcher,
        signal,
        body,
        headers: {
          'user-agent': DEFAULT_USER_AGENT,
          ...options.headers,
          'content-type': 'application/json',
          'x-wiredesk-event': event,
          'idempotency-key': headerSafe(key),
          [TIMESTAMP_HEADER]: String(timestamp),
          [SIGNATURE_HEADER]: signWebhook(options.secret, timestamp, body),
        },
      });
    } catch (error) {
      const timedOut = signal.aborted;
      throw new WiredeskError('WD_ERR_SINK', `${name}: ${target.origin} ${timedOut ? `did not answer within ${options.timeout} ms` : `unreachable: ${(error as Error).message}`}`, {
        cause: error,
        details: timedOut ? { timeoutMs: options.timeout } : { errorCode: (error as { code?: string }).code },
      });
    }
    const { statusCode: status } = response;
    if (status >= 200 && status <= 299) {
      // Read to the end so the connection is reused; the answer itself does not matter.
      await response.body.dump().catch(() => undefined);
      return;
    }
    throw await statusError(status, response);
  }

  async function statusError(status: number, response: Dispatcher.ResponseData): Promise<WiredeskError> {
    const body = await excerpt(response.body);
    const retryable = status === 408 || status === 409 || status === 429 || (status >= 500 && status <= 599);
    const retryAfterMs = parseRetryAfter(headerValue(response.headers['retry-after']));
    const location = status >= 300 && status <= 399 ? headerValue(response.headers.location) : undefined;
    const said = body ? `: ${body.replace(/\s+/g, ' ').trim()}` : '';
    return new WiredeskError(
      retryable ? 'WD_ERR_SINK' : 'WD_ERR_SINK_REJECTED',
      `${name}: ${target.origin} answered ${status}${location === undefined ? '' : ' (redirects are not followed)'}${said}`,
      {
        retryable,
        details: {
          status,
          body,
          ...(retryable && retryAfterMs !== undefined ? { retryAfterMs } : {}),
          ...(location === undefined ? {} : { location }),
        },
      },
    );
  }

  /** Runs a command on the delivered set; a Redis failure is transient like any other. */
  async function remember<T>(command: () => Promise<T>): Promise<T> {
    try {
      return await command();
    } catch (error) {
      throw new WiredeskError('WD_ERR_SINK', `${name}: cannot read or record delivered revisions in Redis: ${(error as Error).message}`, { cause: error });
    }
  }

  return {
    id,
    type: 'webhook',
    async open() {
      redis = await connectSinkRedis(redisUrl, ctx.logger, name);
      agent = new Agent();
    },
    async write(revisions) {
      const marks = redis;
      const dispatcher = agent;
      if (!marks || !dispatcher) throw notOpen(name);
      const result: SinkWriteResult = { written: 0, duplicates: 0 };
      for (const story of revisions) {
        const key = revisionKey(story);
        const mark = `${keyPrefix}${key}`;
        if ((await remember(() => marks.exists(mark))) === 1) {
          result.duplicates++;
          continue;
        }
        await post(story, key, dispatcher);
        // Another writer may have delivered it meanwhile: then this POST was the repeat.
        const first = await remember(() => marks.set(mark, '1', 'PX', options.dedupeTtl, 'NX'));
        if (first === 'OK') result.written++;
        else result.duplicates++;
      }
      return result;
    },
    async close() {
      await Promise.all([quitSinkRedis(redis), agent?.close()]);
      redis = undefined;
      agent = undefined;
    },
    // Only the delivered set's Redis: a GET or HEAD on a webhook URL often answers 405, or has
    // effects; a receiver that is down shows as failed deliveries instead.
    health: () => pingSinkRedis(redis),
  };
}

/** The first characters of a response body, for the error; a body that cannot be read is ''. */
async function excerpt(body: Dispatcher.ResponseData['body']): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    // A UTF-8 character is at most 4 bytes: this many bytes always hold the excerpt.
    for await (const chunk of body as AsyncIterable<Buffer>) {
      chunks.push(chunk);
      size += chunk.length;
      if (size >= BODY_EXCERPT_CHARS * 4) break;
    }
  } catch {
    // A refusal whose body breaks off is still a refusal; keep what arrived.
  } finally {
    body.destroy();
  }
  return Buffer.concat(chunks).toString('utf8').slice(0, BODY_EXCERPT_CHARS);
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** Story ids are any string; a header carries printable ASCII only, so the rest is percent-encoded. */
function headerSafe(value: string): string {
  return value.replace(/[^\x20-\x7e]/gu, (char) => [...Buffer.from(char)].map((byte) => `%${byte.toString(16).toUpperCase().padStart(2, '0')}`).join(''));
}
