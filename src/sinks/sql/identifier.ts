import { z } from 'zod';

const IDENTIFIER = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * A PostgreSQL schema name wiredesk may create: lower-case, unquoted-style, at most 63 bytes, and
 * not `pg_…` (reserved for the system). SQL cannot take identifiers as parameters, so a name is
 * checked here and then quoted where it is spliced in.
 */
export const SchemaName = z
  .string()
  .regex(IDENTIFIER, 'use 1–63 lower-case letters, digits and _, not starting with a digit')
  .refine((name) => !name.startsWith('pg_'), 'names starting with pg_ are reserved by PostgreSQL');

/** `wiredesk` → `"wiredesk"`; refuses anything SchemaName would (a second guard for callers outside the config). */
export function quoteIdentifier(name: string): string {
  if (!IDENTIFIER.test(name)) throw new RangeError(`not a safe SQL identifier: ${JSON.stringify(name)}`);
  return `"${name}"`;
}
