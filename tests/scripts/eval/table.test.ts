import { describe, expect, it } from 'vitest';
import { formatRatio, renderTable, tableRecords } from '../../../scripts/eval/table.js';

describe('renderTable', () => {
  it('aligns text left and numbers and ratios right', () => {
    const table = { title: 'T', columns: ['name', 'n', 'rate'], rows: [['a', 1, { n: 1, of: 2 }], ['long name', 12, { n: 0, of: 0 }]] };
    expect(renderTable(table)).toBe(
      ['T', 'name        n     rate', '---------  --  -------', 'a           1  1/2 50%', 'long name  12        -'].join('\n'),
    );
  });
});

describe('formatRatio', () => {
  it('gives n/of and a rounded percentage, or "-" for nothing compared', () => {
    expect(formatRatio({ n: 2, of: 3 })).toBe('2/3 67%');
    expect(formatRatio({ n: 0, of: 0 })).toBe('-');
  });
  it('keeps 100% and 0% for exact figures only', () => {
    expect(formatRatio({ n: 487, of: 489 })).toBe('487/489 99%');
    expect(formatRatio({ n: 1, of: 500 })).toBe('1/500 1%');
    expect(formatRatio({ n: 5, of: 5 })).toBe('5/5 100%');
    expect(formatRatio({ n: 0, of: 5 })).toBe('0/5 0%');
  });
});

describe('tableRecords', () => {
  it('keys cells by column and keeps ratios as numbers', () => {
    expect(tableRecords({ title: 'T', columns: ['a', 'b'], rows: [['x', { n: 1, of: 2 }], ['y']] })).toEqual([
      { a: 'x', b: { n: 1, of: 2 } },
      { a: 'y', b: null },
    ]);
  });
});
