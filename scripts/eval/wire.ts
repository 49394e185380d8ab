/**
 * The wire set: superdesk-core's ingest fixtures (formats and ground truth from its index.json)
 * and IPTC's own samples (parse and fill rates only). Formats wiredesk does not claim are run
 * too, but listed apart: their errors are expected answers, not failures.
 */
import { z } from 'zod';
import { Format, type Story } from '../../src/schema/story.js';
import {
  describeOutcome,
  exists,
  formatCounts,
  listFiles,
  parseFile,
  readJson,
  untypedError,
  type Outcome,
} from './corpus.js';
import { fillTable } from './fill.js';
import { ratio, type Cell, type EvalContext, type EvalSet, type Figure, type Mismatch, type SetReport } from './report.js';
import { Agreement } from './score.js';
import { SUPERDESK_FIELDS, scoreSuperdesk, superdeskExpectations } from './superdesk.js';

interface WireFile {
  file: string;
  source: string;
  /** The format the corpus says the file is in, in superdesk's words. */
  format: string;
  groundTruth: string | null;
}

const SUPERDESK_INDEX = 'wire/superdesk/index.json';
const SuperdeskIndex = z.array(z.object({ file: z.string(), format: z.string(), ground_truth: z.string().nullable() }));

/** IPTC folders: the format is the subfolder when it names one, else the folder's own. */
const IPTC_FOLDERS: ReadonlyArray<{ dir: string; source: string; format: string | null }> = [
  { dir: 'wire/iptc-newsinjson', source: 'iptc', format: null },
  { dir: 'wire/iptc-newsml-g2', source: 'iptc', format: 'newsml-g2' },
];
/** Schemas ship next to the samples; they are not documents. */
const NOT_A_DOCUMENT = /\.(?:xsd|dtd)$/i;

/** Superdesk's names for formats wiredesk calls otherwise. */
const FORMAT_ALIASES: Readonly<Record<string, Format>> = { 'ap-media-api': 'ap-media' };

function wiredeskFormat(name: string): Format | null {
  return FORMAT_ALIASES[name] ?? Format.safeParse(name).data ?? null;
}

function wireFiles(corpus: string): WireFile[] {
  const files: WireFile[] = [];
  if (exists(corpus, SUPERDESK_INDEX)) {
    for (const entry of SuperdeskIndex.parse(readJson(corpus, SUPERDESK_INDEX))) {
      files.push({ file: entry.file, source: 'superdesk', format: entry.format, groundTruth: entry.ground_truth });
    }
  }
  for (const { dir, source, format } of IPTC_FOLDERS) {
    for (const file of listFiles(corpus, dir).filter((f) => !NOT_A_DOCUMENT.test(f))) {
      const folder = file.slice(dir.length + 1).split('/')[0] ?? '';
      const claimed = wiredeskFormat(folder) ?? format ?? folder;
      files.push({ file, source, format: claimed, groundTruth: null });
    }
  }
  return files;
}

interface Row {
  format: Format;
  source: string;
  outcomes: Outcome[];
}

function parseTable(rows: readonly Row[]): Cell[][] {
  return rows.map(({ format, source, outcomes }) => {
    const parsed = outcomes.flatMap((o) => (o.ok ? [o.result] : []));
    const failed = outcomes.flatMap((o) => (o.ok ? [] : [o.code]));
    return [
      format,
      source,
      outcomes.length,
      ratio(parsed.length, outcomes.length),
      parsed.filter((r) => r.format !== format).length,
      failed.length,
      formatCounts(failed),
      parsed.reduce((sum, r) => sum + r.stories.length, 0),
      parsed.reduce((sum, r) => sum + r.skipped.length, 0),
    ];
  });
}

function run({ corpus }: EvalContext): SetReport {
  const agreement = new Agreement('superdesk');
  const rows = new Map<string, Row>();
  const unsupported = new Map<string, string[]>();
  const storiesByFormat = new Map<string, Story[]>();
  const headline = { n: 0, of: 0 };
  const crashes: Mismatch[] = [];

  for (const wire of wireFiles(corpus)) {
    const outcome = parseFile(corpus, wire.file);
    crashes.push(...untypedError(wire.file, outcome));
    const format = wiredeskFormat(wire.format);
    if (format === null) {
      unsupported.set(wire.format, [...(unsupported.get(wire.format) ?? []), describeOutcome(outcome)]);
      continue;
    }
    const key = `${format} ${wire.source}`;
    const row = rows.get(key) ?? { format, source: wire.source, outcomes: [] };
    row.outcomes.push(outcome);
    rows.set(key, row);
    if (outcome.ok) storiesByFormat.set(format, [...(storiesByFormat.get(format) ?? []), ...outcome.result.stories]);

    if (wire.groundTruth === null || !exists(corpus, wire.groundTruth)) continue;
    const checks = scoreSuperdesk(agreement, wire.file, superdeskExpectations(readJson(corpus, wire.groundTruth)), outcome);
    const headlines = checks.filter((c) => c.field === 'headline');
    if (headlines.length > 0) {
      headline.of += 1;
      if (headlines.every((c) => c.ok)) headline.n += 1;
    }
  }

  const sortedRows = [...rows.values()].sort((a, b) => a.format.localeCompare(b.format) || a.source.localeCompare(b.source));
  const claimed = sortedRows.flatMap((r) => r.outcomes);
  const figures: Figure[] = [
    { label: 'wire files in claimed formats parsed', ...ratio(claimed.filter((o) => o.ok).length, claimed.length) },
    { label: 'wire files with a headline in ground truth: right headline', ...headline },
  ];
  const byName = <T>(entries: Iterable<[string, T]>): Array<[string, T]> =>
    [...entries].sort(([a], [b]) => a.localeCompare(b));
  return {
    tables: [
      {
        title: 'Parse rate by claimed format',
        columns: ['format', 'source', 'files', 'parsed', 'other format', 'failed', 'failed by code', 'stories', 'skipped items'],
        rows: parseTable(sortedRows),
      },
      {
        title: 'Formats wiredesk does not claim (not counted as failures)',
        columns: ['format', 'files', 'outcomes'],
        rows: byName(unsupported).map(([format, list]) => [format, list.length, formatCounts(list)]),
      },
      agreement.table('Agreement with superdesk expected/*.json', SUPERDESK_FIELDS),
      fillTable('Field fill rates (claimed formats)', new Map(byName(storiesByFormat))),
    ],
    notes: [
      'headline, slugline: equal after whitespace normalization. byline: the same set of names (case-insensitive; ' +
        '"By " dropped; split on , ; & / "and"); an empty or null expected byline expects none.',
      'dateline: the expected city (dateline.located.city, or dateline.text before its first comma, parenthesis or ' +
        'dash) is contained in our dateline, case-insensitive.',
      'versioncreated vs updatedAt ?? publishedAt, firstcreated vs firstCreatedAt: the same instant to the second ' +
        '(null expects null). Files are parsed with the default time zone, UTC.',
      "body start: the first 8 words of body_html's text (or all of a starts_with opening) open our bodyText, after " +
        'a leading dateline ("CITY (AP) _ ", "ATHENS, April 4 ANA - ") is stripped from both and case, quotes and ' +
        'dashes are folded.',
      'items: superdesk len() vs our story count. A file that failed to parse misses every expectation it has.',
    ],
    mismatches: [...crashes, ...agreement.mismatches],
    figures,
  };
}

export const wireSet: EvalSet = { name: 'wire', title: 'Wire formats (superdesk, IPTC)', listEveryMismatch: true, run };
