import { fullFormats } from 'ajv-formats/dist/formats.js';
import { ValidationError } from '../errors.js';

/**
 * Prefix of the URN that carries a Story id which is not itself a URI (a NITF doc-id, an AP
 * friendly key). What follows is the id, percent-encoded as by `encodeURIComponent`.
 */
export const WRAPPED_ID_PREFIX = 'urn:wiredesk:id:';

/** A UTF-16 surrogate without its pair: not a character, and encodeURIComponent refuses it. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** The `uri` check the validator applies (ajv-formats, full mode), so the exporter never emits a uri the schema rejects. */
const matchesUriFormat = uriFormatValidator();

function uriFormatValidator(): (value: string) => boolean {
  const format = fullFormats.uri;
  // Fail at load, not with silently invalid exports, if a future ajv-formats changes the shape.
  if (typeof format !== 'function') throw new TypeError('ajv-formats no longer defines the "uri" format as a function');
  return format;
}

/**
 * True when `value` is an absolute URI by the same rule ninjs validation uses (RFC 3986, ASCII only).
 *
 * @example
 * isUri('https://apnews.com/article/x'); // true
 * isUri('AP-25255-0832'); // false: no scheme
 * isUri('https://example.com/a b'); // false: a raw space
 */
export function isUri(value: string): boolean {
  return matchesUriFormat(value);
}

/**
 * The ninjs `uri` for a Story id. An id that already is a URI (`urn:…`, `tag:…`, a canonical URL)
 * is used unchanged. Any other id becomes `urn:wiredesk:id:<encodeURIComponent(id)>` — and so does
 * an id that happens to start with that prefix, so the mapping stays one-to-one and
 * {@link storyIdFromNinjsUri} gives every well-formed id back. Deterministic: the same id always
 * yields the same uri, across revisions and runs.
 *
 * @example
 * toNinjsUri('urn:ap:item:5a7f'); // 'urn:ap:item:5a7f'
 * toNinjsUri('AP-25255-0832'); // 'urn:wiredesk:id:AP-25255-0832'
 * toNinjsUri('dpa 2025/11 #7'); // 'urn:wiredesk:id:dpa%202025%2F11%20%237'
 */
export function toNinjsUri(id: string): string {
  return isUri(id) && !id.startsWith(WRAPPED_ID_PREFIX) ? id : `${WRAPPED_ID_PREFIX}${encodeUriComponent(id)}`;
}

/**
 * `encodeURIComponent` that never throws: a lone surrogate (possible from broken JSON input)
 * becomes U+FFFD first. Such a string does not survive the round trip; every well-formed one does.
 *
 * @example
 * encodeUriComponent('a/b c'); // 'a%2Fb%20c'
 * encodeUriComponent('\uD800x'); // '%EF%BF%BDx'
 */
export function encodeUriComponent(value: string): string {
  return encodeURIComponent(value.replace(LONE_SURROGATE, '\uFFFD'));
}

/**
 * The Story id a ninjs `uri` made by {@link toNinjsUri} stands for. Throws ValidationError for a
 * wrapped uri whose percent-encoding is broken (one {@link toNinjsUri} cannot have made).
 *
 * @example
 * storyIdFromNinjsUri('urn:wiredesk:id:AP-25255-0832'); // 'AP-25255-0832'
 * storyIdFromNinjsUri('https://apnews.com/article/x'); // 'https://apnews.com/article/x'
 */
export function storyIdFromNinjsUri(uri: string): string {
  if (!uri.startsWith(WRAPPED_ID_PREFIX)) return uri;
  try {
    return decodeURIComponent(uri.slice(WRAPPED_ID_PREFIX.length));
  } catch (error) {
    throw new ValidationError(`not a wiredesk ninjs uri: ${uri}`, { cause: error, details: { uri } });
  }
}

/**
 * A link target that passes the `uri` format, or null. Unlike an identifier, a link may be
 * normalized: WHATWG URL parsing percent-encodes spaces and non-ASCII in an http(s) URL.
 *
 * @example
 * toHref('https://example.com/ü b.jpg'); // 'https://example.com/%C3%BC%20b.jpg'
 * toHref('/relative/path.jpg'); // null
 */
export function toHref(url: string): string | null {
  if (isUri(url)) return url;
  if (!URL.canParse(url)) return null;
  const href = new URL(url).href;
  return isUri(href) ? href : null;
}
