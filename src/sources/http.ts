import { createRequire } from 'node:module';
import type { IncomingHttpHeaders } from 'node:http';
import { Agent, type Dispatcher } from 'undici';
import { WiredeskError } from '../errors.js';
import { ACCEPT_ENCODING, readBody } from './decompress.js';
import { createGuardedConnector, type NetworkPolicy } from './ssrf.js';

const { version } = createRequire(import.meta.url)('../../package.json') as { version: string };

/** Identifies us to publishers, with a page that says who runs the crawler and how to reach them. */
export const DEFAULT_USER_AGENT = `wiredesk/${version} (+https://github.com/wiredesk/wiredesk)`;

/** Conditional-GET validators, as the server last sent them. */
export interface Validators {
  /** The `ETag` header, sent back as `If-None-Match`. */
  etag?: string;
  /** The `Last-Modified` header, sent back as `If-Modified-Since`. */
  lastModified?: string;
}

/** Time limits per phase of one request (each redirect hop has its own). */
export interface FetchTimeouts {
  /** DNS lookup plus TCP and TLS set-up. Default: 10 000 ms. */
  connectMs?: number;
  /**
   * From the request sent to the last response header. undici checks it on a ~0.5 s clock, so a
   * limit under a second may fire up to half a second late. Default: 15 000 ms.
   */
  headersMs?: number;
  /** The whole body, first byte to last: a slow or endless body is cut off. Default: 30 000 ms. */
  bodyMs?: number;
}

export interface FetchOptions {
  /**
   * Extra request headers (e.g. `accept`, `authorization`). They override the defaults (`accept:
   * *\/*`, `accept-encoding`), but not the User-Agent (`userAgent`) or the conditional headers
   * (`validators`). `authorization`, `cookie` and `proxy-authorization` are dropped when a redirect
   * leaves the origin. Never logged. Default: none.
   */
  headers?: Record<string, string>;
  /** Default: {@link DEFAULT_USER_AGENT}. */
  userAgent?: string;
  /** Validators from the previous fetch, for a conditional GET. Default: none (plain GET). */
  validators?: Validators;
  /** Per-phase time limits; each field defaults separately. */
  timeouts?: FetchTimeouts;
  /** Limit on the body as received and again after decompression. Default: 16 MiB. */
  maxBytes?: number;
  /** Redirects followed before WD_ERR_TOO_MANY_REDIRECTS. Default: 5. */
  maxRedirects?: number;
  /**
   * Lets this request reach loopback, private and link-local addresses (see {@link NetworkPolicy}).
   * Default: `false`.
   */
  allowPrivateNetwork?: boolean;
  /** Cancels the request; the fetch then fails (see {@link Fetcher.fetchDocument}). Default: none. */
  signal?: AbortSignal;
}

/** Options of a fetcher: defaults for every request, plus what is shared by all of them. */
export interface FetcherOptions extends Omit<FetchOptions, 'signal' | 'validators'> {
  /** Non-public addresses reachable all the same (see {@link NetworkPolicy}). Default: `[]`. */
  allowedAddresses?: readonly string[];
  /** Connections kept per origin; the host gate, not this, is the politeness limit. Default: 6. */
  connectionsPerOrigin?: number;
}

export interface NotModified {
  kind: 'not-modified';
  requestedUrl: string;
  finalUrl: string;
  /** The validators to keep: those of the 304 response, else those that were sent. */
  validators: Validators;
}

export interface FetchedDocument {
  kind: 'document';
  requestedUrl: string;
  /** The URL the body came from, after redirects. */
  finalUrl: string;
  status: number;
  /** The raw `Content-Type` header, charset included: decoding text is the parser's job. */
  contentType: string | undefined;
  /** The body after Content-Encoding is undone. */
  bytes: Uint8Array;
  validators: Validators;
  /** When the final response's headers arrived, ISO 8601 UTC. */
  fetchedAt: string;
  /** Every URL a redirect pointed to, in order; the last one is `finalUrl`. */
  redirects: string[];
}

export type FetchResult = NotModified | FetchedDocument;

export interface Fetcher {
  /**
   * GETs a document, following redirects itself so every hop is re-checked by the SSRF guard.
   * Fails with a WiredeskError: WD_ERR_RATE_LIMITED (429, 503; `details.retryAfterMs`),
   * WD_ERR_HTTP_STATUS (`details.status`; retryable only for 408 and 5xx), WD_ERR_TIMEOUT
   * (`details.phase`: connect, headers or body), WD_ERR_NETWORK (DNS, refused, reset, TLS, or an
   * abort through `signal` unless its reason is already a WiredeskError), WD_ERR_TOO_LARGE,
   * WD_ERR_TOO_MANY_REDIRECTS, WD_ERR_SSRF_BLOCKED (also for a non-http(s) URL), WD_ERR_MALFORMED
   * (an encoding we cannot undo) or WD_ERR_USAGE (a URL that does not parse or carries credentials).
   */
  fetchDocument(url: string | URL, options?: FetchOptions): Promise<FetchResult>;
  /** Closes the connection pools once in-flight requests are done. */
  close(): Promise<void>;
}

const DEFAULTS = {
  connectMs: 10_000,
  headersMs: 15_000,
  bodyMs: 30_000,
  maxBytes: 16 * 1024 * 1024,
  maxRedirects: 5,
  connectionsPerOrigin: 6,
} as const;

/** Only a redirect's own body is read, and only this much, so the connection can be reused. */
const REDIRECT_BODY_LIMIT = 64 * 1024;
/** A Retry-After further out than this is a misconfiguration; we come back after this long. */
const MAX_RETRY_AFTER_MS = 6 * 60 * 60 * 1000;
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
/** Headers that carry the caller's credentials and must not follow a redirect to another origin. */
const CREDENTIAL_HEADERS = ['authorization', 'cookie', 'proxy-authorization'];

/** Request settings after defaults are applied; validated once per request. */
interface Settings {
  headers: Record<string, string>;
  timeouts: Required<FetchTimeouts>;
  maxBytes: number;
  maxRedirects: number;
  allowPrivateNetwork: boolean;
  signal: AbortSignal | undefined;
}

/**
 * A fetcher with its own connection pools (keep-alive). The pipeline makes one at start and closes
 * it on shutdown. Agents are keyed by what lives in the connector (network policy, connect
 * timeout), so a source that allows the private network never shares sockets with one that does not.
 */
export function createFetcher(options: FetcherOptions = {}): Fetcher {
  const agents = new Map<string, Agent>();
  let closed = false;

  function agentFor(settings: Settings): Agent {
    const key = `${settings.allowPrivateNetwork}:${settings.timeouts.connectMs}`;
    let agent = agents.get(key);
    if (agent === undefined) {
      const policy: NetworkPolicy = {
        allowPrivateNetwork: settings.allowPrivateNetwork,
        allowedAddresses: options.allowedAddresses ?? [],
      };
      agent = new Agent({
        connect: createGuardedConnector(policy, { timeout: settings.timeouts.connectMs }),
        connections: options.connectionsPerOrigin ?? DEFAULTS.connectionsPerOrigin,
      });
      agents.set(key, agent);
    }
    return agent;
  }

  return {
    async fetchDocument(input, requestOptions = {}) {
      if (closed) throw new WiredeskError('WD_ERR_USAGE', 'fetchDocument called on a closed fetcher');
      const settings = resolveSettings(options, requestOptions);
      const requestedUrl = parseTarget(input);
      return await followRedirects(agentFor(settings), requestedUrl, settings);
    },
    async close() {
      closed = true;
      await Promise.all([...agents.values()].map((agent) => agent.close()));
      agents.clear();
    },
  };
}

/** One request with a throwaway fetcher, for the CLI and scripts; workers share one fetcher. */
export async function fetchDocument(url: string | URL, options: FetchOptions & FetcherOptions = {}): Promise<FetchResult> {
  const fetcher = createFetcher(options);
  try {
    return await fetcher.fetchDocument(url, options);
  } finally {
    await fetcher.close();
  }
}

function resolveSettings(defaults: FetcherOptions, options: FetchOptions): Settings {
  const timeouts = {
    connectMs: options.timeouts?.connectMs ?? defaults.timeouts?.connectMs ?? DEFAULTS.connectMs,
    headersMs: options.timeouts?.headersMs ?? defaults.timeouts?.headersMs ?? DEFAULTS.headersMs,
    bodyMs: options.timeouts?.bodyMs ?? defaults.timeouts?.bodyMs ?? DEFAULTS.bodyMs,
  };
  const maxBytes = options.maxBytes ?? defaults.maxBytes ?? DEFAULTS.maxBytes;
  const maxRedirects = options.maxRedirects ?? defaults.maxRedirects ?? DEFAULTS.maxRedirects;
  for (const [name, value] of Object.entries({ ...timeouts, maxBytes })) {
    if (!Number.isInteger(value) || value <= 0) throw new WiredeskError('WD_ERR_USAGE', `${name} must be a positive integer, got ${value}`);
  }
  if (!Number.isInteger(maxRedirects) || maxRedirects < 0) {
    throw new WiredeskError('WD_ERR_USAGE', `maxRedirects must be a non-negative integer, got ${maxRedirects}`);
  }

  const headers: Record<string, string> = { accept: '*/*', 'accept-encoding': ACCEPT_ENCODING };
  for (const [name, value] of Object.entries({ ...defaults.headers, ...options.headers })) headers[name.toLowerCase()] = value;
  headers['user-agent'] = options.userAgent ?? defaults.userAgent ?? DEFAULT_USER_AGENT;
  delete headers['if-none-match'];
  delete headers['if-modified-since'];
  if (options.validators?.etag !== undefined) headers['if-none-match'] = options.validators.etag;
  if (options.validators?.lastModified !== undefined) headers['if-modified-since'] = options.validators.lastModified;

  return {
    headers,
    timeouts,
    maxBytes,
    maxRedirects,
    allowPrivateNetwork: options.allowPrivateNetwork ?? defaults.allowPrivateNetwork ?? false,
    signal: options.signal,
  };
}

/**
 * Only http(s) is fetched: `file:`, `gopher:` and the like are how SSRF reaches local resources.
 * Credentials in a URL would end up in results and logs, so they belong in `headers`.
 */
function parseTarget(input: string | URL, from?: URL): URL {
  let url: URL;
  try {
    url = new URL(input, from);
  } catch (error) {
    throw new WiredeskError('WD_ERR_USAGE', `Not a URL: ${String(input)}`, { cause: error, details: { url: String(input) } });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new WiredeskError('WD_ERR_SSRF_BLOCKED', `Refusing to fetch a ${url.protocol} URL`, {
      details: { url: url.href, scheme: url.protocol, ...(from === undefined ? {} : { redirectedFrom: from.href }) },
    });
  }
  if (url.username !== '' || url.password !== '') {
    url.username = '';
    url.password = '';
    throw new WiredeskError('WD_ERR_USAGE', `Credentials in URLs are not supported (pass an authorization header): ${url.href}`, {
      details: { url: url.href },
    });
  }
  url.hash = '';
  return url;
}

async function followRedirects(agent: Agent, requestedUrl: URL, settings: Settings): Promise<FetchResult> {
  const redirects: string[] = [];
  const seen = new Set([requestedUrl.href]);
  let url = requestedUrl;
  let headers = settings.headers;
  for (;;) {
    const response = await send(agent, url, headers, settings);
    const location = REDIRECT_STATUSES.has(response.statusCode) ? header(response.headers, 'location') : undefined;
    if (location === undefined) return await settle(response, requestedUrl, url, redirects, settings);

    await discard(response);
    const next = redirectTarget(location, url, response.statusCode);
    const loop = seen.has(next.href);
    if (loop || redirects.length >= settings.maxRedirects) {
      throw new WiredeskError(
        'WD_ERR_TOO_MANY_REDIRECTS',
        loop ? `Redirect loop at ${next.href}` : `More than ${settings.maxRedirects} redirects from ${requestedUrl.href}`,
        { details: { url: requestedUrl.href, redirects: [...redirects, next.href], limit: settings.maxRedirects, loop } },
      );
    }
    if (next.origin !== url.origin) headers = withoutCredentials(headers);
    redirects.push(next.href);
    seen.add(next.href);
    url = next;
  }
}

/** A Location we cannot follow is the server's fault, and it will send the same one next time. */
function redirectTarget(location: string, from: URL, status: number): URL {
  try {
    return parseTarget(location, from);
  } catch (error) {
    if (!(error instanceof WiredeskError) || error.code !== 'WD_ERR_USAGE') throw error;
    throw new WiredeskError('WD_ERR_HTTP_STATUS', `${from.href} answered ${status} with an unusable Location`, {
      cause: error,
      retryable: false,
      details: { url: from.href, status },
    });
  }
}

async function send(agent: Agent, url: URL, headers: Record<string, string>, settings: Settings): Promise<Dispatcher.ResponseData> {
  try {
    return await agent.request({
      origin: url.origin,
      path: `${url.pathname}${url.search}`,
      method: 'GET',
      headers,
      headersTimeout: settings.timeouts.headersMs,
      // undici's body timeout is an idle timeout; readBody enforces the total.
      bodyTimeout: settings.timeouts.bodyMs,
      signal: settings.signal ?? null,
    });
  } catch (error) {
    throw transportError(error, url, settings);
  }
}

/** Turns the final (non-redirect) response into a result or a typed error. */
async function settle(
  response: Dispatcher.ResponseData,
  requestedUrl: URL,
  url: URL,
  redirects: string[],
  settings: Settings,
): Promise<FetchResult> {
  const fetchedAt = new Date().toISOString();
  const { statusCode: status, headers } = response;
  const validators = validatorsOf(headers);

  if (status === 304) {
    await discard(response);
    const sent: Validators = {};
    if (settings.headers['if-none-match'] !== undefined) sent.etag = settings.headers['if-none-match'];
    if (settings.headers['if-modified-since'] !== undefined) sent.lastModified = settings.headers['if-modified-since'];
    return { kind: 'not-modified', requestedUrl: requestedUrl.href, finalUrl: url.href, validators: { ...sent, ...validators } };
  }
  if (status < 200 || status > 299) {
    await discard(response);
    throw statusError(status, headers, url);
  }

  const declared = Number(header(headers, 'content-length'));
  if (declared > settings.maxBytes) {
    drop(response);
    throw new WiredeskError('WD_ERR_TOO_LARGE', `${url.href} declares ${declared} bytes, over the ${settings.maxBytes} limit`, {
      details: { url: url.href, phase: 'content-length', bytes: declared, limit: settings.maxBytes },
    });
  }
  let bytes: Buffer;
  try {
    bytes = await readBody(response.body, {
      contentEncoding: header(headers, 'content-encoding'),
      maxBytes: settings.maxBytes,
      bodyMs: settings.timeouts.bodyMs,
      url: url.href,
      ...(settings.signal === undefined ? {} : { signal: settings.signal }),
    });
  } catch (error) {
    drop(response);
    throw transportError(error, url, settings);
  }
  return {
    kind: 'document',
    requestedUrl: requestedUrl.href,
    finalUrl: url.href,
    status,
    contentType: header(headers, 'content-type'),
    bytes,
    validators,
    fetchedAt,
    redirects,
  };
}

function validatorsOf(headers: IncomingHttpHeaders): Validators {
  const validators: Validators = {};
  const etag = header(headers, 'etag');
  const lastModified = header(headers, 'last-modified');
  if (etag !== undefined) validators.etag = etag;
  if (lastModified !== undefined) validators.lastModified = lastModified;
  return validators;
}

function statusError(status: number, headers: IncomingHttpHeaders, url: URL): WiredeskError {
  if (status === 429 || status === 503) {
    const retryAfterMs = parseRetryAfter(header(headers, 'retry-after'));
    return new WiredeskError('WD_ERR_RATE_LIMITED', `${url.href} answered ${status}`, {
      retryable: true,
      details: { url: url.href, status, retryAfterMs },
    });
  }
  // 408 and 5xx can pass; any other 4xx (404, 410, 401, 403…) and odd statuses (1xx, 3xx with no
  // Location) will answer the same next time.
  const retryable = status === 408 || (status >= 500 && status <= 599);
  return new WiredeskError('WD_ERR_HTTP_STATUS', `${url.href} answered ${status}`, {
    retryable,
    details: { url: url.href, status },
  });
}

/**
 * `Retry-After` in delay-seconds or as an HTTP date, as milliseconds from now, capped at 6 h.
 * `undefined` when absent or unreadable, so the caller falls back to its own backoff.
 */
export function parseRetryAfter(value: string | undefined, now: number = Date.now()): number | undefined {
  if (value === undefined) return undefined;
  const text = value.trim();
  let delay: number;
  if (/^\d+$/.test(text)) delay = Number(text) * 1000;
  // Date.parse reads '-5' or '2025' as dates; an HTTP date always names its day and month.
  else if (!/[a-z]/i.test(text)) return undefined;
  else {
    const at = Date.parse(text);
    if (Number.isNaN(at)) return undefined;
    delay = at - now;
  }
  return Math.min(Math.max(delay, 0), MAX_RETRY_AFTER_MS);
}

/** Maps undici, socket and abort errors; WiredeskErrors (limits, SSRF refusals) pass through. */
function transportError(error: unknown, url: URL, settings: Settings): WiredeskError {
  const signal = settings.signal;
  if (signal?.aborted === true) {
    const reason: unknown = signal.reason;
    if (reason instanceof WiredeskError) return reason;
    const timedOut = reason instanceof DOMException && reason.name === 'TimeoutError';
    return new WiredeskError(timedOut ? 'WD_ERR_TIMEOUT' : 'WD_ERR_NETWORK', `Request to ${url.href} aborted`, {
      cause: reason,
      details: { url: url.href, aborted: true, ...(timedOut ? { phase: 'signal' } : {}) },
    });
  }
  if (error instanceof WiredeskError) {
    // Refusals from the connector know the address but not the URL that led there.
    error.details.url ??= url.href;
    return error;
  }
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : undefined;
  const phase = TIMEOUT_PHASES[code ?? ''];
  if (phase !== undefined) {
    const timeoutMs = settings.timeouts[`${phase}Ms`];
    return new WiredeskError('WD_ERR_TIMEOUT', `${url.href}: no ${phase === 'body' ? 'body data' : phase} within ${timeoutMs} ms`, {
      cause: error,
      details: { url: url.href, phase, timeoutMs },
    });
  }
  if (code === 'UND_ERR_INVALID_ARG') {
    return new WiredeskError('WD_ERR_USAGE', `Invalid request for ${url.href}`, { cause: error, details: { url: url.href } });
  }
  const message = error instanceof Error ? error.message : String(error);
  return new WiredeskError('WD_ERR_NETWORK', `${url.href}: ${message}`, {
    cause: error,
    details: { url: url.href, errorCode: code },
  });
}

const TIMEOUT_PHASES: Record<string, 'connect' | 'headers' | 'body'> = {
  UND_ERR_CONNECT_TIMEOUT: 'connect',
  UND_ERR_HEADERS_TIMEOUT: 'headers',
  UND_ERR_BODY_TIMEOUT: 'body',
};

function withoutCredentials(headers: Record<string, string>): Record<string, string> {
  const kept = { ...headers };
  for (const name of CREDENTIAL_HEADERS) delete kept[name];
  return kept;
}

/** Reads a little of a body we do not need (so the socket can be reused), or drops the socket. */
async function discard(response: Dispatcher.ResponseData): Promise<void> {
  try {
    await response.body.dump({ limit: REDIRECT_BODY_LIMIT });
  } catch {
    // Nothing of this body is wanted; a failure here only means the socket is not reused.
  }
}

/** Drops a body we will not read, and its socket: undici reports that as an abort, which we expect. */
function drop(response: Dispatcher.ResponseData): void {
  response.body.on('error', () => undefined).destroy();
}

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}
