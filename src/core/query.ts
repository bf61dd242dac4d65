/**
 * The core's selector queries: `queryAll`, `queryOne`, `matches`, `closest`. On a document nobody
 * indexed (the live page in the content script, which cleans on every BBC page load) every query
 * is the DOM's own, native and fast, and this file is all the content script carries. Extraction
 * indexes the page it reads first (./query-index.ts, which plugs itself in here when it is
 * loaded), and a query on an indexed document is answered from the index: on linkedom, where
 * every `querySelectorAll` walks the whole tree, that was a third of Broadsheet's time in Node.
 *
 * An indexed page can also carry a cleanup plan as a mask (query-index.ts `maskDocument`): its
 * queries then skip what the plan takes, and ./view.ts reads text and children the same way,
 * through `activeMask()` below.
 */

const DOCUMENT = 9;

/** What an index answers: null wherever it cannot (not indexed, or a selector it does not parse). */
export interface IndexedQueries {
  /** Matches in document order (only the first with `firstOnly`), or null. */
  query(scope: ParentNode, selector: string, firstOnly: boolean): Element[] | null;
  matches(el: Element, selector: string): boolean | null;
  isIndexed(node: Node): boolean;
}

let indexed: IndexedQueries | null = null;

/** Plugs the index in (./query-index.ts does, once, when it is loaded). */
export function answerFromIndexes(queries: IndexedQueries): void {
  indexed = queries;
}

/** A selector list of bare ids: `#wm-ipp-base, #wm-ipp, #donato`. */
const ID_LIST = /^\s*#[\w-]+(?:\s*,\s*#[\w-]+)*\s*$/;

/**
 * For the DOM's own queries, a list of bare ids without the ids the document does not have (''
 * when none is left): a browser finds an id in its id map at once, but walks the whole page for
 * `#wm-ipp-base, #wm-ipp, #donato` (1.4 ms cold on bbc.com 2015, which has none of them). Other
 * selectors are left as they are: parsing them in script on every page load would cost more.
 */
function withoutAbsentIds(scope: ParentNode, selector: string): string {
  if (!ID_LIST.test(selector)) return selector;
  const doc = (scope as Node).nodeType === DOCUMENT ? (scope as Document) : null;
  // In quirks mode a browser matches `#id` ignoring case and getElementById does not.
  if (!doc || typeof doc.getElementById !== 'function' || doc.compatMode === 'BackCompat')
    return selector;
  const ids = selector.split(',').map((part) => part.trim());
  const kept = ids.filter((id) => doc.getElementById(id.slice(1)) !== null);
  return kept.length === ids.length ? selector : kept.join(', ');
}

/** `scope.querySelectorAll(selector)` as an array in document order. */
export function queryAll(scope: ParentNode, selector: string): Element[] {
  const found = indexed?.query(scope, selector, false);
  if (found) return found;
  const asked = withoutAbsentIds(scope, selector);
  return asked ? Array.from(scope.querySelectorAll(asked)) : [];
}

/** `scope.querySelector(selector)`. */
export function queryOne(scope: ParentNode, selector: string): Element | null {
  const found = indexed?.query(scope, selector, true);
  if (found) return found[0] ?? null;
  const asked = withoutAbsentIds(scope, selector);
  return asked ? scope.querySelector(asked) : null;
}

/** `el.matches(selector)`. */
export function matches(el: Element, selector: string): boolean {
  return indexed?.matches(el, selector) ?? el.matches(selector);
}

/** `el.closest(selector)`. */
export function closest(el: Element, selector: string): Element | null {
  for (let p: Element | null = el; p; p = p.parentElement) if (matches(p, selector)) return p;
  return null;
}

/** True while `node` (a document or an element) is indexed (see query-index.ts). */
export function isIndexed(node: Node): boolean {
  return indexed?.isIndexed(node) ?? false;
}

/**
 * A page read as if some of it were gone: the elements a cleanup plan takes (with everything
 * inside them) and the text its cuts remove. While a mask is on, queries on the page skip what it
 * takes, and src/core/view.ts reads text and children through it, so a reader sees what a copy
 * of the page cleaned in `remove` mode would show, without the copy.
 */
export interface Mask {
  taken: ReadonlyMap<Element, unknown>;
  cuts: ReadonlyMap<Text, string>;
  /** Every node holding a taken element or a cut text node. */
  holders: ReadonlySet<Node>;
}

let active: Mask | null = null;

/** The mask on now, if any (one at a time: extraction is synchronous). */
export function activeMask(): Mask | null {
  return active;
}

/** Puts a mask on, or takes it off (query-index.ts `maskDocument`). */
export function setActiveMask(mask: Mask | null): void {
  active = mask;
}
