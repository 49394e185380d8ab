/**
 * The article-page sets: each corpus folder of saved pages run through wiredesk, Readability and
 * Mercury, every system scored by the same rules (article-score.ts), one column per system.
 */
import { WiredeskError } from '../../src/errors.js';
import { parseStories } from '../../src/parsers/parse.js';
import {
  authorNames,
  compareDates,
  sameAuthors,
  sameHeadline,
  sameHeadlineUpToSite,
  sameOpening,
} from './article-score.js';
import {
  benchmarkPages,
  fundusPages,
  mercuryPages,
  newspaperPages,
  pageBytes,
  publishedF1,
  readabilityPages,
  type ArticlePage,
} from './article-pages.js';
import {
  BASELINES,
  runBaselines,
  type Baseline,
  type BaselineAnswer,
} from './baselines.js';
import { exists, formatCounts, UNTYPED_ERROR, untypedError, type Outcome } from './corpus.js';
import type { Cell, EvalContext, EvalSet, Figure, Mismatch, Ratio, SetReport } from './report.js';
import { Absent, Agreement } from './score.js';
import { corpusF1, shingleScores, type CorpusScore, type ShingleScore } from './shingles.js';
import { bodyStart } from './text.js';

export type System = 'wiredesk' | Baseline;
export const SYSTEM_NAMES: Readonly<Record<System, string>> = {
  wiredesk: 'wiredesk',
  readability: 'Readability',
  mercury: 'Mercury',
};

/** The agreement fields, in table order; the lenient variants are tallied but their misses not listed. */
export const FIELDS = {
  headline: 'headline',
  headlineSite: 'headline, site suffix allowed',
  authors: 'authors',
  date: 'published date',
  dateDay: 'published date, same day',
  opening: 'body opening',
} as const;
const LENIENT: ReadonlySet<string> = new Set([FIELDS.headlineSite, FIELDS.dateDay]);

/** One system's article on one page, in the terms the rules compare. */
interface Extracted {
  headline: string | null;
  authors: string[];
  published: string | null;
  body: string;
}
type PageResult = { ok: true; article: Extracted } | { ok: false; failure: string };

export interface SystemScores {
  /** Pages where the system gave an article at all. */
  found: Ratio;
  /** Why it gave none: wiredesk's error codes, the baselines' null results and crashes. */
  failures: string[];
  agreement: Agreement;
  /** Null when no page of the set has an expected body. */
  body: CorpusScore | null;
  seconds: number;
}

/** What one article set came to, per system that ran. */
export type ArticleSetResult = Partial<Record<System, SystemScores>>;

/** Results of the article sets run in this process, for the summary set. */
const ran = new Map<string, ArticleSetResult>();

export function articleResults(): ReadonlyMap<string, ArticleSetResult> {
  return ran;
}

/** Fixed so two runs over the same corpus give the same stories (as corpus.ts's parseFile). */
const FETCHED_AT = '2000-01-01T00:00:00Z';

function parsePage(bytes: Uint8Array, url: string): Outcome {
  try {
    return { ok: true, result: parseStories(bytes, { url, fetchedAt: FETCHED_AT }) };
  } catch (error) {
    if (error instanceof WiredeskError) return { ok: false, code: error.code, message: error.message };
    return { ok: false, code: UNTYPED_ERROR, message: error instanceof Error ? error.message : String(error) };
  }
}

function wiredeskResult(outcome: Outcome): PageResult {
  const story = outcome.ok ? outcome.result.stories[0] : undefined;
  if (story === undefined) return { ok: false, failure: outcome.ok ? 'no story' : outcome.code };
  const authors = story.bylines.flatMap((b) => (b.organization === undefined ? [b.name] : [b.name, b.organization]));
  return {
    ok: true,
    article: { headline: story.headline, authors, published: story.publishedAt, body: story.bodyText },
  };
}

/** A baseline's byline is a string: split into names by the same rule as the expected one. */
function baselineResult(answer: BaselineAnswer): PageResult {
  if (!answer.ok) return { ok: false, failure: answer.failure };
  const { headline, byline, published, body } = answer;
  return { ok: true, article: { headline, authors: byline === null ? [] : authorNames(byline), published, body } };
}

/** Per-page body F1 under which wiredesk's page is listed with the mismatches. */
const LOW_F1 = 0.8;

function score(
  system: System,
  pages: readonly ArticlePage[],
  results: readonly PageResult[],
  seconds: number,
): { scores: SystemScores; mismatches: Mismatch[] } {
  const agreement = new Agreement(system);
  const bodies: ShingleScore[] = [];
  const lowBodies: Mismatch[] = [];
  pages.forEach(({ file, expected }, i) => {
    const result = results[i] ?? { ok: false, failure: 'not run' };
    const got = result.ok ? result.article : null;
    const absent = result.ok ? null : new Absent(result.failure);
    if (expected.headline !== undefined) {
      const headline = got?.headline ?? null;
      const same = sameHeadline(expected.headline, headline);
      agreement.check(FIELDS.headline, file, same, expected.headline, absent ?? headline);
      const site = sameHeadlineUpToSite(expected.headline, headline);
      agreement.check(FIELDS.headlineSite, file, site, expected.headline, absent ?? headline);
    }
    const names = (expected.authors ?? []).flatMap(authorNames);
    if (names.length > 0) {
      const ok = sameAuthors(names, got?.authors ?? []);
      agreement.check(FIELDS.authors, file, ok, expected.authors?.join('; '), absent ?? got?.authors.join('; '));
    }
    if (expected.published !== undefined) {
      const dates = compareDates(expected.published, got?.published ?? null);
      agreement.check(FIELDS.date, file, dates.exact, expected.published, absent ?? got?.published ?? null);
      agreement.check(FIELDS.dateDay, file, dates.sameDay, expected.published, absent ?? got?.published ?? null);
    }
    if (expected.opening !== undefined) {
      const ok = got !== null && sameOpening(expected.opening, got.body);
      agreement.check(FIELDS.opening, file, ok, bodyStart(expected.opening), absent ?? bodyStart(got?.body ?? ''));
    }
    if (expected.body !== undefined) {
      const item = shingleScores(expected.body, got?.body ?? '');
      bodies.push(item);
      const { precision, recall, f1 } = corpusF1([item]);
      if (f1 < LOW_F1) {
        const figures = `F1 ${f1.toFixed(2)} (P ${precision.toFixed(2)}, R ${recall.toFixed(2)})`;
        const detail = absent === null ? figures : `${figures} <${absent.reason}>`;
        const field = `body F1 < ${LOW_F1}`;
        lowBodies.push({ group: system, field, file, expected: bodyStart(expected.body), got: detail });
      }
    }
  });
  const failures = results.flatMap((r) => (r.ok ? [] : [r.failure]));
  const scores: SystemScores = {
    found: { n: results.length - failures.length, of: results.length },
    failures,
    agreement,
    body: bodies.length > 0 ? corpusF1(bodies) : null,
    seconds,
  };
  const mismatches = [...agreement.mismatches.filter((m) => !LENIENT.has(m.field)), ...lowBodies];
  return { scores, mismatches };
}

const fixed3 = (value: number): string => value.toFixed(3);

function tableRows(scores: ReadonlyArray<SystemScores>, published: Cell[] | null): Cell[][] {
  const ratios = (field: string): Cell[] => [field, ...scores.map((s) => s.agreement.ratio(field))];
  const body = (label: string, pick: (b: CorpusScore) => number): Cell[] => [
    label,
    ...scores.map((s) => (s.body === null ? null : fixed3(pick(s.body)))),
  ];
  const rows: Cell[][] = [
    ['article found', ...scores.map((s) => s.found)],
    ['no article (why)', ...scores.map((s) => formatCounts(s.failures.map((f) => f.slice(0, 60))) || null)],
    ...Object.values(FIELDS).map(ratios),
    body('body F1', (b) => b.f1),
    body('body precision', (b) => b.precision),
    body('body recall', (b) => b.recall),
    ...(published === null ? [] : [published]),
  ];
  // A measure no page of the set has ground truth for is left out rather than shown as "-".
  return rows.filter((row) => row.slice(1).some((cell) => cell !== null && (typeof cell !== 'object' || cell.of > 0)));
}

/** The comparison rules, printed under every article table. */
const RULES = [
  'headline: equal after lower-casing and keeping only letters and digits. "site suffix allowed": also when one ' +
    'of the two is the other plus a trailing " | Site", " - Site", " – Site", " — Site" or " · Site" segment.',
  'authors: the expected byline is cut at its first line break, a leading "By" dropped, and split on , ; & "and"; ' +
    'a page counts when every expected name equals, contains or is contained in a predicted name (letters and ' +
    "digits, lower-cased). Predicted: wiredesk's bylines[].name and .organization; the baselines' byline split the " +
    'same way. Pages with no expected author are not counted.',
  'published date: the same instant within 60 s; the same UTC day when the expected value has no time of day (or ' +
    'exactly midnight); an expected clock time with no offset names no instant, so it matches a prediction showing ' +
    'the same clock time in some real zone (whole quarter hours, at most 14 h away). "same day": the same UTC day or ' +
    'within 14 h. Pages with no expected date are not counted.',
  "body F1: 4-token shingles per the benchmark's METRIC.md, corpus-level (mean per-page P and R, F1 of the means). " +
    "Texts: wiredesk's bodyText, Readability's textContent, Mercury's content HTML to text.",
  'A system that throws, returns null or gives up on a page misses every measure on it. Every page is run with ' +
    "the URL its ground truth gives (Readability's test URL http://fakehost/test/page.html when none).",
];

interface ArticleSetSpec {
  name: string;
  title: string;
  folder: string;
  load(corpus: string): ArticlePage[];
  notes: readonly string[];
  /** Published figures of the same benchmark, shown for reference. */
  published?: typeof publishedF1;
}

/** wiredesk, then the baselines unless they are switched off, each scored on the set's pages. */
function scoreSystems(corpus: string, pages: readonly ArticlePage[], withBaselines: boolean) {
  const started = performance.now();
  const outcomes = pages.map((page) => parsePage(pageBytes(corpus, page.file), page.url));
  const wiredesk = score('wiredesk', pages, outcomes.map(wiredeskResult), (performance.now() - started) / 1000);
  const systems: Array<[System, SystemScores]> = [['wiredesk', wiredesk.scores]];
  if (withBaselines) {
    const answers = runBaselines({ corpus, pages: pages.map(({ file, url }) => ({ file, url })) });
    for (const system of BASELINES) {
      const seconds = answers[system].reduce((sum, a) => sum + a.ms, 0) / 1000;
      systems.push([system, score(system, pages, answers[system].map(baselineResult), seconds).scores]);
    }
  }
  const crashes = outcomes.flatMap((outcome, i) => untypedError(pages[i]?.file ?? '', outcome));
  return { systems, mismatches: [...crashes, ...wiredesk.mismatches] };
}

function run(spec: ArticleSetSpec, { corpus, baselines }: EvalContext): SetReport {
  if (!exists(corpus, spec.folder)) {
    return { tables: [], notes: [`${spec.folder} is absent: set skipped`], mismatches: [], figures: [] };
  }
  const started = performance.now();
  const pages = spec.load(corpus);
  const { systems, mismatches } = scoreSystems(corpus, pages, baselines);
  ran.set(spec.name, Object.fromEntries(systems));

  const reference = spec.published?.(corpus) ?? null;
  const referenceRow: Cell[] | null =
    reference === null
      ? null
      : [
          'body F1, published (full benchmark)',
          ...systems.map(([s]) => (s === 'readability' ? fixed3(reference.readability.f1) : null)),
        ];
  const referenceNote =
    reference === null
      ? []
      : [
          `Published F1 on all the benchmark's pages (this corpus holds ${pages.length} of them): ` +
            `${reference.readability.name} ${fixed3(reference.readability.f1)}, ` +
            `best open-source ${reference.best.name} ${fixed3(reference.best.f1)}.`,
        ];
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const timing = systems.map(([s, scores]) => `${SYSTEM_NAMES[s]} ${scores.seconds.toFixed(1)} s`).join(', ');
  const ours = systems[0]?.[1];
  const figures: Figure[] =
    ours === undefined
      ? []
      : [
          { label: `${spec.name}: wiredesk found an article`, ...ours.found },
          ...[FIELDS.headline, FIELDS.authors, FIELDS.date]
            .map((field) => ({ label: `${spec.name}: wiredesk ${field} right`, ...ours.agreement.ratio(field) }))
            .filter((figure) => figure.of > 0),
        ];
  return {
    tables: [
      {
        title: `${pages.length} pages, a column per system`,
        columns: ['measure', ...systems.map(([s]) => SYSTEM_NAMES[s])],
        rows: tableRows(
          systems.map(([, scores]) => scores),
          referenceRow,
        ),
      },
    ],
    notes: [
      ...spec.notes,
      ...referenceNote,
      ...RULES,
      baselines
        ? `time: ${seconds} s for the set (${timing}; the baselines one page at a time, in a child process)`
        : `time: ${seconds} s (${timing}); baselines skipped (--no-baselines)`,
    ],
    mismatches,
    figures,
  };
}

function articleSet(spec: ArticleSetSpec): EvalSet {
  return { name: spec.name, title: spec.title, run: (ctx) => run(spec, ctx) };
}

export const ARTICLE_SETS: readonly EvalSet[] = [
  articleSet({
    name: 'articles-mercury',
    title: "Article pages: Mercury's fixtures (postlight/parser)",
    folder: 'articles/mercury',
    load: mercuryPages,
    notes: [
      "Ground truth is Mercury's own pinned output (so Mercury is scored against itself); a field counts only " +
        'when its test asserts it.',
      "Mercury's fixtures store nearly every meta tag with value= instead of content=, so Readability, which reads " +
        'content=, finds almost no dates or bylines there.',
      "body opening: the system's body text opens with the first 8 words of content_starts_with, or its own first " +
        '8 words lie within content_starts_with (which keeps leading image credits and captions); a leading dateline ' +
        'stripped from both, compared on letters and digits only.',
    ],
  }),
  articleSet({
    name: 'articles-readability',
    title: "Article pages: Readability's test pages (mozilla/readability)",
    folder: 'articles/readability',
    load: readabilityPages,
    notes: [
      "Ground truth is Readability's own output (expected-metadata.json; expected.html's text as the body), so " +
        'Readability is scored against itself (its expectations come from the repository commit the corpus pinned).',
    ],
  }),
  articleSet({
    name: 'articles-newspaper',
    title: "Article pages: newspaper's regression pages (codelucas/newspaper)",
    folder: 'articles/newspaper',
    load: newspaperPages,
    notes: [
      "Body ground truth is newspaper's accepted output; pages whose text file is a failure note are left out. " +
        'Headline, authors and date only where a unit test states them.',
    ],
  }),
  articleSet({
    name: 'articles-fundus',
    title: "Article pages: fundus's AP News sample (flairNLP/fundus)",
    folder: 'articles/fundus-sample',
    load: fundusPages,
    notes: ['One apnews.com page (2023): title, authors, publishing date and body paragraphs.'],
  }),
  articleSet({
    name: 'benchmark-aeb',
    title: 'Article pages: article-extraction benchmark (scrapinghub), body text',
    folder: 'benchmark/scrapinghub-aeb',
    load: benchmarkPages,
    notes: ['Human-annotated article bodies; body F1 only.'],
    published: publishedF1,
  }),
];
