/**
 * A DOM selection in the source pane → offsets into the document text. The pane renders the text as text nodes
 * only (marks and sentences are elements around them, each with `data-offset` = where it starts in the text), so a
 * boundary point is: the start of the nearest element carrying `data-offset`, plus the text before the point inside
 * that element. Without any `data-offset` the container itself starts at 0.
 */
import type { Anchor } from '../../shared/edits';

/** The part of the DOM this needs, so it is testable without a browser. */
export interface DomNode {
  nodeType: number;
  parentNode: DomNode | null;
  childNodes: ArrayLike<DomNode>;
  textContent: string | null;
  getAttribute?: (name: string) => string | null;
}

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

function offsetAttr(node: DomNode): number | null {
  if (node.nodeType !== ELEMENT_NODE || !node.getAttribute) return null;
  const v = node.getAttribute('data-offset');
  if (v === null || !/^\d+$/.test(v)) return null;
  return Number(v);
}

function contains(ancestor: DomNode, node: DomNode): boolean {
  for (let n: DomNode | null = node; n; n = n.parentNode) if (n === ancestor) return true;
  return false;
}

/** Length of the text in `root` before the boundary point (node, offset), which lies inside `root`. */
function textBefore(root: DomNode, node: DomNode, offset: number): number {
  // The boundary as a (node, child index) pair in an element, or a character offset in a text node.
  let total = 0;
  let done = false;
  const walk = (n: DomNode): void => {
    if (done) return;
    if (n === node) {
      if (n.nodeType === TEXT_NODE) total += offset;
      else for (let i = 0; i < offset && i < n.childNodes.length; i++) total += (n.childNodes[i]!.textContent ?? '').length;
      done = true;
      return;
    }
    if (n.nodeType === TEXT_NODE) {
      total += (n.textContent ?? '').length;
      return;
    }
    for (let i = 0; i < n.childNodes.length && !done; i++) walk(n.childNodes[i]!);
  };
  walk(root);
  return total;
}

/** The text offset of a boundary point inside `container`, or null when the point is outside it. */
export function boundaryOffset(container: DomNode, node: DomNode, offset: number): number | null {
  if (!contains(container, node)) return null;
  let base: DomNode = container;
  let baseOffset = 0;
  for (let n: DomNode | null = node; n && n !== container; n = n.parentNode) {
    const at = offsetAttr(n);
    if (at !== null) {
      base = n;
      baseOffset = at;
      break;
    }
  }
  return baseOffset + textBefore(base, node, offset);
}

export interface SelectionPoints {
  anchorNode: DomNode | null;
  anchorOffset: number;
  focusNode: DomNode | null;
  focusOffset: number;
}

/**
 * The anchor for a selection over `text` rendered in `container`: the exact selected substring with its offsets,
 * white space at either end left out. Null when the selection is empty, outside the container, or does not match
 * the text (the DOM is not the document as rendered).
 */
export function selectionAnchor(container: DomNode, sel: SelectionPoints, doc: string, text: string): Anchor | null {
  if (!sel.anchorNode || !sel.focusNode) return null;
  const a = boundaryOffset(container, sel.anchorNode, sel.anchorOffset);
  const b = boundaryOffset(container, sel.focusNode, sel.focusOffset);
  if (a === null || b === null) return null;
  let start = Math.max(0, Math.min(a, b));
  let end = Math.min(text.length, Math.max(a, b));
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  if (end <= start) return null;
  return { doc, start, end, text: text.slice(start, end) };
}
