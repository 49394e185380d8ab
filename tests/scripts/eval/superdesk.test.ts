import { describe, expect, it } from 'vitest';
import { parseKey, superdeskExpectations } from '../../../scripts/eval/superdesk.js';

describe('parseKey', () => {
  it.each([
    ['NewsMLTwoFeedParser:[0].headline', { item: 0, path: 'headline' }],
    ['[1].headline', { item: 1, path: 'headline' }],
    ['None:len()', { item: 0, path: 'len()' }],
    ['dateline.located.city', { item: 0, path: 'dateline.located.city' }],
    ['body_html.strip()', { item: 0, path: 'body_html.strip()' }],
  ])('%s', (key, parsed) => {
    expect(parseKey(key)).toEqual(parsed);
  });
});

describe('superdeskExpectations', () => {
  it('keeps the compared paths, the first parser winning, and starts_with as openings', () => {
    const expectations = superdeskExpectations({
      expected: {
        'A:[0].headline': 'One',
        'B:[0].headline': 'Other parser',
        'dateline.text': 'ATHENS, April 4 ANA -',
        'None:len()': 3,
        guid: 'not compared',
        'len(subject)': 5,
      },
      starts_with: { body_html: '<p>BUENOS  (regex)' },
    });
    expect(expectations).toEqual([
      { field: 'headline', path: 'headline', item: 0, value: 'One', prefix: false },
      { field: 'dateline', path: 'dateline.text', item: 0, value: 'ATHENS, April 4 ANA -', prefix: false },
      { field: 'items', path: 'len()', item: 0, value: 3, prefix: false },
      { field: 'body start', path: 'body_html', item: 0, value: '<p>BUENOS', prefix: true },
    ]);
  });

  it('accepts a file without starts_with', () => {
    expect(superdeskExpectations({ expected: { '[1].firstcreated': null }, starts_with: null })).toEqual([
      { field: 'firstcreated', path: 'firstcreated', item: 1, value: null, prefix: false },
    ]);
  });
});
