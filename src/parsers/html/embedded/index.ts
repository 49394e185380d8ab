import type { Strategy } from '../strategy.js';
import { jsonLdStrategy } from './json-ld.js';
import { metaStrategy } from './meta.js';
import { pageStateStrategy } from './next-data.js';

/**
 * Embedded data, most reliable first. JSON-LD is typed and states full dates with their zones;
 * page state is structured too, but in each app's own shape, so it is trusted only when it names
 * the page's headline; meta tags are flat and shaped for sharing (titles with " | Site", teaser
 * descriptions, authors as profile URLs), so they fill what the other two leave.
 */
export const embeddedStrategies: readonly Strategy[] = [jsonLdStrategy, pageStateStrategy, metaStrategy];
