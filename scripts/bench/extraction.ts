import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { Readability } from '@mozilla/readability';
import { parseDocument } from 'htmlparser2';
import { decodeBytes } from '../../src/parsers/cleaners/charset.js';
import { parseStories } from '../../src/parsers/parse.js';
import type { BenchRow } from './report.js';

const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** The URL mozilla/readability's own tests give their pages (its ground truth states none). */
const READABILITY_TEST_URL = 'http://fakehost/test/page.html';
const WARM_UP_PAGES = 5;
const TARGETS = { readability: 5, mercury: 2, floor: 3 };

// Dev-only references without type packages: typed here to the little the bench calls.
const require = createRequire(import.meta.url);
interface JsdomModule {
  JSDOM: new (html: string, options: { url: string; virtualConsole: unknown }) => { window: { document: unknown; close(): void } };
  VirtualConsole: new () => unknown;
}
interface MercuryParser {
  parse(url: string, options: { html: string; fetchAllPages: boolean }): Promise<unknown>;
}

interface BenchPage {
  url: string | undefined;
  bytes: Uint8Array;
  /** The page decoded as wiredesk decodes it, for the systems that take a string. */
  text: string;
}

interface System {
  name: string;
  extract(page: BenchPage): unknown;
}

interface Timing {
  pages: number;
  failed: number;
  rate: number;
  median: number;
  p99: number;
  peakMb: number;
  startMb: number;
}

/**
 * Article-page extraction, in this process, one system after another over the same pages:
 * wiredesk's whole path (`parseStories`: decode, parse, every strategy, finalize) beside
 * Readability on jsdom, Mercury, and a bare htmlparser2 parse of each page as the floor. All bytes
 * are read first; only extraction is timed, page by page. Mercury is told not to fetch further
 * pages, so nothing here touches the network.
 */
export async function benchExtraction(): Promise<BenchRow[]> {
  const pages = loadPages();
  const { JSDOM, VirtualConsole } = require('jsdom') as JsdomModule;
  const mercury = require('@postlight/parser') as MercuryParser;
  const silent = new VirtualConsole();
  const urlOf = (page: BenchPage) => page.url ?? READABILITY_TEST_URL;

  const floor: System = { name: 'bare parse (htmlparser2 parseDocument, the floor)', extract: (p) => parseDocument(p.text, { decodeEntities: true }) };
  const wiredesk: System = { name: 'wiredesk parseStories (decode … finalize)', extract: (p) => parseStories(p.bytes, p.url === undefined ? {} : { url: p.url }) };
  const mercurySystem: System = { name: 'Mercury (@postlight/parser)', extract: (p) => mercury.parse(urlOf(p), { html: p.text, fetchAllPages: false }) };
  const readability: System = {
    name: 'Readability + jsdom',
    extract: (p) => {
      const dom = new JSDOM(p.text, { url: urlOf(p), virtualConsole: silent });
      const article = new Readability(dom.window.document as never).parse();
      dom.window.close();
      return article;
    },
  };

  const timings = new Map<System, Timing>();
  for (const system of [floor, wiredesk, mercurySystem, readability]) timings.set(system, await timeSystem(system, pages));
  const ours = timings.get(wiredesk)!;
  const faster = (other: System, target: number) => verdict(ours.rate / timings.get(other)!.rate, target, 'faster', (r) => r >= target);
  const ratios = new Map<System, string>([
    [floor, verdict(timings.get(floor)!.rate / ours.rate, TARGETS.floor, 'slower', (r) => r <= TARGETS.floor)],
    [wiredesk, ''],
    [mercurySystem, faster(mercurySystem, TARGETS.mercury)],
    [readability, faster(readability, TARGETS.readability)],
  ]);
  const width = Math.max(...[...ratios.values()].map((r) => r.length));
  return [...timings].map(([system, t]): BenchRow => ({
    name: system.name,
    unit: 'pages/s',
    rate: t.rate,
    ratio: (ratios.get(system) || '(measured)').padEnd(width),
    detail: [
      `${t.pages} pages${t.failed > 0 ? ` (${t.failed} failed)` : ''}`.padEnd(22),
      `median ${t.median.toFixed(2).padStart(7)} ms`,
      `p99 ${t.p99.toFixed(1).padStart(7)} ms`,
      `peak RSS ${String(t.peakMb).padStart(5)} MB (+${t.peakMb - t.startMb})`,
    ].join('  '),
  }));
}

/** "wiredesk 3.1× faster, target ≥ 2× ✓" */
function verdict(ratio: number, target: number, direction: 'faster' | 'slower', met: (ratio: number) => boolean): string {
  return `wiredesk ${ratio.toFixed(1)}× ${direction}, target ${direction === 'faster' ? '≥' : '≤'} ${target}× ${met(ratio) ? '✓' : '✗'}`;
}

/**
 * Warms the system up on a few pages, then times it on every page. Resident memory is sampled
 * after each page (extraction is synchronous, so a timer would never fire during it), after a
 * garbage collection when `--expose-gc` allows one.
 */
async function timeSystem(system: System, pages: readonly BenchPage[]): Promise<Timing> {
  for (const page of pages.slice(0, WARM_UP_PAGES)) await attempt(system, page);
  globalThis.gc?.();
  const startRss = process.memoryUsage.rss();
  let peakRss = startRss;
  let failed = 0;
  const times: number[] = [];
  for (const page of pages) {
    const started = performance.now();
    if (!(await attempt(system, page))) failed++;
    times.push(performance.now() - started);
    peakRss = Math.max(peakRss, process.memoryUsage.rss());
  }
  const sorted = times.toSorted((a, b) => a - b);
  const total = sorted.reduce((sum, t) => sum + t, 0);
  const mb = (bytes: number) => Math.round(bytes / 1_048_576);
  return {
    pages: pages.length,
    failed,
    rate: (pages.length / total) * 1000,
    median: quantile(sorted, 0.5),
    p99: quantile(sorted, 0.99),
    peakMb: mb(peakRss),
    startMb: mb(startRss),
  };
}

/** True when the system returned (or resolved); an error is a failed page whose time still counts. */
async function attempt(system: System, page: BenchPage): Promise<boolean> {
  try {
    const result = system.extract(page);
    if (result instanceof Promise) await result;
    return true;
  } catch {
    return false;
  }
}

/** Nearest-rank quantile of sorted values. */
function quantile(sorted: readonly number[], q: number): number {
  return sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)] ?? Number.NaN;
}

/** The shared corpus's directory, or null when it is absent. */
function corpusDir(): string | null {
  const dir = resolve(process.env.WIREDESK_CORPUS ?? join(PROJECT_ROOT, '../shared/corpus'));
  return existsSync(join(dir, 'articles')) ? dir : null;
}

/** The section's title, which says where the pages come from. */
export function extractionTitle(): string {
  const from = corpusDir() ? 'the shared corpus' : "the project's HTML fixtures: the shared corpus is absent";
  return `Extraction: article pages, in-process, one system after another (${from})`;
}

/**
 * Every article page of the shared corpus, with its URL from the ground truth; without the
 * corpus, the project's own HTML fixtures.
 */
function loadPages(): BenchPage[] {
  const corpus = corpusDir();
  if (corpus) return corpusPages(corpus);
  const fixtures = join(PROJECT_ROOT, 'tests/fixtures/html');
  return readdirSync(fixtures)
    .filter((f) => f.endsWith('.html'))
    .sort()
    .map((f) => {
      const options = join(fixtures, f.replace(/\.html$/, '.options.json'));
      const url = existsSync(options) ? (readJson(options) as { url?: string }).url : undefined;
      return page(url, readFileSync(join(fixtures, f)));
    });
}

function corpusPages(corpus: string): BenchPage[] {
  const listed = (file: string) => readJson(join(corpus, file)) as Array<{ file: string; url?: string | null }>;
  const fromList = (file: string, fallbackUrl?: string) => listed(file).map((e) => page(e.url ?? fallbackUrl, readFileSync(join(corpus, e.file))));
  const aeb = join(corpus, 'benchmark/scrapinghub-aeb');
  const aebTruth = existsSync(aeb) ? (readJson(join(aeb, 'ground-truth.json')) as Record<string, { url: string }>) : {};
  return [
    ...fromList('articles/mercury/ground_truth.json'),
    ...fromList('articles/readability/ground_truth.json', READABILITY_TEST_URL),
    ...fromList('articles/newspaper/ground_truth.json'),
    ...Object.entries(aebTruth)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([id, truth]) => page(truth.url, gunzipSync(readFileSync(join(aeb, 'html', `${id}.html.gz`))))),
  ];
}

function page(url: string | undefined, bytes: Uint8Array): BenchPage {
  return { url, bytes, text: decodeBytes(bytes, {}).text };
}

function readJson(file: string): unknown {
  return JSON.parse(readFileSync(file, 'utf8')) as unknown;
}
