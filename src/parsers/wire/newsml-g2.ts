// PLACEHOLDER — replaced by the real parser.
import { ParseError } from '../../errors.js';
import type { Parser } from '../types.js';

export const newsmlG2Parser: Parser<'xml'> = {
  format: 'newsml-g2',
  kind: 'xml',
  detect: () => false,
  parse: () => {
    throw new ParseError('WD_ERR_UNKNOWN_FORMAT', 'newsml-g2 is not implemented yet');
  },
};
