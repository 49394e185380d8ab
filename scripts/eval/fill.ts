import type { Story } from '../../src/schema/story.js';
import { ratio, type Cell, type Table } from './report.js';

const FILLED: ReadonlyArray<readonly [string, (story: Story) => boolean]> = [
  ['headline', (s) => s.headline.trim() !== ''],
  ['url', (s) => s.url !== null],
  ['publishedAt', (s) => s.publishedAt !== null],
  ['updatedAt', (s) => s.updatedAt !== null],
  ['bylines', (s) => s.bylines.length > 0],
  ['dateline', (s) => s.dateline !== null],
  ['section', (s) => s.section !== null],
  ['tags', (s) => s.tags.length > 0],
  ['subjects', (s) => s.subjects.length > 0],
  ['bodyText', (s) => s.bodyText.trim() !== ''],
  ['images', (s) => s.images.length > 0],
  ['credits', (s) => s.credits.length > 0],
  ['language', (s) => s.language !== null],
  ['representation=full', (s) => s.representation === 'full'],
];

/** Share of stories with each field filled: one column per group and one for all of them. */
export function fillTable(title: string, groups: ReadonlyMap<string, readonly Story[]>): Table {
  const all = [...groups.values()].flat();
  const columns = [...groups.keys(), 'all'];
  const stories = [...groups.values(), all];
  const rows: Cell[][] = FILLED.map(([field, filled]) => [
    field,
    ...stories.map((list) => ratio(list.filter(filled).length, list.length)),
  ]);
  return { title, columns: ['field', ...columns], rows };
}
