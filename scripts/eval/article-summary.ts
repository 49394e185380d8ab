/**
 * The article summary: per article set, wiredesk against Readability and Mercury on headline,
 * authors, date and body, each of wiredesk's targets marked met (✓) or not (✗). Registered after
 * the article sets, it reads what they recorded; run alone (--set articles-summary) it runs them.
 */
import { ARTICLE_SETS, FIELDS, SYSTEM_NAMES, articleResults, type System, type SystemScores } from './articles.js';
import { BASELINES } from './baselines.js';
import type { Cell, EvalContext, EvalSet, SetReport } from './report.js';

interface Measure {
  label: string;
  /** The system's figure as a fraction, and how to show it; null when the set has no ground truth for it. */
  value(scores: SystemScores): { fraction: number; cell: Cell } | null;
  /** wiredesk's target for the measure on a set, if any. */
  target(set: string): { min: number; text: string } | null;
}

function ratioMeasure(field: string, min: number | null): Measure {
  return {
    label: field,
    value: (scores) => {
      const ratio = scores.agreement.ratio(field);
      return ratio.of === 0 ? null : { fraction: ratio.n / ratio.of, cell: ratio };
    },
    target: () => (min === null ? null : { min, text: `≥ ${Math.round(min * 100)}%` }),
  };
}

const BENCHMARK_F1 = 0.96;

const MEASURES: readonly Measure[] = [
  ratioMeasure(FIELDS.headline, 0.98),
  ratioMeasure(FIELDS.authors, 0.9),
  ratioMeasure(FIELDS.date, 0.95),
  ratioMeasure(FIELDS.opening, null),
  {
    label: 'body F1',
    value: (scores) => (scores.body === null ? null : { fraction: scores.body.f1, cell: scores.body.f1.toFixed(3) }),
    target: (set) => (set === 'benchmark-aeb' ? { min: BENCHMARK_F1, text: `≥ ${BENCHMARK_F1.toFixed(3)}` } : null),
  },
];

const mark = (ok: boolean): string => (ok ? '✓' : '✗');

function run(ctx: EvalContext): SetReport {
  if (articleResults().size === 0) for (const set of ARTICLE_SETS) set.run(ctx);
  const baselines = BASELINES.filter((b) => [...articleResults().values()].some((r) => r[b] !== undefined));
  const systems: System[] = ['wiredesk', ...baselines];
  const rows: Cell[][] = [];
  let met = 0;
  let targets = 0;
  const tally = (ok: boolean): string => {
    targets += 1;
    if (ok) met += 1;
    return mark(ok);
  };
  for (const set of ARTICLE_SETS) {
    const result = articleResults().get(set.name);
    if (result === undefined) continue;
    for (const measure of MEASURES) {
      const values = systems.map((s) => {
        const scores = result[s];
        return scores === undefined ? null : measure.value(scores);
      });
      const [ours, ...theirs] = values;
      if (ours === null || ours === undefined) continue;
      const target = measure.target(set.name);
      const compared = theirs.filter((v) => v !== null);
      const notBelow = compared.length === 0 ? null : tally(compared.every((v) => ours.fraction >= v.fraction));
      rows.push([
        set.name,
        measure.label,
        ...values.map((v) => v?.cell ?? null),
        target?.text ?? null,
        target === null ? null : tally(ours.fraction >= target.min),
        ...(baselines.length === 0 ? [] : [notBelow]),
      ]);
    }
  }
  if (rows.length === 0) {
    return { tables: [], notes: ['no article set ran: summary skipped'], mismatches: [], figures: [] };
  }
  return {
    tables: [
      {
        title: 'wiredesk against the baselines and its targets',
        columns: [
          'set',
          'measure',
          ...systems.map((s) => SYSTEM_NAMES[s]),
          'target',
          'met',
          ...(baselines.length === 0 ? [] : ['≥ baselines']),
        ],
        rows,
      },
    ],
    notes: [
      `targets: body F1 ≥ ${BENCHMARK_F1} on benchmark-aeb; headline ≥ 98%, published date ≥ 95%, authors ≥ 90% ` +
        'on every set that states them; never below either baseline ("≥ baselines", on the same pages).',
      `wiredesk meets ${met} of ${targets} targets${baselines.length === 0 ? ' (baselines not run)' : ''}.`,
    ],
    mismatches: [],
    figures: [{ label: 'article targets met by wiredesk', n: met, of: targets }],
  };
}

export const articleSummarySet: EvalSet = {
  name: 'articles-summary',
  title: 'Article pages: summary',
  run,
};
