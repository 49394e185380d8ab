import { bareCredit } from '../cleaners/credits.js';
import type { ImageDraft } from '../types.js';

/** Query parameters that pick a size, crop, quality or format of the same picture, or sign that rendition. */
const RENDITION_PARAMS = /^(?:w|h|c|q|s|width|height|wid|hei|size|resize|thumbnail|fit|crop|rect|quality|auto|format|fm|dpr|strip|ixlib|im|mode|scale|sig|signature|auth)$/i;
/** Image resizers that take the original's address as a parameter (Brightspot's and AOL's dims, imgix-style proxies). */
const SOURCE_PARAMS = ['url', 'src', 'source', 'image', 'image_uri'] as const;
/** A WordPress-style size before the extension: "photo-1024x683.jpg". */
const SIZE_SUFFIX = /-\d{2,5}x\d{2,5}(?=\.[a-z0-9]{2,5}$)/i;
/** A path segment of rendering instructions: Cloudinary's "t_fit-1120w,f_auto,q_auto:best" or "c_fill,w_600", Wagtail's "fill-640x426|format-jpeg". */
const TRANSFORM_SEGMENT = /^(?:[a-z]{1,3}_[^/,]+(?:,[a-z]{1,3}_[^/,]+)*|(?:fill|max|min|width|height|scale)-\d+(?:x\d+)?(?:[|-].*)?)$/i;
/** Host, path and query of an address (read by hand: a URL object per image costs more than the merge). */
const URL_PARTS = /^(?:(?:[a-z][a-z0-9+.-]*:)?\/\/([^/?#]*))?([^?#]*)(?:\?([^#]*))?/i;
/** A CDN shard number on the first host label: "cnet1.", "ichef-1.", "media3.". */
const HOST_SHARD = /^([a-z]+)-?\d+\./;

/** Images as one strategy found them. */
export interface FoundImages {
  from: string;
  images: readonly ImageDraft[];
}

/**
 * The images of a story from every strategy that found some, in strategy order (the site's
 * figures, the declared lead image, the body's figures), each picture once: renditions of one
 * picture — other sizes, crops or qualities of the same file — are one image, kept where it came
 * first, with the caption, credit, alt text and size taken from whichever copy has them. A credit
 * printed in parentheses of its own ("(AP Photo/Evan Vucci)") loses them. `from` names the
 * strategies that added an image or something to one.
 */
export function mergeImages(found: readonly FoundImages[]): { images: ImageDraft[]; from: string[] } {
  const byKey = new Map<string, ImageDraft>();
  const from = new Set<string>();
  for (const { from: strategy, images } of found) {
    for (const image of images) {
      const key = pictureKey(image.url);
      const seen = byKey.get(key);
      if (!seen) {
        byKey.set(key, { ...image, ...(image.credit ? { credit: bareCredit(image.credit) } : {}) });
        from.add(strategy);
      } else if (fillFrom(seen, image)) from.add(strategy);
    }
  }
  return { images: [...byKey.values()], from: [...from] };
}

/** Fills what the kept copy lacks from another copy of the picture; true when it filled anything. */
function fillFrom(kept: ImageDraft, other: ImageDraft): boolean {
  let filled = false;
  if (!kept.caption && other.caption) [kept.caption, filled] = [other.caption, true];
  if (!kept.credit && other.credit) [kept.credit, filled] = [bareCredit(other.credit), true];
  if (!kept.alt && other.alt) [kept.alt, filled] = [other.alt, true];
  if (!kept.width && !kept.height && other.width && other.height) [kept.width, kept.height, filled] = [other.width, other.height, true];
  return filled;
}

/** A file name this long ("1612841-12-20250912074208") names one picture wherever the site files its crops; "3000.jpg" or "image.jpg" does not. */
const DISTINCT_NAME = 12;

/**
 * What stays the same across renditions of one picture: the original's address when a resizer
 * names it; else the host (without a CDN shard number) and, without size markers, the file's name
 * when it is distinctive (sites file crops in folders of their own: `/image/…` and
 * `/square-image/…`), else the whole path; and the query parameters that do not pick a rendition.
 */
function pictureKey(url: string): string {
  const [, host = '', pathname = '', search = ''] = URL_PARTS.exec(url) ?? [];
  // "&amp;" left escaped in an attribute makes "amp;width" of "width".
  const params = search === '' ? [] : [...new URLSearchParams(search)].map(([key, value]) => [key.replace(/^amp;/, '').toLowerCase(), value] as const);
  const source = params.find(([key, value]) => (SOURCE_PARAMS as readonly string[]).includes(key) && /^https?:\/\//i.test(value))?.[1];
  if (source && source !== url) return pictureKey(source);
  const path = pathname
    .split('/')
    .filter((segment) => !TRANSFORM_SEGMENT.test(segment))
    .join('/')
    .replace(SIZE_SUFFIX, '');
  // Renditions named after a dot: "….fit-760w.jpg", "photo.jpg.CROP.promo-xlarge2.jpg", "….jpg.webp" (a dot before a digit is the name's own: "at-10.15.32-AM").
  const name = (path.split('/').at(-1) ?? '').replace(/\.(?=\p{L}).*$/u, '');
  const query = params
    .filter(([key]) => !RENDITION_PARAMS.test(key))
    .map(([key, value]) => `${key}=${value}`)
    .sort()
    .join('&');
  const site = host.toLowerCase().replace(/^www\./, '').replace(HOST_SHARD, '$1.');
  return `${site}${name.length >= DISTINCT_NAME ? `/…/${name}` : path}?${query}`;
}
