/**
 * What the generic reader's lean copy leaves out (src/core/clean `copyWithout`, `CopyOptions`):
 * comments, scripts other than JSON-LD, styles, and the white space between blocks. Readability
 * measures some elements by their text (a byline must be under 100 characters), so what decides
 * about the page before the copy is made measures that text as the copy will hold it
 * (`leanTextOf`).
 */
import { CDATA_SECTION_NODE, COMMENT_NODE, ELEMENT_NODE, TEXT_NODE, isJsonLd } from './dom';
import { activeMask } from './query';
import { dataOf } from './view';

/**
 * `el.textContent` as a lean copy of it holds it: without the white space, scripts and styles
 * the copy leaves out, nor what the pipeline's mask (when one is on) takes or cuts.
 */
export function leanTextOf(el: Element): string {
  const mask = activeMask();
  let out = '';
  const stack: [Node, boolean][] = [[el, preformattedAbove(el) > 0]];
  while (stack.length) {
    const [node, inPre] = stack.pop()!;
    if (node.nodeType === TEXT_NODE || node.nodeType === CDATA_SECTION_NODE) {
      // A cut text node is copied whatever it holds (src/core/clean `copySubtree`).
      if (mask?.cuts.has(node as Text) || !leftOutOfLean(node, inPre))
        out += dataOf(node as CharacterData);
    } else if (
      node.nodeType === ELEMENT_NODE &&
      !mask?.taken.has(node as Element) &&
      !leftOutOfLean(node, inPre)
    ) {
      const pre = inPre || PREFORMATTED.has((node as Element).localName);
      for (let child = node.lastChild; child; child = child.previousSibling)
        stack.push([child, pre]);
    }
  }
  return out;
}

/**
 * Elements a browser lays out as blocks (or not at all): white space between two of them, or at
 * the start or end of one, shows nothing. Inline elements are not here (`<a>x</a> <a>y</a>`
 * needs its space), nor `<noscript>` (the generic reader turns its pictures into elements).
 */
const BLOCKS = new Set([
  ...['html', 'head', 'title', 'base', 'meta', 'link', 'script', 'style', 'template', 'body'],
  ...['address', 'article', 'aside', 'blockquote', 'center', 'details', 'dialog', 'div'],
  ...['fieldset', 'figcaption', 'figure', 'footer', 'form', 'header', 'hgroup', 'hr', 'main'],
  ...['nav', 'p', 'pre', 'search', 'section', 'summary', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6'],
  ...['ul', 'ol', 'li', 'dl', 'dt', 'dd', 'menu', 'dir', 'legend'],
  ...['table', 'caption', 'colgroup', 'col', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th'],
]);
/** Blocks whose white space shows, in them and in the blocks they hold. */
export const PREFORMATTED = new Set(['pre', 'listing']);
/** HTML's white space (not U+00A0, which is a character of the text). */
const PRINTED = /[^\t\n\f\r ]/;

/** What a lean copy leaves out (see `CopyOptions.lean`); `inPre`: inside a `<pre>`. */
export function leftOutOfLean(node: Node, inPre: boolean): boolean {
  switch (node.nodeType) {
    case COMMENT_NODE:
      return true;
    case ELEMENT_NODE: {
      const tag = (node as Element).localName;
      return tag === 'style' || (tag === 'script' && !isJsonLd(node as Element));
    }
    case TEXT_NODE:
      return (
        !inPre &&
        BLOCKS.has((node.parentNode as Element | null)?.localName ?? '') &&
        !PRINTED.test((node as Text).data) &&
        isBlockOrEdge(node, 'previousSibling') &&
        isBlockOrEdge(node, 'nextSibling')
      );
    default:
      return false;
  }
}

/**
 * Whether the next sibling of `node` that way, past comments and white space, is a block or
 * none. A run of more than `MAX_PASSED` such siblings counts as neither: a run of comments does
 * not make each of its spaces look through all the others.
 */
function isBlockOrEdge(node: Node, way: 'previousSibling' | 'nextSibling'): boolean {
  let sibling = node[way];
  for (let passed = 0; sibling && passes(sibling); sibling = sibling[way])
    if (++passed > MAX_PASSED) return false;
  return (
    !sibling || (sibling.nodeType === ELEMENT_NODE && BLOCKS.has((sibling as Element).localName))
  );
}

const MAX_PASSED = 16;

function passes(node: Node): boolean {
  return (
    node.nodeType === COMMENT_NODE ||
    (node.nodeType === TEXT_NODE && !PRINTED.test((node as Text).data))
  );
}

export function preformattedAbove(node: Node): number {
  let count = 0;
  for (let el = node.parentElement; el; el = el.parentElement)
    if (PREFORMATTED.has(el.localName)) count++;
  return count;
}
