import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/errors.js';
import { NINJS_VERSIONS, type NinjsVersion } from '../../src/schema/ninjs.js';
import { assertValidNinjs, validateNinjs } from '../../src/schema/ninjs-validate.js';

/** IPTC's validation suite, read in place: present in the development checkout only, never copied. */
const SUITE_DIR = fileURLToPath(new URL('../../../shared/spec/ninjs/test_suite/', import.meta.url));
const HAS_SUITE = existsSync(SUITE_DIR);

interface SuiteCase {
  name: string;
  expectValid: boolean;
  /** Undefined when the file is deliberately not JSON (some should_fail cases are). */
  doc: unknown;
}

function suiteCases(suiteVersion: string): SuiteCase[] {
  return (['should_pass', 'should_fail'] as const).flatMap((kind) => {
    const dir = join(SUITE_DIR, suiteVersion, kind);
    if (!existsSync(dir)) return [];
    return readdirSync(dir)
      .filter((file) => file.endsWith('.json'))
      .sort()
      .map((file) => ({ name: `${kind}/${file}`, expectValid: kind === 'should_pass', doc: parseOrUndefined(join(dir, file)) }));
  });
}

function parseOrUndefined(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * Each schema against its own suite, and also against the previous minor's suite: 3.1 and 2.2
 * only add `digitalSourceType`, and the older suites are the ones that exercise GeoJSON places,
 * dates, URIs and associations.
 */
const SUITES: ReadonlyArray<{ schema: NinjsVersion; suite: string }> = [
  { schema: '3.1', suite: '3.1' },
  { schema: '2.2', suite: '2.2' },
  { schema: '3.1', suite: '3.0' },
  { schema: '2.2', suite: '2.1' },
];

describe('IPTC ninjs test suite', () => {
  for (const { schema, suite } of SUITES) {
    const cases = HAS_SUITE ? suiteCases(suite) : [];

    it.skipIf(!HAS_SUITE)(`has ${suite} cases of both kinds to run against the ${schema} schema`, () => {
      expect(cases.some((c) => c.expectValid)).toBe(true);
      expect(cases.some((c) => !c.expectValid)).toBe(true);
    });

    it.skipIf(!HAS_SUITE)(`${suite} suite: should_pass passes and should_fail fails under the ${schema} schema`, () => {
      const outcomes = cases.map((c) => ({
        name: c.name,
        valid: c.doc !== undefined && validateNinjs(c.doc, schema).valid,
      }));
      expect(outcomes).toEqual(cases.map((c) => ({ name: c.name, valid: c.expectValid })));
    });
  }
});

describe('validateNinjs', () => {
  const place = (geo: unknown) => ({ uri: 'urn:test:1', places: [{ name: 'Gotland', geoJSON: geo }] });

  it('resolves the GeoJSON schema from the bundled copy', () => {
    expect(validateNinjs(place({ type: 'Point', coordinates: [18.2979, 57.6381] }), '3.1').valid).toBe(true);
    expect(validateNinjs(place({ type: 'Point', coordinates: 'north' }), '3.1').valid).toBe(false);
    const legacy = { uri: 'urn:test:1', places: [{ name: 'Gotland', geojson: { type: 'Polygon', coordinates: [[1, 2]] } }] };
    expect(validateNinjs(legacy, '2.2').valid).toBe(false);
  });

  it('checks formats: uri and date-time with an offset', () => {
    expect(validateNinjs({ uri: 'AP-25255-0832' }, '3.1').errors).toEqual([
      expect.objectContaining({ path: '/uri', keyword: 'format' }),
    ]);
    expect(validateNinjs({ uri: 'urn:x:1', versionCreated: '2025-09-12T07:42:00' }, '3.1').valid).toBe(false);
    expect(validateNinjs({ uri: 'urn:x:1', versionCreated: '2025-09-12T07:42:00-05:00' }, '3.1').valid).toBe(true);
  });

  it('rejects properties the version does not define', () => {
    expect(validateNinjs({ uri: 'urn:x:1', pubStatus: 'usable' }, '2.2').valid).toBe(false);
    expect(validateNinjs({ uri: 'urn:x:1', pubstatus: 'usable' }, '3.1').valid).toBe(false);
    const result = validateNinjs({ uri: 'urn:x:1', fetchedAt: '2025-01-01T00:00:00Z' }, '3.1');
    expect(result.errors).toEqual([
      expect.objectContaining({ path: '', keyword: 'unevaluatedProperties', params: { unevaluatedProperty: 'fetchedAt' } }),
    ]);
  });

  it.each(NINJS_VERSIONS)('accepts the smallest document, a bare uri (%s)', (version) => {
    expect(validateNinjs({ uri: 'urn:x:1' }, version)).toEqual({ valid: true, errors: [] });
  });

  it('throws a typed ValidationError naming the failing paths', () => {
    expect(() => assertValidNinjs({ uri: 'urn:x:1' }, '2.2')).not.toThrow();
    let caught: unknown;
    try {
      assertValidNinjs({ uri: 'not a uri', urgency: 12 }, '3.1');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ValidationError);
    const error = caught as ValidationError;
    expect(error.code).toBe('WD_ERR_VALIDATION');
    expect(error.retryable).toBe(false);
    expect(error.message).toContain('/uri');
    expect(error.message).toContain('/urgency');
    expect(error.details).toMatchObject({
      version: '3.1',
      errors: expect.arrayContaining([
        expect.objectContaining({ path: '/uri', keyword: 'format' }),
        expect.objectContaining({ path: '/urgency', keyword: 'maximum' }),
      ]) as unknown,
    });
  });
});
