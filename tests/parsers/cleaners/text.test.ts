import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { collapseWhitespace, countWords, decodeEntities, htmlToText, markupDepth, normalizeWhitespace } from '../../../src/parsers/cleaners/text.js';

describe('collapseWhitespace', () => {
  it('turns every whitespace run into one space, single spaces included, and keeps the ends', () => {
    expect(collapseWhitespace(' a \n\tb  c\u00a0d\r\n')).toBe(' a b c d ');
    expect(collapseWhitespace('one two')).toBe('one two');
    expect(collapseWhitespace('\n')).toBe(' ');
  });

  it('agrees with replacing every \\s+ on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(' ', '\n', '\t', '\u00a0', '\u3000', 'a', 'b', ',') }), (text) => {
        expect(collapseWhitespace(text)).toBe(text.replace(/\s+/g, ' '));
      }),
    );
  });
});

describe('normalizeWhitespace', () => {
  it('collapses spaces, tabs, newlines and NBSP, and trims', () => {
    expect(normalizeWhitespace('  Storm\u00a0hits \t the\n\ncoast  ')).toBe('Storm hits the coast');
  });

  it('removes zero-width characters and soft hyphens', () => {
    expect(normalizeWhitespace('Vil\u200bnius\u2060 \ufeffcoun\u00adcil')).toBe('Vilnius council');
  });

  it('leaves entities alone', () => {
    expect(normalizeWhitespace('Q&amp;A')).toBe('Q&amp;A');
  });
});

describe('decodeEntities', () => {
  it('decodes named, decimal and hex entities', () => {
    expect(decodeEntities('Gda&#324;sk &amp; Pozna&#x144; &mdash; &eacute;t&eacute; &rsquo;')).toBe('Gdańsk & Poznań — été ’');
  });

  it('decodes once, so double-escaped text keeps one level', () => {
    expect(decodeEntities('&amp;lt;b&amp;gt;')).toBe('&lt;b&gt;');
  });

  it('keeps bare ampersands and entity-like words without a semicolon', () => {
    expect(decodeEntities('AT&T &notes &copyright a & b &bogus;')).toBe('AT&T &notes &copyright a & b &bogus;');
  });
});

describe('htmlToText', () => {
  it('separates blocks with one blank line and keeps inline text together', () => {
    expect(htmlToText('<h2>Heading</h2><p>First <em>para</em>graph.</p><div>Second</div>')).toBe('Heading\n\nFirst paragraph.\n\nSecond');
  });

  it('puts list items one per line inside one block', () => {
    expect(htmlToText('<p>Before</p><ul><li>One</li><li>Two <b>bold</b></li></ul><p>After</p>')).toBe('Before\n\nOne\nTwo bold\n\nAfter');
  });

  it('keeps nested lists and paragraphs inside items as lines', () => {
    expect(htmlToText('<ol><li><p>One</p></li><li>Two<ul><li>Two a</li></ul></li></ol>')).toBe('One\nTwo\nTwo a');
  });

  it('turns br into a line break', () => {
    expect(htmlToText('<p>Line one<br>Line two<br/>Line three</p>')).toBe('Line one\nLine two\nLine three');
  });

  it('makes each table row a paragraph', () => {
    expect(htmlToText('<table><tr><th>City</th><th>Temp</th></tr><tr><td>Riga</td><td>12</td></tr></table>')).toBe('City Temp\n\nRiga 12');
  });

  it('treats blockquote, figure, pre and headings as blocks', () => {
    const html = '<blockquote>Quote</blockquote><figure><img src="x.jpg"><figcaption>Caption</figcaption></figure><pre>a  b\nc</pre><h6>End</h6>';
    expect(htmlToText(html)).toBe('Quote\n\nCaption\n\na b\nc\n\nEnd');
  });

  it('drops script, style, noscript, template and svg content', () => {
    const html = '<p>Kept</p><script>var x = "<p>no</p>";</script><style>p { color: red }</style><noscript>No JS</noscript><template><p>T</p></template><svg><text>S</text></svg><p>Also kept</p>';
    expect(htmlToText(html)).toBe('Kept\n\nAlso kept');
  });

  it('handles a self-closed svg without swallowing the rest', () => {
    expect(htmlToText('<p>Icon <svg/> here</p>')).toBe('Icon here');
  });

  it('decodes entities and normalizes whitespace inside lines', () => {
    expect(htmlToText('<p>  Fish&nbsp;&amp;\n   chips &#8212; &quot;good&quot;  </p>')).toBe('Fish & chips — "good"');
  });

  it('collapses empty blocks instead of stacking blank lines', () => {
    expect(htmlToText('<p>a</p><p> </p><div><div></div></div><p>b</p>')).toBe('a\n\nb');
  });

  it('handles unclosed tags and plain text', () => {
    expect(htmlToText('<p>one<p>two')).toBe('one\n\ntwo');
    expect(htmlToText('just text')).toBe('just text');
    expect(htmlToText('')).toBe('');
  });

  it('survives 100,000 levels of nesting', () => {
    const deep = `${'<div><span>'.repeat(100_000)}deep${'</span></div>'.repeat(100_000)}`;
    expect(htmlToText(deep)).toBe('deep');
  });

  it('never throws, and never leaves markup breaks or runs of blank lines', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 500 }), (html) => {
        const text = htmlToText(html);
        expect(text).not.toMatch(/\n{3,}|\u0000/);
        expect(text).toBe(text.trim());
      }),
      { numRuns: 1000 },
    );
  });
});

describe('countWords', () => {
  it('counts Latin words, keeping apostrophes, hyphens and decimals inside words', () => {
    expect(countWords("Seán Federico-O'Murchú said the U.S. rate rose 0.25 points.")).toBe(9);
    expect(countWords('The prize is $180,000, or 0,25 of the fund, she said.')).toBe(11);
  });

  it('counts Cyrillic, Greek and Hangul words', () => {
    expect(countWords('Сегодня в Москве')).toBe(3);
    expect(countWords('Καλημέρα κόσμε')).toBe(2);
    expect(countWords('서울 날씨')).toBe(2);
  });

  it('counts each CJK ideograph or kana as a word', () => {
    expect(countWords('東京で地震')).toBe(5);
    expect(countWords('Tokyo 東京')).toBe(3);
  });

  it('ignores punctuation and symbols', () => {
    expect(countWords(' — ! … $ ')).toBe(0);
    expect(countWords('')).toBe(0);
  });

  it('is linear on long text', () => {
    expect(countWords('word '.repeat(500_000))).toBe(500_000);
  });

  it('never throws', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 500, unit: 'grapheme' }), (text) => {
        expect(countWords(text)).toBeGreaterThanOrEqual(0);
      }),
    );
  });
});

describe('markupDepth', () => {
  it('counts nesting, not void elements or closed siblings', () => {
    expect(markupDepth('<div><p>a<br><img src=x></p><p>b</p></div>')).toBe(2);
    expect(markupDepth(`${'<div>'.repeat(1000)}x`)).toBe(1000);
  });

  it('treats every element as a container in XML', () => {
    expect(markupDepth('<item><link>u</link><link>v</link></item>', { xml: true })).toBe(2);
    expect(markupDepth(`${'<link>'.repeat(600)}`, { xml: true })).toBe(600);
  });
});
