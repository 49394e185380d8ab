import { describe, expect, it } from 'vitest';
import { evaluateFeedparser, statedBozo } from '../../../scripts/eval/feedparser.js';

describe('statedBozo', () => {
  it('reads the leading bozo claim only', () => {
    expect(statedBozo('bozo')).toBe(true);
    expect(statedBozo("bozo and encoding == 'Big5'")).toBe(true);
    expect(statedBozo("not bozo and entries[0]['title'] == 'foo'")).toBe(false);
    expect(statedBozo('bozo_exception')).toBeNull();
    expect(statedBozo("entries[0].link == 'x'")).toBeNull();
    expect(statedBozo(null)).toBeNull();
  });
});

describe('evaluateFeedparser without stories', () => {
  const failed = { outcome: { ok: false, code: 'WD_ERR_NO_STORY', message: '' } as const, charset: () => 'big5' };

  it('keeps bozo-only expectations as information', () => {
    expect(evaluateFeedparser('bozo', failed)).toEqual({ status: 'bozo only', bozo: true, detail: '' });
  });

  it('compares charsets by their WHATWG names', () => {
    expect(evaluateFeedparser("bozo and encoding == 'Big5'", failed).status).toBe('passed');
    expect(evaluateFeedparser("encoding == 'EUC-JP'", failed)).toMatchObject({ status: 'failed', detail: '"big5" for encoding == "EUC-JP"' });
  });

  it('fails entry checks on a file that did not parse, naming the code', () => {
    expect(evaluateFeedparser("not bozo and entries[0]['title'] == 'foo'", failed)).toEqual({
      status: 'failed',
      bozo: false,
      detail: '<WD_ERR_NO_STORY> for entries[0].title == "foo"',
    });
  });

  it('passes a bare 1 unless the parser threw an untyped error', () => {
    expect(evaluateFeedparser('1', failed).status).toBe('passed');
    expect(evaluateFeedparser('1', { ...failed, outcome: { ok: false, code: 'UNTYPED_ERROR', message: '' } }).status).toBe('failed');
  });

  it('does not evaluate what it cannot translate safely', () => {
    for (const source of [
      "not bozo and feed['title'] == 'found'",
      "not bozo and entries[0]['description'] == '<p>Example description</p>'",
      "not bozo and entries[0]['enclosures'][0]['type'] == 'image/jpeg'",
      'bozo and isinstance(bozo_exception, feedparser.CharacterEncodingOverride)',
      null,
    ]) {
      expect(evaluateFeedparser(source, failed).status).toBe('not evaluated');
    }
  });
});
