import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/errors.js';
import { encodeUriComponent, isUri, storyIdFromNinjsUri, toHref, toNinjsUri } from '../../src/schema/ninjs-uri.js';

describe('toNinjsUri', () => {
  it('keeps ids that already are URIs', () => {
    for (const id of ['urn:ap:item:5a7f', 'tag:reuters.com,2025:newsml_L1N3', 'https://apnews.com/article/x-1?y=2#z', 'urn:wiredesk:ap:guid-1']) {
      expect(toNinjsUri(id)).toBe(id);
    }
  });

  it('wraps ids that are not URIs in urn:wiredesk:id:', () => {
    expect(toNinjsUri('AP-25255-0832')).toBe('urn:wiredesk:id:AP-25255-0832');
    expect(toNinjsUri('dpa 2025/11 #7')).toBe('urn:wiredesk:id:dpa%202025%2F11%20%237');
    expect(toNinjsUri('https://example.com/a b')).toBe('urn:wiredesk:id:https%3A%2F%2Fexample.com%2Fa%20b');
  });

  it('wraps an id that already starts with the wrapping prefix, so unwrapping is never ambiguous', () => {
    expect(toNinjsUri('urn:wiredesk:id:x')).toBe('urn:wiredesk:id:urn%3Awiredesk%3Aid%3Ax');
    expect(storyIdFromNinjsUri(toNinjsUri('urn:wiredesk:id:x'))).toBe('urn:wiredesk:id:x');
  });

  it('always yields a valid uri that gives the id back', () => {
    const ids = fc.oneof(fc.string({ minLength: 1, unit: 'grapheme' }), fc.webUrl(), fc.string({ minLength: 1 }).map((s) => `urn:wiredesk:id:${s}`));
    fc.assert(
      fc.property(ids, (id) => {
        const uri = toNinjsUri(id);
        expect(isUri(uri)).toBe(true);
        expect(storyIdFromNinjsUri(uri)).toBe(id);
        expect(toNinjsUri(id)).toBe(uri);
      }),
    );
  });

  it('still yields a valid uri for an id with a lone surrogate', () => {
    expect(toNinjsUri('a\uD800b')).toBe('urn:wiredesk:id:a%EF%BF%BDb');
    expect(encodeUriComponent('\uDC00')).toBe('%EF%BF%BD');
  });
});

describe('storyIdFromNinjsUri', () => {
  it('throws a typed error for a wrapped uri with broken percent-encoding', () => {
    expect(() => storyIdFromNinjsUri('urn:wiredesk:id:%E0%A4%A')).toThrow(ValidationError);
  });
});

describe('toHref', () => {
  it('normalizes an http(s) URL the uri format rejects, and refuses what cannot be a link', () => {
    expect(toHref('https://example.com/ü b.jpg')).toBe('https://example.com/%C3%BC%20b.jpg');
    expect(toHref('https://example.com/a.jpg')).toBe('https://example.com/a.jpg');
    expect(toHref('/relative/path.jpg')).toBeNull();
    expect(toHref('not a url')).toBeNull();
  });
});
