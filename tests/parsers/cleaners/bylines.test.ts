import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Byline } from '../../../src/schema/story.js';
import { parseBylines } from '../../../src/parsers/cleaners/bylines.js';

describe('parseBylines', () => {
  it('strips "By" and keeps a single name', () => {
    expect(parseBylines('By Ana Ruiz')).toEqual([{ name: 'Ana Ruiz' }]);
    expect(parseBylines('BY Ana Ruiz')).toEqual([{ name: 'Ana Ruiz' }]);
    expect(parseBylines('Por Ana Ruiz')).toEqual([{ name: 'Ana Ruiz' }]);
    expect(parseBylines('Byron Lee')).toEqual([{ name: 'Byron Lee' }]);
  });

  it('gives a trailing organization to every person before it', () => {
    expect(parseBylines('By Ana Ruiz, Associated Press')).toEqual([{ name: 'Ana Ruiz', organization: 'Associated Press' }]);
    expect(parseBylines("By Ana Ruiz, Ciarán Ó Fearghail and Li Wei, CNN")).toEqual([
      { name: 'Ana Ruiz', organization: 'CNN' },
      { name: 'Ciarán Ó Fearghail', organization: 'CNN' },
      { name: 'Li Wei', organization: 'CNN' },
    ]);
    expect(parseBylines('Ana Ruiz, AP, and Li Wei, Reuters')).toEqual([
      { name: 'Ana Ruiz', organization: 'AP' },
      { name: 'Li Wei', organization: 'Reuters' },
    ]);
    expect(parseBylines('By Ana Ruiz (AP)')).toEqual([{ name: 'Ana Ruiz', organization: 'AP' }]);
    expect(parseBylines('By Ana Ruiz, The Washington Post')).toEqual([{ name: 'Ana Ruiz', organization: 'The Washington Post' }]);
  });

  it('reads a job title, and the outlet it starts with as the organization', () => {
    expect(parseBylines('By Ana Ruiz, AP Economics Writer')).toEqual([{ name: 'Ana Ruiz', title: 'AP Economics Writer', organization: 'AP' }]);
    expect(parseBylines('Ana Ruiz, Senior Correspondent')).toEqual([{ name: 'Ana Ruiz', title: 'Senior Correspondent' }]);
  });

  it('splits on and, &, commas, semicolons, bars and line breaks', () => {
    expect(parseBylines('Ana Ruiz & Li Wei; Tom Berg | Ida Holm\nJo Park')).toEqual([
      { name: 'Ana Ruiz' },
      { name: 'Li Wei' },
      { name: 'Tom Berg' },
      { name: 'Ida Holm' },
      { name: 'Jo Park' },
    ]);
  });

  it('title-cases all-capital names only', () => {
    expect(parseBylines('By ANA RUIZ AND CIARÁN O’NEILL-SMITH')).toEqual([{ name: 'Ana Ruiz' }, { name: 'Ciarán O’Neill-Smith' }]);
    expect(parseBylines('By J.R. HALL III')).toEqual([{ name: 'J.R. Hall III' }]);
    expect(parseBylines('By danah boyd')).toEqual([{ name: 'danah boyd' }]);
  });

  it('keeps organizational bylines as bylines', () => {
    expect(parseBylines('By Newser Editors and Wire Services')).toEqual([{ name: 'Newser Editors', organization: 'Newser' }, { name: 'Wire Services' }]);
    expect(parseBylines('Reuters Staff')).toEqual([{ name: 'Reuters Staff', organization: 'Reuters' }]);
    expect(parseBylines('By The Associated Press')).toEqual([{ name: 'The Associated Press', organization: 'The Associated Press' }]);
  });

  it('keeps a byline that is only a newsroom role', () => {
    expect(parseBylines('Editor')).toEqual([{ name: 'Editor' }]);
    expect(parseBylines('By Staff Writer, Associated Press')).toEqual([{ name: 'Staff Writer', organization: 'Associated Press' }]);
    // A person's title alone, or glued to the name by markup, is not a byline.
    expect(parseBylines('Games Editor')).toEqual([]);
    expect(parseBylines('By Howard BlumeStaff Writer')).toEqual([]);
  });

  it('reads an outlet word that is also a surname as a person’s after "and"', () => {
    expect(parseBylines('Mia Rabson and Jordan Press, The Canadian Press')).toEqual([
      { name: 'Mia Rabson', organization: 'The Canadian Press' },
      { name: 'Jordan Press', organization: 'The Canadian Press' },
    ]);
    expect(parseBylines('Ana Ruiz, Washington Post')).toEqual([{ name: 'Ana Ruiz', organization: 'Washington Post' }]);
  });

  it('keeps a nickname in parentheses inside a name, and reads one after a name as its outlet', () => {
    expect(parseBylines('By Richard (R.J.) Eskow')).toEqual([{ name: 'Richard (R.J.) Eskow' }]);
    expect(parseBylines('By RICHARD (R.J.) ESKOW')).toEqual([{ name: 'Richard (R.J.) Eskow' }]);
    expect(parseBylines('Bruno (Henrique Zecchin) Rodrigues')).toEqual([{ name: 'Bruno (Henrique Zecchin) Rodrigues' }]);
    expect(parseBylines('Ana Ruiz (AP) and Li Wei (Reuters)')).toEqual([
      { name: 'Ana Ruiz', organization: 'AP' },
      { name: 'Li Wei', organization: 'Reuters' },
    ]);
  });

  it('strips HTML and entities', () => {
    expect(parseBylines('By <a href="/by/ana">Ana Ruiz</a> &amp; <b>Li&#32;Wei</b>')).toEqual([{ name: 'Ana Ruiz' }, { name: 'Li Wei' }]);
    expect(parseBylines('By Se&aacute;n Roe')).toEqual([{ name: 'Seán Roe' }]);
  });

  it('drops emails, URLs, handles, dates and page furniture', () => {
    expect(parseBylines('Ana Ruiz ana@example.com @anaruiz https://example.com/ana')).toEqual([{ name: 'Ana Ruiz' }]);
    expect(parseBylines('By Ana Ruiz Updated 3:15 PM EDT, Fri September 12, 2025')).toEqual([{ name: 'Ana Ruiz' }]);
    expect(parseBylines('By Ana Ruiz, Sept. 12, 2025')).toEqual([{ name: 'Ana Ruiz' }]);
    expect(parseBylines('Follow Ana on X')).toEqual([]);
  });

  it('reads a one-word capitalized outlet after a name, and drops degrees', () => {
    expect(parseBylines('Tom Berg, WIRED')).toEqual([{ name: 'Tom Berg', organization: 'WIRED' }]);
    expect(parseBylines('By Ida Holm, MD\nHealth Daily News')).toEqual([{ name: 'Ida Holm', organization: 'Health Daily News' }]);
  });

  it('reads French and German joiners and drops non-author credits', () => {
    expect(parseBylines('Par Léa Martin (avec Paul Roy et Zoé Blanc)')).toEqual([{ name: 'Léa Martin' }, { name: 'Paul Roy' }, { name: 'Zoé Blanc' }]);
    expect(parseBylines('Anna Weber und Jonas Kraus')).toEqual([{ name: 'Anna Weber' }, { name: 'Jonas Kraus' }]);
    expect(parseBylines('Ana Ruiz Illustration by Li Wei')).toEqual([{ name: 'Ana Ruiz' }]);
  });

  it('keeps name suffixes and drops duplicates', () => {
    expect(parseBylines('By Tom Berg, Jr. and Tom Berg, Jr.')).toEqual([{ name: 'Tom Berg, Jr.' }]);
    expect(parseBylines('Ana Ruiz and ana ruiz')).toEqual([{ name: 'Ana Ruiz' }]);
  });

  it('returns nothing for empty input', () => {
    expect(parseBylines('')).toEqual([]);
    expect(parseBylines('By')).toEqual([]);
    expect(parseBylines('  ,  ; ')).toEqual([]);
  });

  it('never throws, and every byline fits the schema', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (raw) => {
        for (const byline of parseBylines(raw)) expect(Byline.safeParse(byline).success).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });
});
