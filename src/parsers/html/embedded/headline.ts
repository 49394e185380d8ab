import { textContent } from 'domutils';
import type { Page } from '../page.js';
import { metaValue, type PageScan } from './scan.js';
import { comparable, hostBrand, plainText } from './values.js';

/** Shorter h1 texts are section names or logos, not headlines. */
const MIN_HEADLINE = 10;

/**
 * The page's visible headline (an `<h1>`) when a declared title corroborates it: the title equals
 * the h1 or starts with it (" | Site" appended), or the h1 starts with the title (a declared
 * headline cut to 110 characters for search engines). Null when no h1 is corroborated.
 */
export function corroboratedH1(page: Page, scan: PageScan, declared: ReadonlyArray<string | null>): string | null {
  const titles = declared.filter((t): t is string => Boolean(t)).map(comparable);
  if (titles.length === 0) return null;
  for (const text of h1Texts(page, scan)) {
    const key = comparable(text);
    if (titles.some((t) => t.startsWith(key) || (t.length >= MIN_HEADLINE && key.startsWith(t)))) return text;
  }
  return null;
}

/**
 * The page's only headline-like h1 — long enough, and not the site's name — or null when there
 * are none or several. A story page shows its headline in one h1; the social title (og:title) is
 * often a different, rewritten one.
 */
export function soleH1(page: Page, scan: PageScan): string | null {
  const names = [metaValue(scan, 'og:site_name', 'application-name'), hostBrand(page.host)]
    .filter((n): n is string => Boolean(n))
    .map(comparable)
    .filter((n) => n.length >= 3);
  const candidates = h1Texts(page, scan).filter((t) => !names.some((n) => comparable(t).includes(n)));
  return candidates.length === 1 ? candidates[0]! : null;
}

const h1Cache = new WeakMap<PageScan, string[]>();

/** Texts of the page's h1s that are long enough to be a headline, in page order. */
function h1Texts(page: Page, scan: PageScan): string[] {
  let texts = h1Cache.get(scan);
  if (!texts) {
    texts = scan.h1.map((el) => plainText(textContent(el))).filter((t): t is string => t !== null && comparable(t).length >= MIN_HEADLINE);
    h1Cache.set(scan, [...new Set(texts)]);
    texts = h1Cache.get(scan)!;
  }
  return texts;
}
