import render from 'dom-serializer';
import { isCDATA, isTag, isText, type AnyNode, type Element, type ParentNode } from 'domhandler';
import { normalizeWhitespace } from './cleaners/text.js';

/**
 * Namespace-agnostic helpers over an htmlparser2 DOM parsed in XML mode. Wire files and feeds
 * use every prefix imaginable (`<g2:newsItem>`, `<newsItem xmlns=…>`, `<dc:creator>`), so lookups
 * match the local name, case-insensitively, unless a prefixed name is asked for.
 */

/** `dc:creator` → `creator`, lower-cased. */
export function localName(el: Element): string {
  const name = el.name;
  const colon = name.indexOf(':');
  return (colon === -1 ? name : name.slice(colon + 1)).toLowerCase();
}

function matches(el: Element, names: readonly string[]): boolean {
  const full = el.name.toLowerCase();
  const local = localName(el);
  return names.some((n) => (n.includes(':') ? full === n.toLowerCase() : local === n.toLowerCase()));
}

export function childElements(parent: ParentNode | null | undefined): Element[] {
  if (!parent) return [];
  return parent.children.filter(isTag);
}

/** Direct children whose name matches any of `names` (`'creator'` matches any prefix, `'dc:creator'` only that one). */
export function children(parent: ParentNode | null | undefined, ...names: string[]): Element[] {
  return childElements(parent).filter((el) => matches(el, names));
}

/** The first direct child matching, in the order of `names` (so earlier names are preferred). */
export function child(parent: ParentNode | null | undefined, ...names: string[]): Element | undefined {
  const kids = childElements(parent);
  for (const name of names) {
    const found = kids.find((el) => matches(el, [name]));
    if (found) return found;
  }
  return undefined;
}

/** Follows a path of child names: `path(item, 'itemMeta', 'pubStatus')`. */
export function path(parent: ParentNode | null | undefined, ...names: string[]): Element | undefined {
  let node: ParentNode | undefined = parent ?? undefined;
  for (const name of names) {
    node = child(node, name);
    if (!node) return undefined;
  }
  return node as Element | undefined;
}

/** All descendants matching (every element when no name is given), in document order, without recursion. */
export function descendants(root: ParentNode | null | undefined, ...names: string[]): Element[] {
  const out: Element[] = [];
  if (!root) return out;
  const stack: AnyNode[] = [...root.children].reverse();
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (!isTag(node)) continue;
    if (names.length === 0 || matches(node, names)) out.push(node);
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
  }
  return out;
}

/** The first descendant matching, in document order. */
export function descendant(root: ParentNode | null | undefined, ...names: string[]): Element | undefined {
  return descendants(root, ...names)[0];
}

/** Concatenated text and CDATA of a node, raw (entities already decoded by the parser). */
export function rawText(node: AnyNode | null | undefined): string {
  if (!node) return '';
  if (isText(node)) return node.data;
  let out = '';
  const stack: AnyNode[] = [node];
  while (stack.length > 0) {
    const current = stack.pop()!;
    if (isText(current)) out += current.data;
    else if (isTag(current) || isCDATA(current)) {
      for (let i = current.children.length - 1; i >= 0; i--) stack.push(current.children[i]!);
    }
  }
  return out;
}

/** Text with runs of whitespace collapsed and the ends trimmed; `undefined` when empty. */
export function text(node: AnyNode | null | undefined): string | undefined {
  const value = normalizeWhitespace(rawText(node));
  return value === '' ? undefined : value;
}

/** An attribute by name; `'about'` matches `rdf:about` too when no exact match exists. */
export function attr(el: Element | null | undefined, name: string): string | undefined {
  if (!el) return undefined;
  const attribs = el.attribs;
  if (name in attribs) return attribs[name];
  const lower = name.toLowerCase();
  for (const [key, value] of Object.entries(attribs)) {
    const colon = key.indexOf(':');
    const local = (colon === -1 ? key : key.slice(colon + 1)).toLowerCase();
    if (local === lower) return value;
  }
  return undefined;
}

/** The namespace URI in scope for an element's prefix (default namespace when unprefixed). */
export function namespaceOf(el: Element): string | undefined {
  const colon = el.name.indexOf(':');
  const key = colon === -1 ? 'xmlns' : `xmlns:${el.name.slice(0, colon)}`;
  for (let node: ParentNode | null = el; node && isTag(node); node = node.parent) {
    const value = node.attribs[key];
    if (value !== undefined) return value;
  }
  return undefined;
}

/**
 * The markup inside an element, serialized as HTML: for `content:encoded` (escaped HTML held as
 * text or CDATA) this is that HTML; for inline XHTML (`body.content`, `inlineXML`) the child markup.
 */
export function innerMarkup(el: Element | null | undefined): string {
  if (!el) return '';
  const onlyText = el.children.every((c) => isText(c) || isCDATA(c));
  if (onlyText) return rawText(el);
  // Prefixed XHTML (`<xhtml:p>`) would reach the sanitizer as unknown tags; the tree belongs to
  // this one parse, so renaming in place is safe.
  for (const node of descendants(el)) {
    if (node.name.includes(':')) node.name = localName(node);
  }
  return render(el.children, { xmlMode: false, decodeEntities: true });
}
