import { describe, expect, it } from 'vitest';
import { genericMetadataStrategy } from '../../../src/parsers/html/generic/metadata.js';
import { ALL_FIELDS, htmlPage } from './pages.js';

const URL_OF_PAGE = 'https://news.example.com/2025/09/12/budget-vote';

function extract(body: string, title = 'Council passes $4.2 billion budget after all-night debate | Example News', head = '') {
  const page = htmlPage(`<!DOCTYPE html><html lang="en"><head><title>${title}</title>${head}</head><body>${body}</body></html>`, URL_OF_PAGE);
  return genericMetadataStrategy.extract(page, ALL_FIELDS);
}

const H1 = '<h1>Council passes $4.2 billion budget after all-night debate</h1>';
const TEXT = '<p>The city council approved a $4.2 billion budget on Tuesday, after a debate that ran past midnight.</p><p>Council members spent most of the evening on the transit line.</p>';

describe('generic headline', () => {
  it('takes the h1 the title corroborates, over a logo h1', () => {
    expect(extract(`<header><h1>Example News Network</h1></header><article>${H1}${TEXT}</article>`).headline).toBe('Council passes $4.2 billion budget after all-night debate');
  });

  it('takes the page’s only headline h1 when the title is an SEO rewrite', () => {
    expect(extract(`<article>${H1}${TEXT}</article>`, 'Budget news: what the vote means for you').headline).toBe('Council passes $4.2 billion budget after all-night debate');
  });

  it('takes an h2 the title names over an h1 that is a section banner', () => {
    const body = '<h1>City Hall Health Center</h1><h2>Council passes $4.2 billion budget after all-night debate</h2>';
    expect(extract(body, 'Council passes $4.2 billion budget after all-night debate').headline).toBe('Council passes $4.2 billion budget after all-night debate');
  });

  it('falls back to the title without the site’s name', () => {
    expect(extract(TEXT, 'Council passes $4.2 billion budget after all-night debate - Example News', '<meta property="og:site_name" content="Example News">').headline).toBe(
      'Council passes $4.2 billion budget after all-night debate',
    );
  });
});

describe('generic bylines', () => {
  it('prefers a microdata name to the byline box around it', () => {
    const body = `<article>${H1}<div class="byline">By <span itemprop="author" itemscope itemtype="https://schema.org/Person"><span itemprop="name">Dana Ruiz</span></span> | Sept. 12, 2025</div>${TEXT}</article>`;
    expect(extract(body).bylines).toEqual(['Dana Ruiz']);
  });

  it('reads rel=author links, each one a byline', () => {
    const body = `<article>${H1}<p class="meta">By <a rel="author" href="/staff/dana-ruiz">Dana Ruiz</a> and <a rel="author" href="/staff/omar-haddad">Omar Haddad</a></p>${TEXT}</article>`;
    expect(extract(body).bylines).toEqual(['Dana Ruiz', 'Omar Haddad']);
  });

  it('cuts dates, times and "Updated" furniture off a byline box, and reads slashes as separators', () => {
    expect(extract(`<article>${H1}<div class="byline">By Dana Ruiz March 11, 2025 3:46 PM</div>${TEXT}</article>`).bylines).toEqual(['By Dana Ruiz']);
    expect(extract(`<article>${H1}<div class="article-byline">Saibal Dasgupta / TNN / Updated: Oct 9, 2019, 11:05 IST</div>${TEXT}</article>`).bylines).toEqual(['Saibal Dasgupta, TNN']);
  });

  it('skips bio links and authors of related stories', () => {
    const body = `<article>${H1}<div class="author-card"><a rel="author" href="/staff/dana">See full bio</a></div><div class="author">Dana Ruiz</div>${TEXT}<aside class="related-stories"><span class="byline">By Someone Else</span></aside></article>`;
    expect(extract(body).bylines).toEqual(['Dana Ruiz']);
  });

  it('reads links to author pages near the headline', () => {
    const body = `<article>${H1}<div class="meta"><a href="/about/editors/dana-ruiz/">Dana Ruiz</a></div>${TEXT}</article>`;
    expect(extract(body).bylines).toEqual(['Dana Ruiz']);
  });

  it('reads a "By" line near the headline, also when "By" stands in an element of its own', () => {
    expect(extract(`${H1}<div><span>By Dana Ruiz, Associated Press</span></div>${TEXT}`).bylines).toEqual(['By Dana Ruiz, Associated Press']);
    expect(extract(`${H1}<div><b>By</b> <a href="#">DANA RUIZ</a></div>${TEXT}`).bylines).toEqual(['By DANA RUIZ']);
    // "By Monday, …" in the story text is not a byline: it is not near the headline's block.
    expect(extract(`${H1}${'<p>Filler paragraph for the story.</p>'.repeat(70)}<p>By Monday</p>`).bylines).toBeUndefined();
  });
});

describe('generic dates', () => {
  it('reads microdata and <time datetime>', () => {
    expect(extract(`<article>${H1}<span itemprop="datePublished" content="2025-09-12T08:00:00-04:00">Sept. 12</span><span itemprop="dateModified" content="2025-09-12T10:30:00-04:00"></span>${TEXT}</article>`)).toMatchObject({
      publishedAt: '2025-09-12T08:00:00-04:00',
      updatedAt: '2025-09-12T10:30:00-04:00',
    });
    expect(extract(`<article>${H1}<time datetime="2025-09-12T12:00:00Z">Sept. 12</time>${TEXT}</article>`).publishedAt).toBe('2025-09-12T12:00:00Z');
  });

  it('prefers the zone the page prints to a machine time without one', () => {
    const body = `<article>${H1}<time itemprop="datePublished" datetime="2022-10-11 08:00:00">10/11/2022 08:00 AM EDT</time>${TEXT}</article>`;
    expect(extract(body).publishedAt).toBe('10/11/2022 08:00 AM EDT');
    const zoned = `<article>${H1}<time datetime="2022-10-11T12:00:00Z">Oct. 11</time>${TEXT}</article>`;
    expect(extract(zoned).publishedAt).toBe('2022-10-11T12:00:00Z');
  });

  it('ignores the times of related stories', () => {
    const body = `<article>${H1}${TEXT}<div class="related-links"><time datetime="2024-01-01T00:00:00Z">Jan 1</time></div></article>`;
    expect(extract(body).publishedAt).toBeUndefined();
  });

  it('reads "Published …" and "Updated …" near the headline, without the label', () => {
    const body = `${H1}<div class="meta"><span>Published Sep 12, 2025 7:42 AM CDT</span><span><b>Updated:</b> 3:15 PM EDT, Fri September 12, 2025</span></div>${TEXT}`;
    expect(extract(body)).toMatchObject({ publishedAt: 'Sep 12, 2025 7:42 AM CDT', updatedAt: '3:15 PM EDT, Fri September 12, 2025' });
  });

  it('reads a bare timestamp near the headline, but not an update', () => {
    expect(extract(`${H1}<div><div class="x1">December 16, 2016, 4:19 PM</div></div>${TEXT}`).publishedAt).toBe('December 16, 2016, 4:19 PM');
    expect(extract(`${H1}<div><div>Updated December 16, 2016, 4:19 PM</div></div>${TEXT}`).publishedAt).toBeUndefined();
  });

  it('reads a short element whose class says date', () => {
    expect(extract(`<article>${H1}<ul><li class="content__meta__date">19.07.2022</li></ul>${TEXT}</article>`).publishedAt).toBe('19.07.2022');
  });
});

describe('generic section, tags and dateline', () => {
  it('reads the top breadcrumb after "Home"', () => {
    const crumbs = '<nav aria-label="Breadcrumb"><ol><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/world/europe">Europe</a></li></ol></nav>';
    expect(extract(`${crumbs}<article>${H1}${TEXT}</article>`).section).toBe('World');
    const microdata = '<ol itemscope itemtype="https://schema.org/BreadcrumbList"><li itemprop="itemListElement" itemscope itemtype="https://schema.org/ListItem"><a itemprop="item" href="/politics"><span itemprop="name">Politics</span></a></li></ol>';
    expect(extract(`${microdata}<article>${H1}${TEXT}</article>`).section).toBe('Politics');
  });

  it('reads rel=tag links in the article', () => {
    expect(extract(`<article>${H1}${TEXT}<a rel="tag" href="/tag/budget">Budget</a><a rel="tag" href="/tag/transit">Transit</a></article>`).tags).toEqual(['Budget', 'Transit']);
  });

  it('reads a dateline element, and not a date line', () => {
    expect(extract(`<article>${H1}<span class="dateline">SPRINGFIELD, Ill.</span>${TEXT}</article>`).dateline).toBe('SPRINGFIELD, Ill.');
    expect(extract(`<article>${H1}<span class="storyDateLine">Posted Sep 12, 2025</span>${TEXT}</article>`).dateline).toBeUndefined();
  });
});
