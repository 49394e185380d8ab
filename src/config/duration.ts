import { z } from 'zod';

const UNITS = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;
const PATTERN = /^(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)$/;

/**
 * A duration written for humans (`'500ms'`, `'2m'`, `'6h'`) or as milliseconds, parsed to ms.
 *
 * @example Duration.parse('2m') // 120000
 */
export const Duration = z
  .union([z.number().int().nonnegative(), z.string().trim().regex(PATTERN, "expected a duration such as '30s', '2m' or '6h'")])
  .transform((value) => (typeof value === 'number' ? value : toMs(value)));

export function toMs(text: string): number {
  const match = PATTERN.exec(text.trim());
  if (!match) throw new RangeError(`not a duration: ${text}`);
  return Math.round(Number(match[1]) * UNITS[match[2] as keyof typeof UNITS]);
}
