// PLACEHOLDER — replaced by the embedded-data work.
import type { Strategy } from '../strategy.js';

/** JSON-LD, page state and meta tags, most reliable first. */
export const embeddedStrategies: readonly Strategy[] = [];
