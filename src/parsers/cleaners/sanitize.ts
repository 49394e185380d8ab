import sanitize from 'sanitize-html';
import { resolveUrl } from './urls.js';

export interface SanitizeOptions {
  /** Resolves relative href/src against this URL. */
  baseUrl?: string;
}

/**
 * Story markup only: text structure, emphasis, links, figures and tables. No span or div (they
 * carry nothing without class or style), no h1 (the headline is the page's h1), no attributes
 * beyond the few that carry content.
 */
const ALLOWED_TAGS = [
  ...['p', 'br', 'hr', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'code', 'ul', 'ol', 'li'],
  ...['strong', 'b', 'em', 'i', 'u', 's', 'sub', 'sup', 'a', 'figure', 'figcaption', 'img'],
  ...['table', 'caption', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td'],
];
const ALLOWED_ATTRIBUTES = {
  a: ['href', 'title'],
  img: ['src', 'alt', 'width', 'height', 'title'],
  th: ['colspan', 'rowspan'],
  td: ['colspan', 'rowspan'],
};
/** Elements dropped with everything inside them, not just unwrapped. */
const DROPPED_WITH_CONTENT = [
  ...['script', 'style', 'noscript', 'template', 'title', 'textarea', 'select', 'option', 'button'],
  ...['iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'svg', 'math', 'canvas', 'audio', 'video'],
];
/** Whitespace, NBSP and zero-width characters: a paragraph of only these is empty. */
const BLANK = /^[\s\u200b-\u200d\u2060\ufeff]*$/;

/**
 * Allow-listed HTML only: no script/style/iframe, no event handlers, no style attributes, no
 * javascript:/data: URLs (sanitize-html decodes entities and strips whitespace before judging a
 * scheme). Links and images are resolved against `baseUrl`; a link that cannot become an absolute
 * http(s) or mailto URL loses its href (and is unwrapped), an image that cannot is dropped. h1
 * becomes h2, and empty paragraphs go.
 *
 * Links get no `rel`: `target` is never kept, so there is no window.opener to protect, and
 * `nofollow` is a publishing policy for whoever renders the story, not part of sanitizing it.
 *
 * @example sanitizeHtml('<h1 onclick="x()">Hi</h1><p><a href="/a">A</a></p>', { baseUrl: 'https://example.com/' })
 *   // '<h2>Hi</h2><p><a href="https://example.com/a">A</a></p>'
 */
export function sanitizeHtml(html: string, options: SanitizeOptions = {}): string {
  if (typeof html !== 'string' || html === '') return '';
  const { baseUrl } = options;
  return sanitize(html, {
    allowedTags: ALLOWED_TAGS,
    allowedAttributes: ALLOWED_ATTRIBUTES,
    allowedSchemes: ['http', 'https', 'mailto'],
    allowedSchemesByTag: { img: ['http', 'https'] },
    allowedSchemesAppliedToAttributes: ['href', 'src'],
    allowProtocolRelative: false,
    disallowedTagsMode: 'discard',
    nonTextTags: DROPPED_WITH_CONTENT,
    parseStyleAttributes: false,
    // A fragment may carry a stray </html>; keep what follows it.
    enforceHtmlBoundary: false,
    transformTags: {
      h1: 'h2',
      a: (tagName, attribs) => {
        const resolved = withUrl(attribs, 'href', baseUrl);
        // An href-less link is unwrapped by renaming it to a discarded tag: exclusiveFilter's
        // 'excludeTag' would lose its text from the parent's, which the empty-<p> check reads.
        return resolved.href === undefined ? { tagName: 'span', attribs: {} } : { tagName, attribs: resolved };
      },
      img: (tagName, attribs) => ({ tagName, attribs: withUrl(attribs, 'src', baseUrl) }),
    },
    exclusiveFilter: (frame) =>
      (frame.tag === 'img' && !frame.attribs.src) || (frame.tag === 'p' && frame.mediaChildren.length === 0 && BLANK.test(frame.text)),
  });
}

/** Resolves one URL attribute to an absolute one in place, or removes it. */
function withUrl(attribs: sanitize.Attributes, name: 'href' | 'src', base: string | undefined): sanitize.Attributes {
  const out: sanitize.Attributes = {};
  for (const [key, value] of Object.entries(attribs)) {
    if (key !== name) out[key] = value;
    else {
      const url = name === 'href' && /^\s*mailto:/i.test(value) ? mailto(value) : resolveUrl(value, base);
      if (url !== null) out[key] = url;
    }
  }
  return out;
}

function mailto(raw: string): string | null {
  try {
    const url = new URL(raw.trim());
    return url.protocol === 'mailto:' ? url.href : null;
  } catch {
    return null;
  }
}
