import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sanitizeHtml } from '../../../src/parsers/cleaners/sanitize.js';

const BASE = { baseUrl: 'https://news.example.com/world/story.html' };

describe('sanitizeHtml', () => {
  it('keeps story structure and emphasis', () => {
    const html = '<p>One <strong>two</strong> <em>three</em> <b>b</b> <i>i</i> <u>u</u> <s>s</s> H<sub>2</sub>O x<sup>2</sup></p><blockquote><p>Quote</p></blockquote><ul><li>a</li></ul><ol><li>b</li></ol><pre><code>x = 1</code></pre><hr>';
    expect(sanitizeHtml(html)).toBe(html.replace('<hr>', '<hr />'));
  });

  it('maps h1 to h2 and keeps h2–h6', () => {
    expect(sanitizeHtml('<h1>Top</h1><h3>Sub</h3><h6>Small</h6>')).toBe('<h2>Top</h2><h3>Sub</h3><h6>Small</h6>');
  });

  it('unwraps span, div, font and other unknown tags but keeps their text', () => {
    expect(sanitizeHtml('<div class="x"><span style="color:red">Red</span> <font face="x">text</font></div>')).toBe('Red text');
  });

  it('keeps figures, images and tables with their content attributes only', () => {
    const html = '<figure class="lead"><img src="/img/a.jpg" alt="A" width="640" height="360" title="T" loading="lazy" class="x"><figcaption>Cap</figcaption></figure><table><caption>C</caption><thead><tr><th colspan="2">H</th></tr></thead><tbody><tr><td rowspan="1" style="x">1</td></tr></tbody></table>';
    expect(sanitizeHtml(html, BASE)).toBe(
      '<figure><img src="https://news.example.com/img/a.jpg" alt="A" width="640" height="360" title="T" /><figcaption>Cap</figcaption></figure><table><caption>C</caption><thead><tr><th colspan="2">H</th></tr></thead><tbody><tr><td rowspan="1">1</td></tr></tbody></table>',
    );
  });

  it('resolves relative links and images against the base URL', () => {
    expect(sanitizeHtml('<p><a href="../us/other.html" title="Other">x</a> <a href="//cdn.example.net/y">y</a></p>', BASE)).toBe(
      '<p><a href="https://news.example.com/us/other.html" title="Other">x</a> <a href="https://cdn.example.net/y">y</a></p>',
    );
  });

  it('unwraps links and drops images that cannot be made absolute http(s)', () => {
    expect(sanitizeHtml('<p><a href="relative.html">text</a><img src="pic.jpg" alt="p"></p>')).toBe('<p>text</p>');
    expect(sanitizeHtml('<p><a href="ftp://x.example/f">f</a> <a>bare</a></p>', BASE)).toBe('<p>f bare</p>');
  });

  it('keeps mailto links', () => {
    expect(sanitizeHtml('<p><a href="mailto:tips@example.com">Tips</a></p>')).toBe('<p><a href="mailto:tips@example.com">Tips</a></p>');
  });

  it('drops target and rel from links', () => {
    expect(sanitizeHtml('<a href="https://x.example/" target="_blank" rel="opener">x</a>')).toBe('<a href="https://x.example/">x</a>');
  });

  it('removes empty paragraphs but keeps ones with an image or text', () => {
    expect(sanitizeHtml('<p></p><p> &nbsp; </p><p><br></p><p>Text</p><p><strong>Bold</strong></p><p><img src="https://x.example/a.jpg"></p>')).toBe(
      '<p>Text</p><p><strong>Bold</strong></p><p><img src="https://x.example/a.jpg" /></p>',
    );
  });

  it('escapes text rather than dropping it', () => {
    expect(sanitizeHtml('<p>1 &lt; 2 &amp; "q"</p>')).toBe('<p>1 &lt; 2 &amp; "q"</p>');
  });

  it('returns an empty string for empty input', () => {
    expect(sanitizeHtml('')).toBe('');
  });

  it('never throws and never lets a script, iframe or handler through', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (html) => {
        const out = sanitizeHtml(html, BASE);
        expect(out).not.toMatch(/<(?:script|iframe|svg|style|object|embed)\b|\son\w+\s*=/i);
      }),
      { numRuns: 1000 },
    );
  });
});
