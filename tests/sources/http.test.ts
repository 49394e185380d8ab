import { once } from 'node:events';
import type { ServerResponse } from 'node:http';
import { brotliCompressSync, constants, createGzip, deflateRawSync, deflateSync, gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it, onTestFinished } from 'vitest';
import { WiredeskError } from '../../src/errors.js';
import { createFetcher, DEFAULT_USER_AGENT, fetchDocument, parseRetryAfter, type FetchOptions } from '../../src/sources/http.js';
import { closedPort, startServer, type Handler, type TestServer } from '../helpers/http-server.js';

// The test servers are on loopback, which the SSRF guard refuses unless told otherwise.
const fetcher = createFetcher({ allowPrivateNetwork: true, timeouts: { connectMs: 2_000, headersMs: 2_000, bodyMs: 5_000 } });
afterAll(() => fetcher.close());

async function serve(handler: Handler): Promise<TestServer> {
  const server = await startServer(handler);
  onTestFinished(() => server.close());
  return server;
}

async function fetchError(url: string, options?: FetchOptions): Promise<WiredeskError> {
  const error: unknown = await fetcher.fetchDocument(url, options).then(
    () => {
      throw new Error(`expected ${url} to fail`);
    },
    (rejection: unknown) => rejection,
  );
  expect(error).toBeInstanceOf(WiredeskError);
  return error as WiredeskError;
}

async function document(url: string, options?: FetchOptions) {
  const result = await fetcher.fetchDocument(url, options);
  if (result.kind !== 'document') throw new Error(`expected a document from ${url}, got ${result.kind}`);
  return result;
}

/** Writes 1 MiB chunks of zeros through gzip, so a 100 MB bomb never exists uncompressed. */
async function gzipZeros(totalBytes: number): Promise<Buffer> {
  const gzip = createGzip();
  const out: Buffer[] = [];
  gzip.on('data', (chunk: Buffer) => out.push(chunk));
  const chunk = Buffer.alloc(1024 * 1024);
  for (let written = 0; written < totalBytes; written += chunk.length) {
    if (!gzip.write(chunk)) await once(gzip, 'drain');
  }
  gzip.end();
  await once(gzip, 'end');
  return Buffer.concat(out);
}

function redirect(response: ServerResponse, location: string, status = 302): void {
  response.writeHead(status, { location });
  response.end();
}

describe('fetchDocument: documents', () => {
  it('returns the body, raw content type, validators and provenance of a 200', async () => {
    const server = await serve((_request, response) => {
      response.writeHead(200, {
        'content-type': 'application/rss+xml; charset=ISO-8859-1',
        etag: '"v1"',
        'last-modified': 'Tue, 02 Sep 2025 10:00:00 GMT',
      });
      response.end('<rss>caf\xe9</rss>', 'latin1');
    });
    const result = await document(`${server.url}/feed.xml#fragment`);
    expect(Buffer.from(result.bytes).toString('latin1')).toBe('<rss>caf\xe9</rss>');
    expect(result).toMatchObject({
      status: 200,
      requestedUrl: `${server.url}/feed.xml`,
      finalUrl: `${server.url}/feed.xml`,
      contentType: 'application/rss+xml; charset=ISO-8859-1',
      validators: { etag: '"v1"', lastModified: 'Tue, 02 Sep 2025 10:00:00 GMT' },
      redirects: [],
    });
    expect(new Date(result.fetchedAt).toISOString()).toBe(result.fetchedAt);
    expect(server.requests[0]?.url).toBe('/feed.xml');
  });

  it('sends an identifiable User-Agent, or the one asked for, and extra headers', async () => {
    const server = await serve((_request, response) => response.end('ok'));
    await document(server.url);
    await document(server.url, { userAgent: 'custom-agent/1.0', headers: { Accept: 'application/atom+xml' } });
    expect(DEFAULT_USER_AGENT).toMatch(/^wiredesk\/\d+\.\d+\.\d+ \(\+https:\/\/github\.com\/wiredesk\/wiredesk\)$/);
    expect(server.requests[0]?.headers['user-agent']).toBe(DEFAULT_USER_AGENT);
    expect(server.requests[0]?.headers['accept-encoding']).toBe('gzip, deflate, br');
    expect(server.requests[1]?.headers['user-agent']).toBe('custom-agent/1.0');
    expect(server.requests[1]?.headers.accept).toBe('application/atom+xml');
  });

  it('sends the validators and reports a 304 as not-modified', async () => {
    const server = await serve((request, response) => {
      const fresh = request.headers['if-none-match'] === '"v1"' && request.headers['if-modified-since'] !== undefined;
      response.writeHead(fresh ? 304 : 200, { etag: '"v1"' });
      response.end(fresh ? undefined : 'body');
    });
    const validators = { etag: '"v1"', lastModified: 'Tue, 02 Sep 2025 10:00:00 GMT' };
    const result = await fetcher.fetchDocument(`${server.url}/feed`, { validators });
    expect(result).toEqual({
      kind: 'not-modified',
      requestedUrl: `${server.url}/feed`,
      finalUrl: `${server.url}/feed`,
      validators,
    });
    expect(server.requests[0]?.headers).toMatchObject({
      'if-none-match': '"v1"',
      'if-modified-since': 'Tue, 02 Sep 2025 10:00:00 GMT',
    });
  });

  it('takes the 304 response validators over the ones it sent', async () => {
    const server = await serve((_request, response) => {
      response.writeHead(304, { etag: '"v2"' });
      response.end();
    });
    const result = await fetcher.fetchDocument(server.url, { validators: { etag: '"v1"', lastModified: 'Mon, 01 Sep 2025 00:00:00 GMT' } });
    expect(result.validators).toEqual({ etag: '"v2"', lastModified: 'Mon, 01 Sep 2025 00:00:00 GMT' });
  });

  it.each([
    ['gzip', gzipSync],
    ['x-gzip', gzipSync],
    ['deflate', deflateSync],
    ['deflate', deflateRawSync],
    ['br', brotliCompressSync],
  ])('decodes a %s body (%o)', async (encoding, compress) => {
    const text = '<feed>'.concat('story '.repeat(2_000), '</feed>');
    const server = await serve((_request, response) => {
      response.writeHead(200, { 'content-encoding': encoding, 'content-type': 'application/atom+xml' });
      response.end(compress(Buffer.from(text)));
    });
    expect(Buffer.from((await document(server.url)).bytes).toString()).toBe(text);
  });

  it('undoes stacked codings last first', async () => {
    const server = await serve((_request, response) => {
      response.writeHead(200, { 'content-encoding': 'gzip, br' });
      response.end(brotliCompressSync(gzipSync(Buffer.from('layered'))));
    });
    expect(Buffer.from((await document(server.url)).bytes).toString()).toBe('layered');
  });

  it('reports a corrupt compressed body as malformed, not as a network failure', async () => {
    const server = await serve((_request, response) => {
      response.writeHead(200, { 'content-encoding': 'gzip' });
      response.end('this is not gzip');
    });
    await expect(fetchError(server.url)).resolves.toMatchObject({ code: 'WD_ERR_MALFORMED', retryable: false });
  });

  it('refuses a content coding it cannot undo', async () => {
    const server = await serve((_request, response) => {
      response.writeHead(200, { 'content-encoding': 'compress' });
      response.end('xx');
    });
    await expect(fetchError(server.url)).resolves.toMatchObject({ code: 'WD_ERR_MALFORMED', retryable: false });
  });
});

describe('fetchDocument: size and time limits', () => {
  const zeros = 100 * 1024 * 1024;
  it.each([
    ['gzip', () => gzipZeros(zeros)],
    ['deflate', () => deflateRawSync(Buffer.alloc(zeros))],
    ['br', () => brotliCompressSync(Buffer.alloc(zeros), { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } })],
  ])('stops a 100 MB %s bomb at maxBytes without inflating it', async (encoding, compress) => {
    const bomb = await compress();
    const server = await serve((_request, response) => {
      response.writeHead(200, { 'content-encoding': encoding });
      response.end(bomb);
    });
    const baseline = process.memoryUsage().arrayBuffers;
    let peak = baseline;
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().arrayBuffers);
    }, 2);
    try {
      const error = await fetchError(server.url, { maxBytes: 1024 * 1024 });
      expect(error).toMatchObject({ code: 'WD_ERR_TOO_LARGE', retryable: false, details: { phase: 'decoded', limit: 1024 * 1024 } });
      expect(error.details.bytes).toBeLessThan(2 * 1024 * 1024);
    } finally {
      clearInterval(sampler);
    }
    // An implementation that inflated the bomb would hold ~100 MB here; the margin is generous.
    expect(peak - baseline).toBeLessThan(48 * 1024 * 1024);
  });

  it('refuses a declared Content-Length over the limit before reading the body', async () => {
    const server = await serve((_request, response) => {
      response.writeHead(200, { 'content-length': String(50 * 1024 * 1024) });
      response.write('a few bytes, then silence');
    });
    await expect(fetchError(server.url, { maxBytes: 1024 * 1024 })).resolves.toMatchObject({
      code: 'WD_ERR_TOO_LARGE',
      details: { phase: 'content-length', bytes: 50 * 1024 * 1024, limit: 1024 * 1024 },
    });
  });

  it('stops an endless chunked body at maxBytes', async () => {
    const server = await serve((_request, response) => {
      const chunk = Buffer.alloc(64 * 1024, 'x');
      const pump = (): void => {
        while (!response.destroyed && response.write(chunk));
        if (!response.destroyed) response.once('drain', pump);
      };
      pump();
    });
    await expect(fetchError(server.url, { maxBytes: 1024 * 1024 })).resolves.toMatchObject({
      code: 'WD_ERR_TOO_LARGE',
      details: { phase: 'received', limit: 1024 * 1024 },
    });
  });

  it('stops a body that trickles on past bodyMs', async () => {
    const server = await serve((_request, response) => {
      response.writeHead(200);
      const timer = setInterval(() => response.write('.'), 20);
      response.on('close', () => clearInterval(timer));
    });
    const started = Date.now();
    await expect(fetchError(server.url, { timeouts: { bodyMs: 300 } })).resolves.toMatchObject({
      code: 'WD_ERR_TIMEOUT',
      retryable: true,
      details: { phase: 'body', timeoutMs: 300 },
    });
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('times out a server that never sends headers, in the headers phase', async () => {
    const server = await serve(() => undefined);
    const started = Date.now();
    await expect(fetchError(server.url, { timeouts: { headersMs: 200 } })).resolves.toMatchObject({
      code: 'WD_ERR_TIMEOUT',
      retryable: true,
      details: { phase: 'headers', timeoutMs: 200 },
    });
    // Far below the 2 s fetcher default, so the per-request setting is what fired.
    expect(Date.now() - started).toBeLessThan(1_800);
  });

  it('fails an aborted request with the abort as cause', async () => {
    const server = await serve(() => undefined);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    await expect(fetchError(server.url, { signal: controller.signal })).resolves.toMatchObject({
      code: 'WD_ERR_NETWORK',
      retryable: true,
      details: { aborted: true },
    });
    const timedOut = await fetchError(server.url, { signal: AbortSignal.timeout(50) });
    expect(timedOut).toMatchObject({ code: 'WD_ERR_TIMEOUT', details: { phase: 'signal' } });
  });
});

describe('fetchDocument: statuses', () => {
  function answer(status: number, headers: Record<string, string> = {}): Handler {
    return (_request, response) => {
      response.writeHead(status, headers);
      response.end('status page body');
    };
  }

  it.each([
    [404, false],
    [410, false],
    [401, false],
    [403, false],
    [408, true],
    [500, true],
    [502, true],
  ])('maps %i to WD_ERR_HTTP_STATUS, retryable %s', async (status, retryable) => {
    const server = await serve(answer(status));
    await expect(fetchError(`${server.url}/x`)).resolves.toMatchObject({
      code: 'WD_ERR_HTTP_STATUS',
      retryable,
      details: { status, url: `${server.url}/x` },
    });
  });

  it('maps 429 with Retry-After in seconds to WD_ERR_RATE_LIMITED', async () => {
    const server = await serve(answer(429, { 'retry-after': '120' }));
    await expect(fetchError(server.url)).resolves.toMatchObject({
      code: 'WD_ERR_RATE_LIMITED',
      retryable: true,
      details: { status: 429, retryAfterMs: 120_000 },
    });
  });

  it('maps 503 with Retry-After as an HTTP date to WD_ERR_RATE_LIMITED', async () => {
    const server = await serve(answer(503, { 'retry-after': new Date(Date.now() + 90_000).toUTCString() }));
    const error = await fetchError(server.url);
    expect(error).toMatchObject({ code: 'WD_ERR_RATE_LIMITED', retryable: true, details: { status: 503 } });
    // An HTTP date has whole seconds; allow for that and for slow test machines.
    expect(error.details.retryAfterMs).toBeGreaterThan(80_000);
    expect(error.details.retryAfterMs).toBeLessThanOrEqual(90_000);
  });

  it('leaves retryAfterMs undefined without Retry-After', async () => {
    const server = await serve(answer(429));
    const error = await fetchError(server.url);
    expect(error.code).toBe('WD_ERR_RATE_LIMITED');
    expect(error.details.retryAfterMs).toBeUndefined();
  });

  it('parses Retry-After: seconds, dates, caps and junk', () => {
    const now = Date.parse('2025-09-02T10:00:00Z');
    expect(parseRetryAfter('0', now)).toBe(0);
    expect(parseRetryAfter(' 30 ', now)).toBe(30_000);
    expect(parseRetryAfter('Tue, 02 Sep 2025 10:01:00 GMT', now)).toBe(60_000);
    expect(parseRetryAfter('Tue, 02 Sep 2025 09:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('99999999', now)).toBe(6 * 60 * 60 * 1000);
    expect(parseRetryAfter('-5', now)).toBeUndefined();
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
  });
});

describe('fetchDocument: redirects', () => {
  /** /hop/N redirects to /hop/N-1 … /hop/0 answers. */
  const chain: Handler = (request, response) => {
    const hop = Number(/^\/hop\/(\d+)$/.exec(request.url ?? '')?.[1]);
    if (hop > 0) redirect(response, `/hop/${hop - 1}`, hop % 2 === 0 ? 301 : 307);
    else response.end(`landed at ${request.url}`);
  };

  it('follows a chain of 3, listing every hop', async () => {
    const server = await serve(chain);
    const result = await document(`${server.url}/hop/3`);
    expect(Buffer.from(result.bytes).toString()).toBe('landed at /hop/0');
    expect(result.requestedUrl).toBe(`${server.url}/hop/3`);
    expect(result.finalUrl).toBe(`${server.url}/hop/0`);
    expect(result.redirects).toEqual([`${server.url}/hop/2`, `${server.url}/hop/1`, `${server.url}/hop/0`]);
  });

  it('follows 5 redirects but not 6', async () => {
    const server = await serve(chain);
    expect((await document(`${server.url}/hop/5`)).redirects).toHaveLength(5);
    const error = await fetchError(`${server.url}/hop/6`);
    expect(error).toMatchObject({ code: 'WD_ERR_TOO_MANY_REDIRECTS', retryable: false, details: { limit: 5, loop: false } });
    expect(error.details.redirects).toHaveLength(6);
  });

  it('detects a loop at once', async () => {
    const server = await serve((request, response) => redirect(response, request.url === '/a' ? '/b' : '/a'));
    await expect(fetchError(`${server.url}/a`)).resolves.toMatchObject({
      code: 'WD_ERR_TOO_MANY_REDIRECTS',
      details: { loop: true, redirects: [`${server.url}/b`, `${server.url}/a`] },
    });
    expect(server.requests).toHaveLength(2);
  });

  it.each(['file:///etc/passwd', 'ftp://example.com/feed.xml', 'gopher://127.0.0.1:6379/_INFO'])(
    'refuses a redirect to %s',
    async (target) => {
      const server = await serve((_request, response) => redirect(response, target));
      await expect(fetchError(server.url)).resolves.toMatchObject({
        code: 'WD_ERR_SSRF_BLOCKED',
        retryable: false,
        details: { url: target, redirectedFrom: `${server.url}/` },
      });
    },
  );

  it('fails on a Location it cannot follow, without echoing credentials', async () => {
    const server = await serve((_request, response) => redirect(response, 'http://user:hunter2@example.com/'));
    const error = await fetchError(server.url);
    expect(error).toMatchObject({ code: 'WD_ERR_HTTP_STATUS', retryable: false, details: { status: 302 } });
    expect(JSON.stringify(error.toJSON())).not.toContain('hunter2');
  });

  it('keeps credentials on the same origin and drops them on another', async () => {
    const other = await serve((_request, response) => response.end('other'));
    const server = await serve((request, response) => {
      if (request.url === '/start') redirect(response, '/same');
      else if (request.url === '/same') redirect(response, `${other.url}/elsewhere`);
      else response.end();
    });
    const headers = { authorization: 'Bearer secret-token', cookie: 'session=1', 'x-api-key': 'kept' };
    await document(`${server.url}/start`, { headers });
    expect(server.requests[1]?.headers).toMatchObject({ authorization: 'Bearer secret-token', cookie: 'session=1' });
    expect(other.requests[0]?.headers.authorization).toBeUndefined();
    expect(other.requests[0]?.headers.cookie).toBeUndefined();
    expect(other.requests[0]?.headers['x-api-key']).toBe('kept');
  });
});

describe('fetchDocument: connections', () => {
  it('drains unread bodies (errors, redirects, 304s) so the connection is reused', async () => {
    const ports: (number | undefined)[] = [];
    const server = await serve((request, response) => {
      ports.push(request.socket.remotePort);
      if (request.url === '/missing') response.writeHead(404).end('x'.repeat(10_000));
      else if (request.url === '/moved') response.writeHead(301, { location: '/cached' }).end('moved');
      else if (request.url === '/cached') response.writeHead(304).end();
      else response.end('ok');
    });
    // One connection per origin: a body left unread, or a socket destroyed, would show as a new port.
    const single = createFetcher({ allowPrivateNetwork: true, connectionsPerOrigin: 1 });
    onTestFinished(() => single.close());
    await expect(single.fetchDocument(`${server.url}/missing`)).rejects.toMatchObject({ code: 'WD_ERR_HTTP_STATUS' });
    await expect(single.fetchDocument(`${server.url}/moved`, { validators: { etag: '"e"' } })).resolves.toMatchObject({ kind: 'not-modified' });
    await expect(single.fetchDocument(`${server.url}/ok`)).resolves.toMatchObject({ kind: 'document' });
    expect(ports).toHaveLength(4);
    expect(new Set(ports).size).toBe(1);
  });
});

describe('fetchDocument: network failures and bad input', () => {
  it('maps a refused connection to WD_ERR_NETWORK', async () => {
    const port = await closedPort();
    await expect(fetchError(`http://127.0.0.1:${port}/`)).resolves.toMatchObject({
      code: 'WD_ERR_NETWORK',
      retryable: true,
      details: { errorCode: 'ECONNREFUSED' },
    });
  });

  it('maps an unresolvable host to WD_ERR_NETWORK', async () => {
    const error = await fetchError('http://nonexistent.invalid/');
    expect(error).toMatchObject({ code: 'WD_ERR_NETWORK', retryable: true });
    expect(['ENOTFOUND', 'EAI_AGAIN']).toContain(error.details.errorCode);
  });

  it('maps a connection reset mid-response to WD_ERR_NETWORK', async () => {
    const server = await serve((_request, response) => {
      response.writeHead(200, { 'content-length': '1000' });
      response.write('partial');
      setTimeout(() => response.socket?.destroy(), 20);
    });
    await expect(fetchError(server.url)).resolves.toMatchObject({ code: 'WD_ERR_NETWORK', retryable: true });
  });

  it('refuses URLs that do not parse, are not http(s) or carry credentials', async () => {
    await expect(fetchError('not a url')).resolves.toMatchObject({ code: 'WD_ERR_USAGE' });
    await expect(fetchError('file:///etc/passwd')).resolves.toMatchObject({ code: 'WD_ERR_SSRF_BLOCKED' });
    const error = await fetchError('https://user:hunter2@example.com/feed');
    expect(error.code).toBe('WD_ERR_USAGE');
    expect(JSON.stringify(error)).not.toContain('hunter2');
    expect(error.message).not.toContain('hunter2');
  });

  it('refuses nonsense limits', async () => {
    await expect(fetchError('http://127.0.0.1/', { maxBytes: 0 })).resolves.toMatchObject({ code: 'WD_ERR_USAGE' });
    await expect(fetchError('http://127.0.0.1/', { maxRedirects: -1 })).resolves.toMatchObject({ code: 'WD_ERR_USAGE' });
  });

  it('offers a one-shot fetchDocument that cleans up after itself', async () => {
    const server = await serve((_request, response) => response.end('once'));
    const result = await fetchDocument(server.url, { allowPrivateNetwork: true });
    expect(result.kind).toBe('document');
  });

  it('refuses to fetch after close', async () => {
    const closed = createFetcher({ allowPrivateNetwork: true });
    await closed.close();
    await expect(closed.fetchDocument('http://127.0.0.1/')).rejects.toMatchObject({ code: 'WD_ERR_USAGE' });
  });
});
