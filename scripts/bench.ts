/**
 * `npm run bench`: speed and memory figures, printed with their ratios. Sections run one after the
 * other in this process (`--only pipeline` runs one).
 */
import { benchExtraction, extractionTitle } from './bench/extraction.js';
import { benchPipeline } from './bench/pipeline.js';
import { formatRows, type BenchRow } from './bench/report.js';
import { benchSinks } from './bench/sinks.js';

const SECTIONS: Record<string, { title: string; run: () => Promise<BenchRow[]> }> = {
  extraction: { title: extractionTitle(), run: benchExtraction },
  pipeline: { title: 'Pipeline: stories from the local emulator to the sink through real Redis', run: () => benchPipeline({ feeds: 40, items: 25 }) },
  sinks: { title: 'Sinks: revisions stored per second on their real backends', run: () => benchSinks(2_000) },
};

const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined;
for (const [name, section] of Object.entries(SECTIONS)) {
  if (only && name !== only) continue;
  const rows = await section.run();
  process.stdout.write(`${formatRows(section.title, rows)}\n\n`);
}
process.exit(0);
