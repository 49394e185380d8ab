// PLACEHOLDER — replaced by the content-extraction work (signature fixed).
import type { Cheerio } from 'cheerio/slim';
import type { AnyNode } from 'domhandler';
import type { ImageDraft } from '../types.js';
import type { Page } from './page.js';

export interface ExtractedBody {
  /** The story's markup: paragraphs, subheads, lists, quotes; boilerplate and figures removed. */
  bodyHtml: string;
  /** Figures found in the container, with their captions and credits kept apart from the text. */
  images: ImageDraft[];
}

/** Cleans an article container into body markup and its images. */
export function extractBody(page: Page, container: Cheerio<AnyNode>, remove: readonly string[]): ExtractedBody {
  void page;
  void remove;
  return { bodyHtml: container.html() ?? '', images: [] };
}
