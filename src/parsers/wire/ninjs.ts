// PLACEHOLDER — replaced by the real parser.
import { ParseError } from '../../errors.js';
import type { Parser } from '../types.js';

export const ninjsParser: Parser<'json'> = {
  format: 'ninjs',
  kind: 'json',
  detect: () => false,
  parse: () => {
    throw new ParseError('WD_ERR_UNKNOWN_FORMAT', 'ninjs is not implemented yet');
  },
};
