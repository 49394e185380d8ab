/**
 * Quality figures of wiredesk's parsers over the shared corpus:
 *   npm run eval [-- --set wire|feeds|dates] [--json] [--verbose] [--corpus DIR]
 * A measurement, not a gate: it exits 0 whatever the figures (1 only if a set itself crashes,
 * 2 on bad arguments), and skips cleanly when the corpus is absent.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { EvalSet, Mismatch, SetReport } from './eval/report.js';
import { SETS } from './eval/sets.js';
import { formatRatio, renderTable, tableRecords } from './eval/table.js';

/** Mismatches listed per field without --verbose, unless the set lists every one. */
const MISMATCHES_PER_FIELD = 10;

const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));

function usage(message: string): never {
  const sets = SETS.map((s) => s.name).join('|');
  process.stderr.write(`${message}\nusage: npm run eval -- [--set ${sets}] [--json] [--verbose] [--no-baselines] [--corpus DIR]\n`);
  process.exit(2);
}

function parseOptions(): { corpus: string; set: string | undefined; json: boolean; verbose: boolean; baselines: boolean } {
  try {
    const { values } = parseArgs({
      options: {
        corpus: { type: 'string' },
        set: { type: 'string' },
        json: { type: 'boolean', default: false },
        verbose: { type: 'boolean', default: false },
        'no-baselines': { type: 'boolean', default: false },
      },
    });
    if (values.set !== undefined && !SETS.some((s) => s.name === values.set)) usage(`unknown set "${values.set}"`);
    const corpus = values.corpus ?? process.env.WIREDESK_CORPUS ?? resolve(PROJECT_ROOT, '../shared/corpus');
    return { corpus: resolve(corpus), set: values.set, json: values.json, verbose: values.verbose, baselines: !values['no-baselines'] };
  } catch (error) {
    return usage((error as Error).message);
  }
}

function renderMismatches(mismatches: readonly Mismatch[], verbose: boolean): string[] {
  const byField = new Map<string, Mismatch[]>();
  for (const m of mismatches) {
    const key = `${m.group}: ${m.field}`;
    byField.set(key, [...(byField.get(key) ?? []), m]);
  }
  return [...byField].flatMap(([key, list]) => {
    const shown = verbose ? list : list.slice(0, MISMATCHES_PER_FIELD);
    const more = list.length - shown.length;
    return [
      `${key} (${list.length} mismatches)`,
      ...shown.map((m) => `  ${m.file}: expected ${m.expected}, got ${m.got}`),
      ...(more > 0 ? [`  … ${more} more (--verbose)`] : []),
    ];
  });
}

function renderReport(set: EvalSet, report: SetReport, verbose: boolean): string {
  const mismatches = renderMismatches(report.mismatches, verbose || set.listEveryMismatch === true);
  return [
    `== ${set.title} ==`,
    ...report.tables.map((table) => `\n${renderTable(table)}`),
    ...(report.notes.length > 0 ? ['', ...report.notes.map((n) => `* ${n}`)] : []),
    ...(mismatches.length > 0 ? ['', 'Mismatches', ...mismatches] : []),
    '',
  ].join('\n');
}

function main(): void {
  const options = parseOptions();
  if (!existsSync(options.corpus)) {
    const reason = `corpus absent at ${options.corpus}: eval skipped`;
    process.stdout.write(`${options.json ? JSON.stringify({ corpus: options.corpus, skipped: reason }) : reason}\n`);
    return;
  }
  const started = performance.now();
  const results: Array<{ name: string; title: string; report: SetReport | null; error?: string }> = [];
  for (const set of SETS.filter((s) => options.set === undefined || s.name === options.set)) {
    try {
      const report = set.run({ corpus: options.corpus, baselines: options.baselines });
      results.push({ name: set.name, title: set.title, report });
      if (!options.json) process.stdout.write(`${renderReport(set, report, options.verbose)}\n`);
    } catch (error) {
      // A set that crashes is a bug in this script; the other sets still report.
      process.stderr.write(`eval set "${set.name}" crashed: ${(error as Error).stack ?? String(error)}\n`);
      results.push({ name: set.name, title: set.title, report: null, error: String(error) });
      process.exitCode = 1;
    }
  }
  const figures = results.flatMap((r) => r.report?.figures ?? []);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  if (options.json) {
    const sets = results.map(({ name, title, report, error }) => ({
      name,
      title,
      ...(report === null
        ? { error }
        : { ...report, tables: report.tables.map((t) => ({ title: t.title, rows: tableRecords(t) })) }),
    }));
    const output = { corpus: options.corpus, seconds: Number(seconds), summary: figures, sets };
    process.stdout.write(`${JSON.stringify(output, null, 2)}\n`);
    return;
  }
  const width = Math.max(...figures.map((f) => f.label.length));
  process.stdout.write(
    [
      '== Summary ==',
      ...figures.map((f) => `${f.label.padEnd(width)}  ${formatRatio(f)}`),
      `(${options.corpus}, ${seconds}s)`,
      '',
    ].join('\n'),
  );
}

main();
