/** What every eval set returns: tables to print (or emit as JSON), mismatches and headline figures. */

export interface Ratio {
  n: number;
  of: number;
}

export type Cell = string | number | Ratio | null;

export interface Table {
  title: string;
  columns: readonly string[];
  rows: Cell[][];
}

/** One expected-vs-got disagreement, listed under the tables. */
export interface Mismatch {
  group: string;
  field: string;
  file: string;
  expected: string;
  got: string;
}

/** A headline figure for the final summary block. */
export interface Figure extends Ratio {
  label: string;
}

export interface SetReport {
  tables: Table[];
  /** Lines printed under the tables: what was compared and how. */
  notes: string[];
  mismatches: Mismatch[];
  figures: Figure[];
}

export interface EvalContext {
  /** Absolute path of the corpus root. */
  corpus: string;
  /** Run Readability and Mercury beside wiredesk on article pages (`--no-baselines` turns them off). */
  baselines: boolean;
}

/** One corpus set. A new set is a module exporting one of these, listed in `sets.ts`. */
export interface EvalSet {
  name: string;
  title: string;
  /** List every mismatch even without --verbose: the set is small and each miss is worth reading. */
  listEveryMismatch?: boolean;
  run(ctx: EvalContext): SetReport;
}

export function ratio(n: number, of: number): Ratio {
  return { n, of };
}
