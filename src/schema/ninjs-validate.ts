/*
 * Bundled schemas (./ninjs/, see ./ninjs/NOTICE): IPTC ninjs 3.1 and 2.2, Copyright (c) 2024
 * International Press Telecommunications Council, MIT License; GeoJSON from geojson-schema 1.0.5,
 * MIT License.
 */
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import ajvFormats from 'ajv-formats';
import { ValidationError } from '../errors.js';
import { DEFAULT_NINJS_VERSION, type NinjsVersion } from './ninjs.js';
import geoJsonSchema from './ninjs/GeoJSON.json' with { type: 'json' };
import schema22 from './ninjs/ninjs-schema_2.2.json' with { type: 'json' };
import schema31 from './ninjs/ninjs-schema_3.1.json' with { type: 'json' };

/** One reason a document fails its schema, as Ajv reports it. */
export interface NinjsValidationIssue {
  /** JSON Pointer to the offending value; `''` is the document itself. */
  path: string;
  /** The schema keyword that failed: `format`, `required`, `unevaluatedProperties`, … */
  keyword: string;
  message: string;
  params: Record<string, unknown>;
}

export type NinjsValidationResult = { valid: true; errors: [] } | { valid: false; errors: NinjsValidationIssue[] };

const SCHEMAS: Readonly<Record<NinjsVersion, object>> = { '3.1': schema31, '2.2': schema22 };

let ajv: Ajv2020 | undefined;
const validators = new Map<NinjsVersion, ValidateFunction>();

/**
 * Validates a document against the official IPTC ninjs schema of `version` (JSON Schema 2020-12,
 * formats checked). The schemas ship inside the package; nothing is fetched. Compiled once per
 * version and cached.
 *
 * @example
 * const result = validateNinjs(toNinjs(story), '3.1');
 * if (!result.valid) log.warn({ errors: result.errors }, 'ninjs export is invalid');
 */
export function validateNinjs(doc: unknown, version: NinjsVersion = DEFAULT_NINJS_VERSION): NinjsValidationResult {
  const validate = validatorFor(version);
  if (validate(doc)) return { valid: true, errors: [] };
  return { valid: false, errors: (validate.errors ?? []).map(toIssue) };
}

/**
 * Like {@link validateNinjs}, but throws a ValidationError (code WD_ERR_VALIDATION) listing the
 * failing paths in `details.errors`.
 *
 * @example
 * assertValidNinjs(toNinjs(story, '2.2'), '2.2'); // throws when the export is not valid 2.2
 */
export function assertValidNinjs(doc: unknown, version: NinjsVersion = DEFAULT_NINJS_VERSION): void {
  const result = validateNinjs(doc, version);
  if (result.valid) return;
  const summary = result.errors.map((e) => `${e.path || '/'} ${e.message}`).join('; ');
  throw new ValidationError(`not valid ninjs ${version}: ${summary}`, { details: { version, errors: result.errors } });
}

function validatorFor(version: NinjsVersion): ValidateFunction {
  const cached = validators.get(version);
  if (cached) return cached;
  const validate = instance().compile(SCHEMAS[version]);
  validators.set(version, validate);
  return validate;
}

function instance(): Ajv2020 {
  if (ajv) return ajv;
  // strictRequired is off because IPTC's schemas require properties inside oneOf branches that
  // declare them only at the parent level; every other strict check stays on.
  ajv = new Ajv2020({ allErrors: true, strictRequired: false });
  ajvFormats.default(ajv);
  // ninjs 3.x refers to GeoJSON by its public $id, served from the bundled copy. That copy declares
  // draft-07, which a 2020-12 instance cannot load; it uses only keywords that mean the same in
  // both drafts (type, enum, required, properties, items as one schema, minItems, oneOf), so the
  // draft marker is dropped (IPTC's test-suite copy relabels it 2020-12 for the same reason).
  const { $schema: _draft, ...geoJson } = geoJsonSchema;
  ajv.addSchema(geoJson);
  return ajv;
}

function toIssue(error: ErrorObject): NinjsValidationIssue {
  return { path: error.instancePath, keyword: error.keyword, message: error.message ?? error.keyword, params: { ...error.params } };
}
