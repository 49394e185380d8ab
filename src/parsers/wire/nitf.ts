// PLACEHOLDER — replaced by the real parser.
import { ParseError } from '../../errors.js';
import type { Parser } from '../types.js';

export const nitfParser: Parser<'xml'> = {
  format: 'nitf',
  kind: 'xml',
  detect: () => false,
  parse: () => {
    throw new ParseError('WD_ERR_UNKNOWN_FORMAT', 'nitf is not implemented yet');
  },
};
