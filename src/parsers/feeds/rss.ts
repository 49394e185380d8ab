import type { ParseContext, Parser, StoryDraft } from '../types.js';
import { localName } from '../xml.js';
import { uniqueDrafts } from './identity.js';
import { readChannel, readRssItem } from './rss-item.js';
import { deep, first, firstText, type Vocabulary } from './select.js';

/** RSS 0.9x and 2.0 have no namespace: their elements are the unprefixed ones. */
const RSS: Vocabulary = { own: [] };

/**
 * RSS 0.91–2.0, any `version` (or none). Items are taken wherever they sit under the root: inside
 * `channel` as the spec says, beside it as some generators write them, or nested by a lenient
 * parse of broken markup.
 */
export const rssParser: Parser<'xml'> = {
  format: 'rss',
  kind: 'xml',
  detect: (doc) => localName(doc.root) === 'rss',
  parse: (doc, ctx: ParseContext): StoryDraft[] => {
    const channel = readChannel(first(doc.root, RSS, 'channel'), RSS, ctx.url);
    const drafts = deep(doc.root, RSS, 'item').map((item) => readRssItem(item, RSS, channel, firstText(item, RSS, 'guid')));
    return uniqueDrafts(drafts, ctx, 'rss');
  },
};
