// PLACEHOLDER — replaced by the generic-extractor work.
import type { Strategy } from '../strategy.js';

export const genericStrategy: Strategy = { name: 'generic', extract: () => ({}) };
