import { describe, expect, it } from 'vitest';
import { likelyTimeZone } from '../../../src/parsers/cleaners/zones.js';

describe('likelyTimeZone', () => {
  it('takes the region of a language tag first', () => {
    expect(likelyTimeZone('buzzfeed.com', ['en-gb'])).toBe('Europe/London');
    expect(likelyTimeZone('cnet.com', ['es', null, 'es_US'])).toBe('America/New_York');
    expect(likelyTimeZone('heraldsun.com.au', ['en-au'])).toBe('Australia/Sydney');
  });

  it('then the country-code domain, whatever the language', () => {
    expect(likelyTimeZone('ici.radio-canada.ca', ['fr'])).toBe('America/Toronto');
    expect(likelyTimeZone('www.yomiuri.co.jp', [])).toBe('Asia/Tokyo');
    expect(likelyTimeZone('telegraph.co.uk', [])).toBe('Europe/London');
    expect(likelyTimeZone('folha.uol.com.br', [null])).toBe('America/Sao_Paulo');
  });

  it('then a language spoken in one zone', () => {
    expect(likelyTimeZone('dw.com', ['de'])).toBe('Europe/Berlin');
    expect(likelyTimeZone('nikkei.com', ['ja'])).toBe('Asia/Tokyo');
  });

  it('reads an English or unlabelled page on a generic domain as American', () => {
    expect(likelyTimeZone('slate.com', [])).toBe('America/New_York');
    expect(likelyTimeZone('aol.com', ['en'])).toBe('America/New_York');
  });

  it('guesses nothing when nothing points anywhere', () => {
    expect(likelyTimeZone('elpais.com', ['es'])).toBeNull();
    expect(likelyTimeZone('blog.io', ['en'])).toBeNull();
    expect(likelyTimeZone(null, [])).toBeNull();
  });
});
