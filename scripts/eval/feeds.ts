/**
 * The feeds set: every feed file under feeds/, grouped by the project it came from. Files with
 * rss-parser or feed-rs output are scored item by item; feedparser's files by its expectations;
 * the bad inputs the index names (HTML, 403 pages, YouTube feeds, broken XML) are listed with
 * the answer we gave, which should be a typed error or a correct story.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { decodeBytes } from '../../src/parsers/cleaners/charset.js';
import type { Format, Story } from '../../src/schema/story.js';
import {
  describeOutcome,
  exists,
  formatCounts,
  listFiles,
  parseFile,
  readJson,
  storyAt,
  untypedError,
  type Outcome,
} from './corpus.js';
import { expectedItems, linkInUrlOrGuid, sameDate, sameLink, sameTitle, type ExpectedItem } from './feed-expected.js';
import { evaluateFeedparser, feedparserReport, type FeedparserCase } from './feedparser.js';
import { fillTable } from './fill.js';
import {
  ratio,
  type Cell,
  type EvalContext,
  type EvalSet,
  type Mismatch,
  type Ratio,
  type SetReport,
  type Table,
} from './report.js';
import { Absent, Agreement } from './score.js';

const FEEDS = 'feeds';
const INDEX = 'feeds/index.json';
const FEEDPARSER = 'feeds/feedparser/expectations.json';
/** Ground truth of the dates set, not a feed. */
const DATE_VECTORS = 'feeds/feedparser/date_vectors.json';

const FeedIndex = z.array(
  z.object({ file: z.string(), expected: z.string().nullable().optional(), note: z.string().nullable().optional() }),
);
const FeedparserExpectations = z.array(z.object({ file: z.string(), expect_python_expr: z.string().nullable() }));

/** How the index marks inputs that are not (valid) feeds. */
const BAD_INPUT = /\b(?:INVALID|MALFORMED|NOT A FEED|NON-FEED|bad input|parse error|YouTube)\b/i;

const ITEM_FIELDS = ['title', 'link exact', 'link url/guid', 'date'] as const;

/** Parsing a feed file with another parser (an HTML page read as an article) is worth a column. */
const FEED_FORMATS: ReadonlySet<Format> = new Set(['rss', 'rdf', 'atom', 'jsonfeed']);

/** What one source (rss-parser, feed-rs, …) came to. */
class SourceTally {
  readonly outcomes: Outcome[] = [];
  readonly stories: Story[] = [];
  readonly agreement: Agreement;
  filesWithExpected = 0;
  exactCounts = 0;
  expectedItems = 0;
  ourItems = 0;
  /** Σ min(ours, expected) per file: the expected items we produced. */
  countedItems = 0;

  constructor(source: string) {
    this.agreement = new Agreement(source);
  }

  add(outcome: Outcome): void {
    this.outcomes.push(outcome);
    if (outcome.ok) this.stories.push(...outcome.result.stories);
  }

  /** Counts the file's items and compares each expected item with our story at the same position. */
  score(file: string, items: readonly ExpectedItem[], outcome: Outcome): void {
    const ours = outcome.ok ? outcome.result.stories.length : 0;
    this.filesWithExpected += 1;
    this.expectedItems += items.length;
    this.ourItems += ours;
    this.countedItems += Math.min(ours, items.length);
    if (ours === items.length) this.exactCounts += 1;
    items.forEach((item, index) => {
      const story = outcome.ok ? storyAt(outcome.result, index) : undefined;
      const absent = new Absent(outcome.ok ? `no item ${index}` : outcome.code);
      const check = (
        field: (typeof ITEM_FIELDS)[number],
        expected: string | null,
        same: (expected: string, story: Story) => boolean,
        got: (story: Story) => unknown,
      ): void => {
        if (expected === null) return;
        const ok = story !== undefined && same(expected, story);
        this.agreement.check(field, `${file} [${index}]`, ok, expected, story ? got(story) : absent);
      };
      check('title', item.title, sameTitle, (s) => s.headline);
      check('link exact', item.link, sameLink, (s) => s.url);
      check('link url/guid', item.link, linkInUrlOrGuid, (s) => [s.url, s.guid]);
      check('date', item.date, sameDate, (s) => s.publishedAt ?? s.updatedAt);
    });
  }

  row(source: string): Cell[] {
    const failed = this.outcomes.flatMap((o) => (o.ok ? [] : [o.code]));
    const scored = this.filesWithExpected > 0;
    return [
      source,
      this.outcomes.length,
      ratio(this.outcomes.length - failed.length, this.outcomes.length),
      this.outcomes.filter((o) => o.ok && !FEED_FORMATS.has(o.result.format)).length,
      formatCounts(failed),
      scored ? `${this.ourItems}/${this.expectedItems}` : null,
      scored ? ratio(this.exactCounts, this.filesWithExpected) : null,
      ...ITEM_FIELDS.map((field) => this.agreement.ratio(field)),
    ];
  }
}

function sumRatios(ratios: readonly Ratio[]): Ratio {
  return ratio(
    ratios.reduce((n, r) => n + r.n, 0),
    ratios.reduce((of, r) => of + r.of, 0),
  );
}

function run({ corpus }: EvalContext): SetReport {
  const index = exists(corpus, INDEX) ? FeedIndex.parse(readJson(corpus, INDEX)) : [];
  const exprs = new Map(
    (exists(corpus, FEEDPARSER) ? FeedparserExpectations.parse(readJson(corpus, FEEDPARSER)) : []).map((e) => [
      e.file,
      e.expect_python_expr,
    ]),
  );
  const indexed = new Map(index.map((entry) => [entry.file, entry]));
  const groundTruth = new Set([INDEX, FEEDPARSER, DATE_VECTORS, ...index.flatMap((e) => (e.expected ? [e.expected] : []))]);

  const sources = new Map<string, SourceTally>();
  const badInputs: Cell[][] = [];
  const feedparserCases: FeedparserCase[] = [];
  const crashes: Mismatch[] = [];
  for (const file of listFiles(corpus, FEEDS).filter((f) => !groundTruth.has(f))) {
    const source = file.split('/')[1] ?? FEEDS;
    const tally = sources.get(source) ?? new SourceTally(source);
    sources.set(source, tally);
    const outcome = parseFile(corpus, file);
    tally.add(outcome);
    crashes.push(...untypedError(file, outcome));

    const entry = indexed.get(file);
    const items = entry?.expected && exists(corpus, entry.expected) ? expectedItems(readJson(corpus, entry.expected)) : null;
    if (items !== null) tally.score(file, items, outcome);
    else if (entry?.note && BAD_INPUT.test(entry.note)) badInputs.push([file, entry.note, describeOutcome(outcome)]);

    if (exprs.has(file)) {
      const expr = exprs.get(file) ?? null;
      const charset = (): string => decodeBytes(readFileSync(join(corpus, file))).charset;
      const verdict = evaluateFeedparser(expr, { outcome, charset });
      feedparserCases.push({ file, category: file.split('/')[2] ?? source, expr, outcome, verdict });
    }
  }

  const sorted = [...sources].sort(([a], [b]) => a.localeCompare(b));
  const tallies = sorted.map(([, tally]) => tally);
  const feedparser = feedparserReport(feedparserCases);
  const sourceTable: Table = {
    title: 'Parse rate and item agreement by source',
    columns: [
      'source',
      'files',
      'parsed',
      'not as feed',
      'failed by code',
      'items ours/expected',
      'exact counts',
      ...ITEM_FIELDS,
    ],
    rows: sorted.map(([source, tally]) => tally.row(source)),
  };
  return {
    tables: [
      sourceTable,
      {
        title: 'Bad inputs named by the index (want: a typed error, or a correct story)',
        columns: ['file', 'corpus note', 'our answer'],
        rows: badInputs,
      },
      ...feedparser.tables,
      fillTable('Field fill rates', new Map(sorted.map(([source, tally]) => [source, tally.stories]))),
    ],
    notes: [
      'not as feed: files a non-feed parser (html, a wire format) took. ' +
        'items: our story count vs the expected item count per file; items are paired by position (items we skipped ' +
        'leave holes). "Items counted" in the summary is Σ min(ours, expected) over the files.',
      'title: same visible text (entities decoded, tags dropped, whitespace collapsed; a U+FFFD in the expectation ' +
        'matches any one character). link exact: our url is the expected link. link url/guid: the expected link is ' +
        'our url or our guid, or is relative and resolves against our url to it.',
      "date: the item's first date (rss-parser isoDate; feed-rs published, else updated) vs our publishedAt ?? " +
        'updatedAt, as instants to the second; items without an expected date are not compared.',
      'feedparser: evaluated only when every conjunct translates: len(entries); encoding (WHATWG names, our ' +
        "decoder's pick); entries[i] title, link, guid/id, description/summary (plain-text literals only, vs bodyText " +
        'or subheadline), content[0].value (as text), author, author_detail.name, authors[k].name, published/updated ' +
        '(raw strings), *_parsed (instants), category, tags[k].term, len(tags); a bare `1` (no untyped crash). ' +
        '`bozo` is information only. Not evaluated: feed[...], enclosures, media, geo, guidislink, other *_detail, ' +
        'has_key, isinstance.',
    ],
    mismatches: [...crashes, ...tallies.flatMap((t) => t.agreement.mismatches), ...feedparser.mismatches],
    figures: [
      {
        label: 'well-formed feed items counted (files with rss-parser/feed-rs output)',
        ...ratio(
          tallies.reduce((n, t) => n + t.countedItems, 0),
          tallies.reduce((of, t) => of + t.expectedItems, 0),
        ),
      },
      { label: 'feed item titles right', ...sumRatios(tallies.map((t) => t.agreement.ratio('title'))) },
      ...feedparser.figures,
    ],
  };
}

export const feedsSet: EvalSet = {
  name: 'feeds',
  title: 'Feeds (rss-parser, feed-rs, feedparser, node-feedparser, publishers)',
  run,
};
