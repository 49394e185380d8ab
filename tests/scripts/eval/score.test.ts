import { describe, expect, it } from 'vitest';
import { Absent, Agreement, instantSeconds, sameInstant, show, tupleSeconds } from '../../../scripts/eval/score.js';

describe('instantSeconds', () => {
  it('reads offsets, Z and fractions (dropped)', () => {
    expect(instantSeconds('2014-08-29T13:49:51+00:00')).toBe(Date.UTC(2014, 7, 29, 13, 49, 51) / 1000);
    expect(instantSeconds('2003-12-31T18:14:55+08:00')).toBe(instantSeconds('2003-12-31T10:14:55Z'));
    expect(instantSeconds('2016-06-03T14:38:00.000Z')).toBe(instantSeconds('2016-06-03T14:38:00Z'));
    expect(instantSeconds('2004-07-08 23:56:58 -00:20')).toBe(instantSeconds('2004-07-09T00:16:58Z'));
  });
  it('keeps two-digit years as written (year 99 is 0099)', () => {
    const seconds = instantSeconds('99-12-31T23:00:01Z');
    expect(seconds).not.toBeNull();
    expect(new Date((seconds ?? 0) * 1000).getUTCFullYear()).toBe(99);
    expect(seconds).toBe(instantSeconds('0099-12-31T23:00:01Z'));
  });
  it('reads date-only values as midnight UTC', () => {
    expect(instantSeconds('2003-12-31')).toBe(instantSeconds('2003-12-31T00:00:00Z'));
  });
  it('rejects impossible or foreign values', () => {
    expect(instantSeconds('2003-02-30T00:00:00Z')).toBeNull();
    expect(instantSeconds('2003-12-31T25:14:55Z')).toBeNull();
    expect(instantSeconds('Thu, 01 Jan 2004 19:48:21 GMT')).toBeNull();
  });
});

describe('tupleSeconds', () => {
  it('reads a Python time tuple as UTC', () => {
    expect(tupleSeconds([2004, 1, 1, 19, 48, 21, 3, 1, 0])).toBe(instantSeconds('2004-01-01T19:48:21Z'));
    expect(tupleSeconds([2004])).toBeNull();
  });
});

describe('sameInstant', () => {
  it('compares instants to the second', () => {
    expect(sameInstant('2007-04-23T23:25:47.538+10:00', '2007-04-23T13:25:47Z')).toBe(true);
    expect(sameInstant('2013-02-16T15:36:20+00:00', '2013-02-16T17:36:20Z')).toBe(false);
  });
  it('wants absence when nothing is expected', () => {
    expect(sameInstant(null, null)).toBe(true);
    expect(sameInstant(null, '2020-01-01T00:00:00Z')).toBe(false);
    expect(sameInstant('2020-01-01T00:00:00Z', null)).toBe(false);
    expect(sameInstant('not a date', 'not a date')).toBe(false);
  });
});

describe('show', () => {
  it('quotes strings, brackets absences and cuts long values', () => {
    expect(show('a')).toBe('"a"');
    expect(show(new Absent('WD_ERR_NO_STORY'))).toBe('<WD_ERR_NO_STORY>');
    expect(show(null)).toBe('null');
    expect(show('x'.repeat(100), 10)).toBe(`"${'x'.repeat(8)}…`);
  });
});

describe('Agreement', () => {
  it('tallies matches per field and keeps each mismatch', () => {
    const agreement = new Agreement('g');
    expect(agreement.check('headline', 'a.xml', true, 'x', 'x')).toBe(true);
    expect(agreement.check('headline', 'b.xml', false, 'x', 'y')).toBe(false);
    expect(agreement.ratio('headline')).toEqual({ n: 1, of: 2 });
    expect(agreement.ratio('byline')).toEqual({ n: 0, of: 0 });
    expect(agreement.mismatches).toEqual([{ group: 'g', field: 'headline', file: 'b.xml', expected: '"x"', got: '"y"' }]);
    expect(agreement.table('t', ['headline', 'byline']).rows).toEqual([
      ['headline', { n: 1, of: 2 }],
      ['byline', { n: 0, of: 0 }],
    ]);
  });
});
