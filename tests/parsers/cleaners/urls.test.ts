import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeUrl, resolveUrl } from '../../../src/parsers/cleaners/urls.js';

describe('resolveUrl', () => {
  it('resolves relative URLs against the base', () => {
    expect(resolveUrl('/politics/vote.html', 'https://www.example.org/world/')).toBe('https://www.example.org/politics/vote.html');
    expect(resolveUrl('../img/a.jpg', 'https://www.example.org/a/b/c.html')).toBe('https://www.example.org/a/img/a.jpg');
    expect(resolveUrl('?page=2', 'https://www.example.org/list')).toBe('https://www.example.org/list?page=2');
  });

  it('keeps absolute http(s) URLs, lower-casing scheme and host', () => {
    expect(resolveUrl('HTTP://WWW.Example.ORG/Path')).toBe('http://www.example.org/Path');
    expect(resolveUrl('  https://example.org/a b  ')).toBe('https://example.org/a%20b');
  });

  it('takes a protocol-relative URL without a base as https', () => {
    expect(resolveUrl('//cdn.example.net/x.jpg')).toBe('https://cdn.example.net/x.jpg');
    expect(resolveUrl('//cdn.example.net/x.jpg', 'http://example.org/')).toBe('http://cdn.example.net/x.jpg');
  });

  it.each([
    ['javascript:alert(1)', undefined],
    ['JavaScript:alert(1)', 'https://example.org/'],
    ['java\tscript:alert(1)', 'https://example.org/'],
    ['data:text/html,<script>alert(1)</script>', undefined],
    ['vbscript:msgbox(1)', undefined],
    ['mailto:desk@example.org', undefined],
    ['ftp://example.org/file', undefined],
    ['relative/path.html', undefined],
    ['story.html', 'javascript:void(0)'],
    ['http://', undefined],
    ['', 'https://example.org/'],
    ['   ', undefined],
    [`https://example.org/${'a'.repeat(10_000)}`, undefined],
  ])('rejects %j (base %s)', (url, base) => {
    expect(resolveUrl(url, base)).toBeNull();
  });

  it('never throws', () => {
    fc.assert(
      fc.property(fc.string(), fc.option(fc.oneof(fc.webUrl(), fc.string()), { nil: undefined }), (url, base) => {
        const result = resolveUrl(url, base);
        expect(result === null || /^https?:\/\//.test(result)).toBe(true);
      }),
    );
  });
});

describe('normalizeUrl', () => {
  it('upgrades to https and drops the default port, credentials and fragment', () => {
    expect(normalizeUrl('http://user:secret@Example.ORG:80/a/#comments')).toBe('https://example.org/a/');
    expect(normalizeUrl('http://example.org:443/a')).toBe('https://example.org/a');
    expect(normalizeUrl('https://example.org:8443/a')).toBe('https://example.org:8443/a');
  });

  it('removes tracking parameters and sorts the rest', () => {
    expect(normalizeUrl('https://example.org/story?utm_source=tw&utm_medium=social&id=42&fbclid=abc&b=2&a=1&gclid=x&mc_cid=1&mc_eid=2&ocid=msn&cmpid=rss&_ga=1')).toBe(
      'https://example.org/story?a=1&b=2&id=42',
    );
    expect(normalizeUrl('https://example.org/story?CMP=share_btn_tw&UTM_Campaign=x')).toBe('https://example.org/story');
  });

  it('keeps parameters that may select content, and repeated values in order', () => {
    expect(normalizeUrl('https://example.org/s?ref=home&p=2&p=1')).toBe('https://example.org/s?p=2&p=1&ref=home');
  });

  it('keeps the path, trailing slash included, as written', () => {
    expect(normalizeUrl('https://example.org/World/Story/')).toBe('https://example.org/World/Story/');
    expect(normalizeUrl('https://example.org/World/Story')).toBe('https://example.org/World/Story');
  });

  it('gives http and https, tracked and untracked forms one identity', () => {
    const forms = ['http://example.org/a?x=1&utm_source=rss', 'https://EXAMPLE.org/a?x=1#top', 'https://example.org:443/a?fbclid=z&x=1'];
    expect(new Set(forms.map((u) => normalizeUrl(u))).size).toBe(1);
  });

  it('resolves against a base and rejects non-http URLs', () => {
    expect(normalizeUrl('/a?utm_source=x', 'http://example.org/')).toBe('https://example.org/a');
    expect(normalizeUrl('javascript:alert(1)')).toBeNull();
  });

  it('is idempotent and never throws', () => {
    fc.assert(
      fc.property(fc.oneof(fc.webUrl({ withQueryParameters: true, withFragments: true }), fc.string()), (url) => {
        const once = normalizeUrl(url);
        if (once !== null) expect(normalizeUrl(once)).toBe(once);
      }),
    );
  });
});
