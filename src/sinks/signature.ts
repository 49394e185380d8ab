/**
 * Webhook signatures: how a receiver knows a POST came from this wiredesk and was not replayed.
 *
 * Every POST carries
 *
 *     x-wiredesk-timestamp: 1757663400                      (unix seconds when this attempt was sent)
 *     x-wiredesk-signature: v1=5257a869e7ecebeda32affa62cdca3fa51cad7e77a0e56ff536d0ce8e108d8bd
 *
 * where the hex is HMAC-SHA256 keyed with the sink's `secret` over the UTF-8 bytes of
 * `<timestamp>.<raw request body>`. A receiver:
 *
 * 1. takes the raw body bytes exactly as received (re-serialising parsed JSON changes them);
 * 2. recomputes the HMAC over `<x-wiredesk-timestamp>.<body>` with the shared secret;
 * 3. compares it with the `v1=` value in constant time (a plain `===` leaks how much matched);
 * 4. rejects a timestamp more than a few minutes from its own clock (default 5 min, either way),
 *    so a captured request cannot be replayed later.
 *
 * {@link verifyWebhookSignature} does all four. The header may hold several comma-separated
 * `v1=` values and a receiver may try several secrets, so a secret can be rotated without a gap.
 * Each retry is signed afresh with its own timestamp, so a delivery retried an hour later is not
 * stale. Duplicates are a separate matter: the `idempotency-key` header (and the `revisionKey` in
 * the signed body) is the same on every attempt, and a receiver keeps one record per key.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'x-wiredesk-signature';
export const TIMESTAMP_HEADER = 'x-wiredesk-timestamp';
/** The scheme's version prefix; a future scheme gets `v2=` and both can be sent side by side. */
const SCHEME = 'v1';
/** Default tolerance between the sender's timestamp and the receiver's clock, in seconds. */
export const DEFAULT_TOLERANCE_SECONDS = 300;

/** `v1=<hex HMAC-SHA256(secret, "<timestamp>.<body>")>`, the value of the signature header. */
export function signWebhook(secret: string, timestamp: number, body: string | Uint8Array): string {
  return `${SCHEME}=${hmac(secret, String(timestamp), body).toString('hex')}`;
}

export interface VerifyWebhookOptions {
  /** The shared secret, or several during a rotation (any one may match). */
  secret: string | readonly string[];
  /** The raw request body, exactly as received. */
  body: string | Uint8Array;
  /** The `x-wiredesk-timestamp` header. */
  timestamp: string | undefined;
  /** The `x-wiredesk-signature` header. */
  signature: string | undefined;
  /** How far the timestamp may be from `now`, in seconds, either way. Default: 300. */
  toleranceSeconds?: number;
  /** The receiver's clock in unix seconds. Default: now. */
  now?: number;
}

export type WebhookVerification = { ok: true } | { ok: false; reason: 'missing' | 'malformed' | 'stale' | 'mismatch' };

/**
 * Checks a received webhook: a signature over this body and timestamp made with one of the secrets,
 * and a timestamp within the tolerance. Never throws on bad input; says why it refused.
 *
 * @example
 * const check = verifyWebhookSignature({
 *   secret: process.env.WIREDESK_WEBHOOK_SECRET!,
 *   body: rawBody,
 *   timestamp: req.headers['x-wiredesk-timestamp'],
 *   signature: req.headers['x-wiredesk-signature'],
 * });
 * if (!check.ok) return res.writeHead(401).end(check.reason);
 */
export function verifyWebhookSignature(options: VerifyWebhookOptions): WebhookVerification {
  const { timestamp, signature, body } = options;
  if (timestamp === undefined || signature === undefined) return { ok: false, reason: 'missing' };
  if (!/^\d{1,12}$/.test(timestamp)) return { ok: false, reason: 'malformed' };
  const candidates = signature
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part.startsWith(`${SCHEME}=`))
    .map((part) => part.slice(SCHEME.length + 1));
  if (candidates.length === 0 || candidates.some((hex) => !/^[0-9a-f]{64}$/i.test(hex))) return { ok: false, reason: 'malformed' };

  const now = options.now ?? Math.floor(Date.now() / 1000);
  if (Math.abs(now - Number(timestamp)) > (options.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS)) return { ok: false, reason: 'stale' };

  const secrets = typeof options.secret === 'string' ? [options.secret] : options.secret;
  const received = candidates.map((hex) => Buffer.from(hex, 'hex'));
  // Every pair is compared, so the time taken does not tell which secret or value came close.
  let matched = false;
  for (const secret of secrets) {
    const expected = hmac(secret, timestamp, body);
    for (const value of received) matched = timingSafeEqual(expected, value) || matched;
  }
  return matched ? { ok: true } : { ok: false, reason: 'mismatch' };
}

function hmac(secret: string, timestamp: string, body: string | Uint8Array): Buffer {
  return createHmac('sha256', secret).update(`${timestamp}.`).update(body).digest();
}
