import type { Element } from 'domhandler';
import type { ImageDraft } from '../../types.js';
import { findAll, findFirst, textOf } from './dom.js';
import { CAPTION_CLASS, CREDIT_CLASS } from './patterns.js';
import type { NodeStats } from './stats.js';

/** Lazy-loading placeholders and spacers (a data: URI, `blank.gif`, `lazy-placeholder.png`): never the real image. */
const PLACEHOLDER = /^data:|(?:^|\/)(?:(?:blank|spacer|pixel|transparent|placeholder|lazy|lazyload|loading|loader|1x1|grey|gray|empty|dummy)[-_.]?)+\.(?:gif|png|jpe?g|svg|webp)(?:[?#]|$)/i;
/** Lazy loaders keep the real address in one of these. */
const LAZY_SRC = ['data-src', 'data-lazy-src', 'data-original', 'data-lazy', 'data-url', 'data-hi-res-src', 'data-full-src', 'data-image'] as const;
const LAZY_SRCSET = ['data-srcset', 'data-lazy-srcset', 'srcset'] as const;
/** Icons, avatars and logos are decoration, not story images. */
const DECORATION = /(?:^|[\s_-])(?:icon|avatar|logo|emoji|sprite|badge|author-?(?:image|photo|pic))(?:$|[\s_-])/;
const SMALL = 80;

function usable(url: string | undefined): url is string {
  return url !== undefined && url.trim() !== '' && !PLACEHOLDER.test(url.trim());
}

/** The widest (or densest) candidate of a srcset; URLs may hold commas, candidates end with ", ". */
function bestSrcset(srcset: string): string | null {
  let best: string | null = null;
  let bestSize = -1;
  for (const candidate of srcset.split(/,\s+/)) {
    const [url, descriptor = '1x'] = candidate.trim().split(/\s+/, 2);
    if (!usable(url)) continue;
    const size = Number.parseFloat(descriptor) * (descriptor.endsWith('x') ? 1000 : 1);
    if ((Number.isFinite(size) ? size : 0) > bestSize) {
      best = url.replace(/,$/, '');
      bestSize = Number.isFinite(size) ? size : 0;
    }
  }
  return best;
}

function sourceUrl(el: Element): string | null {
  const a = el.attribs;
  for (const name of LAZY_SRCSET) {
    const set = a[name];
    const best = set ? bestSrcset(set) : null;
    if (best) return best;
  }
  for (const name of LAZY_SRC) if (usable(a[name])) return a[name].trim();
  return usable(a.src) ? a.src.trim() : null;
}

function isDecoration(img: Element): boolean {
  const a = img.attribs;
  const width = Number.parseInt(a.width ?? '', 10);
  const height = Number.parseInt(a.height ?? '', 10);
  if (width > 0 && height > 0 && width < SMALL && height < SMALL) return true;
  if (width === 1 || height === 1) return true;
  return DECORATION.test(`${a.class ?? ''} ${a.id ?? ''}`.toLowerCase());
}

/** One `img` (or `picture`) as an image: the best of srcset, lazy-loading attributes and src. */
export function imageOf(el: Element): ImageDraft | null {
  const img = el.name === 'img' ? el : findFirst(el, (e) => e.name === 'img');
  if (img && isDecoration(img)) return null;
  let url: string | null = null;
  if (el.name === 'picture') {
    for (const source of findAll(el, (e) => e.name === 'source')) {
      url = sourceUrl(source);
      if (url) break;
    }
  }
  url ??= img ? sourceUrl(img) : null;
  if (!url) return null;
  const a = img?.attribs ?? {};
  return {
    url,
    alt: a.alt?.trim() || null,
    ...(a.width ? { width: a.width } : {}),
    ...(a.height ? { height: a.height } : {}),
  };
}

function classOf(el: Element): string {
  return (el.attribs.class ?? '').toLowerCase();
}

/**
 * The images of a figure (or an element that wraps one), each with the figure's caption and
 * credit: caption from `figcaption` or a caption class, credit from a credit/byline class inside.
 * A `noscript` copy of a lazy image counts only when nothing else gave an address.
 */
export function figureImages(figure: Element, stats: ReadonlyMap<Element, NodeStats>): ImageDraft[] {
  const captionEl = findFirst(figure, (e) => e !== figure && (e.name === 'figcaption' || CAPTION_CLASS.test(classOf(e))));
  const creditEl = findFirst(figure, (e) => e !== figure && CREDIT_CLASS.test(classOf(e)));
  const credit = creditEl ? textOf(creditEl, stats) || null : null;
  const caption = captionEl ? textOf(captionEl, stats, (e) => e === creditEl) || null : null;

  const found = findAll(figure, (e) => e.name === 'picture' || e.name === 'img' || e.name === 'noscript');
  let images = found.filter((e) => e.name !== 'noscript').flatMap((e) => imageOf(e) ?? []);
  if (images.length === 0) {
    const fallbacks = found.filter((e) => e.name === 'noscript').flatMap((n) => findAll(n, (e) => e.name === 'img'));
    images = fallbacks.flatMap((e) => imageOf(e) ?? []);
  }
  const seen = new Set<string>();
  return images
    .filter((image) => !seen.has(image.url) && Boolean(seen.add(image.url)))
    .map((image, i) => (i === 0 ? { ...image, caption, credit } : image));
}
