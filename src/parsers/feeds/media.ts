import type { Element } from 'domhandler';
import type { ImageDraft } from '../types.js';
import { attr } from '../xml.js';
import { all, firstText, resolveLink, type Vocabulary } from './select.js';

/** Media RSS lives in its own namespace, so the host format's vocabulary does not matter. */
const ANY: Vocabulary = { own: [] };
const IMAGE_EXTENSION = /\.(?:jpe?g|png|gif|webp|avif)(?:$|[?#])/i;

/** One picture, offered in one or more renditions (crops and sizes). */
type Renditions = Element[];

/**
 * The pictures of a feed item: Media RSS (`media:group`, `media:content`, `media:thumbnail`,
 * with `media:description`/`media:title`/`media:credit` inherited from group and item) first,
 * then enclosure URLs the host format found (`enclosure`, Atom `link rel=enclosure`).
 *
 * A `media:group` is by definition one picture in several renditions (CNN sends ~11 crops), so
 * it yields one image: the publisher's `isDefault` rendition, else the largest. Thumbnails stand
 * in only when an item has no full-size picture. The same URL twice is one image.
 */
export function itemImages(item: Element, base: string | undefined, enclosures: readonly string[] = []): ImageDraft[] {
  const groups = all(item, ANY, 'media:group');
  const sets: Renditions[] = [
    ...groups.map((group) => all(group, ANY, 'media:content').filter(isImage)),
    ...all(item, ANY, 'media:content').filter(isImage).map((content) => [content]),
  ].filter((set) => set.length > 0);

  const images = sets.flatMap((set) => describe(pick(set), item, base));
  for (const url of enclosures) images.push({ url });
  if (images.length === 0) {
    const holders = [item, ...groups, ...groups.flatMap((g) => all(g, ANY, 'media:content')), ...all(item, ANY, 'media:content')];
    for (const holder of holders) {
      const thumbnails = all(holder, ANY, 'media:thumbnail');
      if (thumbnails.length > 0) images.push(...describe(pick(thumbnails), item, base));
    }
  }
  return uniqueImages(images);
}

/** An enclosure URL when it is a picture: by its MIME type, or by its extension when untyped. */
export function imageEnclosure(url: string | undefined, type: string | undefined): string | undefined {
  if (!url?.trim()) return undefined;
  const mime = type?.trim().toLowerCase();
  if (mime) return mime.startsWith('image/') ? url.trim() : undefined;
  return IMAGE_EXTENSION.test(url) ? url.trim() : undefined;
}

function isImage(content: Element): boolean {
  const medium = attr(content, 'medium')?.trim().toLowerCase();
  if (medium) return medium === 'image';
  return imageEnclosure(attr(content, 'url'), attr(content, 'type')) !== undefined;
}

function pick(renditions: Renditions): Element {
  const chosen = renditions.find((r) => attr(r, 'isDefault')?.trim().toLowerCase() === 'true');
  if (chosen) return chosen;
  let best = renditions[0]!;
  for (const rendition of renditions) {
    if (sizeOf(attr(rendition, 'width'), attr(rendition, 'height')) > sizeOf(attr(best, 'width'), attr(best, 'height'))) best = rendition;
  }
  return best;
}

/** Area when both sides are known, else the one known side: enough to rank renditions of one picture. */
function sizeOf(width: ImageDraft['width'], height: ImageDraft['height']): number {
  const w = Number.parseInt(String(width ?? ''), 10) || 0;
  const h = Number.parseInt(String(height ?? ''), 10) || 0;
  return w && h ? w * h : w || h;
}

/** A rendition as an image, its caption and credit taken from the nearest of itself, its group, the item. */
function describe(rendition: Element, item: Element, base: string | undefined): ImageDraft[] {
  const url = resolveLink(attr(rendition, 'url'), base);
  if (!url) return [];
  const scopes: Element[] = [];
  for (let node: Element | null = rendition; node; node = node.parent as Element | null) {
    scopes.push(node);
    if (node === item) break;
  }
  const nearest = (name: string) => scopes.map((scope) => firstText(scope, ANY, name)).find((v) => v !== undefined) ?? null;
  return [
    {
      url,
      caption: nearest('media:description') ?? nearest('media:title'),
      credit: nearest('media:credit'),
      width: attr(rendition, 'width') ?? null,
      height: attr(rendition, 'height') ?? null,
    },
  ];
}

/**
 * One image per picture, in order of first sighting. The same URL is one picture (an enclosure
 * repeating a media:content fills in what that one lacked); so are URLs that differ only in their
 * query (`…/3000.jpg?w=140` and `?w=460`: resize parameters), of which the larger is kept, unless
 * the query names the picture itself (an image proxy's `?url=https%3A…`).
 */
export function uniqueImages(images: readonly ImageDraft[]): ImageDraft[] {
  const byPicture = new Map<string, ImageDraft>();
  for (const image of images) {
    const key = pictureKey(image.url);
    const seen = byPicture.get(key);
    if (!seen) {
      byPicture.set(key, image);
      continue;
    }
    const [kept, other] = sizeOf(image.width, image.height) > sizeOf(seen.width, seen.height) ? [image, seen] : [seen, image];
    const sameFile = kept.url === other.url;
    byPicture.set(key, {
      url: kept.url,
      caption: kept.caption ?? other.caption ?? null,
      credit: kept.credit ?? other.credit ?? null,
      width: kept.width ?? (sameFile ? other.width : null) ?? null,
      height: kept.height ?? (sameFile ? other.height : null) ?? null,
    });
  }
  return [...byPicture.values()];
}

function pictureKey(url: string): string {
  const query = url.indexOf('?');
  if (query === -1 || /https?(?::|%3a)|%2f/i.test(url.slice(query))) return url;
  return url.slice(0, query);
}
