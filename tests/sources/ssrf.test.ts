import type { LookupAddress, LookupOptions } from 'node:dns';
import type { LookupFunction } from 'node:net';
import { describe, expect, it, onTestFinished } from 'vitest';
import { WiredeskError } from '../../src/errors.js';
import { createFetcher, type FetcherOptions } from '../../src/sources/http.js';
import { createAddressGuard, createGuardedLookup, nonPublicRange } from '../../src/sources/ssrf.js';
import { startServer, type Handler, type TestServer } from '../helpers/http-server.js';

async function serve(handler: Handler, host?: string): Promise<TestServer> {
  const server = await startServer(handler, host === undefined ? {} : { host });
  onTestFinished(() => server.close());
  return server;
}

function fetcherFor(options: FetcherOptions = {}) {
  const fetcher = createFetcher({ timeouts: { connectMs: 2_000, headersMs: 2_000 }, ...options });
  onTestFinished(() => fetcher.close());
  return fetcher;
}

async function refusal(promise: Promise<unknown>): Promise<WiredeskError> {
  const error: unknown = await promise.then(
    () => {
      throw new Error('expected the request to be refused');
    },
    (rejection: unknown) => rejection,
  );
  expect(error).toBeInstanceOf(WiredeskError);
  expect(error).toMatchObject({ code: 'WD_ERR_SSRF_BLOCKED', retryable: false });
  return error as WiredeskError;
}

describe('nonPublicRange', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.255.0.9', 'loopback'],
    ['::1', 'loopback'],
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.1', 'private'],
    ['fc00::1', 'uniqueLocal'],
    ['fd12:3456::1', 'uniqueLocal'],
    ['169.254.169.254', 'linkLocal'],
    ['fe80::1', 'linkLocal'],
    ['0.0.0.0', 'unspecified'],
    ['::', 'unspecified'],
    ['100.64.0.1', 'carrierGradeNat'],
    ['224.0.0.1', 'multicast'],
    ['ff02::1', 'multicast'],
    ['255.255.255.255', 'broadcast'],
    ['240.0.0.1', 'reserved'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:7f00:1', 'loopback'],
    ['::ffff:a9fe:a9fe', 'linkLocal'],
    ['64:ff9b::a00:1', 'private'],
    ['::7f00:1', 'ipv4Compatible'],
    ['2002:7f00:1::', '6to4'],
    ['fec0::1', 'deprecatedSiteLocal'],
  ])('%s is %s', (address, range) => {
    expect(nonPublicRange(address)).toBe(range);
  });

  it.each(['93.184.215.14', '8.8.8.8', '172.32.0.1', '2606:4700::1111', '::ffff:5db8:d70e', '64:ff9b::808:808'])(
    '%s is public',
    (address) => {
      expect(nonPublicRange(address)).toBeUndefined();
    },
  );
});

describe('createAddressGuard', () => {
  it('allows listed addresses and ranges only', () => {
    const guard = createAddressGuard({ allowedAddresses: ['10.20.0.5', 'fd00:12::/64', '127.0.0.0/8'] });
    expect(() => guard.check('10.20.0.5', 'mirror')).not.toThrow();
    expect(() => guard.check('fd00:12::9', 'mirror')).not.toThrow();
    expect(() => guard.check('::ffff:127.0.0.2', 'mapped')).not.toThrow();
    expect(() => guard.check('10.20.0.6', 'other')).toThrow(WiredeskError);
    expect(() => guard.check('fd00:13::9', 'other')).toThrow(WiredeskError);
  });

  it('rejects a malformed allow-list at once', () => {
    expect(() => createAddressGuard({ allowedAddresses: ['10.0.0.0/33'] })).toThrow(expect.objectContaining({ code: 'WD_ERR_CONFIG' }));
  });
});

describe('createGuardedLookup', () => {
  /** A resolver that answers every name with the given addresses, like a rebinding attacker's DNS. */
  function resolvingTo(...addresses: string[]): LookupFunction {
    const all: LookupAddress[] = addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
    return (_hostname, _options, callback) => callback(null, all);
  }

  function lookup(fn: LookupFunction, options: LookupOptions): Promise<unknown> {
    return new Promise((resolve, reject) => {
      fn('feeds.example.com', options, (error, address, family) => (error === null ? resolve({ address, family }) : reject(error)));
    });
  }

  it('refuses a name when any of its addresses is not public', async () => {
    const guarded = createGuardedLookup(createAddressGuard(), resolvingTo('93.184.215.14', '127.0.0.1'));
    const error = await refusal(lookup(guarded, { all: true }));
    expect(error.details).toMatchObject({ host: 'feeds.example.com', address: '127.0.0.1', range: 'loopback' });
  });

  it('passes public answers through in the shape asked for', async () => {
    const guarded = createGuardedLookup(createAddressGuard(), resolvingTo('93.184.215.14', '2606:4700::1111'));
    await expect(lookup(guarded, { all: true })).resolves.toMatchObject({ address: [{ address: '93.184.215.14' }, { address: '2606:4700::1111' }] });
    await expect(lookup(guarded, {})).resolves.toEqual({ address: '93.184.215.14', family: 4 });
  });
});

describe('the fetcher refuses non-public targets by default', () => {
  it.each([
    ['http://127.0.0.1:9/', 'loopback'],
    ['http://[::1]:9/', 'loopback'],
    ['http://10.0.0.1/', 'private'],
    ['http://192.168.0.1/', 'private'],
    ['http://169.254.169.254/latest/meta-data/', 'linkLocal'],
    ['http://0.0.0.0/', 'unspecified'],
    ['http://2130706433/', 'loopback'],
    ['http://0177.0.0.1/', 'loopback'],
    ['http://0x7f.1/', 'loopback'],
    ['http://127.1/', 'loopback'],
    ['http://[::ffff:127.0.0.1]/', 'loopback'],
    ['http://[::ffff:169.254.169.254]/', 'linkLocal'],
  ])('%s (%s)', async (url, range) => {
    const error = await refusal(fetcherFor().fetchDocument(url));
    expect(error.details.range).toBe(range);
  });

  it('refuses a name that resolves to loopback (checked at connect time)', async () => {
    const server = await serve((_request, response) => response.end('secret'));
    const error = await refusal(fetcherFor().fetchDocument(`http://localhost:${server.port}/`));
    expect(error.details).toMatchObject({ host: 'localhost', range: 'loopback' });
    expect(server.requests).toHaveLength(0);
  });

  it('fetches from loopback when allowPrivateNetwork is set, per fetcher or per request', async () => {
    const server = await serve((_request, response) => response.end('local'));
    await expect(fetcherFor({ allowPrivateNetwork: true }).fetchDocument(`http://localhost:${server.port}/`)).resolves.toMatchObject({
      kind: 'document',
    });
    const fetcher = fetcherFor();
    await expect(fetcher.fetchDocument(`${server.url}/`, { allowPrivateNetwork: true })).resolves.toMatchObject({ kind: 'document' });
    // The permissive pool is separate: the same origin without the flag is still refused.
    await refusal(fetcher.fetchDocument(`${server.url}/`));
  });
});

describe('redirects are re-checked hop by hop', () => {
  // The first hop is on 127.0.0.1, which `allowedAddresses` admits; the targets are elsewhere on
  // loopback (127.0.0.2, ::1) or the metadata service, which it does not.
  const allowFirstHop = { allowedAddresses: ['127.0.0.1'] };

  it('refuses a redirect from an allowed host to another loopback address', async () => {
    const target = await serve((_request, response) => response.end('internal admin'), '127.0.0.2');
    const start = await serve((_request, response) => {
      response.writeHead(302, { location: `${target.url}/admin` });
      response.end();
    });
    const error = await refusal(fetcherFor(allowFirstHop).fetchDocument(`${start.url}/feed`));
    expect(error.details).toMatchObject({ address: '127.0.0.2', range: 'loopback', url: `${target.url}/admin` });
    expect(start.requests).toHaveLength(1);
    expect(target.requests).toHaveLength(0);

    // Control: the same chain goes through when the whole network is allowed.
    const open = await fetcherFor({ allowPrivateNetwork: true }).fetchDocument(`${start.url}/feed`);
    expect(open).toMatchObject({ kind: 'document', finalUrl: `${target.url}/admin` });
  });

  it.each(['http://169.254.169.254/latest/meta-data/iam/', 'http://[::1]/', 'http://0x7f000002/', 'http://10.0.0.1/'])(
    'refuses a redirect to %s',
    async (location) => {
      const start = await serve((_request, response) => {
        response.writeHead(301, { location });
        response.end();
      });
      await refusal(fetcherFor(allowFirstHop).fetchDocument(start.url));
    },
  );
});
