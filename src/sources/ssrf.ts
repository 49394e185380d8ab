import { lookup as dnsLookup } from 'node:dns';
import { createRequire } from 'node:module';
import { isIP, type LookupFunction } from 'node:net';
import type { IPv4, IPv6 } from 'ipaddr.js';
import { buildConnector } from 'undici';
import { toWiredeskError, WiredeskError } from '../errors.js';

/**
 * Which addresses the fetcher may connect to. Sources are configured by operators, but the URLs we
 * follow (article links, redirects) come from the outside, so by default only the public internet
 * is reachable: a feed must not be able to point us at Redis, the cloud metadata service or an
 * admin panel on the private network.
 */
export interface NetworkPolicy {
  /**
   * Turns the guard off: loopback, private, link-local and every other non-public address become
   * reachable. For the demo and tests that fetch from 127.0.0.1; say so explicitly.
   * Default: `false`.
   */
  allowPrivateNetwork?: boolean;
  /**
   * Non-public addresses that are reachable all the same, as CIDR ranges or single addresses
   * (`'10.20.0.5'`, `'fd00:12::/64'`): e.g. an internal wire mirror. Matched against the address we
   * actually connect to, so a public name that resolves into the range is allowed and a redirect to
   * any other private address is still refused. Default: `[]`.
   */
  allowedAddresses?: readonly string[];
}

// ipaddr.js declares an ambient `export =` module, which TypeScript only default-imports with
// allowSyntheticDefaultImports, and Node cannot see its named exports: load it through require.
const ipaddr = createRequire(import.meta.url)('ipaddr.js') as typeof import('ipaddr.js');

type Address = IPv4 | IPv6;

const IPV4_COMPATIBLE = ipaddr.parseCIDR('::/96');
/** NAT64 (RFC 6052) carries a public IPv4 address in its last 32 bits; DNS64 networks need it. */
const NAT64_PREFIX = ipaddr.parseCIDR('64:ff9b::/96');

/**
 * IPv4-mapped (`::ffff:127.0.0.1`) and NAT64 addresses reach the IPv4 address they embed, so they are
 * judged as that address.
 */
function effectiveAddress(address: Address): Address {
  if (address.kind() === 'ipv4') return address;
  const v6 = address as IPv6;
  if (v6.isIPv4MappedAddress()) return v6.toIPv4Address();
  if (v6.match(NAT64_PREFIX)) return ipaddr.fromByteArray(v6.toByteArray().slice(12));
  return v6;
}

/**
 * The special-purpose range an IP address belongs to (`'loopback'`, `'private'`, `'linkLocal'`,
 * `'uniqueLocal'`, `'carrierGradeNat'`, `'multicast'`, `'reserved'`, …), or `undefined` for a public
 * unicast address. Anything ipaddr.js does not call `unicast` is refused: an allow-list of the one
 * safe range ages better than a deny-list of the dangerous ones.
 *
 * @example nonPublicRange('169.254.169.254') // 'linkLocal'
 * @example nonPublicRange('::ffff:7f00:1') // 'loopback'
 */
export function nonPublicRange(address: string): string | undefined {
  return classify(address).range;
}

function classify(address: string): { effective: Address; range: string | undefined } {
  const effective = effectiveAddress(ipaddr.parse(address));
  const range = effective.range();
  if (range !== 'unicast') return { effective, range };
  // ipaddr.js calls the deprecated IPv4-compatible block (::a.b.c.d) unicast; no public host lives there.
  if (effective.kind() === 'ipv6' && effective.match(IPV4_COMPATIBLE)) return { effective, range: 'ipv4Compatible' };
  return { effective, range: undefined };
}

/** Decides, for one resolved or literal address, whether the fetcher may connect to it. */
export interface AddressGuard {
  /** Throws WD_ERR_SSRF_BLOCKED when `address` (an IP, never a name) is not reachable for `host`. */
  check(address: string, host: string): void;
}

export function createAddressGuard(policy: NetworkPolicy = {}): AddressGuard {
  const allowed = (policy.allowedAddresses ?? []).map(parseRange);
  return {
    check(address, host) {
      if (policy.allowPrivateNetwork === true) return;
      const { effective, range } = classify(address);
      if (range === undefined) return;
      if (allowed.some(([base, bits]) => base.kind() === effective.kind() && effective.match(base, bits))) return;
      throw new WiredeskError('WD_ERR_SSRF_BLOCKED', `Refusing to connect to ${host}: ${address} is a ${range} address`, {
        details: { host, address, range },
      });
    },
  };
}

function parseRange(value: string): [Address, number] {
  try {
    if (value.includes('/')) return ipaddr.parseCIDR(value);
    const address = ipaddr.parse(value);
    return [address, address.kind() === 'ipv4' ? 32 : 128];
  } catch (error) {
    throw new WiredeskError('WD_ERR_CONFIG', `allowedAddresses: ${value} is not an IP address or CIDR range`, { cause: error });
  }
}

/**
 * Wraps a DNS lookup so that every address a name resolves to passes the guard before the socket
 * connects to it. Doing this inside the connection (rather than resolving first and checking after)
 * leaves no window for DNS rebinding: the address checked is the address used. A name that resolves
 * to any refused address is refused whole, even if it also has public ones.
 */
export function createGuardedLookup(guard: AddressGuard, baseLookup: LookupFunction = dnsLookup): LookupFunction {
  return (hostname, options, callback) => {
    baseLookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error !== null) {
        callback(error, '');
        return;
      }
      const all = typeof addresses === 'string' ? [{ address: addresses, family: isIP(addresses) }] : addresses;
      try {
        for (const { address } of all) guard.check(address, hostname);
      } catch (refusal) {
        callback(toWiredeskError(refusal, 'WD_ERR_SSRF_BLOCKED'), '');
        return;
      }
      const first = all[0];
      if (options.all === true) callback(null, all);
      else if (first === undefined) callback(Object.assign(new Error(`No address for ${hostname}`), { code: 'ENOTFOUND' }), '');
      else callback(null, first.address, first.family);
    });
  };
}

/**
 * An undici connector that applies the guard to literal IP hosts (which never reach a DNS lookup)
 * and to every resolved address. Redirect hops go through it too, so each hop is re-checked.
 */
export function createGuardedConnector(policy: NetworkPolicy, options: buildConnector.BuildOptions): buildConnector.connector {
  if (policy.allowPrivateNetwork === true) return buildConnector(options);
  const guard = createAddressGuard(policy);
  const connect = buildConnector({ ...options, lookup: createGuardedLookup(guard) });
  return (target, callback) => {
    if (isIP(target.hostname) !== 0) {
      try {
        guard.check(target.hostname, target.hostname);
      } catch (refusal) {
        callback(toWiredeskError(refusal, 'WD_ERR_SSRF_BLOCKED'), null);
        return;
      }
    }
    connect(target, callback);
  };
}
