import { isTag, isText, type AnyNode, type Element } from 'domhandler';
import { normalizeWhitespace } from '../../cleaners/text.js';
import { BLOCK, JUNK, type NodeStats } from './stats.js';

/**
 * Visible text of a small subtree (a caption, a short block), whitespace-collapsed. Junk and
 * hidden elements, and any element in `skip`, are left out. Iterative: depth does not matter.
 */
export function textOf(root: Element, stats: ReadonlyMap<Element, NodeStats>, skip?: (el: Element) => boolean): string {
  let out = '';
  const stack: AnyNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (isText(node)) {
      out += node.data;
    } else if (isTag(node)) {
      const s = stats.get(node);
      if (!s || (s.flags & JUNK) !== 0 || (node !== root && skip?.(node))) continue;
      // Blocks and breaks separate words: "<p>a</p><p>b</p>" is "a b", not "ab".
      if (node.name === 'br' || (s.flags & BLOCK) !== 0) out += ' ';
      for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
    }
  }
  return normalizeWhitespace(out);
}

/** The first element under `root` (itself included) that `test` accepts, in document order. */
export function findFirst(root: Element, test: (el: Element) => boolean): Element | null {
  const stack: AnyNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (!isTag(node)) continue;
    if (test(node)) return node;
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
  }
  return null;
}

/** Every element under `root` (itself excluded) that `test` accepts, without descending into matches. */
export function findAll(root: Element, test: (el: Element) => boolean): Element[] {
  const found: Element[] = [];
  const stack: AnyNode[] = [];
  for (let i = root.children.length - 1; i >= 0; i--) stack.push(root.children[i]!);
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (!isTag(node)) continue;
    if (test(node)) {
      found.push(node);
      continue;
    }
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
  }
  return found;
}
