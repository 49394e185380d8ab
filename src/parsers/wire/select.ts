import { isTag, type Element, type ParentNode } from 'domhandler';
import { attr, children, descendants, text } from '../xml.js';

/**
 * A small path language over xml.ts, so wire parsers can state where each field lives as data:
 *   'head/docdata/doc-id@id-string'   child steps, then an attribute of the element reached
 *   'head//urgency@ed-urg'            `//` searches all descendants for the next step
 *   'body.head/hedline/hl1'           the element's text, whitespace collapsed
 *   '@baselang'                       an attribute of the starting element itself
 * Steps match local names case-insensitively, whatever the prefix (as xml.ts does).
 */
export type Path = string;

interface Step {
  name: string;
  deep: boolean;
}

interface Compiled {
  steps: Step[];
  attribute: string | undefined;
}

const compiled = new Map<Path, Compiled>();

function compile(path: Path): Compiled {
  const cached = compiled.get(path);
  if (cached) return cached;
  const at = path.lastIndexOf('@');
  const attribute = at === -1 ? undefined : path.slice(at + 1);
  const route = at === -1 ? path : path.slice(0, at);
  const steps: Step[] = [];
  for (const match of route.matchAll(/(\/\/?|^)([^/]+)/g)) {
    steps.push({ name: match[2]!, deep: match[1] === '//' });
  }
  const result = { steps, attribute };
  compiled.set(path, result);
  return result;
}

/** Every element a path's steps reach, in document order (the attribute part is ignored). */
export function selectAll(root: ParentNode | null | undefined, path: Path): Element[] {
  if (!root) return [];
  let current: ParentNode[] = [root];
  for (const step of compile(path).steps) {
    current = current.flatMap((node) => (step.deep ? descendants(node, step.name) : children(node, step.name)));
    if (current.length === 0) return [];
  }
  return current as Element[];
}

/** The first element a path reaches. */
export function select(root: ParentNode | null | undefined, path: Path): Element | undefined {
  return selectAll(root, path)[0];
}

function valueOf(el: Element, attribute: string | undefined): string | undefined {
  if (attribute === undefined) return text(el);
  const raw = attr(el, attribute)?.trim();
  return raw ? raw : undefined;
}

/** Every non-empty value (text or attribute) a path reaches. */
export function values(root: ParentNode | null | undefined, path: Path): string[] {
  const { steps, attribute } = compile(path);
  const reached = steps.length > 0 ? selectAll(root, path) : root && isTag(root) ? [root] : [];
  return reached.map((el) => valueOf(el, attribute)).filter((v): v is string => v !== undefined);
}

/** The first non-empty value among several paths, tried in order: a field's fallback chain. */
export function first(root: ParentNode | null | undefined, ...paths: Path[]): string | undefined {
  for (const path of paths) {
    const found = values(root, path)[0];
    if (found !== undefined) return found;
  }
  return undefined;
}
