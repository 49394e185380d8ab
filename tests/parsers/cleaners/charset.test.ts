import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeBytes, looksBinary } from '../../../src/parsers/cleaners/charset.js';

const encode = (text: string, charset: string): Uint8Array => new Uint8Array(iconv.encode(text, charset));
const concat = (...parts: Uint8Array[]): Uint8Array => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
};
const UTF8_BOM = new Uint8Array([0xef, 0xbb, 0xbf]);

describe('decodeBytes', () => {
  it('defaults to UTF-8', () => {
    expect(decodeBytes(encode('<rss>Šiauliai</rss>', 'utf-8'))).toEqual({ text: '<rss>Šiauliai</rss>', charset: 'utf-8' });
  });

  it('lets a BOM win over the header, and removes it', () => {
    const bytes = concat(UTF8_BOM, encode('<rss>Šiauliai</rss>', 'utf-8'));
    expect(decodeBytes(bytes, { contentType: 'application/rss+xml; charset=iso-8859-1' })).toEqual({ text: '<rss>Šiauliai</rss>', charset: 'utf-8' });
  });

  it('decodes UTF-16 with a BOM, and without one from the XML prefix', () => {
    expect(decodeBytes(encode('\ufeff<rss>Київ</rss>', 'utf-16le'))).toEqual({ text: '<rss>Київ</rss>', charset: 'utf-16le' });
    const xml = '<?xml version="1.0" encoding="UTF-16"?><rss>Київ</rss>';
    expect(decodeBytes(encode(xml, 'utf-16be'))).toEqual({ text: xml, charset: 'utf-16be' });
  });

  it('decodes UTF-32 by its BOM or XML prefix', () => {
    const xml = '<?xml version="1.0"?><rss>Київ</rss>';
    expect(decodeBytes(encode(xml, 'utf-32le'))).toEqual({ text: xml, charset: 'utf-32le' });
    expect(decodeBytes(encode(`\ufeff${xml}`, 'utf-32be'))).toEqual({ text: xml, charset: 'utf-32be' });
  });

  it('turns C1 controls back into the windows-1252 punctuation they stood for', () => {
    expect(decodeBytes(encode('<p>don\u0092t \u0093quote\u0094 \u0085</p>', 'utf-8')).text).toBe('<p>don’t “quote” …</p>');
    // UTF-8 bytes inside a larger buffer, after other two-byte characters that start with C2.
    const framed = encode('xx<p>© don\u0092t</p>', 'utf-8');
    expect(decodeBytes(new Uint8Array(framed.buffer, framed.byteOffset + 2, framed.byteLength - 2)).text).toBe('<p>© don’t</p>');
  });

  it('takes the HTTP header charset before the document declaration', () => {
    const bytes = encode('<?xml version="1.0" encoding="utf-8"?><rss>Новости</rss>', 'koi8-r');
    expect(decodeBytes(bytes, { contentType: 'text/xml; charset="KOI8-R"' }).text).toContain('Новости');
  });

  it.each([
    ['windows-1251', 'Новости', 'windows-1251'],
    ['iso-8859-2', 'Łódź', 'iso-8859-2'],
    ['iso-8859-15', 'Prix 5 €', 'iso-8859-15'],
    ['windows-1252', 'Café “quoted”', 'windows-1252'],
    ['shift_jis', '東京のニュース', 'shift_jis'],
    ['euc-jp', '東京のニュース', 'euc-jp'],
    ['gb2312', '北京新闻', 'gbk'],
    ['big5', '臺北新聞', 'big5'],
  ])('reads the XML declaration %s', (label, words, charset) => {
    const xml = `<?xml version="1.0" encoding="${label}"?><rss>${words}</rss>`;
    expect(decodeBytes(encode(xml, label === 'gb2312' ? 'gbk' : label))).toEqual({ text: xml, charset });
  });

  it('reads an HTML meta charset and http-equiv', () => {
    const html = '<html><head><meta charset="windows-1251"><title>Новости</title></head></html>';
    expect(decodeBytes(encode(html, 'windows-1251')).text).toBe(html);
    const equiv = '<html><head><meta http-equiv="Content-Type" content="text/html; charset=euc-jp"></head><body>東京</body></html>';
    expect(decodeBytes(encode(equiv, 'euc-jp'))).toEqual({ text: equiv, charset: 'euc-jp' });
  });

  it('decodes ISO-8859-1 as windows-1252, per WHATWG', () => {
    const bytes = new Uint8Array([0x93, 0x41, 0x94, 0x20, 0xe9]);
    expect(decodeBytes(bytes, { contentType: 'text/plain; charset=ISO-8859-1' })).toEqual({ text: '“A” é', charset: 'windows-1252' });
  });

  it('falls through unknown labels to the next signal', () => {
    const xml = '<?xml version="1.0" encoding="windows-1251"?><rss>Новости</rss>';
    expect(decodeBytes(encode(xml, 'windows-1251'), { contentType: 'text/xml; charset=klingon-9' }).charset).toBe('windows-1251');
    expect(decodeBytes(encode('<rss>plain</rss>', 'utf-8'), { contentType: 'text/xml; charset=klingon-9' }).charset).toBe('utf-8');
  });

  it('reads invalid "UTF-8" as windows-1252', () => {
    const bytes = encode('<?xml version="1.0" encoding="utf-8"?><rss>Café “quoted”</rss>', 'windows-1252');
    expect(decodeBytes(bytes)).toEqual({ text: '<?xml version="1.0" encoding="utf-8"?><rss>Café “quoted”</rss>', charset: 'windows-1252' });
  });

  it('keeps mostly-valid UTF-8 as UTF-8 despite a stray bad byte', () => {
    const bytes = concat(encode('<p>Šiauliai, Klaipėda, Panevėžys ', 'utf-8'), new Uint8Array([0xff]), encode('</p>', 'utf-8'));
    expect(decodeBytes(bytes)).toEqual({ text: '<p>Šiauliai, Klaipėda, Panevėžys \ufffd</p>', charset: 'utf-8' });
  });

  it('reads valid UTF-8 mislabelled with a single-byte charset as UTF-8', () => {
    const bytes = encode('<p>Café — ok</p>', 'utf-8');
    expect(decodeBytes(bytes, { contentType: 'text/html; charset=ISO-8859-1' })).toEqual({ text: '<p>Café — ok</p>', charset: 'utf-8' });
  });

  it('reads valid UTF-8 as UTF-8 over a multi-byte charset the page declares (a re-encoded page that kept its meta)', () => {
    const html = '<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"><title>人工智能迈上新台阶</title></head></html>';
    expect(decodeBytes(encode(html, 'utf-8'))).toEqual({ text: html, charset: 'utf-8' });
    const xml = '<?xml version="1.0" encoding="Shift_JIS"?><rss>東京のニュース</rss>';
    expect(decodeBytes(encode(xml, 'utf-8'))).toEqual({ text: xml, charset: 'utf-8' });
  });

  it('still trusts the HTTP header over bytes that merely look like UTF-8', () => {
    const html = '<p>人工智能</p>';
    expect(decodeBytes(encode(html, 'utf-8'), { contentType: 'text/html; charset=gbk' }).charset).toBe('gbk');
  });

  it('never throws', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.option(fc.string({ maxLength: 40 }), { nil: undefined }), (bytes, contentType) => {
        const result = decodeBytes(bytes, contentType === undefined ? {} : { contentType });
        expect(typeof result.text).toBe('string');
        expect(result.text.startsWith('\ufeff')).toBe(false);
      }),
    );
  });
});

describe('looksBinary', () => {
  it('flags images, archives and PDFs', () => {
    expect(looksBinary(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]))).toBe(true);
    expect(looksBinary(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0x08, 0, 0x08, 0]))).toBe(true);
    expect(looksBinary(encode('%PDF-1.7\n%âãÏÓ\n1 0 obj <<>> endobj', 'latin1'))).toBe(true);
  });

  it('flags bytes full of control characters', () => {
    expect(looksBinary(new Uint8Array(200).fill(0x01))).toBe(true);
  });

  it('accepts text in any charset, including UTF-16 with or without a BOM', () => {
    expect(looksBinary(encode('<rss version="2.0"><channel/></rss>', 'utf-8'))).toBe(false);
    expect(looksBinary(encode('\ufeff<rss>Київ</rss>', 'utf-16le'))).toBe(false);
    expect(looksBinary(encode('<?xml version="1.0"?><rss>news</rss>', 'utf-16le'))).toBe(false);
    expect(looksBinary(encode('<?xml version="1.0"?><rss>news</rss>', 'utf-16be'))).toBe(false);
    expect(looksBinary(encode('<?xml version="1.0"?><rss>news</rss>', 'utf-32le'))).toBe(false);
    expect(looksBinary(encode('\ufeff<rss>news</rss>', 'utf-32be'))).toBe(false);
    expect(looksBinary(encode('<p>東京</p>', 'shift_jis'))).toBe(false);
    expect(looksBinary(encode('\x1b$B;{4V\x1b(B text', 'latin1'))).toBe(false);
    expect(looksBinary(new Uint8Array())).toBe(false);
  });
});
