import type { SiteSpec } from '../site.js';
import { apnews } from './apnews.js';
import { bbc } from './bbc.js';
import { cnn } from './cnn.js';
import { nbcnews } from './nbcnews.js';
import { newser } from './newser.js';
import { npr } from './npr.js';
import { nytimes } from './nytimes.js';
import { radioCanada } from './radio-canada.js';
import { reuters } from './reuters.js';
import { slate } from './slate.js';
import { theguardian } from './theguardian.js';

/** Every site parser, registered here and nowhere else. */
const SITES: readonly SiteSpec[] = [apnews, bbc, cnn, nbcnews, newser, npr, nytimes, radioCanada, reuters, slate, theguardian];

const BY_HOST = new Map(SITES.flatMap((site) => site.hosts.map((host) => [host, site] as const)));

/** The site map for a host: exact host first, then each parent domain (`edition.cnn.com` → `cnn.com`). */
export function siteFor(host: string | null): SiteSpec | undefined {
  for (let h = host; h && h.includes('.'); h = h.slice(h.indexOf('.') + 1)) {
    const site = BY_HOST.get(h);
    if (site) return site;
  }
  return undefined;
}
