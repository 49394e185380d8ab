// PLACEHOLDER — replaced by the real parser.
import { ParseError } from '../../errors.js';
import type { Parser } from '../types.js';

export const newsml1Parser: Parser<'xml'> = {
  format: 'newsml-1.2',
  kind: 'xml',
  detect: () => false,
  parse: () => {
    throw new ParseError('WD_ERR_UNKNOWN_FORMAT', 'newsml-1.2 is not implemented yet');
  },
};
