/**
 * What counts as hidden when a step asks whether a reader still sees something: taken by an
 * earlier step (the plan's view, see CleanContext), marked by an earlier clean of this page, hidden
 * by the `hidden` attribute, or by an inline `display:none`. Stylesheets are out of reach
 * (linkedom computes no style), so this is a lower bound.
 */
import { HIDDEN_ATTR } from './index';
import { ELEMENT_NODE, TEXT_NODE } from '../dom';
import type { CleanContext } from './step';

/** The part of a step's context that says what earlier steps took. */
export type CleanView = Pick<CleanContext, 'isTaken' | 'textOf'>;

/** The page as it stands (after a clean was applied to it, its marks say what it hid). */
export const AS_IS: CleanView = { isTaken: () => false, textOf: (text) => text.data };

const INLINE_DISPLAY_NONE = /(?:^|;)\s*display\s*:\s*none\b/i;

/** Elements whose text a reader never sees as page text. */
const INVISIBLE_TAGS = new Set(['script', 'style', 'noscript', 'template', 'head', 'title']);

export function isHiddenElement(el: Element, view: CleanView = AS_IS): boolean {
  return (
    view.isTaken(el) ||
    el.hasAttribute(HIDDEN_ATTR) ||
    el.hasAttribute('hidden') ||
    INLINE_DISPLAY_NONE.test(el.getAttribute('style') ?? '')
  );
}

/** True when `el` or an ancestor is hidden. */
export function isInsideHidden(node: Node, view: CleanView = AS_IS): boolean {
  for (let p: Node | null = node; p; p = p.parentNode) {
    if (p.nodeType === ELEMENT_NODE && isHiddenElement(p as Element, view)) return true;
  }
  return false;
}

/** The text of `root` a reader sees, in document order, without collapsing white space. */
export function visibleText(root: Node, view: CleanView = AS_IS): string {
  let out = '';
  eachVisibleText(root, view, (text) => {
    out += text;
  });
  return out;
}

/**
 * `visibleText(root).trim() !== ''`, stopping at the first text a reader sees instead of
 * gathering all of it: empty-headings asks this of every sibling after every heading.
 */
export function showsText(root: Node, view: CleanView = AS_IS): boolean {
  return eachVisibleText(root, view, (text) => NOT_BLANK.test(text));
}

/** What `String.prototype.trim` would leave something of. */
const NOT_BLANK = /[^\s\uFEFF\xA0]/;

/**
 * Hands `seen` each text node's text a reader sees under `root`, in document order, until it
 * returns true; then returns true. Iterative: pages nest 50,000 deep.
 */
function eachVisibleText(
  root: Node,
  view: CleanView,
  seen: (text: string) => boolean | void,
): boolean {
  const stack: Node[] = [root];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.nodeType === TEXT_NODE) {
      if (seen(view.textOf(node as Text)) === true) return true;
      continue;
    }
    if (node.nodeType !== ELEMENT_NODE) continue;
    const el = node as Element;
    if (INVISIBLE_TAGS.has(el.tagName.toLowerCase()) || isHiddenElement(el, view)) continue;
    for (let c = el.lastChild; c; c = c.previousSibling) stack.push(c);
  }
  return false;
}
