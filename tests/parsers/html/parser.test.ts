import { describe, expect, it } from 'vitest';
import { parseStories, type ParseOptions } from '../../../src/parsers/parse.js';

function story(html: string, options: ParseOptions = {}) {
  return parseStories(html, { format: 'html', ...options }).stories[0]!;
}

const TEXT = '<p>The city council approved a $4.2 billion budget on Tuesday, after a debate that ran past midnight and into the morning.</p><p>Council members spent most of the evening on the transit line, which takes a third of the money.</p>';

describe('zone-less times on a page', () => {
  const page = (lang: string) =>
    `<!DOCTYPE html><html lang="${lang}"><head><title>Council passes budget</title></head><body><article><h1>Council passes $4.2 billion budget after debate</h1><p class="byline">By Dana Ruiz</p><p class="date">December 16, 2016, 4:19 PM</p>${TEXT}</article></body></html>`;

  it('are read in the zone the page points to, not in UTC', () => {
    expect(story(page('en-US'), { url: 'https://news.example.com/budget' }).publishedAt).toBe('2016-12-16T21:19:00Z');
    expect(story(page('de'), { url: 'https://news.example.de/budget' }).publishedAt).toBe('2016-12-16T15:19:00Z');
  });

  it('are read in the source’s own zone when one is configured', () => {
    expect(story(page('en-US'), { url: 'https://news.example.com/budget', defaultTimeZone: 'America/Chicago' }).publishedAt).toBe('2016-12-16T22:19:00Z');
  });

  it('stay UTC when nothing points anywhere', () => {
    expect(story(page('es'), { url: 'https://news.example.io/budget' }).publishedAt).toBe('2016-12-16T16:19:00Z');
  });
});

describe('a machine time against the time printed for readers', () => {
  const page = (head: string, printed: string) =>
    `<!DOCTYPE html><html lang="en"><head><title>Council passes budget</title>${head}</head><body><article><h1>Council passes $4.2 billion budget after debate</h1><div class="pub-date">${printed}</div>${TEXT}</article></body></html>`;
  const url = 'https://news.example.com/budget';

  it('yields to the printed local time when it is that clock time with a "Z" written after it', () => {
    const s = story(page('<meta property="article:published_time" content="2017-03-09T16:21:24Z">', 'March 9 2017 4:21 PM'), { url });
    expect(s.publishedAt).toBe('2017-03-09T21:21:00Z');
    expect(s.extraction.publishedAt).toBe('generic');
  });

  it('stands when it is a true UTC time', () => {
    const s = story(page('<meta property="article:published_time" content="2016-12-23T00:47:31Z">', 'Dec. 22, 2016, 6:47 p.m.'), { url });
    expect(s.publishedAt).toBe('2016-12-23T00:47:31Z');
  });

  it('gives a day-only meta date the time printed that day', () => {
    expect(story(page('<meta name="publish-date" content="December 1, 2016">', 'Dec 1st 2016 1:01PM'), { url }).publishedAt).toBe('2016-12-01T18:01:00Z');
  });
});

describe('images', () => {
  it('are the declared lead image and the body’s figures, each picture once, with the caption and bare credit of either copy', () => {
    const html =
      '<!DOCTYPE html><html lang="en"><head><title>Council passes budget</title>' +
      '<meta property="og:image" content="https://cdn.example.com/photos/council-vote-20161216.jpg?w=1200&amp;h=630"></head><body><article>' +
      '<h1>Council passes $4.2 billion budget after debate</h1>' +
      '<figure><img src="https://cdn.example.com/photos/council-vote-20161216.jpg?w=800" alt="The council chamber"><figcaption>Council members vote on Tuesday.</figcaption><span class="credit">(AP Photo/Dana Ruiz)</span></figure>' +
      `${TEXT}<figure><img src="https://cdn.example.com/photos/transit-line-20161216.jpg"><figcaption>The transit line under construction.</figcaption></figure>${TEXT}</article></body></html>`;
    const s = story(html, { url: 'https://news.example.com/budget' });
    expect(s.images.map((i) => [i.url, i.caption, i.credit])).toEqual([
      ['https://cdn.example.com/photos/council-vote-20161216.jpg?w=1200&h=630', 'Council members vote on Tuesday.', 'AP Photo/Dana Ruiz'],
      ['https://cdn.example.com/photos/transit-line-20161216.jpg', 'The transit line under construction.', null],
    ]);
    expect(s.extraction.images).toBe('meta+generic');
  });
});
