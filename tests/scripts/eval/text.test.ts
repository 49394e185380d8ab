import { describe, expect, it } from 'vitest';
import {
  bodyStartMatches,
  bylineNames,
  datelineCity,
  datelineMatches,
  htmlText,
  normalizeSpace,
  sameBylines,
  sameUpToReplacements,
  stripLeadDateline,
} from '../../../scripts/eval/text.js';

describe('normalizeSpace', () => {
  it('collapses NBSP, zero-width space and newlines, and trims', () => {
    expect(normalizeSpace(' a\u00a0\u200bb \n\t c ')).toBe('a b c');
  });
});

describe('htmlText', () => {
  it('decodes entities, separates blocks and joins inline markup', () => {
    expect(htmlText('<p>One&nbsp;&amp; two</p><p>1930ft<sup>2</sup></p>')).toBe('One & two 1930ft2');
  });
  it('drops script and style content', () => {
    expect(htmlText('<p>a</p><script>var x = 1;</script><style>p{}</style><p>b</p>')).toBe('a b');
  });
  it('decodes entities in plain text', () => {
    expect(htmlText('Bright &#x0024;4300')).toBe('Bright $4300');
  });
});

describe('stripLeadDateline', () => {
  it.each([
    ['FORT WASHINGTON, Pa. (AP) _ Nutrisystem Inc. (NTRI) on Monday', 'Nutrisystem Inc. (NTRI) on Monday'],
    ['London (dpa) - 2019 gab es bittere Tränen', '2019 gab es bittere Tränen'],
    ['STOCKHOLM, Aug 29, 2014 (AFP) - A Chinese-owned company', 'A Chinese-owned company'],
    ['WASHINGTON (AP) — The Senate voted', 'The Senate voted'],
    ['ATHENS, April 4 ANA - Wage employment', 'Wage employment'],
    ['NEW YORK -- Stocks rose', 'Stocks rose'],
  ])('strips %j', (text, rest) => {
    expect(stripLeadDateline(text)).toBe(rest);
  });
  it.each(['Nutrisystem Inc. on Monday reported a fourth-quarter profit', 'US stocks rose - and then fell', 'The mayor said on Monday'])(
    'leaves %j alone',
    (text) => {
      expect(stripLeadDateline(text)).toBe(text);
    },
  );
});

describe('bodyStartMatches', () => {
  it('compares the first words after the dateline on both sides', () => {
    const expected = 'FORT WASHINGTON, Pa. (AP) _ Nutrisystem Inc. (NTRI) on Monday reported fourth-quarter net income of $10.9 million.';
    expect(bodyStartMatches(expected, 'Nutrisystem Inc. (NTRI) on Monday reported fourth-quarter net income of $10.9 million.')).toBe(true);
    expect(bodyStartMatches(expected, expected)).toBe(true);
    expect(bodyStartMatches(expected, 'Nutrisystem Inc. on Monday reported fourth-quarter net income')).toBe(false);
  });
  it('folds case, typographic quotes and dashes', () => {
    expect(bodyStartMatches('He said “don’t” – twice', 'he said "don\'t" - twice')).toBe(true);
  });
  it('needs a whole last word unless the expectation is a cut-off opening', () => {
    expect(bodyStartMatches('Wage employment', 'Wage employments grew')).toBe(false);
    expect(bodyStartMatches('Wage employ', 'Wage employment grew', true)).toBe(true);
  });
  it('never matches an empty expectation', () => {
    expect(bodyStartMatches('', 'anything')).toBe(false);
  });
});

describe('bylines', () => {
  it('splits names and drops "By "', () => {
    expect(bylineNames('By Alan Karben')).toEqual(['alan karben']);
    expect(bylineNames('ANTTI AUTIO, HETA HASSINEN ')).toEqual(['antti autio', 'heta hassinen']);
    expect(bylineNames('Jane Doe and John Roe; Ann Lee & Bo Li')).toEqual(['jane doe', 'john roe', 'ann lee', 'bo li']);
    expect(bylineNames('Andrew Sandberg')).toEqual(['andrew sandberg']);
  });
  it('compares sets of names regardless of order and case', () => {
    expect(sameBylines('ANTTI AUTIO, HETA HASSINEN', ['Heta Hassinen', 'Antti Autio'])).toBe(true);
    expect(sameBylines('By Alan Karben', ['Alan Karben', 'Someone Else'])).toBe(false);
    expect(sameBylines('', [])).toBe(true);
    expect(sameBylines('', ['Alan Karben'])).toBe(false);
  });
});

describe('datelines', () => {
  it('takes the place before the first comma, parenthesis or dash', () => {
    expect(datelineCity('STOCKHOLM, Aug 29, 2014 (AFP) -')).toBe('STOCKHOLM');
    expect(datelineCity('London (dpa)')).toBe('London');
    expect(datelineCity('NEW YORK - ')).toBe('NEW YORK');
  });
  it('matches when our dateline contains the city, case-insensitively', () => {
    expect(datelineMatches('ATHENS', 'Athens, Greece')).toBe(true);
    expect(datelineMatches('Tegucigalpa', null)).toBe(false);
    expect(datelineMatches('', null)).toBe(true);
    expect(datelineMatches('', 'Athens')).toBe(false);
  });
});

describe('sameUpToReplacements', () => {
  it('lets each U+FFFD stand for one character', () => {
    expect(sameUpToReplacements('simula\ufffd\ufffdes de 2\ufffd turno', 'simulações de 2º turno')).toBe(true);
    expect(sameUpToReplacements('simula\ufffdes', 'simulações')).toBe(false);
    expect(sameUpToReplacements('plain', 'plain')).toBe(true);
    expect(sameUpToReplacements('plain', 'plan')).toBe(false);
  });
});
