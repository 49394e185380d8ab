// PLACEHOLDER — replaced by the real parser.
import { ParseError } from '../../errors.js';
import type { Parser } from '../types.js';

export const htmlParser: Parser<'html'> = {
  format: 'html',
  kind: 'html',
  detect: () => false,
  parse: () => {
    throw new ParseError('WD_ERR_UNKNOWN_FORMAT', 'html is not implemented yet');
  },
};
