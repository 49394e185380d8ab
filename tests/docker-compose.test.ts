import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { buildProgram } from '../src/cli/program.js';
import { ENV_VARS } from '../src/config/load.js';

interface Service {
  build?: unknown;
  image?: string;
  command?: string[];
  environment?: Record<string, string>;
  healthcheck?: { test: string[] };
  volumes?: string[];
}

const compose = parse(readFileSync(new URL('../docker-compose.yml', import.meta.url), 'utf8')) as { services: Record<string, Service>; volumes: Record<string, unknown> };
const commands = buildProgram({ stdout: () => {}, stderr: () => {} }, { exitCode: 0 }).commands.map((c) => c.name());
const wiredesk = Object.entries(compose.services).filter(([, s]) => s.build !== undefined);

describe('docker-compose.yml (no Docker engine here: checked by its contents)', () => {
  it('lists as wiredesk variables only names the sources really read', () => {
    const sources = readdirSync(new URL('../src', import.meta.url), { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
      .map((entry) => readFileSync(join(entry.parentPath, entry.name), 'utf8'))
      .join('\n');
    for (const variable of ENV_VARS) expect(sources).toMatch(new RegExp(`env\\.${variable}\\b`));
  });

  it('has Redis with AOF persistence and PostgreSQL, each with a health check and a volume', () => {
    expect(compose.services.redis?.command).toEqual(expect.arrayContaining(['--appendonly', 'yes']));
    for (const name of ['redis', 'postgres']) {
      expect(compose.services[name]?.healthcheck?.test.length).toBeGreaterThan(0);
      expect(compose.services[name]?.volumes?.length).toBeGreaterThan(0);
    }
  });

  it('runs `run` and a scalable `worker` built from this repository', () => {
    expect(wiredesk.map(([name, s]) => [name, s.command?.[0]])).toEqual([
      ['run', 'run'],
      ['worker', 'worker'],
    ]);
  });

  it.each(wiredesk)('service %s runs real wiredesk commands and sets only variables wiredesk reads', (_name, service) => {
    expect(commands).toContain(service.command?.[0]);
    const healthCommand = service.healthcheck?.test.slice(service.healthcheck.test.indexOf('bin/wiredesk') + 1)[0];
    expect(commands).toContain(healthCommand);
    for (const variable of Object.keys(service.environment ?? {})) expect(ENV_VARS).toContain(variable);
    for (const volume of service.volumes ?? []) {
      const named = volume.split(':')[0]!;
      if (!named.startsWith('.')) expect(Object.keys(compose.volumes)).toContain(named);
    }
  });
});
