import { Duplex, Transform, Writable, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { constants, createBrotliDecompress, createGunzip, createInflate, createInflateRaw, type ZlibOptions } from 'node:zlib';
import { WiredeskError } from '../errors.js';

/** The codings we can undo, in the form sent as `Accept-Encoding`. */
export const ACCEPT_ENCODING = 'gzip, deflate, br';

/** More codings than any honest server stacks; a long chain only burns decoders. */
const MAX_CODINGS = 3;

export interface ReadBodyOptions {
  /** The response's `Content-Encoding` header, if any. */
  contentEncoding: string | undefined;
  /** Limit on the bytes received and, separately, on the bytes after decoding. */
  maxBytes: number;
  /** Total time allowed for the whole body; a slow or endless body is cut off. */
  bodyMs: number;
  /** The caller's cancellation; its reason is rethrown as is. */
  signal?: AbortSignal;
  /** For error details only. */
  url: string;
}

/**
 * Reads a response body into memory, undoing its Content-Encoding as it streams. Both the bytes
 * received and the decoded bytes are counted and the read stops at the first byte over `maxBytes`,
 * so a compression bomb costs at most `maxBytes` of memory (zlib streams honour backpressure).
 */
export async function readBody(body: Readable, options: ReadBodyOptions): Promise<Buffer> {
  const { maxBytes, url } = options;
  const decoders = createDecoders(options.contentEncoding, url);
  let received = 0;
  let decoded = 0;
  const chunks: Buffer[] = [];

  const countReceived = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      received += chunk.length;
      done(received > maxBytes ? tooLarge('received', received, maxBytes, url) : null, chunk);
    },
  });
  const collect = new Writable({
    write(chunk: Buffer, _encoding, done) {
      decoded += chunk.length;
      if (decoded > maxBytes) return done(tooLarge('decoded', decoded, maxBytes, url));
      chunks.push(chunk);
      return done();
    },
  });

  const deadline = new AbortController();
  const timer = setTimeout(() => {
    deadline.abort(
      new WiredeskError('WD_ERR_TIMEOUT', `Body of ${url} not complete after ${options.bodyMs} ms`, {
        details: { url, phase: 'body', timeoutMs: options.bodyMs, bytes: received },
      }),
    );
  }, options.bodyMs);
  const signal = options.signal === undefined ? deadline.signal : AbortSignal.any([options.signal, deadline.signal]);
  try {
    await pipeline([body, countReceived, ...decoders, collect], { signal });
  } catch (error) {
    // pipeline rejects with a generic AbortError; the reason says which deadline or caller it was.
    if (signal.aborted) throw signal.reason;
    if (isDecodeError(error)) {
      throw new WiredeskError('WD_ERR_MALFORMED', `Corrupt ${options.contentEncoding} body from ${url}`, {
        cause: error,
        details: { url, contentEncoding: options.contentEncoding, bytes: received },
      });
    }
    throw error;
  } finally {
    clearTimeout(timer);
  }
  return Buffer.concat(chunks, decoded);
}

/** zlib fails with Z_DATA_ERROR and kin, brotli with ERR__ERROR_FORMAT_… and kin; sockets never do. */
function isDecodeError(error: unknown): boolean {
  const code = error instanceof Error && 'code' in error ? error.code : undefined;
  return typeof code === 'string' && /^(Z_|ERR__ERROR_)/.test(code);
}

function tooLarge(phase: 'received' | 'decoded', bytes: number, limit: number, url: string): WiredeskError {
  const what = phase === 'received' ? 'Response body' : 'Decoded response body';
  return new WiredeskError('WD_ERR_TOO_LARGE', `${what} of ${url} exceeds ${limit} bytes`, {
    details: { url, phase, bytes, limit },
  });
}

/**
 * Decoders for a Content-Encoding list, in the order to apply them: codings are listed in the order
 * the server applied them, so they are undone last first. Truncated streams are flushed rather than
 * refused, as browsers do; HTTP framing already catches a body cut short on the wire.
 */
function createDecoders(contentEncoding: string | undefined, url: string): Duplex[] {
  const codings = (contentEncoding ?? '')
    .split(',')
    .map((coding) => coding.trim().toLowerCase())
    .filter((coding) => coding !== '' && coding !== 'identity');
  if (codings.length > MAX_CODINGS) throw undecodable(`${codings.length} stacked content codings`, contentEncoding, url);
  return codings.reverse().map((coding) => {
    const flush = { flush: constants.Z_SYNC_FLUSH, finishFlush: constants.Z_SYNC_FLUSH };
    switch (coding) {
      case 'gzip':
      case 'x-gzip':
        return createGunzip(flush);
      case 'deflate':
        return inflateAny(flush);
      case 'br':
        return createBrotliDecompress({
          flush: constants.BROTLI_OPERATION_FLUSH,
          finishFlush: constants.BROTLI_OPERATION_FLUSH,
        });
      default:
        throw undecodable(`unsupported content coding ${coding}`, contentEncoding, url);
    }
  });
}

/**
 * `deflate` is meant to be zlib-wrapped (RFC 9110 §8.4.1.2), but some servers send raw deflate, as
 * browsers tolerate. The first two bytes tell: a zlib header has compression method 8 and a
 * checksum that makes the 16-bit header a multiple of 31.
 */
function inflateAny(options: ZlibOptions): Duplex {
  return Duplex.from(async function* (source: AsyncIterable<Buffer>) {
    const input = source[Symbol.asyncIterator]();
    const first = await input.next();
    if (first.done === true) return;
    const head: Buffer = first.value;
    const zlibWrapped = head.length >= 2 && (head[0]! & 0x0f) === 8 && head.readUInt16BE(0) % 31 === 0;
    const inflate = zlibWrapped ? createInflate(options) : createInflateRaw(options);
    // A failing feed destroys `inflate` with its error, which the loop below rethrows; so the feed's
    // own rejection carries nothing new and is only awaited for cleanup.
    const fed = pipeline(async function* () {
      yield head;
      for (let next = await input.next(); next.done !== true; next = await input.next()) yield next.value;
    }, inflate).catch(() => undefined);
    try {
      yield* inflate;
    } finally {
      // On an early exit (the reader hit a limit) stop inflating, which ends the feed.
      inflate.destroy();
      await fed;
    }
  });
}

function undecodable(reason: string, contentEncoding: string | undefined, url: string): WiredeskError {
  return new WiredeskError('WD_ERR_MALFORMED', `Cannot decode the body of ${url}: ${reason}`, {
    details: { url, contentEncoding },
  });
}
