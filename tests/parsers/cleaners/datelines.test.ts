import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDateline, splitLeadDateline } from '../../../src/parsers/cleaners/datelines.js';

describe('parseDateline', () => {
  it.each([
    ['MEXICO CITY (AP) —', { place: 'MEXICO CITY', credits: ['AP'] }],
    ['LA CROSSE, Wis. (AP) —', { place: 'LA CROSSE, Wis.', credits: ['AP'] }],
    ['VILNIUS, Lithuania (Reuters) -', { place: 'VILNIUS, Lithuania', credits: ['Reuters'] }],
    ['WASHINGTON —', { place: 'WASHINGTON', credits: [] }],
    ['LONDON, Sept. 11 (Reuters) -', { place: 'LONDON', credits: ['Reuters'] }],
    ['RIGA, Latvia, Oct. 3, 2025', { place: 'RIGA, Latvia', credits: [] }],
    ['Vilnius, Lithuania', { place: 'Vilnius, Lithuania', credits: [] }],
    ['TOKYO (Kyodo) --', { place: 'TOKYO', credits: ['Kyodo'] }],
    ['DENVER (KDVR) —', { place: 'DENVER', credits: ['KDVR'] }],
    ['Tegucigalpa, 2 ene (EFE).-', { place: 'Tegucigalpa', credits: ['EFE'] }],
  ])('%s', (raw, expected) => {
    expect(parseDateline(raw)).toEqual(expected);
  });

  it('returns null when there is no place', () => {
    expect(parseDateline('(CNN) —')).toBeNull();
    expect(parseDateline(' — ')).toBeNull();
    expect(parseDateline('')).toBeNull();
  });
});

describe('splitLeadDateline', () => {
  it.each([
    ['MEXICO CITY (AP) — The president said.', 'MEXICO CITY', ['AP'], 'The president said.'],
    ['LA CROSSE, Wis. (AP) — A tornado hit.', 'LA CROSSE, Wis.', ['AP'], 'A tornado hit.'],
    ['VILNIUS, Lithuania (Reuters) - Belarus freed prisoners.', 'VILNIUS, Lithuania', ['Reuters'], 'Belarus freed prisoners.'],
    ['WASHINGTON — The Senate voted.', 'WASHINGTON', [], 'The Senate voted.'],
    ['LONDON, Sept. 11 (Reuters) - Prices rose.', 'LONDON', ['Reuters'], 'Prices rose.'],
    ['KYIV, Ukraine, Thursday, Sept. 11, 2025 (AP) — Drones struck.', 'KYIV, Ukraine', ['AP'], 'Drones struck.'],
    ['McALLEN, Texas (AP) — Agents said.', 'McALLEN, Texas', ['AP'], 'Agents said.'],
    ['ST. LOUIS (AP) — Rain fell.', 'ST. LOUIS', ['AP'], 'Rain fell.'],
    ['SÃO PAULO (AP) — Brazil’s economy grew.', 'SÃO PAULO', ['AP'], 'Brazil’s economy grew.'],
    ['WINSTON-SALEM, N.C. (AP) -- Police said.', 'WINSTON-SALEM, N.C.', ['AP'], 'Police said.'],
    ['DEIR AL-BALAH, Gaza Strip (AP) — Strikes killed 12.', 'DEIR AL-BALAH, Gaza Strip', ['AP'], 'Strikes killed 12.'],
    ['Hong Kong (CNN) — Protesters gathered.', 'Hong Kong', ['CNN'], 'Protesters gathered.'],
    ['UNITED NATIONS (AP) —“We are ready,” she said.', 'UNITED NATIONS', ['AP'], '“We are ready,” she said.'],
    ['FORT WASHINGTON, Pa. (AP) _ Nutrisystem Inc. reported a profit.', 'FORT WASHINGTON, Pa.', ['AP'], 'Nutrisystem Inc. reported a profit.'],
    ['VILNIUS/WARSAW, Sept 11 (Reuters) - Belarus freed prisoners.', 'VILNIUS/WARSAW', ['Reuters'], 'Belarus freed prisoners.'],
    ['Tegucigalpa, Jan 2 (EFE).- The president named a cabinet.', 'Tegucigalpa', ['EFE'], 'The president named a cabinet.'],
    ['Madrid, 11 sept. 2025 (EFE).- El Gobierno aprobó el plan.', 'Madrid', ['EFE'], 'El Gobierno aprobó el plan.'],
    ['PARIS, 11 septembre (AFP) - Le gouvernement a annoncé.', 'PARIS', ['AFP'], 'Le gouvernement a annoncé.'],
  ])('%s', (paragraph, place, credits, rest) => {
    const result = splitLeadDateline(paragraph);
    expect(result).toEqual({ dateline: { place, credits }, rest });
    expect(paragraph.endsWith(result?.rest ?? '\u0000')).toBe(true);
  });

  it('returns credit-only leads with an empty place', () => {
    expect(splitLeadDateline('(CNN) — Belarus freed 52 prisoners.')).toEqual({ dateline: { place: '', credits: ['CNN'] }, rest: 'Belarus freed 52 prisoners.' });
  });

  it.each([
    'Many people (including me) — said so.',
    'The vote (final) — passed.',
    'NATO — the alliance said it would respond.',
    'Officials (AP) — declined.',
    'I — for one — disagree.',
    'BEIRUT (AP) —',
    '(Updated) — Something happened.',
    'A normal sentence without any dateline.',
    'MEXICO CITY The president said.',
    'Madrid, 2 ene (Efe Corp).- Not a known wire.',
    'He said, 3 times (really).- nothing.',
  ])('does not fire on %j', (paragraph) => {
    expect(splitLeadDateline(paragraph)).toBeNull();
  });

  it('never throws, and rest is always a suffix of the paragraph', () => {
    const alphabet = fc.constantFrom(...'ABC abc,.()—-–\'Wis APReuters'.split(''));
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 300 }), fc.string({ unit: alphabet, maxLength: 300 })), (paragraph) => {
        const result = splitLeadDateline(paragraph);
        if (result) expect(paragraph.endsWith(result.rest)).toBe(true);
        parseDateline(paragraph);
      }),
      { numRuns: 2000 },
    );
  });
});
