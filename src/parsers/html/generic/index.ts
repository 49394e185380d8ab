import type { Strategy } from '../strategy.js';
import { genericContentStrategy } from './content.js';

/**
 * The generic extractor, last in line: the content finder (body and images). The generic metadata
 * strategy (headline, byline, dates) joins here once it exists.
 */
export const genericStrategy: Strategy = genericContentStrategy;
