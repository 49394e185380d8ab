import { describe, expect, it } from 'vitest';
import { corpusF1, shingleScores } from '../../../scripts/eval/shingles.js';

describe('shingleScores', () => {
  it('counts overlapping 4-token shingles, normalised to sum to 1', () => {
    // truth shingles: "a b c d", "b c d e"; predicted: "a b c d"
    expect(shingleScores('a b c d e', 'a b c d')).toEqual({ tp: 0.5, fp: 0, fn: 0.5 });
  });

  it('tokenises on Unicode word characters and ignores punctuation and layout', () => {
    expect(shingleScores('Señor Müller, 3.5 — naïve!', 'Señor\nMüller 3 5 naïve')).toEqual({ tp: 1, fp: 0, fn: 0 });
  });

  it('is case sensitive, like the benchmark', () => {
    expect(shingleScores('One two three four', 'one two three four')).toEqual({ tp: 0, fp: 0.5, fn: 0.5 });
  });

  it('treats shingles as a multiset', () => {
    // truth: "x y z w" twice (separated by one more window each side); predicted has it once more
    const truth = 'x y z w x y z w';
    const predicted = 'x y z w x y z w x y z w';
    const s = shingleScores(truth, predicted);
    // truth windows: xyzw, yzwx, zwxy, wxyz, xyzw → 5; predicted 9 windows, each truth one matched
    expect(s.tp).toBeCloseTo(5 / 9);
    expect(s.fp).toBeCloseTo(4 / 9);
    expect(s.fn).toBe(0);
  });

  it('gives a text shorter than four tokens one shorter shingle', () => {
    expect(shingleScores('Breaking news', 'Breaking news')).toEqual({ tp: 1, fp: 0, fn: 0 });
    expect(shingleScores('Breaking news', 'Breaking news today')).toEqual({ tp: 0, fp: 0.5, fn: 0.5 });
  });

  it('returns zeros when neither text has a token', () => {
    expect(shingleScores('', ' — ')).toEqual({ tp: 0, fp: 0, fn: 0 });
    expect(shingleScores('one two three four', '')).toEqual({ tp: 0, fp: 0, fn: 1 });
  });
});

describe('corpusF1', () => {
  it('averages per-item precision and recall, then takes F1 of the means', () => {
    const items = [
      { tp: 0.5, fp: 0, fn: 0.5 }, // P 1, R 0.5
      { tp: 0.5, fp: 0.5, fn: 0 }, // P 0.5, R 1
    ];
    const score = corpusF1(items);
    expect(score.precision).toBeCloseTo(0.75);
    expect(score.recall).toBeCloseTo(0.75);
    expect(score.f1).toBeCloseTo(0.75);
  });

  it('skips items without predicted shingles for precision and items without true shingles for recall', () => {
    const score = corpusF1([
      { tp: 0, fp: 0, fn: 1 }, // nothing predicted: recall 0, no precision
      { tp: 1, fp: 0, fn: 0 },
      { tp: 0, fp: 0, fn: 0 }, // both empty: counted nowhere
    ]);
    expect(score.precision).toBe(1);
    expect(score.recall).toBe(0.5);
    expect(score.f1).toBeCloseTo(2 / 3);
    expect(score.items).toBe(3);
  });
});
