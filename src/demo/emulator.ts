import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { esc, TYPES, type Document } from './content/model.js';
import { SITES, storiesAt, TICK_COUNT } from './timeline.js';

export const DEFAULT_TICK_MS = 1_500;

export interface WireEmulatorOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Time between ticks when playing. */
  tickMs?: number;
  /** How many ticks of the timeline to play, tick 0 included. Default: all of them. */
  ticks?: number;
}

export interface WireEmulator {
  /** The origin, e.g. `http://127.0.0.1:43127`. */
  url: string;
  /** The tick whose documents are being served. */
  readonly tick: number;
  /** The tick the emulator stops at. */
  readonly lastTick: number;
  /** Publishes the next tick now (nothing happens after the last one) and returns the tick served. */
  advance(): number;
  /**
   * Advances one tick every `tickMs` until the last one; resolves with the time that tick was
   * published (or when the emulator closes first).
   */
  play(onTick?: (tick: number) => void): Promise<number>;
  close(): Promise<void>;
}

interface Served extends Document {
  etag: string;
}

/** `/` lists the feeds. */
const INDEX: Document = {
  path: '/',
  contentType: TYPES.html,
  body: `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>wiredesk wire emulator</title></head>
<body><h1>wiredesk wire emulator</h1><ul>
${SITES.map((site) => `<li><a href="${esc(site.feedPath)}">${esc(site.name)}</a> (${site.format}${site.partial ? ', teasers linking to article pages' : ''})</li>`).join('\n')}
</ul></body></html>
`,
  modifiedAt: '2025-09-12T00:00:00Z',
};

/**
 * A wire emulator on loopback: the timeline's feeds, wire files and article pages over real HTTP,
 * with the caching a polite client relies on (ETag and Last-Modified, answered with 304).
 */
export async function startWireEmulator(options: WireEmulatorOptions = {}): Promise<WireEmulator> {
  const tickMs = options.tickMs ?? DEFAULT_TICK_MS;
  const lastTick = Math.min(options.ticks ?? TICK_COUNT, TICK_COUNT) - 1;
  if (lastTick < 0) throw new RangeError('the emulator needs at least one tick');
  let tick = 0;
  let documents = new Map<string, Served>();
  let origin = '';
  let closed = false;
  /** Wakes a pending tick early: `close()` ends `play()` instead of leaving it waiting forever. */
  const wakers = new Set<() => void>();
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        wakers.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      wakers.add(wake);
    });

  const publish = () => {
    const docs = [INDEX, ...[...storiesAt(tick)].flatMap(([site, stories]) => site.documents(stories, origin))];
    documents = new Map(docs.map((doc) => [doc.path, { ...doc, etag: `"${createHash('sha256').update(doc.body).digest('hex').slice(0, 20)}"` }]));
  };

  const server = createServer((request, response) => respond(request, response, documents.get(new URL(request.url ?? '/', origin).pathname)));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', resolve);
  });
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  publish();

  const advance = () => {
    if (tick < lastTick) {
      tick++;
      publish();
    }
    return tick;
  };

  return {
    url: origin,
    get tick() {
      return tick;
    },
    lastTick,
    advance,
    async play(onTick) {
      while (tick < lastTick && !closed) {
        await sleep(tickMs);
        if (!closed) onTick?.(advance());
      }
      return Date.now();
    },
    close() {
      closed = true;
      for (const wake of wakers) wake();
      return new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      });
    },
  };
}

/** Any path not served is a 404: an article not yet published, say. */
function respond(request: IncomingMessage, response: ServerResponse, doc: Served | undefined): void {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.writeHead(405, { allow: 'GET, HEAD' }).end();
    return;
  }
  if (!doc) {
    response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found\n');
    return;
  }
  const validators = { etag: doc.etag, 'last-modified': new Date(doc.modifiedAt).toUTCString(), 'cache-control': 'no-cache' };
  if (notModified(request, doc)) {
    response.writeHead(304, validators).end();
    return;
  }
  const body = Buffer.from(doc.body, 'utf8');
  response.writeHead(200, { ...validators, 'content-type': doc.contentType, 'content-length': body.length });
  response.end(request.method === 'HEAD' ? undefined : body);
}

/** RFC 9110 §13.1: If-None-Match (weak comparison) decides when present; else If-Modified-Since. */
function notModified(request: IncomingMessage, doc: Served): boolean {
  const ifNoneMatch = request.headers['if-none-match'];
  if (ifNoneMatch !== undefined) {
    return ifNoneMatch.split(',').some((tag) => {
      const value = tag.trim();
      return value === '*' || value.replace(/^W\//, '') === doc.etag;
    });
  }
  const since = Date.parse(request.headers['if-modified-since'] ?? '');
  return Number.isFinite(since) && Math.floor(Date.parse(doc.modifiedAt) / 1000) * 1000 <= since;
}
