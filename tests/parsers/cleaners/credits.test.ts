import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bareCredit, canonicalCredit, findCredits, splitCaptionCredit } from '../../../src/parsers/cleaners/credits.js';

describe('canonicalCredit', () => {
  it.each([
    ['AP', 'AP'],
    ['Associated Press', 'AP'],
    ['The Associated Press', 'AP'],
    ['the associated press.', 'AP'],
    ['(AP)', 'AP'],
    ['Reuters', 'Reuters'],
    ['Thomson Reuters', 'Reuters'],
    ['AFP', 'AFP'],
    ['Agence France-Presse', 'AFP'],
    ['AGENCE FRANCE PRESSE', 'AFP'],
    ['CNN', 'CNN'],
    ['Bloomberg News', 'Bloomberg'],
    ['United Press International', 'UPI'],
    ['Deutsche Presse-Agentur', 'dpa'],
    ['EFE', 'EFE'],
    ['ANSA', 'ANSA'],
    ['Xinhua News Agency', 'Xinhua'],
    ['Kyodo News', 'Kyodo'],
    ['Press Association', 'PA'],
    ['PA Media', 'PA'],
    ['BBC News', 'BBC'],
    ['NPR', 'NPR'],
  ])('%s → %s', (name, credit) => {
    expect(canonicalCredit(name)).toBe(credit);
  });

  it('returns null for outlets that are not known wires and for junk', () => {
    expect(canonicalCredit('Newser')).toBeNull();
    expect(canonicalCredit('Jane Doe')).toBeNull();
    expect(canonicalCredit('')).toBeNull();
  });
});

describe('findCredits', () => {
  it('finds attributions in order of first appearance, de-duplicated', () => {
    const text = 'Talks resumed Friday, CNN reports. Officials disagreed, the AP reports, and CNN reports more.';
    expect(findCredits(text)).toEqual(['CNN', 'AP']);
  });

  it.each([
    ['according to Reuters, the deal closed', 'Reuters'],
    ['Reuters reported on Monday that', 'Reuters'],
    ['the minister told the Associated Press on Sunday', 'AP'],
    ['he told AFP by phone', 'AFP'],
    ['A crowd gathers. (AP Photo/Jane Doe, File)', 'AP'],
    ['A crowd gathers. AP Photo/Jane Doe', 'AP'],
    ['A crowd gathers. Getty Images via AFP', 'AFP'],
    ['A crowd gathers. AFP via Getty Images', 'AFP'],
    ['A crowd gathers. REUTERS/Jane Doe', 'Reuters'],
    ['Josh Edelson / AFP - Getty Images', 'AFP'],
    ['Jane Doe/Reuters', 'Reuters'],
    ['ROME (ANSA) — The government', 'ANSA'],
    ['Copyright 2025 The Associated Press. All rights reserved.', 'AP'],
    ['Associated Press writer Jane Doe contributed to this report.', 'AP'],
    ['per Bloomberg, the fund', 'Bloomberg'],
    ['the BBC reported', 'BBC'],
  ])('%s', (text, credit) => {
    expect(findCredits(text)).toEqual([credit]);
  });

  it.each([
    'Download the app reports section',
    'the ap reports nothing',
    'a CNN anchor asked',
    'the AP Top 25 poll',
    'Michael Bloomberg said on Monday',
    'Advanced Placement (AP) exams',
    'Reutersville is a town',
    'a 24/7 CNN anchor',
  ])('does not over-match %j', (text) => {
    expect(findCredits(text)).toEqual([]);
  });

  it('never throws and is linear on long text', () => {
    expect(findCredits('CNN reports. '.repeat(50_000))).toEqual(['CNN']);
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        expect(Array.isArray(findCredits(text))).toBe(true);
      }),
    );
  });
});

describe('splitCaptionCredit', () => {
  it('splits a trailing parenthetical photo credit', () => {
    expect(splitCaptionCredit('Voters queue in Riga, Latvia, Saturday, Oct. 1, 2022.   (AP Photo/Jane Doe, File)')).toEqual({
      caption: 'Voters queue in Riga, Latvia, Saturday, Oct. 1, 2022.',
      credit: 'AP Photo/Jane Doe, File',
    });
  });

  it('splits a trailing AGENCY/Name credit', () => {
    expect(splitCaptionCredit('Firefighters work at the site in Kharkiv, Ukraine, May 2, 2024. REUTERS/Jane Doe')).toEqual({
      caption: 'Firefighters work at the site in Kharkiv, Ukraine, May 2, 2024.',
      credit: 'REUTERS/Jane Doe',
    });
  });

  it('splits labelled credits, without the label', () => {
    expect(splitCaptionCredit('Protesters march on Friday. Photo: Jane Doe/Reuters')).toEqual({ caption: 'Protesters march on Friday.', credit: 'Jane Doe/Reuters' });
    expect(splitCaptionCredit('Protesters march on Friday | Credit: Getty Images')).toEqual({ caption: 'Protesters march on Friday', credit: 'Getty Images' });
    expect(splitCaptionCredit('Photograph by Jane Doe')).toEqual({ caption: '', credit: 'Jane Doe' });
  });

  it('splits a trailing "via" agency credit', () => {
    expect(splitCaptionCredit('Protesters march. Getty Images via AFP')).toEqual({ caption: 'Protesters march.', credit: 'Getty Images via AFP' });
  });

  it('leaves captions without a credit alone', () => {
    for (const caption of ['Officials met in Vilnius (Lithuania’s capital)', 'The rate rose 5% y/y.', 'Officials spoke to Reuters/Ipsos pollsters.', 'A plain caption.']) {
      expect(splitCaptionCredit(caption)).toEqual({ caption, credit: null });
    }
  });

  it('never throws', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (caption) => {
        const result = splitCaptionCredit(caption);
        expect(typeof result.caption).toBe('string');
      }),
    );
  });
});

describe('bareCredit', () => {
  it('drops the parentheses or brackets around a credit printed on its own', () => {
    expect(bareCredit('(AP Photo/Evan Vucci)')).toBe('AP Photo/Evan Vucci');
    expect(bareCredit(' [Reuters] ')).toBe('Reuters');
  });

  it('keeps parentheses that are part of the credit', () => {
    expect(bareCredit('Jane Doe (Reuters)')).toBe('Jane Doe (Reuters)');
    expect(bareCredit('(Jane Doe) for (Example)')).toBe('(Jane Doe) for (Example)');
  });
});
