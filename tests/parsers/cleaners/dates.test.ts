import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDate } from '../../../src/parsers/cleaners/dates.js';

const CANONICAL = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{3})?Z$/;

describe('parseDate', () => {
  describe('RFC 822 / 1123 / 2822', () => {
    it.each([
      ['Tue, 09 Sep 2025 14:03:27 GMT', '2025-09-09T14:03:27Z'],
      ['Tue, 09 Sep 2025 14:03:27 +0200', '2025-09-09T12:03:27Z'],
      ['Tue, 09 Sep 2025 14:03:27 -0000', '2025-09-09T14:03:27Z'],
      ['Tue, 09 Sep 25 14:03:27 GMT', '2025-09-09T14:03:27Z'],
      ['Fri, 09 Sep 88 14:03:27 GMT', '1988-09-09T14:03:27Z'],
      ['Tue, 09 Sep 2025 14:03 UT', '2025-09-09T14:03:00Z'],
      ['Tue, 09 Sep 2025', '2025-09-09T00:00:00Z'],
      ['Tue,  9 Sep 2025 14:03:27 GMT', '2025-09-09T14:03:27Z'],
      ['Tue,9 Sep 2025 14:03:27 GMT', '2025-09-09T14:03:27Z'],
      ['Tue, 9 Sep, 2025 14:03:27 UTC', '2025-09-09T14:03:27Z'],
      ['Tue, 09 September 2025 14:03:27 GMT', '2025-09-09T14:03:27Z'],
      ['09 Sep 2025 14:03:27 EDT', '2025-09-09T18:03:27Z'],
      ['Tue, 09 Sep 2025 14:03:27 GMT+02:30', '2025-09-09T11:33:27Z'],
      ['Tue, 09 Sep 2025 14:03:27 Etc/GMT', '2025-09-09T14:03:27Z'],
      ['Tue, 09 Sep 2025 14:03:27 Europe/Vilnius', '2025-09-09T11:03:27Z'],
      ['Tue, 09 Sep 2025 14:03:27 gmt', '2025-09-09T14:03:27Z'],
      ['09 Sep 25 1403 GMT', '2025-09-09T14:03:00Z'],
    ])('%s', (raw, expected) => {
      expect(parseDate(raw)).toBe(expected);
    });
  });

  describe('zone abbreviations', () => {
    it.each([
      ['Wed, 15 Jan 2025 08:00:00 EST', '2025-01-15T13:00:00Z'],
      ['Wed, 15 Jan 2025 08:00:00 CST', '2025-01-15T14:00:00Z'],
      ['Wed, 15 Jan 2025 08:00:00 MST', '2025-01-15T15:00:00Z'],
      ['Wed, 15 Jan 2025 08:00:00 PST', '2025-01-15T16:00:00Z'],
      ['Wed, 15 Jan 2025 08:00:00 AKST', '2025-01-15T17:00:00Z'],
      ['Wed, 15 Jan 2025 08:00:00 HST', '2025-01-15T18:00:00Z'],
      ['Wed, 16 Jul 2025 08:00:00 PDT', '2025-07-16T15:00:00Z'],
      ['Wed, 16 Jul 2025 08:00:00 BST', '2025-07-16T07:00:00Z'],
      ['Wed, 16 Jul 2025 08:00:00 CEST', '2025-07-16T06:00:00Z'],
      ['Wed, 16 Jul 2025 08:00:00 CET', '2025-07-16T07:00:00Z'],
      ['Wed, 16 Jul 2025 08:00:00 MEST', '2025-07-16T06:00:00Z'],
      ['Wed, 16 Jul 2025 08:00:00 IST', '2025-07-16T02:30:00Z'],
      ['Wed, 16 Jul 2025 08:00:00 JST', '2025-07-15T23:00:00Z'],
      ['Wed, 16 Jul 2025 08:00:00 AEST', '2025-07-15T22:00:00Z'],
      // Generic US zones follow daylight saving: ET is EST in January, EDT in July.
      ['Wed, 15 Jan 2025 08:00:00 ET', '2025-01-15T13:00:00Z'],
      ['Wed, 16 Jul 2025 08:00:00 ET', '2025-07-16T12:00:00Z'],
      ['Wed, 15 Jan 2025 08:00:00 PT', '2025-01-15T16:00:00Z'],
      ['Wed, 15 Jan 2025 08:00:00 AT', '2025-01-15T12:00:00Z'],
    ])('%s', (raw, expected) => {
      expect(parseDate(raw)).toBe(expected);
    });
  });

  describe('ISO 8601 / RFC 3339 / W3DTF', () => {
    it.each([
      ['2025-09-12T07:42:10Z', '2025-09-12T07:42:10Z'],
      ['2025-09-12T07:42:10.250Z', '2025-09-12T07:42:10.250Z'],
      ['2025-09-12T07:42:10.000Z', '2025-09-12T07:42:10Z'],
      ['2025-09-12T07:42:10.98765-04:00', '2025-09-12T11:42:10.987Z'],
      ['2025-09-12t07:42:10+05:30', '2025-09-12T02:12:10Z'],
      ['2025-09-12 07:42:10 -00:15', '2025-09-12T07:57:10Z'],
      ['2025-09-12T07:42Z', '2025-09-12T07:42:00Z'],
      ['2025-09-12T07:42:10+0100', '2025-09-12T06:42:10Z'],
      ['2025-09-12', '2025-09-12T00:00:00Z'],
      ['2025-09', '2025-09-01T00:00:00Z'],
      ['2025', '2025-01-01T00:00:00Z'],
      ['20250912T074210Z', '2025-09-12T07:42:10Z'],
      ['20250912', '2025-09-12T00:00:00Z'],
      ['2025-255', '2025-09-12T00:00:00Z'],
      ['2025-009-12T07:42:10Z', '2025-09-12T07:42:10Z'],
      ['2025-09-12T24:00:00Z', '2025-09-13T00:00:00Z'],
      ['2016-12-31T23:59:60Z', '2016-12-31T23:59:59Z'],
      ['2025-09-12 07:42 EDT', '2025-09-12T11:42:00Z'],
      ['250912', '2025-09-12T00:00:00Z'],
      ['25-09-12', '2025-09-12T00:00:00Z'],
      ['-2509', '2025-09-01T00:00:00Z'],
    ])('%s', (raw, expected) => {
      expect(parseDate(raw)).toBe(expected);
    });

    it('reads zone-less times in the default zone, DST-correct', () => {
      expect(parseDate('2025-07-01T09:30:00', { defaultTimeZone: 'America/Chicago' })).toBe('2025-07-01T14:30:00Z');
      expect(parseDate('2025-12-01T09:30:00', { defaultTimeZone: 'America/Chicago' })).toBe('2025-12-01T15:30:00Z');
      expect(parseDate('2025-07-01 09:30', { defaultTimeZone: 'Europe/Vilnius' })).toBe('2025-07-01T06:30:00Z');
      expect(parseDate('2025-07-01T09:30:00')).toBe('2025-07-01T09:30:00Z');
      // An explicit offset wins over the default zone.
      expect(parseDate('2025-07-01T09:30:00Z', { defaultTimeZone: 'Asia/Tokyo' })).toBe('2025-07-01T09:30:00Z');
    });

    it('reads an offset whose hour lacks its leading zero (Washington Post microdata)', () => {
      expect(parseDate('2018-10-29T10:15-500')).toBe('2018-10-29T15:15:00Z');
      expect(parseDate('2018-10-29T10:15-5:00')).toBe('2018-10-29T15:15:00Z');
      expect(parseDate('2018-10-29T10:15+0530')).toBe('2018-10-29T04:45:00Z');
      expect(parseDate('2018-10-29T10:15-2500')).toBeNull();
    });

    it('returns null for zone-less input when the default zone is unknown', () => {
      expect(parseDate('2025-07-01T09:30:00', { defaultTimeZone: 'Mars/Olympus' })).toBeNull();
      expect(parseDate('2025-07-01T09:30:00Z', { defaultTimeZone: 'Mars/Olympus' })).toBe('2025-07-01T09:30:00Z');
    });
  });

  describe('asctime, Date#toString and other machine forms', () => {
    it.each([
      ['Fri Sep  5 08:07:06 2025', '2025-09-05T08:07:06Z'],
      ['Fri Sep 05 08:07:06 +0000 2025', '2025-09-05T08:07:06Z'],
      ['Fri Sep 05 2025 08:07:06 GMT+0300 (Eastern European Summer Time)', '2025-09-05T05:07:06Z'],
      ['Fri Sep 05 2025 08:07:06 -0500', '2025-09-05T13:07:06Z'],
      ['Fri, 2025/09/05 08:07:06 CDT', '2025-09-05T13:07:06Z'],
      ['05.09.2025 08:07', '2025-09-05T08:07:00Z'],
    ])('%s', (raw, expected) => {
      expect(parseDate(raw)).toBe(expected);
    });
  });

  describe('other languages', () => {
    it('reads Greek and Hungarian month names', () => {
      expect(parseDate('Παρ, 05 Σεπ 2025 10:00:00 GMT')).toBe('2025-09-05T10:00:00Z');
      expect(parseDate('2025-szeptember-05T8:30+02:00')).toBe('2025-09-05T06:30:00Z');
    });

    it('reads French, Spanish, Portuguese, Italian and German names', () => {
      expect(parseDate('mer., 17 sept. 2025 08:15:00 +0200')).toBe('2025-09-17T06:15:00Z');
      expect(parseDate('Qua, 17 Set 2025 08:15:00 -0300')).toBe('2025-09-17T11:15:00Z');
      expect(parseDate('mié, 17 dic 2025 08:15:00 +0100')).toBe('2025-12-17T07:15:00Z');
      expect(parseDate('Mi, 17 Dez 2025 08:15:00 +0100')).toBe('2025-12-17T07:15:00Z');
      expect(parseDate('mer, 13 ago 2025 08:15:00 +0200')).toBe('2025-08-13T06:15:00Z');
      expect(parseDate('Do, 14 août 2025 08:15:00 +0200')).toBe('2025-08-14T06:15:00Z');
    });

    it('reads zone-less Korean dates as Korean time', () => {
      expect(parseDate('2025년 09월 05일 18:30:00')).toBe('2025-09-05T09:30:00Z');
      expect(parseDate('2025-09-05 오후 6:30:00', { defaultTimeZone: 'America/New_York' })).toBe('2025-09-05T09:30:00Z');
      expect(parseDate('2025-09-05 오전 12:05:00')).toBe('2025-09-04T15:05:00Z');
    });
  });

  describe('prose dates on pages', () => {
    it.each([
      ['Sep 5, 2025 6:15 PM CDT', '2025-09-05T23:15:00Z'],
      ['Sept. 5, 2025', '2025-09-05T00:00:00Z'],
      ['September 5, 2025 at 6:15 p.m. EDT', '2025-09-05T22:15:00Z'],
      ['Updated 11:05 AM EDT, Sat September 6, 2025', '2025-09-06T15:05:00Z'],
      ['Published 9:01 AM ET, Mon July 7, 2025', '2025-07-07T13:01:00Z'],
      ['Updated: Sep. 5, 2025 | 6:15 PM', '2025-09-05T18:15:00Z'],
      ['5 September 2025 18:15 BST', '2025-09-05T17:15:00Z'],
      ['Friday, September 5, 2025 at 10:30 PM', '2025-09-05T22:30:00Z'],
    ])('%s', (raw, expected) => {
      expect(parseDate(raw)).toBe(expected);
    });

    it('reads zone-less prose in the default zone', () => {
      expect(parseDate('Sep 5, 2025 6:15 PM', { defaultTimeZone: 'America/Los_Angeles' })).toBe('2025-09-06T01:15:00Z');
    });
  });

  describe('rejection', () => {
    it.each([
      '',
      '   ',
      'not a date',
      '2025-13-01',
      '2025-02-30',
      '2025-09-99',
      '2025-09-12T25:00:00Z',
      '2025-09-12T10:61:00Z',
      '2025-09-12T10:00:61Z',
      '2025-09-12T10:00:00+24:00',
      '2025-09-12T10:00:00-99:99',
      '2025-09-12T10:00:00+01:xx',
      '2025-09-12T10:00:00-05:00later',
      '2025-09-12-05',
      '2025-ab-12',
      'Tue, 32 Sep 2025 14:03:27 GMT',
      'Tue, 09 Foo 2025 14:03:27 GMT',
      'Tue, 09 Sep 2025 14:03:27 XYZ',
      'Tue, 09 Sep 2025 14:03:27 +ab:00',
      'Tue, 09 Sep 2025 1:2:3:4 GMT',
      'Tue, Sep y 2025 14:03:27 GMT',
      'Sep 5, 2025 13:15 PM',
      '12345',
      '123',
      'yesterday',
      '3 hours ago',
      'Friday',
      'Sep 5, 2025 and Sep 6, 2025',
      'Sep 5, 2025 according to the report',
    ])('%j', (raw) => {
      expect(parseDate(raw)).toBeNull();
    });

    it('rejects strings too long to be a date field', () => {
      expect(parseDate(`Sep 5, 2025 ${'x'.repeat(300)}`)).toBeNull();
    });
  });

  it('never throws and returns null or the canonical UTC form', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (raw) => {
        const result = parseDate(raw);
        expect(result === null || CANONICAL.test(result)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('completes on date-shaped noise', () => {
    const alphabet = fc.constantFrom(...'0123456789 :-+,./TZ()aApPmMSepJunGMTEDTCTUtc년월일오후'.split(''));
    fc.assert(
      fc.property(fc.string({ unit: alphabet, maxLength: 200 }), fc.constantFrom('UTC', 'America/New_York'), (raw, zone) => {
        const result = parseDate(raw, { defaultTimeZone: zone });
        expect(result === null || CANONICAL.test(result)).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it('never throws on non-string input from untyped callers', () => {
    expect(parseDate(undefined as unknown as string)).toBeNull();
  });
});
