// PLACEHOLDER — replaced by the real parser.
import { ParseError } from '../../errors.js';
import type { Parser } from '../types.js';

export const rdfParser: Parser<'xml'> = {
  format: 'rdf',
  kind: 'xml',
  detect: () => false,
  parse: () => {
    throw new ParseError('WD_ERR_UNKNOWN_FORMAT', 'rdf is not implemented yet');
  },
};
