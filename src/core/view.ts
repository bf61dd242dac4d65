/**
 * Reading a page as cleanup would leave it, without changing it or copying it. While a mask is
 * on (src/core/query-index.ts `maskDocument`, put on by the extraction pipeline), these are the DOM's
 * text and child accessors with the mask's elements left out and its cuts made; with no mask on
 * they are the DOM's own. Site readers and the block reader read through them, never through
 * `textContent`, `.data` or child pointers directly (tests/core/view.test.ts holds them to it),
 * so that reading the masked page gives exactly what reading a cleaned copy gave.
 *
 * Going up (`parentElement`, `closest`) needs no help: the ancestors of anything a reader can
 * reach are never taken, since a taken element goes with everything inside it.
 */
import { activeMask } from './query';
import { collapse } from './text';

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const CDATA_SECTION_NODE = 4;

const taken = (node: Node): boolean =>
  node.nodeType === ELEMENT_NODE && activeMask()!.taken.has(node as Element);

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

/** `from`, or the first node after it by `next` that the mask does not take. */
function kept<T extends Node>(from: T | null, next: (node: T) => T | null): T | null {
  let node = from;
  if (activeMask()) while (node && taken(node)) node = next(node);
  return node;
}

const nextNode = (n: ChildNode) => n.nextSibling;
const previousNode = (n: ChildNode) => n.previousSibling;
const nextElement = (e: Element) => e.nextElementSibling;
const previousElement = (e: Element) => e.previousElementSibling;

export const firstChildOf = (node: Node) => kept(node.firstChild, nextNode);
export const lastChildOf = (node: Node) => kept(node.lastChild, previousNode);
export const nextSiblingOf = (node: Node) => kept(node.nextSibling, nextNode);
export const previousSiblingOf = (node: Node) => kept(node.previousSibling, previousNode);
export const firstElementChildOf = (el: Element) => kept(el.firstElementChild, nextElement);
export const lastElementChildOf = (el: Element) => kept(el.lastElementChild, previousElement);
export const nextElementSiblingOf = (el: Element) => kept(el.nextElementSibling, nextElement);
export const previousElementSiblingOf = (el: Element) =>
  kept(el.previousElementSibling, previousElement);

/** `el.children` as an array. */
export function childrenOf(el: Element): Element[] {
  const out: Element[] = [];
  for (let c = firstElementChildOf(el); c; c = nextElementSiblingOf(c)) out.push(c);
  return out;
}

/**
 * Visits `root` and its descendants in document order with an explicit stack, so 50,000-deep
 * pages cannot overflow the call stack. Return `false` from `visit` to skip a node's children.
 * Through the mask only while one is on (a site reader reading): cleanup, and the content script
 * on every page load, walk the DOM as it is, without a check per node.
 */
export function walk(root: Node, visit: (node: Node) => boolean | void): void {
  const masked = activeMask() !== null;
  const stack: Node[] = [root];
  while (stack.length) {
    const node = stack.pop()!;
    if (visit(node) === false) continue;
    // Push children last-first so they pop in document order.
    if (masked) for (let c = lastChildOf(node); c; c = previousSiblingOf(c)) stack.push(c);
    else for (let c = node.lastChild; c; c = c.previousSibling) stack.push(c);
  }
}

/** Tags that can sit inside a word ("<b>S</b>tory") or a sentence: no space around them. */
const IN_WORD = new Set([
  'a',
  'abbr',
  'b',
  'bdi',
  'bdo',
  'cite',
  'code',
  'em',
  'font',
  'i',
  'mark',
  'q',
  's',
  'small',
  'strong',
  'sub',
  'sup',
  'u',
  'wbr',
]);

/** Text that goes on from what is before it without a space: "Live" + "." */
const GOES_ON = /^\s*[.,;:!?…)\]’”]/;

/** Raw text read between checks of `enough` in `spacedText`: enough for most records. */
const SPACED_TEXT_CHUNK = 2_000;

/**
 * What a reader sees of `el` as one line of text: its text nodes as the page has them (a parser
 * may split "Clinton&#x27;s" into three nodes: they run on), and a space where one element's
 * text ends and the next one's begins ("More on this story" + "Is climate change…", "Published"
 * + "4 days ago"), which `textContent` runs together; none around tags that sit inside a word
 * or sentence (`<b>`, `<a>`), none before punctuation. `skip` leaves out an element (`el` too)
 * and everything in it. With `enough`, reading may stop once the text, collapsed, is longer
 * than that: a page-wide wrapper is read only as far as a clipped record needs. Not collapsed.
 */
export function spacedText(el: Element, skip: (el: Element) => boolean, enough = Infinity): string {
  const parts: string[] = [];
  let read = 0;
  let checkAt = SPACED_TEXT_CHUNK;
  /** An element's edge was passed since the last text. */
  let edge = false;
  const stack: (Node | null)[] = [el];
  while (stack.length) {
    const item = stack.pop()!;
    if (item === null) {
      edge = true;
      continue;
    }
    if (item.nodeType === TEXT_NODE || item.nodeType === CDATA_SECTION_NODE) {
      const data = dataOf(item as CharacterData);
      if (edge && !GOES_ON.test(data)) parts.push(' ');
      edge = false;
      parts.push(data);
      read += data.length;
      if (read > checkAt) {
        if (collapse(parts.join('')).length > enough) break;
        checkAt *= 2;
      }
      continue;
    }
    if (item.nodeType !== ELEMENT_NODE || skip(item as Element)) continue;
    if (!IN_WORD.has((item as Element).tagName.toLowerCase())) {
      edge = true;
      stack.push(null); // its end
    }
    for (let c = lastChildOf(item); c; c = previousSiblingOf(c)) stack.push(c);
  }
  return parts.join('');
}
