/**
 * What counts as hidden when a step asks whether a reader still sees something: hidden by
 * Broadsheet (an earlier step), by the `hidden` attribute, or by an inline `display:none`.
 * Stylesheets are out of reach (linkedom computes no style), so this is a lower bound.
 */
import { HIDDEN_ATTR } from './index';
import { ELEMENT_NODE, TEXT_NODE, walk } from '../dom';

const INLINE_DISPLAY_NONE = /(?:^|;)\s*display\s*:\s*none\b/i;

/** Elements whose text a reader never sees as page text. */
const INVISIBLE_TAGS = new Set(['script', 'style', 'noscript', 'template', 'head', 'title']);

export function isHiddenElement(el: Element): boolean {
  return (
    el.hasAttribute(HIDDEN_ATTR) ||
    el.hasAttribute('hidden') ||
    INLINE_DISPLAY_NONE.test(el.getAttribute('style') ?? '')
  );
}

/** True when `el` or an ancestor is hidden. */
export function isInsideHidden(node: Node): boolean {
  for (let p: Node | null = node; p; p = p.parentNode) {
    if (p.nodeType === ELEMENT_NODE && isHiddenElement(p as Element)) return true;
  }
  return false;
}

/** The text of `root` a reader sees, in document order, without collapsing white space. */
export function visibleText(root: Node): string {
  let out = '';
  walk(root, (node) => {
    if (node.nodeType === TEXT_NODE) {
      out += (node as Text).data;
      return;
    }
    if (node.nodeType !== ELEMENT_NODE) return;
    const el = node as Element;
    if (INVISIBLE_TAGS.has(el.tagName.toLowerCase()) || isHiddenElement(el)) return false;
  });
  return out;
}
