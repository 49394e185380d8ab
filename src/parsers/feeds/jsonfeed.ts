// PLACEHOLDER — replaced by the real parser.
import { ParseError } from '../../errors.js';
import type { Parser } from '../types.js';

export const jsonFeedParser: Parser<'json'> = {
  format: 'jsonfeed',
  kind: 'json',
  detect: () => false,
  parse: () => {
    throw new ParseError('WD_ERR_UNKNOWN_FORMAT', 'jsonfeed is not implemented yet');
  },
};
