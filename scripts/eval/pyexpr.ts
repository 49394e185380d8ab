/**
 * A parser for the small subset of Python that feedparser's test expectations use:
 * `and`/`not`, `==`/`!=` against a literal, subscripts, attributes, `.get('k')`, `len(…)`,
 * `ord(…)` and string/number/None/bool/tuple/list/dict literals. Anything else (calls such as
 * `isinstance`, `or`, `has_key`) makes the whole expression unparsed: we never guess.
 */

export type PyLiteral = string | number | boolean | null | PyLiteral[] | { [key: string]: PyLiteral };

export interface PyPath {
  kind: 'path';
  root: string;
  /** Subscripts and attributes alike: `entries[0]['title']` and `entries[0].title` are [0, 'title']. */
  steps: Array<string | number>;
  fn: 'len' | 'ord' | null;
}

export type PyOperand = PyPath | { kind: 'literal'; value: PyLiteral };

export type PyExpr =
  | { kind: 'and'; terms: PyExpr[] }
  | { kind: 'not'; term: PyExpr }
  | { kind: 'compare'; op: '==' | '!='; left: PyOperand; right: PyLiteral }
  | { kind: 'truthy'; operand: PyOperand };

type Token = { type: 'str'; value: string } | { type: 'num'; value: number } | { type: 'name' | 'op'; value: string };

class Unsupported extends Error {}

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = {
  '\\': '\\',
  "'": "'",
  '"': '"',
  n: '\n',
  t: '\t',
  r: '\r',
  '0': '\0',
};

/** Python string-literal escapes: \\ \' \" \n \t \r \0 \xNN \uNNNN \UNNNNNNNN; others stay as written. */
function unescape(body: string): string {
  return body.replace(/\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|.)/gs, (whole, esc: string) => {
    if (esc.length > 1) return String.fromCodePoint(Number.parseInt(esc.slice(1), 16));
    return SIMPLE_ESCAPES[esc] ?? whole;
  });
}

const TOKEN =
  /\s*(?:(?<str>[uU]?(?:"""[\s\S]*?"""|'''[\s\S]*?'''|"(?:\\.|[^"\\])*"|'(?:\\.|[^'\\])*'))|(?<num>\d+(?:\.\d+)?)|(?<name>[A-Za-z_]\w*)|(?<op>==|!=|[()[\]{},.:-]))/y;

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < source.length) {
    if (source.slice(TOKEN.lastIndex).trim() === '') break;
    const m = TOKEN.exec(source);
    if (!m?.groups) throw new Unsupported(`cannot read "${source.slice(TOKEN.lastIndex, TOKEN.lastIndex + 10)}"`);
    const { str, num, name, op } = m.groups;
    if (str !== undefined) {
      const raw = str.replace(/^[uU]/, '');
      const quote = raw.startsWith('"""') || raw.startsWith("'''") ? 3 : 1;
      tokens.push({ type: 'str', value: unescape(raw.slice(quote, raw.length - quote)) });
    } else if (num !== undefined) tokens.push({ type: 'num', value: Number(num) });
    else if (name !== undefined) tokens.push({ type: 'name', value: name });
    else if (op !== undefined) tokens.push({ type: 'op', value: op });
  }
  return tokens;
}

class Reader {
  private position = 0;
  constructor(private readonly tokens: readonly Token[]) {}

  peek(offset = 0): Token | undefined {
    return this.tokens[this.position + offset];
  }
  next(): Token {
    const token = this.tokens[this.position++];
    if (!token) throw new Unsupported('unexpected end');
    return token;
  }
  /** Consumes the token when it is this operator or name. */
  accept(value: string): boolean {
    const token = this.peek();
    if (token && (token.type === 'op' || token.type === 'name') && token.value === value) {
      this.position += 1;
      return true;
    }
    return false;
  }
  expect(value: string): void {
    if (!this.accept(value)) throw new Unsupported(`expected "${value}"`);
  }
  done(): boolean {
    return this.position >= this.tokens.length;
  }
}

function parseAnd(r: Reader): PyExpr {
  const terms = [parseUnary(r)];
  while (r.accept('and')) terms.push(parseUnary(r));
  return terms.length === 1 && terms[0] ? terms[0] : { kind: 'and', terms };
}

function parseUnary(r: Reader): PyExpr {
  if (r.accept('not')) return { kind: 'not', term: parseUnary(r) };
  const token = r.peek();
  // A parenthesis on the left opens a group: tuples only ever appear on the right of a comparison.
  if (token?.type === 'op' && token.value === '(') {
    r.next();
    const inner = parseAnd(r);
    r.expect(')');
    return inner;
  }
  const left = parseOperand(r);
  const op = r.peek();
  if (op?.type === 'op' && (op.value === '==' || op.value === '!=')) {
    r.next();
    return { kind: 'compare', op: op.value, left, right: parseLiteral(r) };
  }
  return { kind: 'truthy', operand: left };
}

function parseOperand(r: Reader): PyOperand {
  const token = r.peek();
  if (token?.type === 'name' && (token.value === 'len' || token.value === 'ord')) {
    r.next();
    r.expect('(');
    const inner = parsePath(r);
    r.expect(')');
    return { ...inner, fn: token.value };
  }
  if (token?.type === 'name' && !['None', 'True', 'False'].includes(token.value)) return parsePath(r);
  return { kind: 'literal', value: parseLiteral(r) };
}

function parsePath(r: Reader): PyPath {
  const root = r.next();
  if (root.type !== 'name') throw new Unsupported('expected a name');
  const steps: Array<string | number> = [];
  for (;;) {
    if (r.accept('[')) {
      const key = r.next();
      if (key.type !== 'str' && key.type !== 'num') throw new Unsupported('subscript is not a literal');
      steps.push(key.value);
      r.expect(']');
    } else if (r.accept('.')) {
      const name = r.next();
      if (name.type !== 'name') throw new Unsupported('expected an attribute');
      if (name.value === 'get') {
        r.expect('(');
        const key = r.next();
        if (key.type !== 'str') throw new Unsupported('get() without a string key');
        steps.push(key.value);
        r.expect(')');
      } else if (r.peek()?.value === '(') {
        throw new Unsupported(`method ${name.value}()`);
      } else steps.push(name.value);
    } else if (r.peek()?.value === '(') {
      throw new Unsupported(`call ${root.value}()`);
    } else return { kind: 'path', root: root.value, steps, fn: null };
  }
}

function parseLiteral(r: Reader): PyLiteral {
  const token = r.next();
  if (token.type === 'str' || token.type === 'num') return token.value;
  if (token.type === 'name') {
    if (token.value === 'None') return null;
    if (token.value === 'True' || token.value === 'False') return token.value === 'True';
    throw new Unsupported(`name ${token.value} where a literal was expected`);
  }
  if (token.value === '-') {
    const number = r.next();
    if (number.type !== 'num') throw new Unsupported('minus without a number');
    return -number.value;
  }
  if (token.value === '(' || token.value === '[') return parseSequence(r, token.value === '(' ? ')' : ']');
  if (token.value === '{') {
    const dict: Record<string, PyLiteral> = {};
    while (!r.accept('}')) {
      const key = r.next();
      if (key.type !== 'str') throw new Unsupported('dict key is not a string');
      r.expect(':');
      dict[key.value] = parseLiteral(r);
      if (!r.accept(',')) {
        r.expect('}');
        break;
      }
    }
    return dict;
  }
  throw new Unsupported(`unexpected "${token.value}"`);
}

function parseSequence(r: Reader, close: string): PyLiteral[] {
  const items: PyLiteral[] = [];
  while (!r.accept(close)) {
    items.push(parseLiteral(r));
    if (!r.accept(',')) {
      r.expect(close);
      break;
    }
  }
  return items;
}

/** The expression's syntax tree, or null when it leaves the supported subset. */
export function parsePyExpr(source: string): PyExpr | null {
  try {
    const reader = new Reader(tokenize(source));
    const expr = parseAnd(reader);
    return reader.done() ? expr : null;
  } catch (error) {
    if (error instanceof Unsupported) return null;
    throw error;
  }
}
