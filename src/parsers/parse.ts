import { ParseError, toWiredeskError, type WiredeskError } from '../errors.js';
import type { Format, Story } from '../schema/story.js';
import { loadDocument } from './document.js';
import { finalizeStory } from './finalize.js';
import { chooseParser } from './registry.js';
import { DEFAULT_PARSE_LIMITS, type ParseContext, type ParseLimits } from './types.js';

export interface ParseOptions {
  /** Skip detection and use this parser; a document of another kind is an error. */
  format?: Format;
  url?: string;
  contentType?: string;
  source?: { id: string; name: string };
  defaultTimeZone?: string;
  fetchedAt?: string;
  limits?: Partial<ParseLimits>;
  logger?: ParseContext['logger'];
}

export interface ParseResult {
  format: Format;
  parser: string;
  stories: Story[];
  /** Items that were dropped, each with its typed error. The document itself parsed. */
  skipped: Array<{ index: number; error: WiredeskError }>;
}

const LOCAL_SOURCE = Object.freeze({ id: 'local', name: 'Local files' });

/**
 * Bytes in, validated stories out: decode, detect, parse, finalize. A document that yields no
 * story at all is an error (WD_ERR_NO_STORY or the first item's error), never an empty success.
 */
export function parseStories(input: Uint8Array | string, options: ParseOptions = {}): ParseResult {
  const ctx: ParseContext = {
    source: options.source ?? LOCAL_SOURCE,
    defaultTimeZone: options.defaultTimeZone ?? 'UTC',
    timeZoneConfigured: options.defaultTimeZone !== undefined,
    fetchedAt: options.fetchedAt ?? new Date().toISOString().replace(/\.000Z$/, 'Z'),
    limits: { ...DEFAULT_PARSE_LIMITS, ...options.limits },
    ...(options.url === undefined ? {} : { url: options.url }),
    ...(options.contentType === undefined ? {} : { contentType: options.contentType }),
    ...(options.logger === undefined ? {} : { logger: options.logger }),
  };
  const bytes = typeof input === 'string' ? new TextEncoder().encode(input) : input;
  const doc = loadDocument(bytes, ctx);
  const parser = chooseParser(doc, ctx, options.format);
  const drafts = parser.parse(doc as never, ctx);
  const meta = { format: parser.format, parser: parser.format };

  const stories: Story[] = [];
  const skipped: ParseResult['skipped'] = [];
  drafts.slice(0, ctx.limits.maxStories).forEach((draft, index) => {
    try {
      stories.push(finalizeStory(draft, ctx, meta));
    } catch (error) {
      const typed = toWiredeskError(error, 'WD_ERR_VALIDATION');
      skipped.push({ index, error: typed });
      ctx.logger?.warn({ err: typed, code: typed.code, index, format: parser.format }, 'story skipped');
    }
  });
  if (drafts.length > ctx.limits.maxStories) {
    ctx.logger?.warn({ dropped: drafts.length - ctx.limits.maxStories }, 'document holds more stories than the limit');
  }
  if (stories.length === 0) {
    throw skipped[0]?.error ?? new ParseError('WD_ERR_NO_STORY', `the ${parser.format} document holds no story`);
  }
  return { format: parser.format, parser: meta.parser, stories, skipped };
}
