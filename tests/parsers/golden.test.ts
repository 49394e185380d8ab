import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { goldenCases, runCase } from '../helpers/golden.js';

const cases = goldenCases();

describe('golden fixtures', () => {
  it('has fixtures to check', () => {
    expect(cases.length).toBeGreaterThan(0);
  });

  it.each(cases.map((c) => [c.name, c] as const))('%s parses to its expected stories', (_name, c) => {
    const expected: unknown = JSON.parse(readFileSync(c.expectedFile, 'utf8'));
    expect(JSON.parse(JSON.stringify(runCase(c)))).toEqual(expected);
  });
});
