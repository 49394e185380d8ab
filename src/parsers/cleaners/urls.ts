/** Longer "URLs" are payloads or junk, not links to stories or images. */
const MAX_URL_LENGTH = 8192;

/**
 * Query parameters that only track a click (campaign, ad click id, newsletter, share button) and
 * never select content, so the same story always gets the same identity. Deliberately excluded:
 * generic names such as `ref`, `src`, `cid` or `id`, which some sites use to pick the article.
 */
const TRACKING_PARAMS: ReadonlySet<string> = new Set([
  ...['fbclid', 'gclid', 'dclid', 'gbraid', 'wbraid', 'msclkid', 'yclid', 'twclid', 'ttclid', 'igshid', 'li_fat_id'],
  ...['mc_cid', 'mc_eid', 'mkt_tok', '_ga', '_gl', '_hsenc', '_hsmi', 'oly_anon_id', 'oly_enc_id', 'vero_id'],
  // Publisher campaign tags: MSN/Yahoo (ocid, ncid), CNN/CBS (cmpid), Guardian (cmp), NYT (smid, smtyp).
  ...['ocid', 'ncid', 'cmpid', 'cmp', 'smid', 'smtyp', 'ito', 'at_medium', 'at_campaign', 'ref_src', 'ref_url'],
]);
const TRACKING_PREFIXES = ['utm_', 'pk_', 'mtm_'] as const;

/**
 * An absolute http(s) URL resolved against `base`, or null when it is not one (javascript:, data:,
 * junk). A protocol-relative URL without a base is taken as https.
 *
 * @example resolveUrl('/world/story.html', 'https://apnews.com/hub/') // 'https://apnews.com/world/story.html'
 * @example resolveUrl('javascript:alert(1)') // null
 */
export function resolveUrl(url: string, base?: string): string | null {
  return parseHttpUrl(url, base)?.href ?? null;
}

/**
 * The identity form of a URL: https, lower-case host, no default port, no credentials, no
 * fragment, no tracking parameters (utm_*, fbclid, … see TRACKING_PARAMS), remaining query
 * parameters sorted by name. The path, trailing slash included, is kept as the site wrote it.
 *
 * @example normalizeUrl('http://WWW.Example.com:80/a/?utm_source=x&b=2&a=1#top') // 'https://www.example.com/a/?a=1&b=2'
 */
export function normalizeUrl(url: string, base?: string): string | null {
  const parsed = parseHttpUrl(url, base);
  if (!parsed) return null;
  parsed.protocol = 'https:';
  if (parsed.port === '443') parsed.port = '';
  parsed.username = '';
  parsed.password = '';
  parsed.hash = '';
  for (const name of [...new Set(parsed.searchParams.keys())]) {
    if (isTrackingParam(name)) parsed.searchParams.delete(name);
  }
  parsed.searchParams.sort();
  // URLSearchParams leaves a bare "?" behind when it empties the query.
  if (parsed.search === '' || parsed.search === '?') parsed.search = '';
  return parsed.href;
}

function parseHttpUrl(url: string, base: string | undefined): URL | null {
  if (typeof url !== 'string' || url.length > MAX_URL_LENGTH) return null;
  const trimmed = url.trim();
  if (trimmed === '') return null;
  const absolute = base === undefined && trimmed.startsWith('//') ? `https:${trimmed}` : trimmed;
  try {
    const parsed = new URL(absolute, base);
    return (parsed.protocol === 'http:' || parsed.protocol === 'https:') && parsed.hostname !== '' ? parsed : null;
  } catch {
    return null;
  }
}

function isTrackingParam(name: string): boolean {
  const lower = name.toLowerCase();
  return TRACKING_PARAMS.has(lower) || TRACKING_PREFIXES.some((prefix) => lower.startsWith(prefix));
}
