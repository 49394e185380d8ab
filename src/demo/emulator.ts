import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { esc, TYPES, type Document } from './content/model.js';
import { SITES, storiesAt, TICK_COUNT } from './timeline.js';

export interface WireEmulatorOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Time between ticks when playing. Default 1 500 ms. */
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

/**
 * A wire emulator on loopback: the timeline's feeds, wire files and article pages over real HTTP,
 * with the caching a polite client relies on (ETag and Last-Modified, answered with 304).
 */
export async function startWireEmulator(options: WireEmulatorOptions = {}): Promise<WireEmulator> {
  const tickMs = options.tickMs ?? 1_500;
  const lastTick = Math.min(options.ticks ?? TICK_COUNT, TICK_COUNT) - 1;
  if (lastTick < 0) throw new RangeError('the emulator needs at least one tick');
  let tick = 0;
  let documents = new Map<string, Served>();
  let origin = '';
  let closed = false;
  const timers = new Set<NodeJS.Timeout>();

  const publish = () => {
    documents = new Map();
    for (const [site, stories] of storiesAt(tick)) {
      for (const doc of site.documents(stories, origin)) documents.set(doc.path, { ...doc, etag: `"${createHash('sha256').update(doc.body).digest('hex').slice(0, 20)}"` });
    }
  };

  const server = createServer((request, response) => respond(request, response, documents.get(new URL(request.url ?? '/', origin).pathname) ?? index(origin, request)));
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
        await new Promise<void>((resolve) => {
          const timer = setTimeout(() => {
            timers.delete(timer);
            resolve();
          }, tickMs);
          timers.add(timer);
        });
        if (closed) break;
        onTick?.(advance());
      }
      return Date.now();
    },
    close() {
      closed = true;
      for (const timer of timers) clearTimeout(timer);
      return new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      });
    },
  };
}

/** `/` lists the feeds; any other unknown path is a 404 (an article not yet published, say). */
function index(origin: string, request: IncomingMessage): Served | null {
  if (new URL(request.url ?? '/', origin).pathname !== '/') return null;
  const rows = SITES.map((site) => `<li><a href="${esc(site.feedPath)}">${esc(site.name)}</a> (${site.format}${site.partial ? ', teasers linking to article pages' : ''})</li>`);
  const body = `<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>wiredesk wire emulator</title></head><body><h1>wiredesk wire emulator</h1><ul>${rows.join('')}</ul></body></html>\n`;
  return { path: '/', contentType: TYPES.html, body, modifiedAt: new Date(0).toISOString(), etag: '"index"' };
}

function respond(request: IncomingMessage, response: ServerResponse, doc: Served | null): void {
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
