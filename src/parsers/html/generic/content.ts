import { isTag, type Element } from 'domhandler';
import { countWords, htmlToText } from '../../cleaners/text.js';
import { renderBody, type RenderedBody } from '../body.js';
import type { Page } from '../page.js';
import type { PageField, PageFields, Strategy } from '../strategy.js';
import { findFirst } from './dom.js';
import { coverage, jsonLdArticleBody, referenceHtml } from './reference.js';
import { pickByScore } from './score.js';
import { declaredBody, isApart } from './signals.js';
import { computeStats, type PageStats } from './stats.js';

/** Less text than this is not a story (a section front, a login wall, an error page). */
const MIN_STORY_CHARS = 140;
/** A shorter first result is retried with unlikely-looking boxes allowed to vote (Readability's charThreshold). */
const RETRY_BELOW_CHARS = 500;
/** A JSON-LD articleBody this long is a full text worth checking the extraction against. */
const MIN_REFERENCE_WORDS = 80;
/** An extraction with less of the JSON-LD text than this is the wrong part of the page. */
const MIN_REFERENCE_COVERAGE = 0.5;

interface Containers {
  roots: Element[];
  /** The densest prose inside them, which the cleaner must keep. */
  core: Element;
}

/**
 * The story's container(s): the scorer's pick, unless the page declares a body elsewhere
 * (microdata or a CMS body class) that holds more text.
 */
function containers(pageStats: PageStats, body: Element, strict: boolean): Containers | null {
  const scored = pickByScore(pageStats, body, strict);
  const declared = declaredBody(pageStats);
  if (!scored) return declared ? { roots: [declared], core: declared } : null;
  const picked = { roots: scored.roots, core: scored.best };
  if (!declared || !isApart(declared, scored.roots)) return picked;
  const plainChars = (el: Element) => {
    const s = pageStats.stats.get(el)!;
    return s.chars - s.linkChars;
  };
  return plainChars(declared) > scored.roots.reduce((sum, el) => sum + plainChars(el), 0) ? { roots: [declared], core: declared } : picked;
}

/**
 * The generic main-content finder: stats for the whole page in one pass, Readability-style
 * scoring (retried without the unlikely-name filter when the result is short, as Readability
 * does), a precision-oriented clean of the chosen container, and the page's JSON-LD articleBody
 * as a check and a last resort.
 */
export const genericContentStrategy: Strategy = {
  name: 'generic',
  extract(page: Page, wanted: ReadonlySet<PageField>): PageFields {
    if (!wanted.has('bodyHtml') && !wanted.has('images')) return {};
    const roots = page.$.root().toArray()[0]?.children.filter(isTag) ?? [];
    const pageStats = computeStats(roots);
    const top = roots.find((el) => el.name === 'html') ?? roots[0];
    if (!top) return {};
    const body = findFirst(top, (el) => el.name === 'body') ?? top;

    let rendered: RenderedBody | null = null;
    for (const strict of [true, false]) {
      const chosen = containers(pageStats, body, strict);
      if (!chosen) continue;
      const attempt = renderBody(chosen.roots, { stats: pageStats.stats, baseUrl: page.url, core: chosen.core });
      if (!rendered || attempt.chars > rendered.chars) rendered = attempt;
      if (rendered.chars >= RETRY_BELOW_CHARS) break;
    }
    if (rendered && rendered.chars < MIN_STORY_CHARS) rendered = null;

    const reference = jsonLdArticleBody(page);
    if (reference && countWords(reference) >= MIN_REFERENCE_WORDS && (!rendered || coverage(reference, htmlToText(rendered.bodyHtml)) < MIN_REFERENCE_COVERAGE)) {
      return wanted.has('bodyHtml') ? { bodyHtml: referenceHtml(reference) } : {};
    }
    if (!rendered) return {};
    const found: PageFields = {};
    if (wanted.has('bodyHtml')) found.bodyHtml = rendered.bodyHtml;
    if (wanted.has('images') && rendered.images.length > 0) found.images = rendered.images;
    return found;
  },
};
