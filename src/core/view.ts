/**
 * Reading a page as cleanup would leave it, without changing it or copying it. While a mask is
 * on (src/core/query.ts `maskDocument`, put on by the extraction pipeline), these are the DOM's
 * text and child accessors with the mask's elements left out and its cuts made; with no mask on
 * they are the DOM's own. Site readers and the block reader read through them, never through
 * `textContent`, `.data` or child pointers directly (tests/core/view.test.ts holds them to it),
 * so that reading the masked page gives exactly what reading a cleaned copy gave.
 *
 * Going up (`parentElement`, `closest`) needs no help: the ancestors of anything a reader can
 * reach are never taken, since a taken element goes with everything inside it.
 */
import { activeMask } from './query';

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const CDATA_SECTION_NODE = 4;

const taken = (node: Node | null): boolean =>
  node !== null && node.nodeType === ELEMENT_NODE && activeMask()!.taken.has(node as Element);

/** A text node's text, after the mask's cuts. */
export function dataOf(text: CharacterData): string {
  const mask = activeMask();
  return (mask && mask.cuts.get(text as Text)) ?? text.data;
}

/** `node?.textContent`, without what the mask takes or cuts. */
export function textContentOf(node: Node): string;
export function textContentOf(node: Node | null | undefined): string | undefined;
export function textContentOf(node: Node | null | undefined): string | undefined {
  if (!node) return undefined;
  const mask = activeMask();
  if (!mask || !mask.holders.has(node)) {
    if (mask && node.nodeType === TEXT_NODE) return dataOf(node as Text);
    return node.textContent ?? '';
  }
  let out = '';
  const stack: Node[] = [node];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.nodeType === TEXT_NODE || n.nodeType === CDATA_SECTION_NODE) {
      out += dataOf(n as CharacterData);
      continue;
    }
    if (n.nodeType !== ELEMENT_NODE || mask.taken.has(n as Element)) continue;
    for (let c = n.lastChild; c; c = c.previousSibling) stack.push(c);
  }
  return out;
}

export function firstChildOf(node: Node): ChildNode | null {
  let c = node.firstChild;
  if (activeMask()) while (taken(c)) c = c!.nextSibling;
  return c;
}

export function lastChildOf(node: Node): ChildNode | null {
  let c = node.lastChild;
  if (activeMask()) while (taken(c)) c = c!.previousSibling;
  return c;
}

export function nextSiblingOf(node: Node): ChildNode | null {
  let s = node.nextSibling;
  if (activeMask()) while (taken(s)) s = s!.nextSibling;
  return s;
}

export function previousSiblingOf(node: Node): ChildNode | null {
  let s = node.previousSibling;
  if (activeMask()) while (taken(s)) s = s!.previousSibling;
  return s;
}

export function nextElementSiblingOf(el: Element): Element | null {
  let s = el.nextElementSibling;
  if (activeMask()) while (taken(s)) s = s!.nextElementSibling;
  return s;
}

export function previousElementSiblingOf(el: Element): Element | null {
  let s = el.previousElementSibling;
  if (activeMask()) while (taken(s)) s = s!.previousElementSibling;
  return s;
}

export function firstElementChildOf(el: Element): Element | null {
  let c = el.firstElementChild;
  if (activeMask()) while (taken(c)) c = c!.nextElementSibling;
  return c;
}

export function lastElementChildOf(el: Element): Element | null {
  let c = el.lastElementChild;
  if (activeMask()) while (taken(c)) c = c!.previousElementSibling;
  return c;
}

/** `el.children` as an array. */
export function childrenOf(el: Element): Element[] {
  const out: Element[] = [];
  for (let c = firstElementChildOf(el); c; c = nextElementSiblingOf(c)) out.push(c);
  return out;
}
