import { pino } from 'pino';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { WiredeskError } from '../../src/errors.js';
import { createSink, SinkConfig } from '../../src/sinks/registry.js';
import { signWebhook, verifyWebhookSignature } from '../../src/sinks/signature.js';
import type { Sink } from '../../src/sinks/types.js';
import { closedPort } from '../helpers/http-server.js';
import { redisForTest, TEST_REDIS_URL, type TestRedis } from '../helpers/redis.js';
import { storyRevision } from '../helpers/stories.js';
import { startWebhookReceiver, type Answer, type WebhookReceiver } from '../helpers/webhook-receiver.js';
import { sinkContract } from './contract.js';

const SECRET = 'whsec-test-0123456789';
const ctx = { logger: pino({ level: 'silent' }), dataDir: '.', env: { REDIS_URL: TEST_REDIS_URL } };

async function webhookSink(url: string, keyPrefix: string, options: Record<string, unknown> = {}): Promise<Sink> {
  const sink = createSink(SinkConfig.parse({ type: 'webhook', id: 'hook', url, secret: SECRET, keyPrefix, ...options }), ctx);
  await sink.open();
  return sink;
}

sinkContract('webhook', async () => {
  const db = redisForTest('webhook-contract');
  const receiver = await startWebhookReceiver(SECRET);
  const keyPrefix = `${db.prefix}delivered:`;
  const view = (s: { id: string; version: number; pubStatus: string; headline: string }) => ({ id: s.id, version: s.version, pubStatus: s.pubStatus, headline: s.headline });
  return {
    sink: await webhookSink(receiver.url, keyPrefix),
    // What the consumer kept: one record per idempotency key, and its own current story.
    revisions: async (id) => receiver.revisions(id).map(view),
    latest: async (id) => {
      const story = receiver.latest(id);
      return story && view(story);
    },
    another: () => webhookSink(receiver.url, keyPrefix),
    cleanup: async () => {
      await receiver.close();
      await db.cleanup();
    },
  };
});

describe('webhook signatures', () => {
  const body = JSON.stringify({ event: 'story.created', revisionKey: 'urn:x#v1', story: { id: 'urn:x' } });
  const now = 1_757_663_400;
  const signed = { secret: SECRET, body, timestamp: String(now), signature: signWebhook(SECRET, now, body), now };

  it('accepts the body and timestamp it was made for, as text or bytes', () => {
    expect(verifyWebhookSignature(signed)).toEqual({ ok: true });
    expect(verifyWebhookSignature({ ...signed, body: Buffer.from(body) })).toEqual({ ok: true });
    expect(signed.signature).toMatch(/^v1=[0-9a-f]{64}$/);
  });

  it('refuses a tampered body, a wrong secret, or a timestamp moved to match', () => {
    expect(verifyWebhookSignature({ ...signed, body: body.replace('urn:x', 'urn:y') })).toEqual({ ok: false, reason: 'mismatch' });
    expect(verifyWebhookSignature({ ...signed, secret: 'another-secret' })).toEqual({ ok: false, reason: 'mismatch' });
    expect(verifyWebhookSignature({ ...signed, timestamp: String(now + 1) })).toEqual({ ok: false, reason: 'mismatch' });
  });

  it('refuses a stale or far-future timestamp, within a configurable tolerance', () => {
    expect(verifyWebhookSignature({ ...signed, now: now + 301 })).toEqual({ ok: false, reason: 'stale' });
    expect(verifyWebhookSignature({ ...signed, now: now - 301 })).toEqual({ ok: false, reason: 'stale' });
    expect(verifyWebhookSignature({ ...signed, now: now + 299 })).toEqual({ ok: true });
    expect(verifyWebhookSignature({ ...signed, now: now + 60, toleranceSeconds: 30 })).toEqual({ ok: false, reason: 'stale' });
  });

  it('refuses missing and malformed headers without throwing', () => {
    expect(verifyWebhookSignature({ ...signed, signature: undefined })).toEqual({ ok: false, reason: 'missing' });
    expect(verifyWebhookSignature({ ...signed, timestamp: undefined })).toEqual({ ok: false, reason: 'missing' });
    expect(verifyWebhookSignature({ ...signed, timestamp: 'yesterday' })).toEqual({ ok: false, reason: 'malformed' });
    expect(verifyWebhookSignature({ ...signed, signature: 'v1=abc' })).toEqual({ ok: false, reason: 'malformed' });
    expect(verifyWebhookSignature({ ...signed, signature: `v0=${'0'.repeat(64)}` })).toEqual({ ok: false, reason: 'malformed' });
  });

  it('lets a secret be rotated: several secrets, several signatures', () => {
    expect(verifyWebhookSignature({ ...signed, secret: ['new-secret', SECRET] })).toEqual({ ok: true });
    const both = `${signWebhook('new-secret', now, body)},${signed.signature}`;
    expect(verifyWebhookSignature({ ...signed, signature: both })).toEqual({ ok: true });
    expect(verifyWebhookSignature({ ...signed, secret: 'new-secret', signature: both })).toEqual({ ok: true });
  });
});

describe('webhook sink', () => {
  let db: TestRedis;
  let receiver: WebhookReceiver | undefined;
  let sink: Sink | undefined;
  let sinks = 0;
  beforeAll(() => {
    db = redisForTest('webhook');
  });
  afterEach(async () => {
    await sink?.close();
    await receiver?.close();
    sink = undefined;
    receiver = undefined;
  });
  afterAll(() => db.cleanup());

  /** A receiver answering as told and a sink POSTing to it, with a delivered set of its own. */
  async function setUp(answer?: Answer, options: Record<string, unknown> = {}) {
    receiver = await startWebhookReceiver(SECRET, answer);
    sink = await webhookSink(receiver.url, `${db.prefix}${++sinks}:`, options);
    return { receiver, sink };
  }

  async function failure(write: Promise<unknown>): Promise<WiredeskError> {
    const error = await write.then(() => null, (e: unknown) => e as WiredeskError);
    if (!error) throw new Error('the write succeeded');
    return error;
  }

  it('POSTs the signed event with its headers and the story in an envelope', async () => {
    const { receiver, sink } = await setUp(undefined, { headers: { authorization: 'Bearer gateway-token', 'X-Team': 'desk' } });
    const story = storyRevision('urn:test:headers', 2, { revisionKind: 'correction' });
    const before = Math.floor(Date.now() / 1000);
    expect(await sink.write([story])).toEqual({ written: 1, duplicates: 0 });
    const [request] = receiver.requests;
    expect(request?.verification).toEqual({ ok: true });
    expect(request?.headers).toMatchObject({
      'content-type': 'application/json',
      'user-agent': expect.stringMatching(/^wiredesk\//),
      'x-wiredesk-event': 'story.corrected',
      'idempotency-key': 'urn:test:headers#v2',
      'x-wiredesk-signature': expect.stringMatching(/^v1=[0-9a-f]{64}$/),
      authorization: 'Bearer gateway-token',
      'x-team': 'desk',
    });
    expect(Number(request?.headers['x-wiredesk-timestamp'])).toBeGreaterThanOrEqual(before);
    expect(JSON.parse(request!.body)).toEqual({ event: 'story.corrected', revisionKey: 'urn:test:headers#v2', story });
  });

  it('sends the payload in the configured format', async () => {
    const { receiver, sink } = await setUp(undefined, { format: 'ninjs-3.1' });
    await sink.write([storyRevision('https://wire.example/hook-ninjs', 1)]);
    expect(JSON.parse(receiver.requests[0]!.body)).toMatchObject({
      revisionKey: 'https://wire.example/hook-ninjs#v1',
      story: { uri: 'https://wire.example/hook-ninjs', version: '1' },
    });
  });

  it('percent-encodes what a header cannot carry in the idempotency key; the signed body has it exactly', async () => {
    const { receiver, sink } = await setUp();
    await sink.write([storyRevision('urn:test:zürich\u2028', 1)]);
    expect(receiver.requests[0]?.headers['idempotency-key']).toBe('urn:test:z%C3%BCrich%E2%80%A8#v1');
    expect(JSON.parse(receiver.requests[0]!.body)).toMatchObject({ revisionKey: 'urn:test:zürich\u2028#v1' });
  });

  it.each([500, 502, 503, 408, 409, 429])('%i is retryable, and not recorded as delivered', async (status) => {
    const { receiver, sink } = await setUp((_req, attempt) => ({ status: attempt === 1 ? status : 200, body: 'try later' }));
    const story = storyRevision(`urn:test:retry-${status}`, 1);
    const error = await failure(sink.write([story]));
    expect(error).toMatchObject({ code: 'WD_ERR_SINK', retryable: true, details: { status, body: 'try later' } });
    expect(error.message).toContain(`answered ${status}: try later`);
    // The retry POSTs again, and then never again.
    expect(await sink.write([story])).toEqual({ written: 1, duplicates: 0 });
    expect(await sink.write([story])).toEqual({ written: 0, duplicates: 1 });
    expect(receiver.requests.map((r) => r.status)).toEqual([status, 200]);
  });

  it('passes Retry-After on as retryAfterMs', async () => {
    const { sink } = await setUp(() => ({ status: 429, headers: { 'retry-after': '7' } }));
    expect(await failure(sink.write([storyRevision('urn:test:retry-after', 1)]))).toMatchObject({ details: { status: 429, retryAfterMs: 7_000 } });
  });

  it.each([400, 401, 404, 410, 422])('%i is a permanent rejection with the status and the start of the body', async (status) => {
    const { receiver, sink } = await setUp(() => ({ status, body: `{"error": "no such\n  field: headline"}` }));
    const error = await failure(sink.write([storyRevision(`urn:test:reject-${status}`, 1)]));
    expect(error).toMatchObject({ code: 'WD_ERR_SINK_REJECTED', retryable: false, details: { status, body: `{"error": "no such\n  field: headline"}` } });
    // One line, for `wiredesk dlq list`.
    expect(error.message).toBe(`webhook hook: ${new URL(receiver.url).origin} answered ${status}: {"error": "no such field: headline"}`);
  });

  it('keeps only the first 500 characters of a long refusal', async () => {
    const { sink } = await setUp(() => ({ status: 400, body: 'é'.repeat(10_000) }));
    const error = await failure(sink.write([storyRevision('urn:test:long-body', 1)]));
    expect(error.details.body).toBe('é'.repeat(500));
  });

  it('does not follow a redirect: the receiver is misconfigured', async () => {
    const { receiver, sink } = await setUp(() => ({ status: 308, headers: { location: 'https://elsewhere.example/hook' } }));
    const error = await failure(sink.write([storyRevision('urn:test:redirect', 1)]));
    expect(error).toMatchObject({ code: 'WD_ERR_SINK_REJECTED', details: { status: 308, location: 'https://elsewhere.example/hook' } });
    expect(error.message).toContain('redirects are not followed');
    expect(receiver.requests).toHaveLength(1);
  });

  it('a receiver that does not answer in time is a retryable failure', async () => {
    const { sink } = await setUp(() => 'hang', { timeout: '200ms' });
    const started = Date.now();
    const error = await failure(sink.write([storyRevision('urn:test:timeout', 1)]));
    expect(error).toMatchObject({ code: 'WD_ERR_SINK', retryable: true, details: { timeoutMs: 200 } });
    expect(error.message).toContain('did not answer within 200 ms');
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('an unreachable receiver is a retryable failure', async () => {
    sink = await webhookSink(`http://127.0.0.1:${await closedPort()}/hook`, `${db.prefix}${++sinks}:`);
    expect(await failure(sink.write([storyRevision('urn:test:refused', 1)]))).toMatchObject({ code: 'WD_ERR_SINK', retryable: true, details: { errorCode: 'ECONNREFUSED' } });
  });

  it('a batch failing part-way resends only what was not acknowledged', async () => {
    let failing = true;
    const { receiver, sink } = await setUp((req) => ({ status: failing && req.idempotencyKey === 'urn:test:batch-b#v1' ? 503 : 200 }));
    const batch = ['a', 'b', 'c'].map((s) => storyRevision(`urn:test:batch-${s}`, 1));
    await failure(sink.write(batch));
    failing = false;
    expect(await sink.write(batch)).toEqual({ written: 2, duplicates: 1 });
    expect(receiver.requests.map((r) => [r.idempotencyKey, r.status])).toEqual([
      ['urn:test:batch-a#v1', 200],
      ['urn:test:batch-b#v1', 503],
      ['urn:test:batch-b#v1', 200],
      ['urn:test:batch-c#v1', 200],
    ]);
  });

  it('never puts the secret, or the path of the URL (often a token), in errors', async () => {
    receiver = await startWebhookReceiver('not-the-sinks-secret');
    sink = await webhookSink(`${receiver.url}/T0KEN-in-path?key=T0KEN`, `${db.prefix}${++sinks}:`);
    const error = await failure(sink.write([storyRevision('urn:test:secret', 1)]));
    expect(error).toMatchObject({ code: 'WD_ERR_SINK_REJECTED', details: { status: 401, body: 'bad signature: mismatch' } });
    const everything = JSON.stringify(error.toJSON());
    expect(everything).not.toContain(SECRET);
    expect(everything).not.toContain('T0KEN');
  });

  it('config: defaults, secrets required, reserved headers refused', () => {
    expect(SinkConfig.parse({ type: 'webhook', url: 'https://hooks.example/in', secret: 's' })).toMatchObject({ id: 'webhook', timeout: 10_000, headers: {}, dedupeTtl: 7 * 86_400_000 });
    expect(() => SinkConfig.parse({ type: 'webhook', url: 'https://hooks.example/in' })).toThrow();
    expect(() => SinkConfig.parse({ type: 'webhook', url: 'ftp://hooks.example/in', secret: 's' })).toThrow();
    for (const name of ['Idempotency-Key', 'x-wiredesk-signature', 'content-type']) {
      expect(() => SinkConfig.parse({ type: 'webhook', url: 'https://hooks.example/in', secret: 's', headers: { [name]: 'x' } })).toThrow(/set by the sink itself/);
    }
    expect(() => SinkConfig.parse({ type: 'webhook', url: 'https://hooks.example/in', secret: 's', headers: { 'x-a': 'one\r\nx-b: two' } })).toThrow(/no line breaks/);
  });

  it('health pings the Redis of the delivered set', async () => {
    const { sink } = await setUp();
    expect(await sink.health?.()).toEqual({ ok: true });
  });
});
