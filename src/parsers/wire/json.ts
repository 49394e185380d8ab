/**
 * Type-safe reads from untrusted JSON (ninjs, AP Media API). A wrong type is treated as absent,
 * never thrown on. Keys match case-insensitively: ninjs 3.x writes `versionCreated` and
 * `altIds`, 1.x and 2.x `versioncreated` and `altids`, and providers mix them.
 */
export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The value under the first of `keys` the object has (case-insensitive). */
export function get(obj: unknown, ...keys: string[]): unknown {
  if (!isObject(obj)) return undefined;
  for (const key of keys) {
    if (key in obj) return obj[key];
    const lower = key.toLowerCase();
    const found = Object.keys(obj).find((k) => k.toLowerCase() === lower);
    if (found !== undefined) return obj[found];
  }
  return undefined;
}

/** A non-empty trimmed string; numbers are accepted (AP sends `version: 0`, some send urgency as "3"). */
export function asString(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

/** The first key holding a usable string. */
export function getString(obj: unknown, ...keys: string[]): string | undefined {
  for (const key of keys) {
    const value = asString(get(obj, key));
    if (value !== undefined) return value;
  }
  return undefined;
}

/** An integer from a number or a numeric string. */
export function getInteger(obj: unknown, ...keys: string[]): number | undefined {
  const raw = getString(obj, ...keys);
  const n = raw === undefined ? Number.NaN : Number(raw);
  return Number.isInteger(n) ? n : undefined;
}

/** A string or an array of strings (AP `usageterms`, `keywords`) as strings. */
export function getStrings(obj: unknown, ...keys: string[]): string[] {
  const value = get(obj, ...keys);
  const list = Array.isArray(value) ? value : [value];
  return list.map(asString).filter((s): s is string => s !== undefined);
}

/**
 * Named members of a list that ninjs 1.x keys by name (`renditions: { main: {…} }`) and 2.x/3.x
 * writes as an array of objects (`renditions: [{ name: 'main', … }]`): `[name, object]` pairs.
 */
export function namedObjects(value: unknown): Array<[string | undefined, JsonObject]> {
  if (Array.isArray(value)) return value.filter(isObject).map((o) => [getString(o, 'name'), o]);
  if (isObject(value)) return Object.entries(value).flatMap(([k, v]) => (isObject(v) ? [[k, v] as [string, JsonObject]] : []));
  return [];
}

/** The objects in an array (anything else in it is skipped). */
export function objects(value: unknown): JsonObject[] {
  return Array.isArray(value) ? value.filter(isObject) : [];
}
