import render from 'dom-serializer';
import { isTag, isText, type AnyNode, type ChildNode, type Element } from 'domhandler';
import { findOne, removeElement, textContent } from 'domutils';
import { parseDocument } from 'htmlparser2';

/**
 * Removes `prefix` (as plain text, e.g. "LA CROSSE, Wis. (AP) — ") from the start of the first
 * text in an HTML fragment, even when the prefix spans several elements (`<b>LA CROSSE</b>, Wis.`).
 * Whitespace is compared loosely, since plain text was whitespace-normalized. Elements the cut
 * leaves without text or image go too. Returns the HTML unchanged when the text does not start
 * with the prefix.
 *
 * @example stripLeadText('<p><b>WASHINGTON</b> (AP) — Text.</p>', 'WASHINGTON (AP) — ') // '<p>Text.</p>'
 * @example stripLeadText('<h2>Dek</h2><p>Text.</p>', 'Dek\n\n') // '<p>Text.</p>'
 */
export function stripLeadText(html: string, prefix: string): string {
  const wanted = prefix.replace(/\s+/g, '');
  if (wanted === '') return html;
  const document = parseDocument(html, { decodeEntities: true });
  const texts = textNodesInOrder(document.children);

  let matched = 0;
  const edits: Array<{ node: (typeof texts)[number]; cut: number }> = [];
  for (const node of texts) {
    let cut = 0;
    while (cut < node.data.length && matched < wanted.length) {
      const ch = node.data[cut]!;
      if (/\s/.test(ch)) {
        cut++;
        continue;
      }
      if (ch !== wanted[matched]) return html;
      matched++;
      cut++;
    }
    edits.push({ node, cut });
    if (matched === wanted.length) break;
  }
  if (matched < wanted.length) return html;

  for (const { node, cut } of edits) node.data = node.data.slice(cut);
  const last = edits.at(-1);
  if (last) last.node.data = last.node.data.replace(/^\s+/, '');
  for (const { node } of edits) if (node.data === '') removeEmptied(node);
  // Characters stay as they are; only markup-significant ones are escaped.
  return render(document.children, { encodeEntities: 'utf8' });
}

/** Removes a node the cut emptied, and each ancestor left with neither text nor an image. */
function removeEmptied(node: ChildNode): void {
  let current: ChildNode = node;
  for (;;) {
    const parent = current.parent;
    removeElement(current);
    if (!parent || !isTag(parent) || hasContent(parent)) return;
    current = parent;
  }
}

function hasContent(el: Element): boolean {
  return textContent(el).trim() !== '' || findOne((child) => child.name === 'img', el.children) !== null;
}

function textNodesInOrder(roots: AnyNode[]) {
  const out = [];
  const stack = [...roots].reverse();
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (isText(node)) {
      if (node.data.trim() !== '' || out.length > 0) out.push(node);
    } else if (isTag(node)) {
      for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
    }
  }
  return out;
}
