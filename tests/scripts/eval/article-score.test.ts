import { describe, expect, it } from 'vitest';
import {
  authorNames,
  compareDates,
  dateSeconds,
  foldText,
  hasTimeOfDay,
  sameAuthors,
  sameHeadline,
  sameHeadlineUpToSite,
  sameOpening,
} from '../../../scripts/eval/article-score.js';

describe('foldText', () => {
  it('keeps only letters and digits, lower-cased, in any script', () => {
    expect(foldText('Trump’s “Take Care” — 2016!')).toBe('trumpstakecare2016');
    expect(foldText('Nathan\u00a0Tempey')).toBe('nathantempey');
    expect(foldText('メディア芸術祭賞、「チコちゃん」')).toBe('メディア芸術祭賞チコちゃん');
  });
});

describe('sameHeadline', () => {
  it('ignores case, punctuation, quotes and spacing', () => {
    const expected = "Obama admits US gun laws are his 'biggest frustration'";
    expect(sameHeadline(expected, 'Obama Admits US Gun Laws Are His “Biggest Frustration”')).toBe(true);
  });

  it('needs the same words', () => {
    expect(sameHeadline('Seven secrets hotel owners keep', 'The seven secrets hotel owners keep')).toBe(false);
    expect(sameHeadline('A headline', null)).toBe(false);
    expect(sameHeadline('—', '—')).toBe(false);
  });
});

describe('sameHeadlineUpToSite', () => {
  it('allows a trailing site segment on either side', () => {
    expect(sameHeadlineUpToSite('Whale strandings | Eleanor Ainge Roy', 'Whale strandings')).toBe(true);
    expect(sameHeadlineUpToSite('Obama admits it', 'Obama admits it - BBC News')).toBe(true);
    expect(sameHeadlineUpToSite('Sale ends', 'Sale ends – Section — Site')).toBe(true);
  });

  it('does not allow a leading site or a hyphen inside a word', () => {
    expect(sameHeadlineUpToSite('Opinion | Republicans follow', 'Republicans follow')).toBe(false);
    expect(sameHeadlineUpToSite('Un-Angry voters', 'Un')).toBe(false);
    expect(sameHeadlineUpToSite('Title', null)).toBe(false);
  });
});

describe('authorNames', () => {
  it('drops a leading By, cuts at a line break and splits on , ; & and "and"', () => {
    expect(authorNames('By JOSH HASKELL, DAVID CAPLAN and PATRICK REEVELL')).toEqual([
      'JOSH HASKELL',
      'DAVID CAPLAN',
      'PATRICK REEVELL',
    ]);
    expect(authorNames('By Nathan Willis\n      March 25, 2015')).toEqual(['Nathan Willis']);
    expect(authorNames('Stella Kim; Jennifer Jett & Al Baker')).toEqual(['Stella Kim', 'Jennifer Jett', 'Al Baker']);
  });

  it('keeps "|" and "/" inside a name and words that only start with "by" or "and"', () => {
    expect(authorNames('Mike Cason | mcason@al.com')).toEqual(['Mike Cason | mcason@al.com']);
    expect(authorNames('Byron Andrews')).toEqual(['Byron Andrews']);
  });

  it('gives no name for a bare "By" or an empty byline', () => {
    expect(authorNames('By')).toEqual([]);
    expect(authorNames('  ')).toEqual([]);
  });
});

describe('sameAuthors', () => {
  it('matches every expected name by equality or containment either way, folded', () => {
    expect(sameAuthors(['Julia Carrie Wong', 'Sam Levin'], ['Sam Levin', 'julia carrie wong'])).toBe(true);
    expect(sameAuthors(['Mike Cason | mcason@al.com'], ['Mike Cason'])).toBe(true);
    expect(sameAuthors(['Meg Wagner'], ['Meg Wagner, New York Daily News'])).toBe(true);
  });

  it('fails when one expected name is missing, or when nothing is expected', () => {
    expect(sameAuthors(['Julia Carrie Wong', 'Sam Levin'], ['Julia Carrie Wong'])).toBe(false);
    expect(sameAuthors(['Joanna Rothkopf'], [])).toBe(false);
    expect(sameAuthors([], ['Anyone'])).toBe(false);
  });

  it('ignores predicted names without a letter or digit', () => {
    expect(sameAuthors(['Jane Doe'], ['—', ''])).toBe(false);
  });
});

describe('dates', () => {
  it('reads ISO 8601 with or without offset (UTC), and other forms through Date.parse', () => {
    expect(dateSeconds('2015-07-24T05:36:09+01:00')).toBe(Date.UTC(2015, 6, 24, 4, 36, 9) / 1000);
    expect(dateSeconds('2017-11-03 03:01:00.000000')).toBe(Date.UTC(2017, 10, 3, 3, 1) / 1000);
    expect(dateSeconds('Tue, 29 Nov 2016 10:39:35 GMT')).toBe(Date.UTC(2016, 10, 29, 10, 39, 35) / 1000);
    expect(dateSeconds('no date')).toBeNull();
  });

  it('treats a date alone or exactly midnight as having no time of day', () => {
    expect(hasTimeOfDay('2016-12-16T21:19:00.000Z')).toBe(true);
    expect(hasTimeOfDay('2017-01-09')).toBe(false);
    expect(hasTimeOfDay('2013-11-27 00:00:00')).toBe(false);
    expect(hasTimeOfDay('2016-11-18T00:00:00.000Z')).toBe(false);
  });

  it('matches the same instant within 60 s', () => {
    const match = compareDates('2016-12-16T21:19:00.000Z', '2016-12-16T16:19:59-05:00');
    expect(match).toEqual({ exact: true, sameDay: true });
    expect(compareDates('2016-12-16T21:19:00.000Z', '2016-12-16T21:20:01Z').exact).toBe(false);
  });

  it('matches a zone-less expected clock time shown in some real zone, but not an odd offset', () => {
    expect(compareDates('2015-04-30T07:19:58', '2015-04-30T05:19:58Z').exact).toBe(true);
    expect(compareDates('2017-11-03 03:01:00.000000', '2017-11-03T07:01:00Z').exact).toBe(true);
    expect(compareDates('2019-04-28T09:45:00', '2019-04-28T04:15:00Z').exact).toBe(true);
    expect(compareDates('2015-04-30T07:19:58', '2015-04-30T05:26:58Z').exact).toBe(false);
    expect(compareDates('2015-04-30T07:19:58', '2015-04-29T15:19:58Z').exact).toBe(false);
    expect(compareDates('2015-04-30T07:19:58Z', '2015-04-30T05:19:58Z').exact).toBe(false);
  });

  it('matches the UTC day when the expected value has no time of day', () => {
    expect(compareDates('2017-01-09', '2017-01-09T05:00:00Z')).toEqual({ exact: true, sameDay: true });
    expect(compareDates('2013-11-27 00:00:00', '2013-11-28T01:00:00Z').exact).toBe(false);
  });

  it('counts "same day" as the same UTC day or within 14 hours', () => {
    expect(compareDates('2022-07-18T22:00:00.000Z', '2022-07-19T00:00:00Z')).toEqual({ exact: false, sameDay: true });
    expect(compareDates('2016-12-16T21:19:00.000Z', '2016-12-16T16:19:00Z')).toEqual({ exact: false, sameDay: true });
    expect(compareDates('2016-12-16T23:00:00Z', '2016-12-17T14:00:01Z').sameDay).toBe(false);
  });

  it('never matches a missing or unreadable prediction', () => {
    expect(compareDates('2016-12-16T21:19:00Z', null)).toEqual({ exact: false, sameDay: false });
    expect(compareDates('2016-12-16T21:19:00Z', 'yesterday')).toEqual({ exact: false, sameDay: false });
  });
});

describe('sameOpening', () => {
  it('compares the first words on letters and digits, so blocks run together still match', () => {
    const mercury = 'Global warming - "it\'s a hoax."Donald Trump has said';
    expect(sameOpening(mercury, 'Global warming - "it\'s a hoax." Donald Trump has said many times')).toBe(true);
  });

  it('strips a leading dateline on both sides and accepts an opening cut mid-word', () => {
    const opening = 'WASHINGTON (AP) — The Senate voted on Tuesday to pass the bill';
    expect(sameOpening(opening, 'The Senate voted on Tuesday to pass the bill after')).toBe(true);
    expect(sameOpening('The city has never b', 'The city has never been this quiet')).toBe(true);
  });

  it('accepts a body that skips a leading credit or caption the opening keeps', () => {
    const opening = 'Photo by Steve Pope/Getty Images After the election, Twitter issued a statement to Slate';
    expect(sameOpening(opening, 'After the election, Twitter issued a statement to Slate that it would')).toBe(true);
    expect(sameOpening(opening, 'After the election, Twitter')).toBe(false);
  });

  it('fails when the body opens elsewhere', () => {
    const opening = 'Janitors, baggage handlers, cabin cleaners and wheelchair attendants';
    expect(sameOpening(opening, 'Heads up, travelers: Janitors, baggage handlers')).toBe(false);
    expect(sameOpening('', 'anything')).toBe(false);
  });
});
