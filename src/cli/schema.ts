import type { Command } from 'commander';
import { z } from 'zod';
import { Story } from '../schema/story.js';
import type { CliIo } from './io.js';
import type { CommandResult } from './program.js';

/** JSON Schema (2020-12) of the Story record, generated from the zod schema it is typed by. */
export function storyJsonSchema(): Record<string, unknown> {
  return {
    $id: 'https://github.com/wiredesk/wiredesk/schema/story.json',
    title: 'wiredesk Story',
    ...z.toJSONSchema(Story, { target: 'draft-2020-12' }),
  };
}

export function registerSchema(program: Command, io: CliIo, _result: CommandResult): void {
  program
    .command('schema')
    .description('print the JSON Schema of the story record, for downstream consumers')
    .action(() => {
      io.stdout(`${JSON.stringify(storyJsonSchema(), null, 2)}\n`);
    });
}
