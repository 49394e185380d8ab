import { execFileSync, spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const BIN = new URL('../../bin/wiredesk', import.meta.url).pathname;

describe('bin/wiredesk', () => {
  it('prints help listing the commands', () => {
    const out = execFileSync(BIN, ['--help'], { encoding: 'utf8' });
    expect(out).toContain('Usage: wiredesk');
    expect(out).toMatch(/\bparse\b/);
    expect(out).toMatch(/\bschema\b/);
  });

  it('exits 2 on an unknown command', () => {
    const run = spawnSync(BIN, ['no-such-command'], { encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('unknown command');
  });
});
