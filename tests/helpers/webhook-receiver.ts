import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';
import type { Story } from '../../src/schema/story.js';
import { SIGNATURE_HEADER, TIMESTAMP_HEADER, verifyWebhookSignature, type WebhookVerification } from '../../src/sinks/signature.js';
import { startServer } from './http-server.js';

/** The body the webhook sink POSTs (native format). */
export interface WebhookDelivery {
  event: string;
  revisionKey: string;
  story: Story;
}

/** One POST as the receiver saw it, refused or not. */
export interface ReceivedRequest {
  headers: IncomingHttpHeaders;
  body: string;
  idempotencyKey: string | undefined;
  verification: WebhookVerification;
  /** What the receiver answered, or null when it never answered. */
  status: number | null;
}

/** How the receiver answers a correctly signed POST; `attempt` counts POSTs with its idempotency key, from 1. */
export type Answer = (request: ReceivedRequest, attempt: number) => { status: number; body?: string; headers?: Record<string, string> } | 'hang';

export interface WebhookReceiver {
  url: string;
  /** Every POST, in order. */
  requests: ReceivedRequest[];
  /** One record per idempotency key, kept on the first 2xx: what a deduplicating consumer stores. */
  stored: Map<string, WebhookDelivery>;
  /** Every stored revision of a story, oldest version first. */
  revisions(storyId: string): Story[];
  /** The consumer's current story: the highest version stored, never rolled back by a late older one. */
  latest(storyId: string): Story | null;
  /** Changes how later POSTs are answered (a receiver that fails, then is fixed). */
  respond(answer: Answer): void;
  close(): Promise<void>;
}

/**
 * A realistic webhook consumer on loopback: it verifies the signature (401 if it fails), answers
 * as told (200 by default), and on a 2xx stores the delivery once per idempotency key and moves its
 * current story forward only to a higher version.
 *
 * @example
 * const receiver = await startWebhookReceiver('test');
 * receiver.respond((_req, attempt) => ({ status: attempt <= 2 ? 503 : 200 }));
 */
export async function startWebhookReceiver(secret: string, answer: Answer = () => ({ status: 200 })): Promise<WebhookReceiver> {
  const requests: ReceivedRequest[] = [];
  const stored = new Map<string, WebhookDelivery>();
  const current = new Map<string, Story>();
  const attempts = new Map<string, number>();
  let respond = answer;

  const server = await startServer(async (req, res) => {
    const raw = await readBody(req);
    const body = raw.toString('utf8');
    const idempotencyKey = single(req.headers['idempotency-key']);
    const received: ReceivedRequest = {
      headers: req.headers,
      body,
      idempotencyKey,
      verification: verifyWebhookSignature({ secret, body: raw, timestamp: single(req.headers[TIMESTAMP_HEADER]), signature: single(req.headers[SIGNATURE_HEADER]) }),
      status: null,
    };
    requests.push(received);
    if (!received.verification.ok) {
      received.status = 401;
      res.writeHead(401).end(`bad signature: ${received.verification.reason}`);
      return;
    }
    const attempt = (attempts.get(idempotencyKey ?? '') ?? 0) + 1;
    attempts.set(idempotencyKey ?? '', attempt);
    const reply = respond(received, attempt);
    if (reply === 'hang') return;
    received.status = reply.status;
    if (reply.status >= 200 && reply.status <= 299 && idempotencyKey !== undefined && !stored.has(idempotencyKey)) {
      const delivery = JSON.parse(body) as WebhookDelivery;
      stored.set(idempotencyKey, delivery);
      const { story } = delivery;
      if ((current.get(story.id)?.version ?? 0) < story.version) current.set(story.id, story);
    }
    res.writeHead(reply.status, reply.headers).end(reply.body ?? '');
  });

  return {
    url: `${server.url}/hooks/wiredesk`,
    requests,
    stored,
    revisions: (storyId) =>
      [...stored.values()]
        .map((d) => d.story)
        .filter((s) => s.id === storyId)
        .sort((a, b) => a.version - b.version),
    latest: (storyId) => current.get(storyId) ?? null,
    respond(next) {
      respond = next;
    },
    close: () => server.close(),
  };
}

/** The raw bytes: a signature is checked over exactly what was sent, never over re-encoded text. */
async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
