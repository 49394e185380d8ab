import { articleSummarySet } from './article-summary.js';
import { ARTICLE_SETS } from './articles.js';
import { datesSet } from './dates.js';
import { feedsSet } from './feeds.js';
import type { EvalSet } from './report.js';
import { wireSet } from './wire.js';

/** Every eval set, in report order. A new set is one module added here. */
export const SETS: readonly EvalSet[] = [wireSet, feedsSet, datesSet, ...ARTICLE_SETS, articleSummarySet];
