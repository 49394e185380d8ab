import { isTag } from 'domhandler';
import { renderBody, type RenderedBody } from '../body.js';
import type { Page } from '../page.js';
import type { PageField, PageFields, Strategy } from '../strategy.js';
import { findFirst } from './dom.js';
import { pickByScore } from './score.js';
import { computeStats } from './stats.js';

/** Less text than this is not a story (a section front, a login wall, an error page). */
const MIN_STORY_CHARS = 140;
/** A shorter first result is retried with unlikely-looking boxes allowed to vote (Readability's charThreshold). */
const RETRY_BELOW_CHARS = 500;

/**
 * The generic main-content finder: scores the page once, picks the story's container(s) and
 * cleans them into body markup and images.
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
      const scored = pickByScore(pageStats, body, strict);
      if (!scored) continue;
      const attempt = renderBody(scored.roots, { stats: pageStats.stats, baseUrl: page.url });
      if (!rendered || attempt.chars > rendered.chars) rendered = attempt;
      if (rendered.chars >= RETRY_BELOW_CHARS) break;
    }
    if (!rendered || rendered.chars < MIN_STORY_CHARS) return {};
    const found: PageFields = {};
    if (wanted.has('bodyHtml')) found.bodyHtml = rendered.bodyHtml;
    if (wanted.has('images') && rendered.images.length > 0) found.images = rendered.images;
    return found;
  },
};
