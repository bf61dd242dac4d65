/**
 * `el.matches(selector)` for the elements of one subtree, answered from a single
 * `querySelectorAll`. linkedom (the CLI, the tests) compiles the selector again on every
 * `matches()` call: a site's per-element `classify` hook testing a 20-part selector list on every
 * element of a story body spent most of the BBC extraction there. On an indexed document
 * (./query.ts) the engine's own `matches` is as cheap; a browser answers either way in
 * microseconds. The subtree must not change while the matcher is in use.
 */
import { isIndexed, matches, queryAll } from './query';

export function matcherUnder(root: Element, selector: string): (el: Element) => boolean {
  if (isIndexed(root)) return (el) => matches(el, selector);
  let found: Set<Element> | null = null;
  // Membership of the subtree from one set too: `root.contains(el)` walks up from `el`, so on a
  // page nested 50,000 deep every call cost 50,000 steps (tests/reliability/size.test.ts).
  let inside: Set<Element> | null = null;
  return (el) => {
    inside ??= new Set(queryAll(root, '*'));
    if (!inside.has(el)) return el.matches(selector);
    found ??= new Set(queryAll(root, selector));
    return found.has(el);
  };
}
