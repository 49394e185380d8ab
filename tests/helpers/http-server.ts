import { createServer, type IncomingMessage, type RequestListener, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface TestServer {
  /** The origin, e.g. `http://127.0.0.1:43127` (no trailing slash): `${server.url}/feed.xml`. */
  url: string;
  port: number;
  /** Every request received so far, in order (method, url and headers only). */
  requests: RecordedRequest[];
  /** Stops listening and drops open connections, including responses still hanging. */
  close(): Promise<void>;
}

export interface RecordedRequest {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
}

/** What it returns is ignored (so `(req, res) => res.end('ok')` reads well), unless it rejects. */
export type Handler = (request: IncomingMessage, response: ServerResponse) => unknown;

/**
 * A real HTTP server on loopback with an ephemeral port, for tests of anything that fetches.
 * A handler that throws answers 500, so a broken test server fails the test rather than hanging it.
 *
 * @example
 * const server = await startServer((req, res) => res.end('<rss/>'));
 * onTestFinished(() => server.close());
 */
export async function startServer(handler: Handler, options: { host?: string } = {}): Promise<TestServer> {
  const host = options.host ?? '127.0.0.1';
  const requests: RecordedRequest[] = [];
  const listener: RequestListener = (request, response) => {
    requests.push({ method: request.method ?? 'GET', url: request.url ?? '/', headers: request.headers });
    Promise.resolve()
      .then(() => handler(request, response))
      .catch(() => {
        if (!response.headersSent) response.writeHead(500);
        response.end();
      });
  };
  const server = createServer(listener);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const hostInUrl = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${hostInUrl}:${port}`,
    port,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A port nothing listens on (bound, then released), for connection-refused tests. */
export async function closedPort(): Promise<number> {
  const server = await startServer(() => undefined);
  await server.close();
  return server.port;
}
