import type { Mismatch, Ratio, Table } from './report.js';

const ISO_INSTANT =
  /^(?<y>\d{1,4})-(?<mo>\d{2})-(?<d>\d{2})(?:[Tt ](?<h>\d{2}):(?<mi>\d{2})(?::(?<s>\d{2})(?:[.,]\d+)?)?)? ?(?<z>[Zz]|[+-]\d{2}(?::?\d{2})?)?$/;

/**
 * Seconds since the epoch of an ISO 8601 timestamp, or null. Years keep their digits (feedparser
 * writes year 99 as "99-12-31T…", meaning 0099); a missing offset means UTC; fractions of a second
 * are dropped because the ground truths are at one-second resolution.
 */
export function instantSeconds(value: string): number | null {
  const g = ISO_INSTANT.exec(value.trim())?.groups;
  if (!g) return null;
  const [y, mo, d, h, mi, s] = [g.y, g.mo, g.d, g.h ?? '0', g.mi ?? '0', g.s ?? '0'].map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 59) return null;
  const date = new Date(0);
  date.setUTCFullYear(y, mo - 1, d);
  if (date.getUTCDate() !== d) return null;
  date.setUTCHours(h, mi, s, 0);
  return Math.floor(date.getTime() / 1000) - offsetSeconds(g.z);
}

function offsetSeconds(zone: string | undefined): number {
  if (zone === undefined || /^z$/i.test(zone)) return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  return sign * (Number(digits.slice(0, 2)) * 3600 + Number(digits.slice(2) || '0') * 60);
}

/** Seconds since the epoch of a Python time tuple (year, month, day, hour, minute, second, …) in UTC. */
export function tupleSeconds(tuple: readonly number[]): number | null {
  const [y, mo, d, h, mi, s] = tuple;
  if (y === undefined || mo === undefined || d === undefined) return null;
  const pad = (n: number | undefined): string => String(n ?? 0).padStart(2, '0');
  return instantSeconds(`${String(y).padStart(4, '0')}-${pad(mo)}-${pad(d)}T${pad(h)}:${pad(mi)}:${pad(s)}Z`);
}

/** Both absent, or both the same instant to the second. An unreadable expectation never matches. */
export function sameInstant(expected: string | null | undefined, got: string | null | undefined): boolean {
  if (expected === null || expected === undefined || expected === '') return got === null || got === undefined;
  if (got === null || got === undefined) return false;
  const want = instantSeconds(expected);
  return want !== null && want === instantSeconds(got);
}

/** Stands for a value we could not get (the file failed, the item is missing); shown as `<reason>`. */
export class Absent {
  constructor(readonly reason: string) {}
}

/** Short, one-line rendering of a value for mismatch lines: strings quoted, absences in angle brackets. */
export function show(value: unknown, max = 80): string {
  const text =
    value instanceof Absent ? `<${value.reason}>` : value === undefined ? '<none>' : JSON.stringify(value);
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** Matches per compared field, with each mismatch kept for the listing. */
export class Agreement {
  private readonly tallies = new Map<string, Ratio>();
  readonly mismatches: Mismatch[] = [];

  constructor(private readonly group: string) {}

  check(field: string, file: string, ok: boolean, expected: unknown, got: unknown): boolean {
    const tally = this.tallies.get(field) ?? { n: 0, of: 0 };
    tally.of += 1;
    if (ok) tally.n += 1;
    else this.mismatches.push({ group: this.group, field, file, expected: show(expected), got: show(got) });
    this.tallies.set(field, tally);
    return ok;
  }

  ratio(field: string): Ratio {
    const tally = this.tallies.get(field);
    return tally ? { ...tally } : { n: 0, of: 0 };
  }

  /** One row per field, in `fields` order (fields never compared show "-"). */
  table(title: string, fields: readonly string[]): Table {
    return { title, columns: ['field', 'matches/compared'], rows: fields.map((field) => [field, this.ratio(field)]) };
  }
}
