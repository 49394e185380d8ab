// PLACEHOLDER — replaced by the real parser.
import { ParseError } from '../../errors.js';
import type { Parser } from '../types.js';

export const rssParser: Parser<'xml'> = {
  format: 'rss',
  kind: 'xml',
  detect: () => false,
  parse: () => {
    throw new ParseError('WD_ERR_UNKNOWN_FORMAT', 'rss is not implemented yet');
  },
};
