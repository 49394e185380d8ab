/**
 * The dates set: feedparser's date-parser vectors run through our date cleaner. A null
 * expectation means the string must be rejected; otherwise the instants must agree to the second
 * (feedparser keeps no fractions).
 */
import { z } from 'zod';
import { parseDate } from '../../src/parsers/cleaners/dates.js';
import { exists, readJson } from './corpus.js';
import { ratio, type EvalContext, type EvalSet, type SetReport } from './report.js';
import { Absent, Agreement, sameInstant } from './score.js';

const VECTORS = 'feeds/feedparser/date_vectors.json';
const Vectors = z.object({
  vectors: z.array(z.object({ parser: z.string(), input: z.string(), expected_utc: z.string().nullable() })),
});

function run({ corpus }: EvalContext): SetReport {
  const agreement = new Agreement('dates');
  const byParser = new Map<string, { n: number; of: number }>();
  const vectors = exists(corpus, VECTORS) ? Vectors.parse(readJson(corpus, VECTORS)).vectors : [];
  for (const { parser, input, expected_utc: expected } of vectors) {
    const got = parseDate(input, { defaultTimeZone: 'UTC' });
    const field = expected === null ? 'rejected' : 'parsed';
    const ok = agreement.check(field, `${parser} ${JSON.stringify(input)}`, sameInstant(expected, got), expected ?? new Absent('rejected'), got ?? new Absent('rejected'));
    const tally = byParser.get(parser) ?? { n: 0, of: 0 };
    tally.of += 1;
    if (ok) tally.n += 1;
    byParser.set(parser, tally);
  }
  const right = [...byParser.values()].reduce((sum, t) => sum + t.n, 0);
  return {
    tables: [
      agreement.table('Date vectors by expectation', ['parsed', 'rejected']),
      {
        title: "Date vectors by feedparser's parser",
        columns: ['feedparser parser', 'right'],
        rows: [...byParser].map(([parser, tally]) => [parser, ratio(tally.n, tally.of)]),
      },
    ],
    notes: [
      `parseDate(input, {defaultTimeZone: 'UTC'}) vs expected_utc as instants to the second; a null expectation must be rejected (null). "99-12-31T…" is year 0099.`,
    ],
    mismatches: agreement.mismatches,
    figures: [{ label: 'date vectors right', n: right, of: vectors.length }],
  };
}

export const datesSet: EvalSet = { name: 'dates', title: 'Date vectors (feedparser)', run };
