import type { ImageDraft } from '../types.js';
import { get, getInteger, getString, namedObjects, objects, type JsonObject } from './json.js';

/** One file of a picture as a wire lists it (G2 `remoteContent`, ninjs/AP `renditions`, NewsML 1.2 `ContentItem`). */
export interface Rendition {
  href: string;
  width?: number;
  height?: number;
  contentType?: string;
}

const IMAGE_EXTENSION = /\.(?:jpe?g|png|gif|webp|avif|tiff?)(?:[?#]|$)/i;

/** Item and media types that are still pictures, by the names the wires give them (G2 `ninat:picture`, ninjs and AP `type`, NewsML 1.2 `MediaType`). */
const PICTURE_TYPES = new Set(['picture', 'graphic', 'image', 'photo']);

export function isPictureType(type: string | undefined): boolean {
  return PICTURE_TYPES.has(type?.split(':').pop()?.toLowerCase() ?? '');
}

function dimension(value: string | number | undefined): number | undefined {
  const n = typeof value === 'number' ? value : Number.parseInt(value ?? '', 10);
  return Number.isInteger(n) && n > 0 ? n : undefined;
}

/** A rendition from the raw attribute values a wire gives; none without a link. */
export function rendition(href: string | undefined, width?: string | number, height?: string | number, contentType?: string): Rendition | null {
  const link = href?.trim();
  if (!link) return null;
  const w = dimension(width);
  const h = dimension(height);
  const type = contentType?.trim();
  return { href: link, ...(w === undefined ? {} : { width: w }), ...(h === undefined ? {} : { height: h }), ...(type ? { contentType: type } : {}) };
}

function isImage(r: Rendition): boolean {
  if (r.contentType) return r.contentType.toLowerCase().startsWith('image/');
  // Untyped renditions (ninjs 1.x, AP associations) count when nothing says they are not pictures.
  return true;
}

/**
 * The rendition to show for a picture: the widest image file (the main picture rather than its
 * thumbnail or preview); a typed image beats an untyped link to something with an image extension.
 */
export function bestImage<R extends Rendition>(renditions: Iterable<R>): R | undefined {
  let best: R | undefined;
  const score = (r: Rendition) => (r.contentType || IMAGE_EXTENSION.test(r.href) ? 1 : 0) * 1e9 + (r.width ?? 0);
  for (const r of renditions) {
    if (!isImage(r)) continue;
    if (!best || score(r) > score(best)) best = r;
  }
  return best;
}

/** ninjs (1.x object, 2.x/3.x array) and AP Media renditions as `Rendition`s; entries without a link are skipped. */
export function jsonRenditions(value: unknown): Rendition[] {
  return namedObjects(value).flatMap(([, r]) => rendition(getString(r, 'href'), getInteger(r, 'width'), getInteger(r, 'height'), getString(r, 'contentType', 'mimetype')) ?? []);
}

/**
 * A description by role, in each way ninjs-like JSON writes one: ninjs 2.x/3.x
 * `descriptions[{role, value}]`, ninjs 1.x and AP `description_<role>`.
 */
export function jsonDescription(obj: JsonObject, role: string): string | undefined {
  const byRole = objects(get(obj, 'descriptions')).find((d) => getString(d, 'role')?.toLowerCase().includes(role));
  return getString(byRole, 'value') ?? getString(obj, `description_${role}`);
}

/**
 * A picture object (a ninjs or AP picture item, or an association) as an image: its widest
 * rendition, or its own URI when that is a link to an image file. The caption is the caption
 * description (or, in ninjs, a description without a role); the credit the creditline, else the
 * photographer's byline.
 */
export function jsonPicture(obj: JsonObject): ImageDraft | null {
  const uri = getString(obj, 'uri');
  const best = bestImage(jsonRenditions(get(obj, 'renditions'))) ?? (uri && /^https?:\/\//i.test(uri) && IMAGE_EXTENSION.test(uri) ? { href: uri } : undefined);
  if (!best) return null;
  const unnamed = objects(get(obj, 'descriptions')).find((d) => getString(d, 'role') === undefined);
  return {
    url: best.href,
    caption: jsonDescription(obj, 'caption') ?? getString(unnamed, 'value') ?? getString(obj, 'description_text') ?? null,
    credit: jsonDescription(obj, 'creditline') ?? getString(obj, 'creditline', 'by', 'byline') ?? null,
    width: best.width ?? null,
    height: best.height ?? null,
  };
}

/** Pictures among an item's associations (ninjs 1.x object, 2.x/3.x array, AP object); a logo is not a picture of the story. */
export function jsonAssociationImages(associations: unknown): ImageDraft[] {
  return namedObjects(associations).flatMap(([name, a]) => {
    const type = getString(a, 'type');
    if ((type && !isPictureType(type)) || /logo/i.test(`${name ?? ''} ${getString(a, 'rel') ?? ''}`)) return [];
    const image = jsonPicture(a);
    return image ? [image] : [];
  });
}
