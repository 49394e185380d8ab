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
import type { Story } from '../../src/schema/story.js';
import { describeOutcome, exists, formatCounts, listFiles, parseFile, readJson, storyAt, type Outcome } from './corpus.js';
import { expectedItems, linkInUrlOrGuid, sameDate, sameLink, sameTitle, type ExpectedItem } from './feed-expected.js';
import { evaluateFeedparser, type FeedparserVerdict } from './feedparser.js';
import { fillTable } from './fill.js';
import { ratio, type Cell, type EvalContext, type EvalSet, type Figure, type Mismatch, type SetReport } from './report.js';
import { Absent, Agreement } from './score.js';

const FEEDS = 'feeds';
const INDEX = 'feeds/index.json';
const FEEDPARSER = 'feeds/feedparser/expectations.json';
/** Ground truth of the dates set, not a feed. */
const DATE_VECTORS = 'feeds/feedparser/date_vectors.json';

const FeedIndex = z.array(z.object({ file: z.string(), expected: z.string().nullable().optional(), note: z.string().nullable().optional() }));
const FeedparserExpectations = z.array(z.object({ file: z.string(), expect_python_expr: z.string().nullable() }));

/** How the index marks inputs that are not (valid) feeds. */
const BAD_INPUT = /\b(?:INVALID|MALFORMED|NOT A FEED|NON-FEED|bad input|parse error|YouTube)\b/i;

const ITEM_FIELDS = ['title', 'link exact', 'link url/guid', 'date'] as const;

interface SourceTally {
  outcomes: Outcome[];
  stories: Story[];
  expectedItems: number;
  /** Σ min(ours, expected) per file: expected items we produced. */
  countedItems: number;
  ourItems: number;
  filesWithExpected: number;
  exactCounts: number;
  agreement: Agreement;
}

function scoreItems(tally: SourceTally, file: string, items: readonly ExpectedItem[], outcome: Outcome): void {
  const ours = outcome.ok ? outcome.result.stories.length : 0;
  tally.filesWithExpected += 1;
  tally.expectedItems += items.length;
  tally.ourItems += ours;
  tally.countedItems += Math.min(ours, items.length);
  if (ours === items.length) tally.exactCounts += 1;
  items.forEach((item, index) => {
    const story = outcome.ok ? storyAt(outcome.result, index) : undefined;
    const absent = new Absent(outcome.ok ? `no item ${index}` : outcome.code);
    const label = `${file} [${index}]`;
    const check = (field: string, expected: string | null, ok: (e: string, s: Story) => boolean, got: (s: Story) => unknown): void => {
      if (expected !== null) tally.agreement.check(field, label, story ? ok(expected, story) : false, expected, story ? got(story) : absent);
    };
    check('title', item.title, sameTitle, (s) => s.headline);
    check('link exact', item.link, sameLink, (s) => s.url);
    check('link url/guid', item.link, linkInUrlOrGuid, (s) => [s.url, s.guid]);
    check('date', item.date, sameDate, (s) => s.publishedAt ?? s.updatedAt);
  });
}

function run({ corpus }: EvalContext): SetReport {
  const index = exists(corpus, INDEX) ? FeedIndex.parse(readJson(corpus, INDEX)) : [];
  const expectations = exists(corpus, FEEDPARSER) ? FeedparserExpectations.parse(readJson(corpus, FEEDPARSER)) : [];
  const indexed = new Map(index.map((entry) => [entry.file, entry]));
  const exprs = new Map(expectations.map((e) => [e.file, e.expect_python_expr]));
  const groundTruth = new Set([INDEX, FEEDPARSER, DATE_VECTORS, ...index.flatMap((e) => (e.expected ? [e.expected] : []))]);

  const sources = new Map<string, SourceTally>();
  const badInputs: Cell[][] = [];
  const verdicts: Array<{ file: string; category: string; expr: string | null; verdict: FeedparserVerdict; outcome: Outcome }> = [];

  for (const file of listFiles(corpus, FEEDS).filter((f) => !groundTruth.has(f))) {
    const source = file.split('/')[1] ?? FEEDS;
    const tally = sources.get(source) ?? {
      outcomes: [],
      stories: [],
      expectedItems: 0,
      countedItems: 0,
      ourItems: 0,
      filesWithExpected: 0,
      exactCounts: 0,
      agreement: new Agreement(source),
    };
    sources.set(source, tally);
    const outcome = parseFile(corpus, file);
    tally.outcomes.push(outcome);
    if (outcome.ok) tally.stories.push(...outcome.result.stories);

    const entry = indexed.get(file);
    const items = entry?.expected && exists(corpus, entry.expected) ? expectedItems(readJson(corpus, entry.expected)) : null;
    if (items !== null) scoreItems(tally, file, items, outcome);
    else if (entry?.note && BAD_INPUT.test(entry.note)) badInputs.push([file, entry.note, describeOutcome(outcome)]);

    if (exprs.has(file)) {
      const expr = exprs.get(file) ?? null;
      const charset = (): string => decodeBytes(readFileSync(join(corpus, file))).charset;
      const category = file.split('/')[2] ?? source;
      verdicts.push({ file, category, expr, verdict: evaluateFeedparser(expr, { outcome, charset }), outcome });
    }
  }

  const tallies = [...sources].sort(([a], [b]) => a.localeCompare(b));
  const all = tallies.map(([, t]) => t);
  const sum = (pick: (t: SourceTally) => number): number => all.reduce((total, t) => total + pick(t), 0);
  const itemRatio = (field: string): { n: number; of: number } => {
    const ratios = all.map((t) => t.agreement.ratio(field));
    return ratio(ratios.reduce((n, r) => n + r.n, 0), ratios.reduce((of, r) => of + r.of, 0));
  };

  const evaluated = verdicts.filter((v) => v.verdict.status === 'passed' || v.verdict.status === 'failed');
  const categories = [...new Set(verdicts.map((v) => v.category))].sort();
  const ofStatus = (list: typeof verdicts, status: FeedparserVerdict['status']): number =>
    list.filter((v) => v.verdict.status === status).length;
  const bozoRows = [true, false].map((bozo) => {
    const list = verdicts.filter((v) => v.verdict.bozo === bozo);
    return [bozo ? 'ill-formed (bozo)' : 'well-formed (not bozo)', list.length, formatCounts(list.map((v) => (v.outcome.ok ? 'parsed' : v.outcome.code)))];
  });

  const feedparserMismatches: Mismatch[] = verdicts
    .filter((v) => v.verdict.status === 'failed')
    .map((v) => ({ group: 'feedparser', field: v.category, file: v.file, expected: v.expr ?? '', got: v.verdict.detail }));
  const figures: Figure[] = [
    { label: 'well-formed feed items counted (files with rss-parser/feed-rs output)', ...ratio(sum((t) => t.countedItems), sum((t) => t.expectedItems)) },
    { label: 'feed item titles right', ...itemRatio('title') },
    { label: 'feedparser expectations passed (of those evaluated)', ...ratio(ofStatus(evaluated, 'passed'), evaluated.length) },
  ];

  return {
    tables: [
      {
        title: 'Parse rate and item agreement by source',
        columns: ['source', 'files', 'parsed', 'failed by code', 'items ours/expected', 'exact counts', ...ITEM_FIELDS],
        rows: tallies.map(([source, t]) => [
          source,
          t.outcomes.length,
          ratio(t.outcomes.filter((o) => o.ok).length, t.outcomes.length),
          formatCounts(t.outcomes.flatMap((o) => (o.ok ? [] : [o.code]))),
          t.filesWithExpected === 0 ? null : `${t.ourItems}/${t.expectedItems}`,
          t.filesWithExpected === 0 ? null : ratio(t.exactCounts, t.filesWithExpected),
          ...ITEM_FIELDS.map((field) => t.agreement.ratio(field)),
        ]),
      },
      { title: 'Bad inputs named by the index (want: a typed error, or a correct story)', columns: ['file', 'corpus note', 'our answer'], rows: badInputs },
      {
        title: 'feedparser expectations',
        columns: ['category', 'files', 'passed', 'failed', 'not evaluated', 'bozo only'],
        rows: categories.map((category) => {
          const list = verdicts.filter((v) => v.category === category);
          return [category, list.length, ofStatus(list, 'passed'), ofStatus(list, 'failed'), ofStatus(list, 'not evaluated'), ofStatus(list, 'bozo only')];
        }),
      },
      { title: "feedparser's well-formedness verdict vs our answer", columns: ['feedparser says', 'files', 'our answers'], rows: bozoRows },
      fillTable('Field fill rates', new Map(tallies.map(([source, t]) => [source, t.stories]))),
    ],
    notes: [
      'items: story count vs the expected item count per file; items are paired by position (items we skipped leave holes).',
      'title: same visible text (entities decoded, tags dropped, whitespace collapsed). link exact: our url equals the expected link. link url/guid: the expected link is our url or our guid, or is relative and resolves against our url to it.',
      "date: the item's first date (rss-parser isoDate; feed-rs published, else updated) vs our publishedAt ?? updatedAt, as instants to the second; items without an expected date are not compared.",
      "feedparser: evaluated when every conjunct translates: len(entries), encoding (WHATWG-canonical, our decoder's pick), entries[i] title/link/guid/id/description/summary (plain-text literals only; vs bodyText or subheadline)/content[0].value/author/author_detail.name/authors[k].name/published/updated (raw strings)/published_parsed/updated_parsed (instants)/category/tags[k].term/len(tags), and a bare `1` (no untyped crash). `bozo` is information only; feed-level (`feed[...]`), enclosures, media, geo, guidislink, *_detail and has_key are not evaluated.",
    ],
    mismatches: [...all.flatMap((t) => t.agreement.mismatches), ...feedparserMismatches],
    figures,
  };
}

export const feedsSet: EvalSet = { name: 'feeds', title: 'Feeds (rss-parser, feed-rs, feedparser, node-feedparser, publishers)', run };
