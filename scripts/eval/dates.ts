/**
 * The dates set: feedparser's date-parser vectors run through our date cleaner. A null
 * expectation means the string must be rejected; otherwise the instants must agree to the second
 * (feedparser keeps no fractions).
 */
import { z } from 'zod';
import { parseDate } from '../../src/parsers/cleaners/dates.js';
import { exists, readJson } from './corpus.js';
import type { EvalContext, EvalSet, SetReport } from './report.js';
import { Absent, Agreement, sameInstant } from './score.js';

const VECTORS = 'feeds/feedparser/date_vectors.json';
const Vectors = z.object({
  vectors: z.array(z.object({ parser: z.string(), input: z.string(), expected_utc: z.string().nullable() })),
});

function run({ corpus }: EvalContext): SetReport {
  const vectors = exists(corpus, VECTORS) ? Vectors.parse(readJson(corpus, VECTORS)).vectors : [];
  // One tally by expectation kind (with the misses), one by feedparser's parser of origin.
  const byKind = new Agreement('dates');
  const byParser = new Agreement('dates');
  for (const { parser, input, expected_utc: expected } of vectors) {
    const got = parseDate(input, { defaultTimeZone: 'UTC' });
    const ok = sameInstant(expected, got);
    const rejected = new Absent('rejected');
    const kind = expected === null ? 'must reject' : 'must parse';
    byKind.check(kind, `${parser} ${JSON.stringify(input)}`, ok, expected ?? rejected, got ?? rejected);
    byParser.check(parser, input, ok, expected, got);
  }
  const parsers = [...new Set(vectors.map((v) => v.parser))];
  const right = parsers.reduce((sum, parser) => sum + byParser.ratio(parser).n, 0);
  return {
    tables: [
      byKind.table('Date vectors by expectation', ['must parse', 'must reject']),
      byParser.table("Date vectors by feedparser's parser", parsers),
    ],
    notes: [
      "parseDate(input, {defaultTimeZone: 'UTC'}) vs expected_utc as instants to the second; " +
        'a null expectation must be rejected (null). "99-12-31T…" is year 0099.',
    ],
    mismatches: byKind.mismatches,
    figures: [{ label: 'date vectors right', n: right, of: vectors.length }],
  };
}

export const datesSet: EvalSet = { name: 'dates', title: 'Date vectors (feedparser)', listEveryMismatch: true, run };
