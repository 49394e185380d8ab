import { describe, expect, it } from 'vitest';
import { leadingHeader, type StoryHeader } from '../../../src/parsers/cleaners/header.js';

const header = (overrides: Partial<StoryHeader> = {}): StoryHeader => ({ headline: 'Belarus frees 52 prisoners', subheadline: null, bylineNames: [], ...overrides });

describe('leadingHeader', () => {
  it.each([
    ['Updated on September 19 at 3:15 p.m.', 'Just before 8 in the morning, phones chimed across the city.'],
    ['Published: Dec. 22, 2016, 6:47 p.m. EST', 'The council voted on Tuesday.'],
    ['Updated 12:31 PM ET', 'The council voted on Tuesday.'],
    ['15.05.2020, 07:11 | Lesedauer: 8 Minuten', 'Hamburg. Zwei Händlerinnen prüfen die Lieferungen.'],
    ['2019年3月1日 13時16分', '文化庁は１日、メディア芸術祭賞を発表した。'],
    ['Sept. 12, 2025', 'VILNIUS, Lithuania (AP) — Belarus freed 52 prisoners.'],
  ])('cuts a date stamp: %s', (stamp, lede) => {
    expect(leadingHeader(`${stamp}\n\n${lede}\n\nMore.`, header())).toBe(`${stamp}\n\n`);
  });

  it('cuts the byline, alone or beside the date', () => {
    const names = { bylineNames: ['Matt Snyder', 'Jane Doe'] };
    expect(leadingHeader('By Matt Snyder and Jane Doe\n\nThe lede.', header(names))).toBe('By Matt Snyder and Jane Doe\n\n');
    expect(leadingHeader('Matt Snyder | Dec 19, 2016 at 2:19 pm ET\n\nThe lede.', header(names))).toBe('Matt Snyder | Dec 19, 2016 at 2:19 pm ET\n\n');
    expect(leadingHeader('By Someone Else\n\nThe lede.', header(names))).toBe('');
  });

  it('cuts the headline or dek restated, but not a lede the description repeats', () => {
    const dek = 'Fan backlash against league-wide salaries is wholly misguided';
    expect(leadingHeader(`${dek}\n\nOnce the World Series ends, the arguing starts.`, header({ subheadline: dek }))).toBe(`${dek}\n\n`);
    expect(leadingHeader('Belarus Frees 52 Prisoners\n\nThe lede.', header())).toBe('Belarus Frees 52 Prisoners\n\n');
    for (const lede of ['Belarus freed 52 prisoners on Thursday.', 'Belarus, under pressure from Washington,']) {
      expect(leadingHeader(`${lede}\n\nMore.`, header({ subheadline: lede }))).toBe('');
    }
  });

  it('cuts a kicker only above a header line', () => {
    const body = 'Corona\n\n15.05.2020, 07:11 | Lesedauer: 8 Minuten\n\nMelanie Wassink\n\nHamburg. Die Lieferungen kommen.';
    expect(leadingHeader(body, header({ bylineNames: ['Melanie Wassink'] }))).toBe('Corona\n\n15.05.2020, 07:11 | Lesedauer: 8 Minuten\n\nMelanie Wassink\n\n');
    expect(leadingHeader('Breaking News\n\nThe president said on Monday.', header())).toBe('');
  });

  it.each([
    'On Sept. 11, 2001, terrorists attacked.',
    'Nov. 3 2020 election results',
    'March 2020: the month everything changed',
    'In 2019, 12:30 was late.',
    '3 killed in crash',
    'WASHINGTON (AP) — The Senate voted 52-48 at 3:15 p.m.',
  ])('keeps a first paragraph that is the story: %s', (lede) => {
    expect(leadingHeader(`${lede}\n\nMore.`, header())).toBe('');
  });

  it('never cuts the last paragraph', () => {
    expect(leadingHeader('Updated 12:31 PM ET', header())).toBe('');
    expect(leadingHeader('Jane Doe\n\nUpdated 12:31 PM ET', header({ bylineNames: ['Jane Doe'] }))).toBe('Jane Doe\n\n');
  });
});
