import { execFileSync } from 'node:child_process';

/**
 * The binary and worker-thread processors run the compiled output, so tests build it once first
 * (a fresh clone gets the same build from `npm ci` → prepare).
 */
export default function setup(): void {
  execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
}
