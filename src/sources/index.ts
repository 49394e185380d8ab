export {
  createFetcher,
  DEFAULT_USER_AGENT,
  fetchDocument,
  parseRetryAfter,
  type FetchedDocument,
  type Fetcher,
  type FetcherOptions,
  type FetchOptions,
  type FetchResult,
  type FetchTimeouts,
  type NotModified,
  type Validators,
} from './http.js';
export { createHostGate, type HostGate, type HostGateOptions, type HostLimits, type HostPermit } from './politeness.js';
export { nonPublicRange, type NetworkPolicy } from './ssrf.js';
