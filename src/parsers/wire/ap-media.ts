// PLACEHOLDER — replaced by the real parser.
import { ParseError } from '../../errors.js';
import type { Parser } from '../types.js';

export const apMediaParser: Parser<'json'> = {
  format: 'ap-media',
  kind: 'json',
  detect: () => false,
  parse: () => {
    throw new ParseError('WD_ERR_UNKNOWN_FORMAT', 'ap-media is not implemented yet');
  },
};
