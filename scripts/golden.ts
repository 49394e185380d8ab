/**
 * Writes `<case>.expected.json` from the current parser output:
 *   npx tsx scripts/golden.ts tests/fixtures/rss/ap-top.xml [more fixtures…]
 *   npx tsx scripts/golden.ts --all
 * Review every diff by hand before committing: the golden file is the specification, not a
 * snapshot to accept blindly.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { goldenCases, runCase } from '../tests/helpers/golden.js';

const args = process.argv.slice(2);
if (!args.includes('--all')) {
  // A new fixture becomes a case once its expected file exists.
  for (const file of args) {
    const expectedFile = `${resolve(file).replace(/\.[^./]+$/, '')}.expected.json`;
    if (!existsSync(expectedFile)) writeFileSync(expectedFile, '{}\n');
  }
}
const wanted = new Set(args.map((f) => resolve(f)));
for (const c of goldenCases().filter((c) => args.includes('--all') || wanted.has(c.file))) {
  writeFileSync(c.expectedFile, `${JSON.stringify(runCase(c), null, 2)}\n`);
  process.stdout.write(`wrote ${c.expectedFile}\n`);
}
