import { decodeEntities } from '../../cleaners/text.js';

/** Comment and CDATA wrappers that CMSs put around script data: `<!--`, `//<![CDATA[`, `/*]]>*\/`, a trailing `;`. */
const WRAPPER_START = /^(?:\s|<!--|<!\[CDATA\[|\/\/|\/\*|\*\/)+/;
const WRAPPER_END = /(?:\s|-->|\]\]>|\/\/|\/\*|\*\/|;)+$/;

/**
 * Parses JSON as publishers write it into pages: wrapped in HTML comments or CDATA, with trailing
 * commas, raw line breaks inside strings, HTML-escaped quotes, or several values back to back.
 * Returns every top-level object or array it could read, in order. Never throws; linear time.
 *
 * @example parseLenientJson('<!-- {"a": [1, 2,],} -->') // [{ a: [1, 2] }]
 * @example parseLenientJson('{"a": 1}{"b": 2}') // [{ a: 1 }, { b: 2 }]
 */
export function parseLenientJson(text: string): unknown[] {
  const body = text.replace(WRAPPER_START, '').replace(WRAPPER_END, '');
  if (body === '') return [];
  const strict = tryParse(body);
  if (strict !== undefined) return [strict];
  const values = repairedValues(body);
  if (values.length === 0 && body.includes('&quot;')) return repairedValues(decodeEntities(body));
  return values;
}

function repairedValues(body: string): unknown[] {
  return splitAndRepair(body)
    .map(tryParse)
    .filter((v) => v !== undefined);
}

function tryParse(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * One pass over the text, aware of strings: escapes control characters inside strings, drops a
 * comma that only whitespace separates from a closing bracket, and cuts the text into its
 * top-level objects and arrays (anything between them is ignored).
 */
function splitAndRepair(text: string): string[] {
  const segments: string[] = [];
  let out = '';
  let depth = 0;
  let inString = false;
  let escaped = false;
  let danglingComma = -1;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (inString) {
      if (escaped) escaped = false;
      else if (ch === '\\') escaped = true;
      else if (ch === '"') inString = false;
      else if (ch < ' ') {
        out += ch === '\n' ? '\\n' : ch === '\r' ? '\\r' : ch === '\t' ? '\\t' : `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;
        continue;
      }
      out += ch;
      continue;
    }
    if (ch === '{' || ch === '[') {
      if (depth === 0) out = '';
      depth++;
    } else if (depth === 0) {
      continue;
    } else if (ch === '}' || ch === ']') {
      if (danglingComma >= 0) out = out.slice(0, danglingComma) + out.slice(danglingComma + 1);
      depth--;
      if (depth === 0) {
        segments.push(out + ch);
        out = '';
        danglingComma = -1;
        continue;
      }
    } else if (ch === '"') {
      inString = true;
    }
    if (ch === ',') danglingComma = out.length;
    else if (ch > ' ') danglingComma = -1;
    out += ch;
  }
  return segments;
}
