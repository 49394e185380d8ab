import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDocument } from 'htmlparser2';
import { decodeBytes } from '../../src/parsers/cleaners/charset.js';
import { parseStories } from '../../src/parsers/parse.js';
import { benchmarkPages, FAKE_URL, fundusPages, mercuryPages, pageBytes, readabilityPages } from '../eval/article-pages.js';
import { exists, readJson } from '../eval/corpus.js';
import type { BenchRow } from './report.js';

const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));
/**
 * Every system is timed over all the pages, after one untimed pass, in rounds until it has run
 * at least this many rounds, pages and seconds: a fast system's round lasts about a second, and
 * one hiccup of this shared machine would move its figure by a quarter.
 */
const MIN_ROUNDS = 2;
const MIN_TIMED = 200;
const MIN_SECONDS = 20;
const TARGETS = { readability: 5, mercury: 2, floor: 3 };

interface BenchPage {
  url: string;
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
  rounds: number;
  failed: number;
  rate: number;
  /** The slowest and fastest round's pages/s: how much the machine moved while timing. */
  roundRates: [number, number];
  median: number;
  p99: number;
  peakMb: number;
  startMb: number;
}

/**
 * Article-page extraction, in this process, over the same pages: wiredesk's whole path
 * (`parseStories`: decode, parse, every strategy, finalize) in rounds alternating with a bare
 * htmlparser2 parse as the floor, then Mercury, then Readability on jsdom. All bytes are read
 * first; only extraction is timed, page by page. Mercury is told not to fetch further
 * pages, so nothing here touches the network.
 */
export async function benchExtraction(): Promise<BenchRow[]> {
  const pages = loadPages();
  // Loaded here, not at the top: the other sections' memory figures should not carry jsdom.
  const [{ Readability }, { default: Mercury }, { JSDOM, VirtualConsole }] = await Promise.all([import('@mozilla/readability'), import('@postlight/parser'), import('jsdom')]);
  const silent = new VirtualConsole();

  const floor: System = { name: 'bare parse (htmlparser2 parseDocument, the floor)', extract: (p) => parseDocument(p.text, { decodeEntities: true }) };
  const wiredesk: System = { name: 'wiredesk parseStories (decode … finalize)', extract: (p) => parseStories(p.bytes, { url: p.url }) };
  const mercurySystem: System = { name: 'Mercury (@postlight/parser)', extract: (p) => Mercury.parse(p.url, { html: p.text, fetchAllPages: false }) };
  const readability: System = {
    name: 'Readability + jsdom',
    extract: (p) => {
      const dom = new JSDOM(p.text, { url: p.url, virtualConsole: silent });
      const article = new Readability(dom.window.document).parse();
      dom.window.close();
      return article;
    },
  };

  const timings = new Map<System, Timing>();
  for (const group of [[floor, wiredesk], [mercurySystem], [readability]]) {
    for (const [system, timing] of await timeSystems(group, pages)) timings.set(system, timing);
  }
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
      `${t.pages} pages${t.rounds > 1 ? ` × ${t.rounds}` : ''}${t.failed > 0 ? ` (${t.failed} failed)` : ''}`.padEnd(22),
      `rounds ${t.roundRates.map((r) => r.toFixed(r < 10 ? 1 : 0)).join('–')} pages/s`.padEnd(24),
      `median ${t.median.toFixed(2).padStart(7)} ms`,
      `p99 ${t.p99.toFixed(1).padStart(7)} ms`,
      system === floor ? 'peak RSS: timed with wiredesk' : `peak RSS ${String(t.peakMb).padStart(5)} MB (+${t.peakMb - t.startMb})`,
    ].join('  '),
  }));
}

/** "wiredesk 3.1× faster, target ≥ 2× ✓" */
function verdict(ratio: number, target: number, direction: 'faster' | 'slower', met: (ratio: number) => boolean): string {
  return `wiredesk ${ratio.toFixed(1)}× ${direction}, target ${direction === 'faster' ? '≥' : '≤'} ${target}× ${met(ratio) ? '✓' : '✗'}`;
}

/**
 * Times a group of systems on the same pages in alternating rounds: a round of one system over
 * every page, then a round of the next, the order turning each time. Each system runs its own
 * tight loop (nothing else's code or garbage between its pages), while the shared machine's
 * drift — it runs a quarter faster or slower from one minute to the next — falls on all of the
 * group alike. The floor and wiredesk are one group: their ratio is the figure with a target.
 *
 * Every system is first warmed up with one untimed pass over every page — a worker runs for
 * hours, so the figure that matters is the JIT-compiled steady state, not the first pages'
 * compilation. Rounds then run until MIN_ROUNDS, MIN_TIMED and MIN_SECONDS are all reached, each
 * after a garbage collection when `--expose-gc` allows one; a failing page counts once. Resident
 * memory is sampled after each page (extraction is synchronous, so a timer would never fire
 * during it); in a group it is the group's.
 */
async function timeSystems(group: readonly System[], pages: readonly BenchPage[]): Promise<Map<System, Timing>> {
  for (const system of group) for (const page of pages) await attempt(system, page);
  globalThis.gc?.();
  const startRss = process.memoryUsage.rss();
  let peakRss = startRss;
  const runs = group.map(() => ({ failed: new Set<BenchPage>(), times: [] as number[], roundRates: [] as number[] }));
  const timingStarted = performance.now();
  const enough = () =>
    runs[0]!.roundRates.length >= MIN_ROUNDS && runs[0]!.times.length >= MIN_TIMED && performance.now() - timingStarted >= MIN_SECONDS * 1000;
  while (!enough()) {
    const round = runs[0]!.roundRates.length;
    for (let k = 0; k < group.length; k++) {
      const i = (k + round) % group.length;
      const run = runs[i]!;
      globalThis.gc?.();
      let roundTime = 0;
      for (const page of pages) {
        const started = performance.now();
        if (!(await attempt(group[i]!, page))) run.failed.add(page);
        const took = performance.now() - started;
        run.times.push(took);
        roundTime += took;
        peakRss = Math.max(peakRss, process.memoryUsage.rss());
      }
      run.roundRates.push((pages.length / roundTime) * 1000);
    }
  }
  const mb = (bytes: number) => Math.round(bytes / 1_048_576);
  return new Map(
    group.map((system, i) => {
      const { failed, times, roundRates } = runs[i]!;
      const sorted = times.toSorted((a, b) => a - b);
      const total = sorted.reduce((sum, t) => sum + t, 0);
      const timing: Timing = {
        pages: pages.length,
        rounds: roundRates.length,
        failed: failed.size,
        rate: (times.length / total) * 1000,
        roundRates: [Math.min(...roundRates), Math.max(...roundRates)],
        median: quantile(sorted, 0.5),
        p99: quantile(sorted, 0.99),
        peakMb: mb(peakRss),
        startMb: mb(startRss),
      };
      return [system, timing];
    }),
  );
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
  return `Extraction: article pages, in-process, wiredesk in rounds alternating with the floor (${from})`;
}

/**
 * Every article page of the shared corpus (as `npm run eval` loads them, with newspaper's pages
 * whose expected text is a failure note too: speed needs no ground truth); without the corpus,
 * the project's own HTML fixtures.
 */
function loadPages(): BenchPage[] {
  const corpus = corpusDir();
  if (corpus) {
    const listed = [mercuryPages, readabilityPages, newspaperPages, fundusPages, benchmarkPages].flatMap((load) => load(corpus));
    return listed.map(({ file, url }) => page(url, pageBytes(corpus, file)));
  }
  const fixtures = join(PROJECT_ROOT, 'tests/fixtures/html');
  return readdirSync(fixtures)
    .filter((f) => f.endsWith('.html'))
    .sort()
    .map((f) => {
      const options = join(fixtures, f.replace(/\.html$/, '.options.json'));
      const url = existsSync(options) ? (JSON.parse(readFileSync(options, 'utf8')) as { url?: string }).url : undefined;
      return page(url ?? FAKE_URL, readFileSync(join(fixtures, f)));
    });
}

const NEWSPAPER = 'articles/newspaper/ground_truth.json';

function newspaperPages(corpus: string): Array<{ file: string; url: string }> {
  if (!exists(corpus, NEWSPAPER)) return [];
  return (readJson(corpus, NEWSPAPER) as Array<{ file: string; url: string | null }>).map((e) => ({ file: e.file, url: e.url ?? FAKE_URL }));
}

function page(url: string, bytes: Uint8Array): BenchPage {
  return { url, bytes, text: decodeBytes(bytes, {}).text };
}
