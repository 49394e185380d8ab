/**
 * feedparser's per-file expectations (Python expressions over its result) translated, where the
 * translation is safe, into checks on our stories. An expression is evaluated only when every
 * part of it translates; `bozo` (feedparser's "ill-formed" flag) is kept as information, since
 * wiredesk answers ill-formed input with either a story or a typed error.
 */
import type { Story } from '../../src/schema/story.js';
import { UNTYPED_ERROR, formatCounts, storyAt, type Outcome } from './corpus.js';
import type { SetReport } from './report.js';
import { parsePyExpr, type PyExpr, type PyLiteral, type PyPath } from './pyexpr.js';
import { Absent, instantSeconds, show, tupleSeconds } from './score.js';
import { htmlText, normalizeSpace, sameBylines } from './text.js';

export interface FeedparserContext {
  outcome: Outcome;
  /** The charset our decoder picks for the file's bytes. */
  charset: () => string;
}

export interface FeedparserVerdict {
  status: 'passed' | 'failed' | 'not evaluated' | 'bozo only';
  /** feedparser's bozo flag when the expression states it: true = ill-formed. */
  bozo: boolean | null;
  /** The failing check and what we gave, or why the expression was not evaluated. */
  detail: string;
}

interface Check {
  label: string;
  run(ctx: FeedparserContext): { ok: boolean; got: unknown };
}

type Same = (ours: unknown, literal: PyLiteral) => boolean;

const sameText: Same = (ours, literal) =>
  typeof ours === 'string' && typeof literal === 'string' && normalizeSpace(ours) === normalizeSpace(literal);
const sameMarkupText: Same = (ours, literal) =>
  typeof ours === 'string' && typeof literal === 'string' && htmlText(ours) === htmlText(literal);
const sameExact: Same = (ours, literal) => ours === literal;
const sameTuple: Same = (ours, literal) =>
  typeof ours === 'string' &&
  Array.isArray(literal) &&
  literal.every((n) => typeof n === 'number') &&
  instantSeconds(ours) !== null &&
  instantSeconds(ours) === tupleSeconds(literal as number[]);
const sameNames: Same = (ours, literal) =>
  Array.isArray(ours) && typeof literal === 'string' && sameBylines(literal, ours as string[]);

/** A string that is plain text: markup or entities in it would make the comparison a guess. */
const isPlain = (literal: PyLiteral): boolean => typeof literal === 'string' && !/[<&]/.test(literal);

interface EntryField {
  /** Our values that may stand for feedparser's; one agreeing is enough. */
  ours: (story: Story, indexes: readonly number[]) => unknown[];
  same: Same;
  /** Literals this translation is safe for (default: any). */
  accepts?: (literal: PyLiteral) => boolean;
}

/** feedparser entry paths (numbers as `#`) and what they mean in a Story. */
const ENTRY_FIELDS: Readonly<Record<string, EntryField>> = {
  title: { ours: (s) => [s.headline], same: sameMarkupText },
  link: { ours: (s) => [s.url], same: sameExact },
  guid: { ours: (s) => [s.guid], same: sameExact },
  id: { ours: (s) => [s.guid], same: sameExact },
  // feedparser keeps a description next to content; we keep it as the body or as the dek.
  description: { ours: (s) => [s.bodyText, s.subheadline], same: sameText, accepts: isPlain },
  summary: { ours: (s) => [s.bodyText, s.subheadline], same: sameText, accepts: isPlain },
  'content.#.value': {
    ours: (s) => [s.bodyText],
    same: (ours, literal) => typeof literal === 'string' && sameText(ours, htmlText(literal)),
  },
  author: { ours: (s) => [s.bylines.map((b) => b.name)], same: sameNames },
  'author_detail.name': { ours: (s) => [s.bylines[0]?.name], same: sameText },
  'authors.#.name': { ours: (s, [k = 0]) => [s.bylines[k]?.name], same: sameText },
  published: { ours: (s) => [s.rawDates.publishedAt], same: sameText },
  // feedparser calls dc:date "updated"; we may read it as the publication date.
  updated: { ours: (s) => [s.rawDates.updatedAt, s.rawDates.publishedAt], same: sameText },
  published_parsed: { ours: (s) => [s.publishedAt], same: sameTuple },
  updated_parsed: { ours: (s) => [s.updatedAt, s.publishedAt], same: sameTuple },
  category: { ours: (s) => [s.tags[0], s.section], same: sameText },
  'tags.#.term': { ours: (s, [k = 0]) => [s.tags[k]], same: sameText },
};

function pathLabel(path: PyPath): string {
  const inner = path.root + path.steps.map((s) => (typeof s === 'number' ? `[${s}]` : `.${s}`)).join('');
  return path.fn === null ? inner : `${path.fn}(${inner})`;
}

/** `==`/`!=` of our candidates against a literal; `== None` means we give nothing either. */
function agrees(candidates: readonly unknown[], op: '==' | '!=', literal: PyLiteral, same: Same): boolean {
  const equal =
    literal === null ? candidates.every((c) => c === null || c === undefined) : candidates.some((c) => same(c, literal));
  return op === '==' ? equal : !equal;
}

/** A check on one entry (our story at the same index), or null when the path has no safe meaning. */
function entryCheck(path: PyPath, op: '==' | '!=', literal: PyLiteral): Check | null {
  const [index, ...rest] = path.steps;
  if (typeof index !== 'number') return null;
  const key = rest.map((s) => (typeof s === 'number' ? '#' : s)).join('.');
  const indexes = rest.filter((s): s is number => typeof s === 'number');
  let field: EntryField | undefined;
  let want = literal;
  if (path.fn === 'len' && key === 'tags') field = { ours: (s) => [s.tags.length], same: sameExact };
  else if (path.fn === 'ord' && typeof literal === 'number') {
    field = ENTRY_FIELDS[key];
    want = String.fromCodePoint(literal);
  } else if (path.fn === null) field = ENTRY_FIELDS[key];
  if (!field || (field.accepts && !field.accepts(want))) return null;
  const { ours, same } = field;
  return {
    label: `${pathLabel(path)} ${op} ${JSON.stringify(literal)}`,
    run: ({ outcome }) => {
      if (!outcome.ok) return { ok: false, got: new Absent(outcome.code) };
      const story = storyAt(outcome.result, index);
      if (!story) return { ok: false, got: new Absent(`no item ${index}`) };
      const candidates = ours(story, indexes);
      return { ok: agrees(candidates, op, want, same), got: candidates.find((c) => c !== null && c !== undefined) ?? null };
    },
  };
}

/** WHATWG's name for a charset label ("Big5" → "big5", "GB2312" → "gbk"), so aliases compare equal. */
function canonicalCharset(label: string): string {
  try {
    return new TextDecoder(label.trim()).encoding;
  } catch {
    return label.trim().toLowerCase();
  }
}

function compareCheck(path: PyPath, op: '==' | '!=', literal: PyLiteral): Check | null {
  const label = `${pathLabel(path)} ${op} ${JSON.stringify(literal)}`;
  if (path.root === 'entries' && path.fn === 'len' && path.steps.length === 0 && typeof literal === 'number') {
    return {
      label,
      run: ({ outcome }) => {
        const got = outcome.ok ? outcome.result.stories.length : 0;
        return { ok: agrees([got], op, literal, sameExact), got: outcome.ok ? got : new Absent(outcome.code) };
      },
    };
  }
  if (path.root === 'encoding' && path.steps.length === 0 && path.fn === null && typeof literal === 'string') {
    return {
      label,
      run: ({ charset }) => {
        const got = charset();
        return { ok: agrees([canonicalCharset(got)], op, canonicalCharset(literal), sameExact), got };
      },
    };
  }
  return path.root === 'entries' ? entryCheck(path, op, literal) : null;
}

/** The expression's checks (`bozo` is information, not a check), or null when any part does not translate. */
function translate(expr: PyExpr, negated = false): Check[] | null {
  switch (expr.kind) {
    case 'and': {
      if (negated) return null; // `not (a and b)` never occurs; an `or` is not worth translating
      const parts = expr.terms.map((term) => translate(term));
      return parts.every((p) => p !== null) ? parts.flat() : null;
    }
    case 'not':
      return translate(expr.term, !negated);
    case 'truthy': {
      const { operand } = expr;
      if (operand.kind === 'path' && operand.root === 'bozo' && operand.steps.length === 0 && operand.fn === null) return [];
      // A bare `1` is feedparser's "parsing this must not crash".
      if (operand.kind === 'literal' && operand.value === 1 && !negated) {
        return [
          {
            label: 'does not crash',
            run: ({ outcome }) => ({
              ok: outcome.ok || outcome.code !== UNTYPED_ERROR,
              got: outcome.ok ? 'parsed' : outcome.code,
            }),
          },
        ];
      }
      return null;
    }
    case 'compare': {
      if (expr.left.kind !== 'path') return null;
      const op = negated ? (expr.op === '==' ? '!=' : '==') : expr.op;
      const check = compareCheck(expr.left, op, expr.right);
      return check ? [check] : null;
    }
  }
}

/** feedparser's bozo flag when the expression opens with `bozo` or `not bozo`. */
export function statedBozo(source: string | null): boolean | null {
  const match = /^\s*(not\s+)?bozo\b(?!_)/.exec(source ?? '');
  return match ? match[1] === undefined : null;
}

/** Evaluates one feedparser expectation against our outcome for its file. */
export function evaluateFeedparser(source: string | null, ctx: FeedparserContext): FeedparserVerdict {
  const bozo = statedBozo(source);
  const expr = source === null ? null : parsePyExpr(source);
  const checks = expr === null ? null : translate(expr);
  if (checks === null) {
    return { status: 'not evaluated', bozo, detail: source === null ? 'no expectation' : 'outside the translated subset' };
  }
  if (checks.length === 0) return { status: 'bozo only', bozo, detail: '' };
  for (const check of checks) {
    const { ok, got } = check.run(ctx);
    if (!ok) return { status: 'failed', bozo, detail: `${show(got)} for ${check.label}` };
  }
  return { status: 'passed', bozo, detail: '' };
}

/** One feedparser file: its expectation, our outcome and the verdict. */
export interface FeedparserCase {
  file: string;
  /** feedparser's test folder: wellformed, illformed, encoding. */
  category: string;
  expr: string | null;
  outcome: Outcome;
  verdict: FeedparserVerdict;
}

/** Tables, mismatches and the headline figure of the feedparser cases. */
export function feedparserReport(cases: readonly FeedparserCase[]): Pick<SetReport, 'tables' | 'mismatches' | 'figures'> {
  const count = (list: readonly FeedparserCase[], status: FeedparserVerdict['status']): number =>
    list.filter((c) => c.verdict.status === status).length;
  const categories = [...new Set(cases.map((c) => c.category))].sort();
  const passed = count(cases, 'passed');
  const evaluated = passed + count(cases, 'failed');
  return {
    tables: [
      {
        title: 'feedparser expectations',
        columns: ['category', 'files', 'passed', 'failed', 'not evaluated', 'bozo only'],
        rows: categories.map((category) => {
          const list = cases.filter((c) => c.category === category);
          const statuses = ['passed', 'failed', 'not evaluated', 'bozo only'] as const;
          return [category, list.length, ...statuses.map((status) => count(list, status))];
        }),
      },
      {
        title: "feedparser's well-formedness verdict vs our answer",
        columns: ['feedparser says', 'files', 'our answers'],
        rows: [true, false].map((bozo) => {
          const list = cases.filter((c) => c.verdict.bozo === bozo);
          const answers = list.map((c) => (c.outcome.ok ? 'parsed' : c.outcome.code));
          return [bozo ? 'ill-formed (bozo)' : 'well-formed (not bozo)', list.length, formatCounts(answers)];
        }),
      },
    ],
    mismatches: cases
      .filter((c) => c.verdict.status === 'failed')
      .map((c) => ({ group: 'feedparser', field: c.category, file: c.file, expected: c.expr ?? '', got: c.verdict.detail })),
    figures: [{ label: 'feedparser expectations passed (of those evaluated)', n: passed, of: evaluated }],
  };
}
