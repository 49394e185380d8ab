import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { genericMetadataStrategy } from '../../../src/parsers/html/generic/metadata.js';
import { parseBylines } from '../../../src/parsers/cleaners/bylines.js';
import { embeddedStrategies } from '../../../src/parsers/html/embedded/index.js';
import { jsonLdStrategy } from '../../../src/parsers/html/embedded/json-ld.js';
import { parseLenientJson } from '../../../src/parsers/html/embedded/lenient-json.js';
import { metaStrategy } from '../../../src/parsers/html/embedded/meta.js';
import { pageStateStrategy } from '../../../src/parsers/html/embedded/next-data.js';
import { stripTitleAffixes } from '../../../src/parsers/html/embedded/values.js';
import type { Strategy } from '../../../src/parsers/html/strategy.js';
import { ALL_FIELDS, fixturePage, htmlPage } from './pages.js';

const URL_OF_PAGE = 'https://news.example.com/2025/09/12/belarus-prisoners';

function page(head: string, body = '<h1>Belarus frees 52 prisoners as US lifts sanctions</h1><p>Text.</p>', url = URL_OF_PAGE) {
  return htmlPage(`<!DOCTYPE html><html lang="en"><head><title>Belarus frees 52 prisoners as US lifts sanctions | Example News</title>${head}</head><body>${body}</body></html>`, url);
}

function ld(...blocks: string[]): string {
  return blocks.map((b) => `<script type="application/ld+json">${b}</script>`).join('');
}

function run(strategy: Strategy, head: string, body?: string) {
  return strategy.extract(page(head, body), ALL_FIELDS);
}

describe('embedded strategies', () => {
  it('run JSON-LD, then page state, then meta tags', () => {
    expect(embeddedStrategies.map((s) => s.name)).toEqual(['json-ld', 'page-state', 'meta']);
  });
});

describe('parseLenientJson', () => {
  it('reads valid JSON as is', () => {
    expect(parseLenientJson('{"a": [1, 2]}')).toEqual([{ a: [1, 2] }]);
  });

  it('unwraps HTML comments and CDATA', () => {
    expect(parseLenientJson('<!-- {"a": 1} -->')).toEqual([{ a: 1 }]);
    expect(parseLenientJson('//<![CDATA[\n{"a": 1}\n//]]>')).toEqual([{ a: 1 }]);
    expect(parseLenientJson('/*<![CDATA[*/{"a": 1};/*]]>*/')).toEqual([{ a: 1 }]);
  });

  it('drops trailing commas and escapes raw line breaks in strings', () => {
    expect(parseLenientJson('{"a": [1, 2,], "b": "x",\n}')).toEqual([{ a: [1, 2], b: 'x' }]);
    expect(parseLenientJson('{"body": "line one\nline\ttwo"}')).toEqual([{ body: 'line one\nline\ttwo' }]);
    expect(parseLenientJson('{"a": "comma, ] inside",}')).toEqual([{ a: 'comma, ] inside' }]);
  });

  it('reads several values back to back, and skips the broken ones', () => {
    expect(parseLenientJson('{"a": 1}\n{"b": 2}')).toEqual([{ a: 1 }, { b: 2 }]);
    expect(parseLenientJson('{"a": 1} {"b": } [3]')).toEqual([{ a: 1 }, [3]]);
  });

  it('reads HTML-escaped JSON', () => {
    expect(parseLenientJson('{&quot;a&quot;: 1,}')).toEqual([{ a: 1 }]);
  });

  it('returns nothing for junk, and never throws', () => {
    for (const junk of ['', 'undefined', '{{{{', '}}]]', '{"a": "unterminated', 'alert(1)', '<p>hi</p>', '\u0000\u0001']) {
      expect(() => parseLenientJson(junk)).not.toThrow();
    }
    expect(parseLenientJson('alert(1)')).toEqual([]);
    expect(parseLenientJson('{"a": "unterminated')).toEqual([]);
  });
});

describe('JSON-LD', () => {
  const ARTICLE = {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: 'Belarus frees 52 prisoners as US lifts sanctions',
    alternativeHeadline: 'Prisoners were released into Lithuania',
    datePublished: '2025-09-11T20:04:12Z',
    dateModified: '2025-09-12T19:15:03Z',
    author: [{ '@type': 'Person', name: 'Lena Markovic' }, { '@type': 'Organization', name: 'Reuters' }],
    articleSection: ['World', 'Europe'],
    keywords: 'Belarus, Lithuania, sanctions',
    inLanguage: 'en-US',
    dateline: 'VILNIUS, Lithuania',
    mainEntityOfPage: { '@type': 'WebPage', '@id': URL_OF_PAGE },
    copyrightNotice: '© 2025 Example News',
    image: { '@type': 'ImageObject', url: 'https://img.example.com/vilnius.jpg', caption: 'Released prisoners arrive in Vilnius.', creditText: 'Ints Kalnins/Reuters', width: 1920, height: { '@type': 'QuantitativeValue', value: 1080 } },
  };

  it('reads a NewsArticle', () => {
    expect(run(jsonLdStrategy, ld(JSON.stringify(ARTICLE)))).toEqual({
      headline: 'Belarus frees 52 prisoners as US lifts sanctions',
      subheadline: 'Prisoners were released into Lithuania',
      bylines: ['Lena Markovic', 'Reuters'],
      publishedAt: '2025-09-11T20:04:12Z',
      updatedAt: '2025-09-12T19:15:03Z',
      dateline: 'VILNIUS, Lithuania',
      section: 'World',
      copyrightNotice: '© 2025 Example News',
      tags: ['Belarus', 'Lithuania', 'sanctions'],
      language: 'en-US',
      url: URL_OF_PAGE,
      images: [{ url: 'https://img.example.com/vilnius.jpg', caption: 'Released prisoners arrive in Vilnius.', credit: 'Ints Kalnins/Reuters', width: 1920, height: 1080 }],
    });
  });

  it('reads only the fields still wanted', () => {
    const found = jsonLdStrategy.extract(page(ld(JSON.stringify(ARTICLE))), new Set(['publishedAt'] as const));
    expect(found).toEqual({ publishedAt: '2025-09-11T20:04:12Z' });
  });

  it('splits nothing itself: CNN’s author HTML naming several people becomes one plain byline for the byline cleaner', () => {
    const author = { '@type': 'Person', name: 'By <a href="/profiles/amir-vera">Amir Vera</a>, Seán Federico-O’Murchú and <a href="/profiles/adam-renton">Adam Renton</a>, CNN' };
    const found = run(jsonLdStrategy, ld(JSON.stringify({ ...ARTICLE, author })));
    expect(found.bylines).toEqual(['By Amir Vera, Seán Federico-O’Murchú and Adam Renton, CNN']);
    expect(parseBylines(found.bylines![0] as string)).toEqual([
      { name: 'Amir Vera', organization: 'CNN' },
      { name: 'Seán Federico-O’Murchú', organization: 'CNN' },
      { name: 'Adam Renton', organization: 'CNN' },
    ]);
  });

  it('reads a top-level array (AP), skipping unknown types and noisy tags', () => {
    const ap = [
      { ...ARTICLE, author: [{ '@type': 'Person', name: 'JANE HOLLOWAY' }], keywords: ['Wisconsin', 'Floods', 'WI State Wire', 'MN State Wire', 'AP Top News'] },
      { '@context': 'http://schema.org', '@type': 'JW Videos', name: 'Flood video' },
    ];
    const found = run(jsonLdStrategy, ld(JSON.stringify(ap)));
    expect(found.headline).toBe(ARTICLE.headline);
    expect(found.bylines).toEqual(['JANE HOLLOWAY']);
    expect(found.tags).toEqual(['Wisconsin', 'Floods']);
  });

  it('reads @graph with @id references (Yoast)', () => {
    const graph = {
      '@context': 'https://schema.org',
      '@graph': [
        { '@type': 'WebSite', '@id': 'https://news.example.com/#website', name: 'Example News' },
        { '@type': 'Person', '@id': 'https://news.example.com/#/schema/person/1', name: 'Lena Markovic' },
        { '@type': ['Article', 'NewsArticle'], '@id': `${URL_OF_PAGE}#article`, headline: ARTICLE.headline, datePublished: ARTICLE.datePublished, author: { '@id': 'https://news.example.com/#/schema/person/1' }, image: { '@id': `${URL_OF_PAGE}#primaryimage` } },
        { '@type': 'ImageObject', '@id': `${URL_OF_PAGE}#primaryimage`, contentUrl: 'https://img.example.com/lead.jpg', caption: 'Lead photo' },
      ],
    };
    const found = run(jsonLdStrategy, ld(JSON.stringify(graph)));
    expect(found.headline).toBe(ARTICLE.headline);
    expect(found.bylines).toEqual(['Lena Markovic']);
    expect(found.images).toEqual([{ url: 'https://img.example.com/lead.jpg', caption: 'Lead photo', credit: null, width: null, height: null }]);
  });

  it('reads an article nested as a WebPage’s mainEntity', () => {
    const webPage = { '@context': 'https://schema.org', '@type': 'WebPage', name: 'Example News', mainEntity: { '@type': 'ReportageNewsArticle', headline: ARTICLE.headline, datePublished: ARTICLE.datePublished } };
    expect(run(jsonLdStrategy, ld(JSON.stringify(webPage)))).toMatchObject({ headline: ARTICLE.headline, publishedAt: ARTICLE.datePublished });
  });

  it('picks the article naming this page among several (a live blog with related stories)', () => {
    const related = { '@type': 'NewsArticle', headline: 'An older story', url: 'https://news.example.com/older', datePublished: '2025-01-01T00:00:00Z' };
    const blog = { '@type': 'LiveBlogPosting', headline: 'Live: Belarus frees prisoners', url: `${URL_OF_PAGE}?utm_source=x`, datePublished: '2025-09-11T18:00:00Z' };
    const found = run(jsonLdStrategy, ld(JSON.stringify([related, blog])));
    expect(found.headline).toBe('Live: Belarus frees prisoners');
  });

  it('reads broken blocks: comments, CDATA, trailing commas, several objects in one script', () => {
    const broken = `<!--\n//<![CDATA[\n{"@type": "WebSite", "name": "Example News"}\n{"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Belarus frees 52 prisoners\nas US lifts sanctions", "datePublished": "2025-09-11T20:04:12Z",}\n//]]>\n-->`;
    expect(run(jsonLdStrategy, ld(broken))).toMatchObject({ headline: 'Belarus frees 52 prisoners as US lifts sanctions', publishedAt: '2025-09-11T20:04:12Z' });
  });

  it('never throws on junk, and finds nothing in it', () => {
    for (const junk of ['', '{', 'null', '[]', '"string"', '42', '{"@type": 7}', '[[[[[[]]]]]]', '{"@graph": {"@graph": {"@graph": {}}}}']) {
      expect(() => run(jsonLdStrategy, ld(junk))).not.toThrow();
      expect(run(jsonLdStrategy, ld(junk))).toEqual({});
    }
  });

  it('prefers the visible h1 to a headline cut short for search engines', () => {
    const cut = { ...ARTICLE, headline: 'Belarus frees 52 prisoners as US lifts…' };
    expect(run(jsonLdStrategy, ld(JSON.stringify(cut))).headline).toBe('Belarus frees 52 prisoners as US lifts sanctions');
  });

  it('skips values the shared cleaners cannot read, so later strategies can find them', () => {
    const junk = { '@type': 'NewsArticle', headline: ARTICLE.headline, datePublished: 'soon', dateCreated: '2025-09-11', author: { '@type': 'Person', name: 'CC7567' }, image: 'javascript:alert(1)' };
    const found = run(jsonLdStrategy, ld(JSON.stringify(junk)));
    expect(found.publishedAt).toBe('2025-09-11');
    expect(found.bylines).toBeUndefined();
    expect(found.images).toBeUndefined();
  });

  it('reads a description as the dek only when the page shows it under the headline', () => {
    const lead = { ...ARTICLE, alternativeHeadline: undefined, description: 'VILNIUS, Lithuania (AP) — Belarus freed 52 political prisoners on Thursday.' };
    expect(run(jsonLdStrategy, ld(JSON.stringify(lead))).subheadline).toBeUndefined();
    const summary = { ...ARTICLE, alternativeHeadline: undefined, description: 'Belarus freed 52 political prisoners on Thursday as the US lifted sanctions on its airline.' };
    const leadBody = '<h1>Belarus frees 52 prisoners as US lifts sanctions</h1><p>Belarus freed 52 political prisoners on Thursday as the US lifted sanctions on its airline.</p><p>More text.</p>';
    expect(run(jsonLdStrategy, ld(JSON.stringify(summary)), leadBody).subheadline).toBeUndefined();
    const dekBody = '<h1>Belarus frees 52 prisoners as US lifts sanctions</h1><div class="standfirst"><p>Belarus freed 52 political prisoners on Thursday as the US lifted sanctions on its airline.</p></div><p>Body text.</p><p>More text.</p>';
    expect(run(jsonLdStrategy, ld(JSON.stringify(summary)), dekBody).subheadline).toBe(summary.description);
  });
});

describe('page state', () => {
  it('reads the article in __NEXT_DATA__ that names the page’s headline', () => {
    const state = {
      props: {
        pageProps: {
          related: [{ headline: 'Another story', publishedAt: '2025-01-01T00:00:00Z', author: 'Someone Else' }],
          article: { headline: 'Belarus frees 52 prisoners as US lifts sanctions', dek: 'Prisoners were released into Lithuania', publishedAt: 1757621052000, updatedAt: '2025-09-12T19:15:03Z', authors: [{ name: 'Lena Markovic' }, { name: 'Daniel Okafor' }], section: { name: 'World' }, tags: [{ name: 'Belarus' }, 'Lithuania'] },
        },
      },
    };
    const found = run(pageStateStrategy, `<script id="__NEXT_DATA__" type="application/json">${JSON.stringify(state)}</script>`);
    expect(found).toEqual({
      headline: 'Belarus frees 52 prisoners as US lifts sanctions',
      subheadline: 'Prisoners were released into Lithuania',
      bylines: ['Lena Markovic', 'Daniel Okafor'],
      publishedAt: '2025-09-11T20:04:12.000Z',
      updatedAt: '2025-09-12T19:15:03Z',
      section: 'World',
      tags: ['Belarus', 'Lithuania'],
    });
  });

  it('reads Arc’s Fusion.globalContent (ANS)', () => {
    const ans = {
      headlines: { basic: 'Belarus frees 52 prisoners as US lifts sanctions' },
      subheadlines: { basic: 'Prisoners were released into Lithuania' },
      credits: { by: [{ type: 'author', name: 'Lena Markovic' }] },
      display_date: '2025-09-11T20:04:12.318Z',
      last_updated_date: '2025-09-12T19:15:03.902Z',
      taxonomy: { primary_section: { name: 'World' }, tags: [{ text: 'Belarus' }] },
      canonical_url: '/2025/09/12/belarus-prisoners',
    };
    const found = run(pageStateStrategy, `<script>window.Fusion=window.Fusion||{};Fusion.arcSite="example";Fusion.globalContent=${JSON.stringify(ans)};Fusion.globalContentConfig={"source":"content-api"};</script>`);
    expect(found).toEqual({
      headline: 'Belarus frees 52 prisoners as US lifts sanctions',
      subheadline: 'Prisoners were released into Lithuania',
      bylines: ['Lena Markovic'],
      publishedAt: '2025-09-11T20:04:12.318Z',
      updatedAt: '2025-09-12T19:15:03.902Z',
      section: 'World',
      tags: ['Belarus'],
      url: URL_OF_PAGE,
    });
  });

  it('trusts no story that is not this page’s (state holding only other stories)', () => {
    const state = { stories: [{ title: 'Markets close higher', publishedAt: '2025-09-12T20:00:00Z' }] };
    expect(run(pageStateStrategy, `<script>window.__INITIAL_STATE__ = ${JSON.stringify(state)};</script>`)).toEqual({});
  });

  it('never throws on broken or hostile state', () => {
    for (const script of ['window.__INITIAL_STATE__ = {', 'window.__INITIAL_STATE__ = JSON.parse("{}")', `window.__PRELOADED_STATE__ = ${'['.repeat(5000)}`]) {
      expect(() => run(pageStateStrategy, `<script>${script}</script>`)).not.toThrow();
    }
  });
});

describe('meta tags', () => {
  const HEAD = [
    '<meta property="og:title" content="Belarus frees 52 prisoners as US lifts sanctions | Example News">',
    '<meta name="twitter:title" content="Belarus frees prisoners">',
    '<meta property="og:site_name" content="Example News">',
    '<meta property="og:description" content="Prisoners were released into Lithuania">',
    '<meta property="article:published_time" content="2025-09-11T20:04:12Z">',
    '<meta property="article:modified_time" content="2025-09-12T19:15:03Z">',
    '<meta property="article:section" content="World">',
    '<meta property="article:tag" content="Belarus">',
    '<meta property="article:tag" content="Lithuania">',
    '<meta property="article:author" content="https://news.example.com/profile/lena-markovic">',
    '<meta name="author" content="Lena Markovic">',
    '<meta name="keywords" content="news, world, belarus">',
    '<meta property="og:image" content="/images/lead.jpg">',
    '<meta property="og:image:alt" content="Released prisoners in Vilnius">',
    '<meta property="og:locale" content="en_US">',
    '<link rel="canonical" href="https://news.example.com/2025/09/12/belarus-prisoners">',
  ].join('');

  it('reads OpenGraph and article tags, with the visible h1 as headline and profile URLs skipped', () => {
    const body = '<h1>Belarus frees 52 prisoners as US lifts sanctions</h1><h2 class="dek">Prisoners were released into Lithuania</h2><p>Text.</p>';
    expect(run(metaStrategy, HEAD, body)).toEqual({
      headline: 'Belarus frees 52 prisoners as US lifts sanctions',
      subheadline: 'Prisoners were released into Lithuania',
      bylines: ['Lena Markovic'],
      publishedAt: '2025-09-11T20:04:12Z',
      updatedAt: '2025-09-12T19:15:03Z',
      section: 'World',
      tags: ['Belarus', 'Lithuania'],
      language: 'en',
      url: URL_OF_PAGE,
      images: [{ url: 'https://news.example.com/images/lead.jpg', alt: 'Released prisoners in Vilnius', width: null, height: null }],
    });
  });

  it('drops the site name from a title no h1 corroborates', () => {
    expect(run(metaStrategy, HEAD, '<p>No headline element.</p>').headline).toBe('Belarus frees 52 prisoners as US lifts sanctions');
  });

  it('yields the headline to the page’s only h1 when the social title is a rewrite', () => {
    const rewrite = htmlPage(
      '<html><head><title>Example News</title><meta property="og:title" content="You won’t believe what Belarus did"></head><body><h1>Belarus frees 52 prisoners as US lifts sanctions</h1></body></html>',
      URL_OF_PAGE,
    );
    expect(metaStrategy.extract(rewrite, ALL_FIELDS).headline).toBeUndefined();
  });

  it('takes an h2 a declared title corroborates when the h1s are the site’s name', () => {
    const body = '<h1>Example News</h1><h2>Site Navigation</h2><h2>Belarus frees 52 prisoners as US lifts sanctions</h2>';
    const head = '<meta property="og:title" content="You won’t believe what Belarus did"><meta name="sailthru.title" content="Belarus frees 52 prisoners as US lifts sanctions">';
    expect(run(metaStrategy, head, body).headline).toBe('Belarus frees 52 prisoners as US lifts sanctions');
  });

  it('leaves the kicker and screen-reader text out of the headline the title corroborates', () => {
    const body = '<h2><span class="content__kicker">Sanctions</span><span class="sr-only">: </span> <span class="content__title">Belarus frees 52 prisoners as US lifts them</span></h2>';
    expect(run(metaStrategy, '<meta property="og:title" content="Sanctions: Belarus frees 52 prisoners as US lifts them">', body).headline).toBe('Belarus frees 52 prisoners as US lifts them');
  });

  it('skips an h1 that is the last item of a breadcrumb trail, but not one set beside the trail', () => {
    const trail = (h1: string) => `<ol itemtype="https://schema.org/BreadcrumbList"><li itemprop="itemListElement"><a href="/world">World</a></li><li itemprop="itemListElement">${h1}</li></ol>`;
    const body = `${trail('<h1 itemprop="name">Belarus: prisoners freed</h1>')}<h2>Belarus frees 52 prisoners as US lifts sanctions</h2>`;
    expect(run(metaStrategy, '<meta property="og:title" content="Belarus: prisoners freed, and US lifts sanctions">', body).headline).toBe('Belarus frees 52 prisoners as US lifts sanctions');
    const beside = '<div class="breadcrumbs"><a href="/">Home</a><h1 itemprop="headline">Belarus frees 52 prisoners as US lifts sanctions</h1></div>';
    expect(run(metaStrategy, '', beside).headline).toBe('Belarus frees 52 prisoners as US lifts sanctions');
  });

  it('prefers a timestamp to a day, and makes a day-only date precise with the markup’s time', () => {
    expect(run(metaStrategy, '<meta name="date" content="2025-09-11"><meta name="parsely-pub-date" content="2025-09-11T20:04:12Z">').publishedAt).toBe('2025-09-11T20:04:12Z');
    expect(run(metaStrategy, '<meta name="date" content="2025-09-11">', '<h1>Belarus frees 52 prisoners as US lifts sanctions</h1><time datetime="2025-09-11T16:04:12-04:00">Sept. 11</time>').publishedAt).toBe('2025-09-11T16:04:12-04:00');
    expect(run(metaStrategy, '<meta name="date" content="2025-09-11">').publishedAt).toBe('2025-09-11');
    expect(run(metaStrategy, '<meta name="date" content="Thursday">').publishedAt).toBeUndefined();
  });

  it('lets an author that is only the site’s name yield to the names printed on the page', () => {
    const head = '<meta property="og:site_name" content="Example News"><meta name="author" content="Example News">';
    expect(run(metaStrategy, head, '<article><h1>Belarus frees 52 prisoners as US lifts sanctions</h1><div class="byline">By Lena Markovic</div></article>').bylines).toBeUndefined();
    expect(run(metaStrategy, head).bylines).toEqual(['Example News']);
  });

  it('splits keyword lists and drops noise', () => {
    expect(run(metaStrategy, '<meta name="news_keywords" content="Belarus; Lithuania; NE State Wire; belarus">').tags).toEqual(['Belarus', 'Lithuania']);
  });

  it('reads archived pages that rewrote property/content as name/value (Mercury’s fixtures)', () => {
    expect(run(metaStrategy, '<meta name="article:published_time" value="2016-11-29T10:39:35Z"><meta name="author" value="Stephen Collinson">')).toMatchObject({
      publishedAt: '2016-11-29T10:39:35Z',
      bylines: ['Stephen Collinson'],
    });
  });

  it('reads Parse.ly’s JSON and Dublin Core', () => {
    const parsely = '<meta name="parsely-page" content=\'{"title": "Belarus frees 52 prisoners", "authors": ["Lena Markovic"], "pub_date": "2025-09-11T20:04:12Z", "section": "World", "tags": "[Belarus, Lithuania]"}\'>';
    expect(run(metaStrategy, parsely, '<p>x</p>')).toMatchObject({ bylines: ['Lena Markovic'], publishedAt: '2025-09-11T20:04:12Z', section: 'World', tags: ['Belarus', 'Lithuania'] });
    expect(run(metaStrategy, '<meta name="DC.creator" content="Lena Markovic"><meta name="DC.date.issued" content="2025-09-11"><meta name="DC.language" content="lt">', '<p>x</p>')).toMatchObject({
      bylines: ['Lena Markovic'],
      publishedAt: '2025-09-11',
    });
  });

  it('takes the page URL from the canonical link, never a home page or a script URL', () => {
    expect(run(metaStrategy, '<link rel="canonical" href="https://news.example.com/"><meta property="og:url" content="/2025/09/12/belarus-prisoners">').url).toBe(URL_OF_PAGE);
    expect(run(metaStrategy, '<link rel="canonical" href="javascript:alert(1)">').url).toBeUndefined();
    expect(run(metaStrategy, '<meta property="og:image" content="javascript:alert(1)">').images).toBeUndefined();
  });
});

describe('embedded data on the site fixtures', () => {
  it('CNN: JSON-LD’s author HTML names three people of CNN', () => {
    const found = jsonLdStrategy.extract(fixturePage('cnn-belarus-airline-sanctions'), ALL_FIELDS);
    expect(found.bylines).toEqual(['By Lena Markovic, Seán Ó Briain and Daniel Okafor, CNN']);
    expect(found.publishedAt).toBe('2025-09-11T20:04:12.318Z');
  });

  it('AP: JSON-LD states the instant with a Z where meta leaves the zone out; they disagree on the modified time', () => {
    const ap = fixturePage('apnews-la-crosse-flooding');
    expect(jsonLdStrategy.extract(ap, ALL_FIELDS)).toMatchObject({ publishedAt: '2025-04-18T14:05:11Z', updatedAt: '2025-04-18T17:10:02Z', section: 'U.S. News' });
    expect(metaStrategy.extract(ap, ALL_FIELDS)).toMatchObject({ publishedAt: '2025-04-18T14:05:11', updatedAt: '2025-04-18T17:22:40.517' });
  });
});

describe('robustness', () => {
  const strategies = [...embeddedStrategies, genericMetadataStrategy];
  const jsonish = fc.oneof(fc.json(), fc.string(), fc.jsonValue().map((v) => JSON.stringify({ '@type': 'NewsArticle', headline: v, author: v, datePublished: v, image: v, keywords: v })));

  it('no strategy throws on arbitrary JSON-LD, page state or meta values', () => {
    fc.assert(
      fc.property(jsonish, fc.string(), fc.string(), (json, value, text) => {
        const head = `${ld(json)}<script>window.__INITIAL_STATE__ = ${json};</script><meta property="og:title" content="${value.replaceAll('"', '&quot;')}"><meta name="date" content="${value.replaceAll('"', '&quot;')}">`;
        const body = `<h1>${text.replaceAll('<', '&lt;')}</h1><div class="byline">${text.replaceAll('<', '&lt;')}</div>`;
        const p = page(head, body);
        for (const strategy of strategies) expect(() => strategy.extract(p, ALL_FIELDS)).not.toThrow();
      }),
      { numRuns: 200 },
    );
  });
});

describe('stripTitleAffixes', () => {
  it('drops the site’s name before or after the headline', () => {
    expect(stripTitleAffixes('Why Trump won’t change | CNN Politics', ['CNN'])).toBe('Why Trump won’t change');
    expect(stripTitleAffixes('Example News — Council passes budget', ['Example News'])).toBe('Council passes budget');
  });

  it('keeps what does not name the site, dashes and bars in the headline included', () => {
    expect(stripTitleAffixes('Brexit - the vote | Politics | Example', ['Example'])).toBe('Brexit - the vote | Politics');
    expect(stripTitleAffixes('Why CNN matters | Opinion | CNN', ['CNN'])).toBe('Why CNN matters | Opinion');
    expect(stripTitleAffixes('Example News', ['Example News'])).toBe('Example News');
  });

  it('drops a suffix the page’s other titles end with too', () => {
    expect(stripTitleAffixes('Council passes budget | The Daily Planet', [], ['Budget vote: what it means | The Daily Planet'])).toBe('Council passes budget');
    expect(stripTitleAffixes('Council passes budget | Politics', [], ['Council passes budget | Politics'])).toBe('Council passes budget | Politics');
  });
});
