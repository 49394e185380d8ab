import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { validateNinjs } from '../../src/schema/ninjs-validate.js';
import { cli } from '../helpers/cli.js';

const FIXTURES = new URL('../fixtures/', import.meta.url).pathname;
const NITF = join(FIXTURES, 'nitf/ap-belarus-prisoners.xml');
const NINJS = join(FIXTURES, 'ninjs/v2-text.json');

let dir: string;
let junk: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'wiredesk-cli-'));
  junk = join(dir, 'junk.bin');
  await writeFile(junk, Buffer.from(Array.from({ length: 2048 }, (_, i) => (i * 7919) % 256)));
});

describe('wiredesk parse', () => {
  it('prints {file, format, parser, stories} for one file and exits 0', async () => {
    const { code, stdout } = await cli('parse', NITF);
    expect(code).toBe(0);
    const out = JSON.parse(stdout) as { file: string; format: string; parser: string; stories: Array<{ headline: string; credits: string[] }> };
    expect(out).toMatchObject({ file: NITF, format: 'nitf', parser: 'nitf' });
    expect(out.stories).toHaveLength(1);
    expect(out.stories[0]?.credits).toContain('AP');
  });

  it('with --jsonl gives one line per file, an error line for a failing file, and exit 1', async () => {
    const { code, stdout } = await cli('parse', NITF, junk, NINJS, '--jsonl');
    expect(code).toBe(1);
    const lines = stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.map((l) => l.file)).toEqual([NITF, junk, NINJS]);
    expect(lines[1]).toEqual({ file: junk, error: { code: 'WD_ERR_BINARY', message: expect.any(String) } });
    expect(lines[2]).toMatchObject({ format: 'ninjs' });
  });

  it('reports a missing file as an error line, not a crash', async () => {
    const { code, stdout } = await cli('parse', join(dir, 'nope.xml'), '--jsonl');
    expect(code).toBe(1);
    expect(JSON.parse(stdout)).toMatchObject({ error: { code: expect.stringMatching(/^WD_ERR_/), message: expect.stringContaining('no such file') } });
  });

  it('takes page URLs from --url and --url-map: they resolve links and become the story URL', async () => {
    const paragraph = 'The city council voted on Tuesday to expand the downtown bus network, adding three routes and later service on weeknights. ';
    const article = (title: string) =>
      `<!doctype html><html lang="en"><head><title>${title}</title></head><body><article><h1>${title}</h1>` +
      `<p>${paragraph.repeat(3)}</p><p>${paragraph.repeat(2)}</p><figure><img src="/photos/bus.jpg" alt="A bus"></figure></article></body></html>`;
    const first = join(dir, 'first.html');
    const second = join(dir, 'second.html');
    await writeFile(first, article('Council expands bus network'));
    await writeFile(second, article('Council adds late-night routes'));
    const map = join(dir, 'urls.json');
    await writeFile(map, JSON.stringify({ [first]: 'https://news.example/local/bus-network', [second]: 'https://news.example/local/late-routes' }));

    const mapped = await cli('parse', first, second, '--url-map', map, '--jsonl');
    expect(mapped.code).toBe(0);
    const lines = mapped.stdout.trim().split('\n').map((l) => JSON.parse(l) as { stories: Array<{ url: string; images: Array<{ url: string }> }> });
    expect(lines.map((l) => l.stories[0]?.url)).toEqual(['https://news.example/local/bus-network', 'https://news.example/local/late-routes']);
    expect(lines[0]?.stories[0]?.images[0]?.url).toBe('https://news.example/photos/bus.jpg');

    const single = await cli('parse', first, '--url', 'https://other.example/story');
    expect(JSON.parse(single.stdout)).toMatchObject({ stories: [{ url: 'https://other.example/story', id: 'https://other.example/story' }] });
  });

  it('--format forces a parser and refuses a document of another kind', async () => {
    const { code, stdout } = await cli('parse', NITF, '--format', 'rss', '--jsonl');
    expect(code).toBe(1);
    expect(JSON.parse(stdout)).toMatchObject({ error: { code: 'WD_ERR_FORMAT_MISMATCH' } });
  });

  it('--ninjs prints valid ninjs 3.1 by default and 2.2 on request', async () => {
    for (const [flag, version] of [[[], '3.1'], [['2.2'], '2.2']] as const) {
      const { code, stdout } = await cli('parse', NITF, '--ninjs', ...flag);
      expect(code).toBe(0);
      const [doc] = (JSON.parse(stdout) as { stories: unknown[] }).stories;
      expect(validateNinjs(doc, version)).toEqual({ valid: true, errors: [] });
    }
  });

  it('exits 2 on usage errors', async () => {
    expect((await cli('parse')).code).toBe(2);
    expect((await cli('parse', NITF, '--format', 'nope')).code).toBe(2);
    expect((await cli('parse', NITF, NINJS, '--url', 'https://x.example/')).code).toBe(2);
    expect((await cli('parse', NITF, '--time-zone', 'Mars/Olympus')).code).toBe(2);
    expect((await cli('parse', NITF, '--max-bytes', '-5')).code).toBe(2);
  });

  it('refuses a file over --max-bytes before reading it', async () => {
    const { code, stdout } = await cli('parse', NITF, '--max-bytes', '100', '--jsonl');
    expect(code).toBe(1);
    expect(JSON.parse(stdout)).toMatchObject({ error: { code: 'WD_ERR_TOO_LARGE' } });
  });
});
