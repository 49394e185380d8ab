import { parseDocument } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { htmlToText } from '../../../src/parsers/cleaners/text.js';
import { extractBody } from '../../../src/parsers/html/body.js';
import { loadPage, type Page } from '../../../src/parsers/html/page.js';
import { DEFAULT_PARSE_LIMITS, type ParseContext } from '../../../src/parsers/types.js';

const ctx: ParseContext = {
  source: { id: 'test', name: 'Test' },
  url: 'https://news.example.com/2025/03/04/city-budget',
  defaultTimeZone: 'UTC',
  timeZoneConfigured: false,
  fetchedAt: '2025-03-04T12:00:00Z',
  limits: { ...DEFAULT_PARSE_LIMITS },
};

function pageOf(html: string): Page {
  return loadPage({ kind: 'html', document: parseDocument(html, { decodeEntities: true }), text: html }, ctx);
}

function body(html: string, selector = 'article', remove: string[] = []) {
  const page = pageOf(html);
  const result = extractBody(page, page.$(selector).first(), remove);
  return { ...result, text: htmlToText(result.bodyHtml) };
}

const LEAD = '<p>The city council approved a $4.2 billion budget on Tuesday, after a debate that ran past midnight.</p>';

describe('extractBody', () => {
  it('keeps the story and drops the furniture around it', () => {
    const { text } = body(`<article>
      <h1>Council passes budget</h1>
      <div class="share-bar"><a href="https://facebook.com/share">Facebook</a><a href="https://x.com/intent">X</a></div>
      ${LEAD}
      <div class="ad-slot"><span>Advertisement</span><script>loadAd()</script></div>
      <p>Advertisement</p>
      <p>Council members spent most of the evening on the transit line, which gets $310 million.</p>
      <p><strong>READ MORE:</strong> <a href="/2025/03/01/transit">Transit plan hits a snag</a></p>
      <aside><h3>Related</h3><ul><li><a href="/a">Mayor names new chief</a></li><li><a href="/b">Schools brace for cuts</a></li></ul></aside>
      <div class="related-stories"><h3>More on this</h3><a href="/c">Earlier coverage of the budget fight</a></div>
      <form class="newsletter-signup"><p>Sign up for our daily newsletter</p><input type="email"><button>Subscribe</button></form>
      <p>Sign up for our morning briefing to get the news in your inbox.</p>
      <div style="display:none"><p>Hidden duplicate of the story text that readers never see.</p></div>
      <p>The budget takes effect on July 1, the start of the fiscal year.</p>
      <div class="author-bio"><p>Jane Doe covers City Hall. She joined the paper in 2015 after a decade in radio.</p></div>
      <section id="comments" class="comments"><p>Great reporting, thanks for covering this meeting in such detail!</p></section>
      <nav><a href="/prev">Previous</a> <a href="/next">Next</a></nav>
    </article>`);
    expect(text).toBe(
      [
        'The city council approved a $4.2 billion budget on Tuesday, after a debate that ran past midnight.',
        'Council members spent most of the evening on the transit line, which gets $310 million.',
        'The budget takes effect on July 1, the start of the fiscal year.',
      ].join('\n\n'),
    );
  });

  it('drops teaser links and the story’s own metadata, but keeps short sentences', () => {
    const { text } = body(`<article>
      <span itemprop="datePublished">Tuesday, March 4, 2025, 8:15 pm</span>
      ${LEAD}
      <p><strong><a href="/2025/03/02/mayor">MAYOR VOWS TO VETO ANY BUDGET THAT CUTS THE LIBRARY HOURS, AIDES SAY</a></strong></p>
      <p>More than 200 people spoke.</p>
      <p><strong>DON'T MISS</strong><br><a href="/a">Transit plan hits a snag</a> [VIDEO]<br><a href="/b">Schools brace for cuts</a> [ANALYSIS]</p>
      <p><a href="/c">Parking rates to rise downtown</a> [NEWS]</p>
      <p><a href="/d">Library hours under review</a> [NEWS]</p>
      <p>The budget takes effect on July 1.</p>
      <div class="heading">More Great Herald Stories</div>
      <ul><li>Why the bridge is late, <a href="/e">explained in one chart</a></li><li>Five cheap eats <a href="/f">near City Hall</a></li></ul>
      <ul><li><a href="/g">Budget documents</a></li><li><a href="/h">Meeting agenda</a></li><li><a href="/i">Video of the vote</a></li></ul>
      <ul><li><a href="/j">Transit</a>: $310 million</li><li>Parks: $95 million</li><li><a href="/k">Libraries</a></li></ul>
    </article>`);
    expect(text).toBe(
      [
        'The city council approved a $4.2 billion budget on Tuesday, after a debate that ran past midnight.',
        'More than 200 people spoke.',
        'The budget takes effect on July 1.',
        'Transit: $310 million\nParks: $95 million\nLibraries',
      ].join('\n\n'),
    );
  });

  it('keeps subheads, lists, quotes, tables and preformatted text as such', () => {
    const { bodyHtml } = body(`<article>
      ${LEAD}
      <h2 class="subhead">What the money buys</h2>
      <ul><li>New buses for the east side routes</li><li>Two more fire stations</li></ul>
      <ol><li>First reading in March</li><li>Final vote in April</li></ol>
      <blockquote><p>“This is the budget the city needs,” the mayor said.</p></blockquote>
      <table><thead><tr><th>Department</th><th>Change</th></tr></thead><tbody><tr><td>Transit</td><td>+12%</td></tr><tr><td>Parks</td><td>-3%</td></tr></tbody></table>
      <pre>line one
  line two</pre>
      <dl><dt>Capital budget</dt><dd>Money for buildings and roads</dd></dl>
      <h3>What comes next</h3>
      <p>The mayor is expected to sign the budget this week, her office said.</p>
    </article>`);
    expect(bodyHtml).toContain('<h2>What the money buys</h2>');
    expect(bodyHtml).toContain('<ul><li>New buses for the east side routes</li><li>Two more fire stations</li></ul>');
    expect(bodyHtml).toContain('<ol><li>First reading in March</li><li>Final vote in April</li></ol>');
    expect(bodyHtml).toContain('<blockquote><p>“This is the budget the city needs,” the mayor said.</p></blockquote>');
    expect(bodyHtml).toContain('<table><thead><tr><th>Department</th><th>Change</th></tr></thead><tbody><tr><td>Transit</td><td>+12%</td></tr>');
    expect(bodyHtml).toContain('<pre>line one\n  line two</pre>');
    expect(bodyHtml).toContain('<p>Capital budget</p><p>Money for buildings and roads</p><h3>What comes next</h3>');
  });

  it('turns loose text into paragraphs, splitting at a double break', () => {
    const { bodyHtml } = body(`<div class="story">First paragraph of a story set as <b>loose text</b>.<br><br>Second paragraph, after two breaks.<br>Same paragraph, new line.<div>A block of its own.</div></div>`, '.story');
    expect(bodyHtml).toBe(
      '<p>First paragraph of a story set as <b>loose text</b>.</p><p>Second paragraph, after two breaks.<br>Same paragraph, new line.</p><p>A block of its own.</p>',
    );
  });

  it('takes figures out of the text, with caption and credit, and keeps captions out of the body', () => {
    const { bodyHtml, images } = body(`<article>
      ${LEAD}
      <figure>
        <img src="/photos/council.jpg" alt="Council chamber" width="1200" height="800">
        <figcaption>Council members vote on the budget on Tuesday. <span class="credit">Photo: Jane Roe / The Daily</span></figcaption>
      </figure>
      <div class="image-wrapper"><img src="/photos/mayor.jpg" alt="The mayor"><p class="caption">The mayor speaks after the vote.</p></div>
      <p>The vote was 9 to 4.</p>
    </article>`);
    expect(images).toEqual([
      { url: '/photos/council.jpg', alt: 'Council chamber', width: '1200', height: '800', caption: 'Council members vote on the budget on Tuesday.', credit: 'Photo: Jane Roe / The Daily' },
      { url: '/photos/mayor.jpg', alt: 'The mayor', caption: 'The mayor speaks after the vote.', credit: null },
    ]);
    expect(bodyHtml).not.toMatch(/Council members vote|Jane Roe|mayor speaks|<img|<figure/);
    expect(htmlToText(bodyHtml)).toContain('The vote was 9 to 4.');
  });

  it('finds the real address of lazy-loaded images', () => {
    const { images } = body(`<article>
      ${LEAD}
      <figure><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" data-src="/photos/crowd.jpg"></figure>
      <figure><img src="/img/placeholder.png" data-srcset="/photos/small.jpg 480w, /photos/large.jpg 1600w, /photos/medium.jpg 800w"></figure>
      <figure><img srcset="/photos/x1.jpg 1x, /photos/x2.jpg 2x"></figure>
      <figure><picture><source srcset="/photos/wide.webp 1200w, /photos/narrow.webp 600w" type="image/webp"><img src="/photos/fallback.jpg"></picture></figure>
      <figure class="lazy"><img class="lazyload" src="/img/blank.gif"><noscript><img src="/photos/noscript.jpg"></noscript></figure>
      <p><img src="/pixel.gif" width="1" height="1"><img src="/icons/share.png" class="icon" width="16" height="16">Tracking pixels and icons are not images.</p>
    </article>`);
    expect(images.map((i) => i.url)).toEqual(['/photos/crowd.jpg', '/photos/large.jpg', '/photos/x2.jpg', '/photos/wide.webp', '/photos/noscript.jpg']);
  });

  it('drops what the site map says to remove', () => {
    const { text } = body(`<article>${LEAD}<div class="inline-poll"><p>Should the city spend more on transit? Vote now in our reader poll.</p></div><p>The vote was 9 to 4.</p></article>`, 'article', ['.inline-poll']);
    expect(text).not.toContain('reader poll');
    expect(text).toContain('The vote was 9 to 4.');
  });

  it('resolves links and keeps inline emphasis, dropping script links', () => {
    const { bodyHtml } = body(`<article><p>The <a href="/reports/budget.pdf">full report</a> is <em>long</em>; <a href="javascript:void(0)">print</a> it.</p></article>`);
    expect(bodyHtml).toBe('<p>The <a href="https://news.example.com/reports/budget.pdf">full report</a> is <em>long</em>; print it.</p>');
  });

  it('does not change the page', () => {
    const html = `<html><body><article><div class="share">Share</div>${LEAD}<figure><img src="/a.jpg"><figcaption>Cap</figcaption></figure></article></body></html>`;
    const page = pageOf(html);
    const before = page.$.html();
    extractBody(page, page.$('article'), ['.share']);
    expect(page.$.html()).toBe(before);
  });
});
