import { describe, expect, it } from 'vitest';
import { parsePyExpr } from '../../../scripts/eval/pyexpr.js';

const path = (root: string, steps: Array<string | number> = [], fn: 'len' | 'ord' | null = null) => ({ kind: 'path', root, steps, fn });

describe('parsePyExpr', () => {
  it('reads conjunctions of bozo and comparisons, with subscripts and attributes alike', () => {
    expect(parsePyExpr("not bozo and entries[0]['title'] == 'foo' and entries[0].link != None")).toEqual({
      kind: 'and',
      terms: [
        { kind: 'not', term: { kind: 'truthy', operand: path('bozo') } },
        { kind: 'compare', op: '==', left: path('entries', [0, 'title']), right: 'foo' },
        { kind: 'compare', op: '!=', left: path('entries', [0, 'link']), right: null },
      ],
    });
  });

  it('reads len(), ord(), .get() and parenthesized groups', () => {
    expect(parsePyExpr('len(entries) == 2')).toEqual({ kind: 'compare', op: '==', left: path('entries', [], 'len'), right: 2 });
    expect(parsePyExpr("ord(entries[0]['description']) == 8230")).toEqual({
      kind: 'compare',
      op: '==',
      left: path('entries', [0, 'description'], 'ord'),
      right: 8230,
    });
    expect(parsePyExpr("(entries[0].get('where') == {})")).toEqual({ kind: 'compare', op: '==', left: path('entries', [0, 'where']), right: {} });
  });

  it('decodes Python string escapes and triple quotes', () => {
    const expr = parsePyExpr(`entries[0].summary == '\\xe2\\u20ac\\u2122\\\\x' and entries[0].title == """&lt;!' <a href="foo">"""`);
    expect(expr).toMatchObject({
      kind: 'and',
      terms: [{ right: '\u00e2\u20ac\u2122\\x' }, { right: `&lt;!' <a href="foo">` }],
    });
  });

  it('reads tuple, list, dict, bool and negative literals', () => {
    expect(parsePyExpr("feed['updated_parsed'] == (2003, 12, 31, 10, 14, 55, 2, 365, 0)")).toMatchObject({
      right: [2003, 12, 31, 10, 14, 55, 2, 365, 0],
    });
    expect(parsePyExpr("x == {'href': 'h', 'n': [1, -2.5, True, None]}")).toMatchObject({ right: { href: 'h', n: [1, -2.5, true, null] } });
  });

  it('reads a bare literal as a truthiness test', () => {
    expect(parsePyExpr('1')).toEqual({ kind: 'truthy', operand: { kind: 'literal', value: 1 } });
  });

  it.each([
    'bozo and isinstance(bozo_exception, feedparser.CharacterEncodingOverride)',
    "not bozo and not entries[0].has_key('link')",
    'bozo or entries',
    "entries[0]['title'] == entries[1]['title']",
    "entries[0]['title'] == 'unterminated",
    'entries[0] ==',
  ])('gives up on %j', (source) => {
    expect(parsePyExpr(source)).toBeNull();
  });
});
