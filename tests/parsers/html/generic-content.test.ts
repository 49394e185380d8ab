import { load } from 'cheerio/slim';
import { Document, Element, Text } from 'domhandler';
import { describe, expect, it } from 'vitest';
import { WiredeskError } from '../../../src/errors.js';
import { genericContentStrategy } from '../../../src/parsers/html/generic/content.js';
import { genericStrategy } from '../../../src/parsers/html/generic/index.js';
import type { Page } from '../../../src/parsers/html/page.js';
import { PAGE_FIELDS } from '../../../src/parsers/html/strategy.js';
import { parseStories } from '../../../src/parsers/parse.js';
import { DEFAULT_PARSE_LIMITS, type ParseContext } from '../../../src/parsers/types.js';

const URL_ = 'https://www.example-herald.com/news/2025/03/04/river-flood-warning';
const ALL = new Set(PAGE_FIELDS);

const PARAGRAPHS = [
  'Forecasters issued a flood warning for the Cedar River on Tuesday, saying heavy rain over the weekend could push the water past its banks by Thursday.',
  'The river stood at 14 feet on Tuesday morning, two feet below flood stage, according to the National Weather Service, which expects a crest of 18 feet.',
  'City crews began stacking sandbags along the riverfront park, and the mayor asked residents of low-lying streets to move cars and valuables to higher ground.',
  'The last major flood, in 2008, damaged more than 5,000 homes and closed the downtown bridges for weeks, officials said.',
];
const STORY_TEXT = PARAGRAPHS.join('\n\n');

function page(article: string): string {
  return `<!doctype html><html lang="en"><head><title>Flood warning issued for Cedar River | Example Herald</title></head><body>
    <header class="site-header"><nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/sports">Sports</a></li><li><a href="/opinion">Opinion</a></li></ul></nav></header>
    <div class="layout">
      <main>${article}</main>
      <div class="sidebar"><h3>Most read</h3><ol>
        <li><a href="/a">School board delays vote on the new calendar after a long night</a></li>
        <li><a href="/b">Five things to know about the downtown parking changes</a></li>
        <li><a href="/c">Restaurant review: a new taqueria on Main Street, reviewed</a></li></ol>
        <p>Get the Herald's morning newsletter, with the day's top stories, in your inbox.</p></div>
    </div>
    <footer><p>© 2025 Example Herald. All rights reserved. <a href="/privacy">Privacy policy</a> · <a href="/terms">Terms</a></p></footer>
  </body></html>`;
}

function storyOf(html: string) {
  const story = parseStories(html, { url: URL_ }).stories[0]!;
  return story;
}

function noStory(html: string): string | undefined {
  try {
    parseStories(html, { url: URL_ });
  } catch (error) {
    return error instanceof WiredeskError ? error.code : String(error);
  }
  return undefined;
}

describe('generic content extraction', () => {
  it('finds the story among navigation, sidebars and footers', () => {
    const story = storyOf(
      page(`<article>
        <h1>Flood warning issued for Cedar River</h1>
        <div class="byline">By Ana Ruiz</div>
        <div class="article-body">
          ${PARAGRAPHS.slice(0, 2).map((p) => `<p>${p}</p>`).join('')}
          <figure><img data-src="/img/river.jpg" src="/img/blank.gif" alt="The river"><figcaption>The Cedar River on Monday. (Photo: Sam Lee)</figcaption></figure>
          ${PARAGRAPHS.slice(2).map((p) => `<p>${p}</p>`).join('')}
        </div>
        <div class="related-links"><h4>Related</h4><a href="/x">Flood insurance: what you need to know before the next storm</a></div>
        <section class="comments"><h3>Comments</h3><p>Stay safe everyone, and please check on your neighbours tonight.</p></section>
      </article>`),
    );
    expect(story.bodyText).toBe(STORY_TEXT);
    expect(story.extraction.bodyHtml).toBe('generic');
    expect(story.bodyHtml).not.toContain('The Cedar River on Monday');
  });

  it('collects figures as images when no earlier strategy has them', () => {
    const html = page(`<article><div class="article-body">${PARAGRAPHS.slice(0, 2).map((p) => `<p>${p}</p>`).join('')}
      <figure><img data-src="/img/river.jpg" src="/img/blank.gif" alt="The river"><figcaption>The Cedar River on Monday.</figcaption></figure>
      ${PARAGRAPHS.slice(2).map((p) => `<p>${p}</p>`).join('')}</div></article>`);
    const { $ } = { $: load(html) };
    const found = genericContentStrategy.extract(pageFrom($.root()[0] as unknown as Document), ALL);
    expect(found.images).toEqual([{ url: '/img/river.jpg', alt: 'The river', caption: 'The Cedar River on Monday.', credit: null }]);
  });

  it('joins a story split into chunks around an ad', () => {
    const story = storyOf(
      page(`<div class="story">
        <div class="story-chunk">${PARAGRAPHS.slice(0, 2).map((p) => `<p>${p}</p>`).join('')}</div>
        <div class="ad-container"><iframe src="https://ads.example.net/slot"></iframe><span>Advertisement</span></div>
        <div class="story-chunk"><div class="inner">${PARAGRAPHS.slice(2).map((p) => `<p>${p}</p>`).join('')}</div></div>
      </div>`),
    );
    expect(story.bodyText).toBe(STORY_TEXT);
  });

  it('finds a story inside a box whose class looks like furniture', () => {
    const story = storyOf(
      page(`<div class="sidebar-layout comments-enabled"><div>${PARAGRAPHS.map((p) => `<p>${p}</p>`).join('')}</div></div>`),
    );
    expect(story.bodyText).toBe(STORY_TEXT);
  });

  it('keeps lists, subheads and quoted posts that are part of the story', () => {
    const story = storyOf(
      page(`<article><div class="entry-content">
        <p>${PARAGRAPHS[0]}</p>
        <h2>How to prepare</h2>
        <ul><li>Move cars off low-lying streets</li><li>Keep medicines and documents in a waterproof bag</li></ul>
        <div class="social-embed"><blockquote class="twitter-tweet"><p>Sandbag stations are open at the fire house on 3rd Street until 9 pm tonight.</p>— City of Cedar (@cityofcedar)</blockquote></div>
        <p>${PARAGRAPHS[1]}</p>
      </div></article>`),
    );
    expect(story.bodyHtml).toContain('<h2>How to prepare</h2>');
    expect(story.bodyHtml).toContain('<ul><li>Move cars off low-lying streets</li><li>Keep medicines and documents in a waterproof bag</li></ul>');
    expect(story.bodyText).toContain('Sandbag stations are open at the fire house');
  });

  it('drops a gallery inside the story box even when its captions outweigh the story', () => {
    const slides = Array.from({ length: 12 }, (_, i) => `<li><h3>Slide ${i + 1}: the river in ${1990 + i}</h3><p>Archive photo of the Cedar River at high water, taken from the Main Street bridge, with the old mill on the left bank and sandbags along the wall.</p></li>`);
    const story = storyOf(
      page(`<article><div class="story-text">
        ${PARAGRAPHS.slice(0, 2).map((p) => `<p>${p}</p>`).join('')}
        <div class="photo-gallery"><ul class="slides">${slides.join('')}</ul></div>
        ${PARAGRAPHS.slice(2).map((p) => `<p>${p}</p>`).join('')}
      </div></article>`),
    );
    expect(story.bodyText).toBe(STORY_TEXT);
  });

  it('keeps a body box whose class names only describe its state', () => {
    const linked = PARAGRAPHS.map((p) => `<p>${p.replace('National Weather Service', '<a href="https://weather.gov">National Weather Service</a>').replace('Forecasters', '<a href="/weather">Forecasters</a>')}</p>`);
    const story = storyOf(page(`<div class="node"><div class="field field-name-body field-label-hidden has-comments">${linked.join('')}</div></div>`));
    expect(story.bodyText).toBe(STORY_TEXT);
  });

  it('falls back to the JSON-LD articleBody when no container holds the story', () => {
    const articleBody = [...PARAGRAPHS, ...PARAGRAPHS].join('\n');
    const jsonLd = JSON.stringify({ '@context': 'https://schema.org', '@type': 'NewsArticle', headline: 'Flood warning', articleBody });
    const html = page(`<div id="app" data-rendered="client"></div><script type="application/ld+json">${jsonLd}</script>`);
    const story = storyOf(html);
    expect(story.bodyText).toBe(PARAGRAPHS.concat(PARAGRAPHS).join('\n\n'));
    expect(story.extraction.bodyHtml).toBe('generic');
  });

  it('prefers the body the page declares when the scorer picks a box apart from it', () => {
    const teaser = 'Rain, wind, hail, sleet, fog, frost, thunder, lightning, snow, ice, heat, drought, and more, all week.';
    const story = storyOf(`<html><body>
      <div class="top"><div class="summary"><p>${teaser}</p><p>${teaser}</p><p>${teaser}</p></div><ul><li><a href="/1">One</a></li></ul></div>
      <div class="bottom"><div itemprop="articleBody"><div class="x">${PARAGRAPHS.map((p) => `<div class="para">${p}</div>`).join('')}</div></div></div>
    </body></html>`);
    expect(story.bodyText).toBe(STORY_TEXT);
  });

  it('leaves out the header lines a template prints at the top of the story box', () => {
    const dek = 'Heavy weekend rain could push the water past its banks by Thursday';
    const story = storyOf(
      page(`<article>
        <h1>Flood warning issued for Cedar River</h1>
        <div class="text">
          <span>Weather</span>
          <div>Updated on March 4 at 3:15 p.m.</div>
          <div>By Ana Ruiz</div>
          <h2>${dek}</h2>
          ${PARAGRAPHS.map((p) => `<p>${p}</p>`).join('')}
        </div>
      </article>`).replace('<head>', `<head><meta name="description" content="${dek}"><meta name="author" content="Ana Ruiz">`),
    );
    expect(story.bylines.map((b) => b.name)).toEqual(['Ana Ruiz']);
    expect(story.subheadline).toBe(dek);
    expect(story.bodyText).toBe(STORY_TEXT);
    expect(story.bodyHtml.startsWith(`<p>${PARAGRAPHS[0]}</p>`)).toBe(true);
  });

  it('refuses pages that hold no article', () => {
    const sectionFront = page(`<div class="river">${Array.from({ length: 12 }, (_, i) => `<div class="card"><h3><a href="/story/${i}">Headline number ${i} about the city and the river</a></h3></div>`).join('')}</div>`);
    const login = page(`<form class="login"><label>Email <input name="email"></label><label>Password <input type="password"></label><button>Sign in</button><p><a href="/forgot">Forgot your password?</a></p></form>`);
    const empty = '<!doctype html><html><head><title>Loading…</title><script>window.app = {}</script></head><body><div id="root"></div></body></html>';
    expect(noStory(sectionFront)).toBe('WD_ERR_NO_STORY');
    expect(noStory(login)).toBe('WD_ERR_NO_STORY');
    expect(noStory(empty)).toBe('WD_ERR_NO_STORY');
  });

  it('is the generic strategy, and gives only the fields still wanted', () => {
    expect(genericStrategy.name).toBe('generic');
    const html = page(`<article>${PARAGRAPHS.map((p) => `<p>${p}</p>`).join('')}</article>`);
    const doc = load(html).root()[0] as unknown as Document;
    expect(genericContentStrategy.extract(pageFrom(doc), new Set(['headline']))).toEqual({});
    expect(Object.keys(genericContentStrategy.extract(pageFrom(doc), new Set(['bodyHtml'])))).toEqual(['bodyHtml']);
  });
});

const ctx: ParseContext = { source: { id: 't', name: 'T' }, url: URL_, defaultTimeZone: 'UTC', timeZoneConfigured: false, fetchedAt: '2025-03-04T12:00:00Z', limits: { ...DEFAULT_PARSE_LIMITS } };

/** A page over an already-built DOM; no selector runs, so deep trees cost nothing to wrap. */
function pageFrom(document: Document): Page {
  return { $: load(document, { xml: false }, true), url: URL_, host: 'example-herald.com', ctx, memo: new Map() };
}

/** `<html><body>` + `depth` nested `<div>`s around the story, built without the HTML parser. */
function deepDocument(depth: number): Document {
  const paragraphs = PARAGRAPHS.map((p) => {
    const el = new Element('p', {}, [new Text(p)]);
    el.children[0]!.parent = el;
    return el;
  });
  paragraphs.forEach((p, i) => {
    p.prev = paragraphs[i - 1] ?? null;
    p.next = paragraphs[i + 1] ?? null;
  });
  let inner = new Element('div', { class: 'level' }, paragraphs);
  for (const p of paragraphs) p.parent = inner;
  for (let i = 1; i < depth; i++) {
    const outer = new Element(i % 2 ? 'div' : 'section', { class: `level-${i % 7}` }, [inner]);
    inner.parent = outer;
    inner = outer;
  }
  const body = new Element('body', {}, [inner]);
  inner.parent = body;
  const html = new Element('html', {}, [body]);
  body.parent = html;
  const document = new Document([html]);
  html.parent = document;
  return document;
}

describe('hostile pages', () => {
  it('refuses 100,000 levels of nesting at load time', () => {
    const html = `<html><body>${'<div>'.repeat(100_000)}<p>deep</p>${'</div>'.repeat(100_000)}</body></html>`;
    expect(noStory(html)).toBe('WD_ERR_TOO_DEEP');
  });

  it('walks 100,000 levels of nesting without recursion, in linear time', () => {
    const document = deepDocument(100_000);
    const started = performance.now();
    const found = genericContentStrategy.extract(pageFrom(document), ALL);
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(found.bodyHtml).toBe(PARAGRAPHS.map((p) => `<p>${p}</p>`).join(''));
  });

  it('reads a 10 MB page', () => {
    const furniture = '<div class="share-tools"><a href="/s">Share</a><a href="/t">Tweet</a></div><div class="ad-slot"><span>Advertisement</span></div>';
    const block = `${PARAGRAPHS.map((p) => `<p>${p}</p>`).join('')}<figure><img src="/img/a.jpg"><figcaption>Caption</figcaption></figure>${furniture}`;
    const html = page(`<article><div class="article-body">${block.repeat(Math.ceil(10_000_000 / block.length))}</div></article>`);
    expect(html.length).toBeGreaterThan(10_000_000);
    const story = storyOf(html);
    expect(story.bodyText.startsWith(STORY_TEXT)).toBe(true);
    expect(story.bodyText).not.toContain('Advertisement');
  });
});
