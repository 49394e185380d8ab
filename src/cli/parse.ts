import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { InvalidArgumentError, Option, type Command } from 'commander';
import { z } from 'zod';
import { ParseError, UsageError, toWiredeskError } from '../errors.js';
import { isTimeZone } from '../config/schema.js';
import { parseStories } from '../parsers/parse.js';
import { DEFAULT_PARSE_LIMITS } from '../parsers/types.js';
import { NINJS_VERSIONS, toNinjs, type NinjsVersion } from '../schema/ninjs.js';
import { FORMATS, type Format } from '../schema/story.js';
import { EXIT, type CliIo } from './io.js';
import type { CommandResult } from './program.js';

const UrlMap = z.record(z.string(), z.url());

interface ParseCommandOptions {
  url?: string;
  urlMap?: string;
  format?: Format;
  jsonl?: boolean;
  ninjs?: NinjsVersion;
  timeZone?: string;
  maxBytes: number;
}

export function registerParse(program: Command, io: CliIo, result: CommandResult): void {
  program
    .command('parse')
    .description('parse local files offline into story records (no network)')
    .argument('<file...>', 'feed, wire or page files')
    .option('--url <url>', 'the URL the (single) file was fetched from: resolves links, picks site parsers')
    .option('--url-map <file>', 'a JSON object mapping file paths to their URLs')
    .addOption(new Option('--format <format>', 'skip detection and use this parser').choices(FORMATS))
    .option('--jsonl', 'one JSON line per file; a failing file gives an error line and the rest go on')
    .addOption(new Option('--ninjs [version]', 'print stories as IPTC ninjs').choices(NINJS_VERSIONS).preset('3.1'))
    .option('--time-zone <zone>', 'IANA zone for dates without an offset (default: UTC, or the zone a page shows)')
    .option('--max-bytes <n>', 'largest file accepted, in bytes', parsePositiveInt, DEFAULT_PARSE_LIMITS.maxBytes)
    .action(async (files: string[], options: ParseCommandOptions) => {
      result.exitCode = await parseFiles(files, options, io);
    });
}

async function parseFiles(files: string[], options: ParseCommandOptions, io: CliIo): Promise<number> {
  if (options.url && files.length > 1) throw new UsageError('--url names the URL of one file; use --url-map for several');
  if (options.timeZone !== undefined && !isTimeZone(options.timeZone)) throw new UsageError(`--time-zone: "${options.timeZone}" is not an IANA time zone`);
  const urlMap = options.urlMap ? await loadUrlMap(options.urlMap) : {};

  const results: FileResult[] = [];
  for (const file of files) {
    const result = await parseFile(file, options.url ?? urlMap[file] ?? urlMap[resolve(file)], options);
    if (options.jsonl) io.stdout(`${JSON.stringify(result)}\n`);
    results.push(result);
  }
  if (!options.jsonl) io.stdout(`${JSON.stringify(results.length === 1 ? results[0] : results, null, 2)}\n`);
  return results.some((r) => 'error' in r) ? EXIT.someFailed : EXIT.ok;
}

type FileResult =
  | { file: string; format: Format; parser: string; stories: unknown[]; skipped?: unknown[] }
  | { file: string; error: { code: string; message: string } };

async function parseFile(file: string, url: string | undefined, options: ParseCommandOptions): Promise<FileResult> {
  try {
    // Refuse oversized files before reading them into memory.
    const { size } = await stat(file);
    if (size > options.maxBytes) {
      throw new ParseError('WD_ERR_TOO_LARGE', `the file is ${size} bytes; the limit is ${options.maxBytes}`);
    }
    const parsed = parseStories(await readFile(file), {
      ...(url === undefined ? {} : { url }),
      ...(options.format === undefined ? {} : { format: options.format }),
      ...(options.timeZone === undefined ? {} : { defaultTimeZone: options.timeZone }),
      limits: { maxBytes: options.maxBytes },
    });
    const version = options.ninjs;
    return {
      file,
      format: parsed.format,
      parser: parsed.parser,
      stories: version ? parsed.stories.map((story) => toNinjs(story, version)) : parsed.stories,
      ...(parsed.skipped.length > 0
        ? { skipped: parsed.skipped.map((s) => ({ index: s.index, code: s.error.code, message: s.error.message })) }
        : {}),
    };
  } catch (error) {
    const typed = toWiredeskError(error, 'WD_ERR_MALFORMED');
    const code = (error as NodeJS.ErrnoException).code;
    const message = code === 'ENOENT' ? `no such file: ${file}` : typed.message;
    return { file, error: { code: typed.code, message } };
  }
}

async function loadUrlMap(file: string): Promise<Record<string, string>> {
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw new UsageError(`--url-map: cannot read ${file} as JSON (${(error as Error).message})`, { cause: error });
  }
  const parsed = UrlMap.safeParse(raw);
  if (!parsed.success) {
    throw new UsageError(`--url-map: ${z.prettifyError(parsed.error).replaceAll('\n', ' ')}`);
  }
  // Keys may be written relative to the working directory or absolute; accept both.
  return Object.fromEntries(Object.entries(parsed.data).flatMap(([key, url]) => [[key, url], [resolve(key), url]]));
}

function parsePositiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n <= 0) throw new InvalidArgumentError(`"${value}" is not a positive integer`);
  return n;
}
