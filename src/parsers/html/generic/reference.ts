import { escapeText } from 'entities';
import { parseLenientJson } from '../embedded/lenient-json.js';
import { scanPage } from '../embedded/scan.js';
import type { Page } from '../page.js';

/** Enough JSON to find an article node; a hostile script cannot make the walk unbounded. */
const MAX_JSON_CHARS = 2_000_000;
const MAX_JSON_NODES = 10_000;
const WORD = /[\p{L}\p{N}]+/gu;

/**
 * The longest `articleBody` stated in the page's JSON-LD (from the page scan the embedded
 * strategies share): the publisher's own text of the story, used to check the container we chose
 * and to stand in when no container holds it.
 */
export function jsonLdArticleBody(page: Page): string | null {
  let best: string | null = null;
  for (const text of scanPage(page).jsonLd) {
    if (text.length > MAX_JSON_CHARS || !text.includes('"articleBody"')) continue;
    const queue: unknown[] = parseLenientJson(text);
    for (let i = 0; i < queue.length && i < MAX_JSON_NODES; i++) {
      const node = queue[i];
      if (Array.isArray(node)) queue.push(...node);
      else if (node !== null && typeof node === 'object') {
        for (const [key, child] of Object.entries(node)) {
          if (key === 'articleBody' && typeof child === 'string') {
            if (child.length > (best?.length ?? 0)) best = child;
          } else if (typeof child === 'object') queue.push(child);
        }
      }
    }
  }
  return best?.trim() || null;
}

/** Share of the reference's words (as a multiset) that `text` also has. */
export function coverage(reference: string, text: string): number {
  const counts = new Map<string, number>();
  for (const word of text.match(WORD) ?? []) counts.set(word, (counts.get(word) ?? 0) + 1);
  const words = reference.match(WORD) ?? [];
  let found = 0;
  for (const word of words) {
    const n = counts.get(word) ?? 0;
    if (n > 0) {
      found++;
      counts.set(word, n - 1);
    }
  }
  return words.length > 0 ? found / words.length : 0;
}

/** The reference as body markup: its own HTML when it has some, else one paragraph per line. */
export function referenceHtml(reference: string): string {
  if (/<(?:p|br|div|h[2-6]|ul|ol|blockquote)\b[^>]*>/i.test(reference)) return reference;
  return reference
    .split(/\n+/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => `<p>${escapeText(line)}</p>`)
    .join('');
}
