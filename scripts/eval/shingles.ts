/**
 * Body-text scoring of the article-extraction benchmark (scrapinghub/article-extraction-benchmark,
 * `evaluate.py`): texts become multisets of 4-token shingles; each item's tp/fp/fn is normalised to
 * sum to 1, so every page weighs the same; corpus precision and recall are means over items, and
 * F1 is taken from those means.
 */

/** Python's Unicode `\w+`: letters, numbers and the underscore (combining marks split tokens, as there). */
const TOKEN = /[\p{L}\p{N}_]+/gu;
const SHINGLE_SIZE = 4;
/** Joins a shingle's tokens into a map key; it never occurs inside a token. */
const JOIN = ' ';

/** One item's overlap, normalised so that tp + fp + fn = 1 (all 0 when both texts are empty). */
export interface ShingleScore {
  tp: number;
  fp: number;
  fn: number;
}

export interface CorpusScore {
  precision: number;
  recall: number;
  f1: number;
  /** Items scored. */
  items: number;
}

function shingles(text: string): Map<string, number> {
  const tokens = text.match(TOKEN) ?? [];
  const counts = new Map<string, number>();
  // A text shorter than one shingle yields one shorter shingle (none when it has no token).
  const last = Math.max(1, tokens.length - SHINGLE_SIZE + 1);
  for (let i = 0; i < last && i < tokens.length; i++) {
    const key = tokens.slice(i, i + SHINGLE_SIZE).join(JOIN);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/**
 * Multiset overlap of the 4-token shingles of the true and the predicted text.
 *
 * @example shingleScores('a b c d e', 'a b c d') // { tp: 0.5, fp: 0, fn: 0.5 }
 */
export function shingleScores(truth: string, predicted: string): ShingleScore {
  const expected = shingles(truth);
  const found = shingles(predicted);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const [key, t] of expected) {
    const p = found.get(key) ?? 0;
    tp += Math.min(t, p);
    fn += Math.max(0, t - p);
  }
  for (const [key, p] of found) fp += Math.max(0, p - (expected.get(key) ?? 0));
  const sum = tp + fp + fn;
  return sum > 0 ? { tp: tp / sum, fp: fp / sum, fn: fn / sum } : { tp, fp, fn };
}

function precisionOf({ tp, fp, fn }: ShingleScore): number {
  if (fp === 0 && fn === 0) return 1;
  if (tp === 0 && fp === 0) return 0;
  return tp / (tp + fp);
}

function recallOf({ tp, fp, fn }: ShingleScore): number {
  if (fp === 0 && fn === 0) return 1;
  if (tp === 0 && fn === 0) return 0;
  return tp / (tp + fn);
}

function mean(values: number[]): number {
  return values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length;
}

/**
 * Corpus figures: precision over items with tp + fp > 0, recall over items with tp + fn > 0, both
 * means of per-item values; F1 from the two means (not a mean of per-item F1).
 */
export function corpusF1(items: readonly ShingleScore[]): CorpusScore {
  const precision = mean(items.filter((s) => s.tp + s.fp > 0).map(precisionOf));
  const recall = mean(items.filter((s) => s.tp + s.fn > 0).map(recallOf));
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1, items: items.length };
}
