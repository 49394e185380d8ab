import { readdir, stat } from 'node:fs/promises';
import { isAbsolute, join, relative } from 'node:path';
import { renderTable } from '../cli/table.js';
import type { Config } from '../config/schema.js';
import type { SourceTally, Tally } from './tally.js';
import type { Expected } from './timeline.js';

const MAX_REASONS = 5;

/** The summary's columns per source, and where each number comes from. */
const COLUMNS: ReadonlyArray<[name: string, pick: (t: SourceTally) => number]> = [
  ['polls', (t) => t.polls],
  ['304s', (t) => t.notModified],
  ['pages', (t) => t.pages],
  ['stories', (t) => t.stories.size],
  ['revisions', (t) => t.revisions.size],
  ['v>1', (t) => t.updates.size],
  ['corrections', (t) => t.corrections.size],
  ['kills', (t) => t.kills.size],
  ['failed', (t) => t.failures],
];

/** What the demo serves and where it goes, before it starts. */
export function renderIntro(input: { config: Config; origin: string; redisUrl: string; ticks: number; tickMs: number; pollEveryMs: number }): string {
  const { config, origin, redisUrl, ticks, tickMs, pollEveryMs } = input;
  const rows = config.sources.map((s) => `  ${s.id.padEnd(13)} ${s.format.padEnd(6)} ${s.url}${s.followArticles ? '  (teasers → article pages)' : ''}`);
  return [
    `wiredesk demo: a wire emulator on ${origin}, ingested by the real pipeline`,
    `  redis         ${redisUrl}, keys under ${config.redis.prefix}:`,
    `  data          ${shown(config.dataDir)}/`,
    ...rows,
    `Playing ${ticks} tick${ticks === 1 ? '' : 's'} of a news day, one every ${tickMs / 1000} s; every source polls every ${pollEveryMs / 1000} s.`,
    '',
  ].join('\n');
}

/** What keeps the demo from a clean exit: missing deliveries, dead letters, a pipeline that never caught up. */
export function verdict(input: { tally: Tally; expected: ReadonlyMap<string, Expected>; deadLetters: number; settled: boolean }): string[] {
  const { tally, expected, deadLetters, settled } = input;
  const problems: string[] = [];
  if (!settled) problems.push('the pipeline did not catch up with the emulator in time');
  if (deadLetters > 0) problems.push(`${deadLetters} job${deadLetters === 1 ? '' : 's'} ended in the dead letters`);
  for (const [sourceId, want] of expected) {
    const got = tally.of(sourceId);
    if (got.stories.size !== want.stories) problems.push(`${sourceId}: ${got.stories.size} of ${want.stories} stories delivered`);
    if (got.kills.size < want.kills) problems.push(`${sourceId}: the kill was not delivered`);
    if (got.corrections.size < want.corrections) problems.push(`${sourceId}: the correction was not delivered`);
  }
  return problems;
}

/** The table per source, totals, where the stories went, and what to try next. */
export async function renderSummary(input: { tally: Tally; config: Config; problems: readonly string[]; started: number }): Promise<string> {
  const { tally, config, problems, started } = input;
  const sum = (pick: (t: SourceTally) => number) => config.sources.reduce((n, s) => n + pick(tally.of(s.id)), 0);
  const rows = config.sources.map((s) => [s.id, ...COLUMNS.map(([, pick]) => pick(tally.of(s.id)))]);
  const totals = ['total', ...COLUMNS.map(([, pick]) => sum(pick))];
  const stories = sum((t) => t.stories.size);
  const revisions = sum((t) => t.revisions.size);
  const written = sum((t) => t.written);
  const files = await writtenSince(config, started);
  const file = files.at(-1) ?? join(config.dataDir, jsonlDirs(config)[0] ?? 'stories');

  const lines = [
    '',
    renderTable(['source', ...COLUMNS.map(([name]) => name)], [...rows, totals]),
    '',
    `${stories} stories, ${revisions} revisions delivered in ${((Date.now() - started) / 1000).toFixed(1)} s` +
      (written < revisions ? ` (${revisions - written} were already in the file from an earlier run)` : '') +
      ` → ${files.length > 0 ? files.map(shown).join(', ') : shown(file)}`,
  ];
  if (problems.length > 0) lines.push('', 'Not everything went through:', ...problems.map((p) => `  - ${p}`));
  // Retried attempts that later succeeded are worth a look too.
  const reasons = [...tally.reasons];
  if (reasons.length > 0) lines.push('', 'Failed attempts:', ...reasons.slice(0, MAX_REASONS).map((r) => `  - ${r}`));
  lines.push(
    '',
    'Look at them:',
    `  jq -c '{source: .source.id, version, pubStatus, revisionKind, headline}' ${shown(file)}`,
    `  wiredesk parse --jsonl <file>   # parse a saved feed, wire file or page offline; every fetched original is archived under ${shown(join(config.dataDir, 'archive'))}`,
    '',
  );
  return lines.join('\n');
}

function jsonlDirs(config: Config): string[] {
  return config.sinks.flatMap((sink) => (sink.type === 'jsonl' ? [sink.dir] : []));
}

/** The sink's day files appended to since the demo started, oldest first. */
async function writtenSince(config: Config, since: number): Promise<string[]> {
  const dirs = jsonlDirs(config).map((dir) => join(config.dataDir, dir));
  const found: Array<{ file: string; at: number }> = [];
  for (const dir of dirs) {
    for (const name of await readdir(dir).catch(() => [] as string[])) {
      if (!name.endsWith('.jsonl')) continue;
      const file = join(dir, name);
      const { mtimeMs } = await stat(file);
      if (mtimeMs >= since) found.push({ file, at: mtimeMs });
    }
  }
  return found.sort((a, b) => a.at - b.at).map((f) => f.file);
}

/** Paths under the working directory are shown relative to it, as a user would type them. */
function shown(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
}
