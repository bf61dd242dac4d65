/**
 * Pages nested far deeper than any real one (a hostile page, or a generator's bug). The generic
 * reader reads such a page whole, without Readability (see MAX_READABILITY_DEPTH in ./generic.ts),
 * and first flattens it below the depth limit here, because its own readings (a picture's caption
 * box, a paragraph's pictures) look at each element's subtree, once per level: 20,000 caption
 * tables nested in one another took 348 s, 20,000 `<p><em>` pairs 48 s. Flattened, the same
 * pages take well under a second and keep all their text.
 */
import { isBlockElement, HEADING_TAGS } from '../core/blocks';
import { ELEMENT_NODE, isNonContent, TEXT_NODE } from '../core/dom';
import { collapse } from '../core/text';

/**
 * How high a subtree may be and still be kept as it is below the limit: a figure with its
 * caption, a table, a paragraph with its links. The corpus's deepest page is 51 levels in all.
 */
const KEPT_HEIGHT = 8;

/**
 * Each element `limit` levels under `root` keeps what it holds, in order, as one flat run:
 * subtrees at most KEPT_HEIGHT high as they are, the text of the deep chains around them as
 * paragraphs (a paragraph per block of the page, a heading's text as that heading), and their
 * pictures. Nothing under `root` is deeper than `limit + KEPT_HEIGHT + 1` after. Mutates: only
 * for the reader's private copy.
 */
export function flattenBelow(root: Element, limit: number): void {
  const stack: [Element, number][] = [[root, 0]];
  const cuts: [Element, Map<Element, number>][] = [];
  while (stack.length) {
    const [el, depth] = stack.pop()!;
    if (depth < limit) {
      for (let c = el.firstElementChild; c; c = c.nextElementSibling) stack.push([c, depth + 1]);
      continue;
    }
    const heights = heightsUnder(el);
    if (heights.get(el)! > KEPT_HEIGHT) cuts.push([el, heights]);
  }
  for (const [el, heights] of cuts) el.replaceChildren(...flatRun(el, heights));
}

/** The height of `root` and of each element under it (a leaf is 0), without recursion. */
function heightsUnder(root: Element): Map<Element, number> {
  const heights = new Map<Element, number>();
  // Each element is pushed twice: first to push its children, then (marked) to sum them up.
  const stack: [Element, boolean][] = [[root, false]];
  while (stack.length) {
    const [el, done] = stack.pop()!;
    if (done) {
      let height = 0;
      for (let c = el.firstElementChild; c; c = c.nextElementSibling)
        height = Math.max(height, heights.get(c)! + 1);
      heights.set(el, height);
      continue;
    }
    stack.push([el, true]);
    for (let c = el.firstElementChild; c; c = c.nextElementSibling) stack.push([c, false]);
  }
  return heights;
}

/** What `top` holds, as the flat run flattenBelow gives it (see there). */
function flatRun(top: Element, heights: Map<Element, number>): Node[] {
  const doc = top.ownerDocument;
  const out: Node[] = [];
  let text = '';
  let tag = 'p';
  /** Ends the paragraph (or heading) being gathered; the next one is a `next`. */
  const flush = (next = 'p') => {
    const line = collapse(text);
    if (line) {
      const block = doc.createElement(tag);
      block.textContent = line;
      out.push(block);
    }
    text = '';
    tag = next;
  };
  /** Takes in `node`; true to go on into what it holds. */
  const enter = (node: Node): boolean => {
    if (node.nodeType === TEXT_NODE) text += node.nodeValue ?? '';
    if (node.nodeType !== ELEMENT_NODE) return false;
    const el = node as Element;
    if (isNonContent(el)) return false;
    if (heights.get(el)! <= KEPT_HEIGHT) {
      if (isBlockElement(el) || el.localName === 'img' || el.querySelector('img')) {
        flush();
        out.push(el);
      } else text += el.textContent ?? '';
      return false;
    }
    if (isBlockElement(el)) flush(HEADING_TAGS.has(el.localName) ? el.localName : 'p');
    return true;
  };
  const leave = (node: Node) => {
    if (node.nodeType === ELEMENT_NODE && isBlockElement(node as Element)) flush();
  };
  let node: Node | null = top.firstChild;
  while (node) {
    if (enter(node) && node.firstChild) {
      node = node.firstChild;
      continue;
    }
    // Leave this node, and each ancestor it was the last child of, up to the next sibling.
    for (;;) {
      leave(node!);
      if (node!.nextSibling) {
        node = node!.nextSibling;
        break;
      }
      node = node!.parentNode;
      if (!node || node === top) {
        node = null;
        break;
      }
    }
  }
  flush();
  return out;
}
