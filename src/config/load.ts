import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, isAbsolute, resolve } from 'node:path';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import type { z } from 'zod';
import { ConfigError } from '../errors.js';
import { ConfigSchema, type Config } from './schema.js';

export const DEFAULT_CONFIG_FILE = 'wiredesk.config.yaml';

export interface LoadConfigOptions {
  /** Config file; else WIREDESK_CONFIG; else ./wiredesk.config.yaml when it exists; else defaults. */
  path?: string;
  env?: NodeJS.ProcessEnv;
}

/** Environment variables wiredesk reads (docker-compose and the README use the same names). */
export const ENV_VARS = ['WIREDESK_CONFIG', 'REDIS_URL', 'WIREDESK_DATA_DIR', 'WIREDESK_LOG_LEVEL', 'DATABASE_URL'] as const;

/**
 * Reads, validates and freezes the configuration once, at start. Every problem is reported with
 * its path (`sources[2].url: Invalid URL`) in one ConfigError, so a bad file fails fast and clearly.
 */
export async function loadConfig(options: LoadConfigOptions = {}): Promise<Readonly<Config>> {
  const env = options.env ?? process.env;
  const explicit = options.path ?? env.WIREDESK_CONFIG;
  const file = resolve(explicit ?? DEFAULT_CONFIG_FILE);
  let raw: unknown = {};
  if (explicit !== undefined || existsSync(file)) raw = await readYaml(file);
  const config = parseConfig(raw, env);
  // Relative paths in a config file are relative to that file, not to wherever the CLI runs.
  const base = existsSync(file) ? dirname(file) : process.cwd();
  const dataDir = env.WIREDESK_DATA_DIR ?? config.dataDir;
  return deepFreeze({
    ...config,
    dataDir: isAbsolute(dataDir) ? dataDir : resolve(base, dataDir),
    sources: config.sources.map((s) => (/^https?:\/\//i.test(s.url) || isAbsolute(s.url) ? s : { ...s, url: resolve(base, s.url) })),
  });
}

/** Validates a config object (already read from YAML), applying environment overrides. */
export function parseConfig(raw: unknown, env: NodeJS.ProcessEnv = process.env): Config {
  const problems: string[] = [];
  const expanded = expandEnv(raw, env, [], problems);
  const withEnv = applyEnvOverrides(expanded, env);
  const result = ConfigSchema.safeParse(withEnv);
  if (!result.success) problems.push(...result.error.issues.map(formatIssue));
  if (problems.length > 0 || !result.success) {
    throw new ConfigError(`invalid configuration:\n  ${problems.join('\n  ')}`, { details: { problems } });
  }
  return result.data;
}

async function readYaml(file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new ConfigError(`cannot read the config file ${file}: ${(error as Error).message}`, { cause: error });
  }
  try {
    return parseYaml(text) ?? {};
  } catch (error) {
    const where = error instanceof YAMLParseError && error.linePos ? ` (line ${error.linePos[0].line})` : '';
    throw new ConfigError(`the config file ${file} is not valid YAML${where}: ${(error as Error).message}`, { cause: error });
  }
}

function applyEnvOverrides(raw: unknown, env: NodeJS.ProcessEnv): unknown {
  if (!isRecord(raw)) return raw;
  if (!env.REDIS_URL) return raw;
  const redis = isRecord(raw.redis) ? raw.redis : {};
  return { ...raw, redis: { ...redis, url: env.REDIS_URL } };
}

/** `${NAME}` in any string becomes the environment variable's value; a missing one is a problem. */
function expandEnv(value: unknown, env: NodeJS.ProcessEnv, path: Array<string | number>, problems: string[]): unknown {
  if (typeof value === 'string') {
    return value.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g, (_match, name: string) => {
      const found = env[name];
      if (found === undefined) problems.push(`${formatPath(path)}: environment variable ${name} is not set`);
      return found ?? '';
    });
  }
  if (Array.isArray(value)) return value.map((item, i) => expandEnv(item, env, [...path, i], problems));
  if (isRecord(value)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, expandEnv(v, env, [...path, k], problems)]));
  }
  return value;
}

function formatIssue(issue: z.core.$ZodIssue): string {
  return `${formatPath(issue.path)}: ${issue.message}`;
}

/** `['sources', 2, 'url']` → `sources[2].url`. */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  if (path.length === 0) return '(root)';
  return path.map((part, i) => (typeof part === 'number' ? `[${part}]` : `${i === 0 ? '' : '.'}${String(part)}`)).join('');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
