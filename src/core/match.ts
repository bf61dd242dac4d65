/**
 * `el.matches(selector)` for the elements of one subtree, answered from a single
 * `querySelectorAll`. linkedom (the CLI, the tests) compiles the selector again on every
 * `matches()` call: a site's per-element `classify` hook testing a 20-part selector list on every
 * element of a story body spent most of the BBC extraction there. A browser answers either way in
 * microseconds. The subtree must not change while the matcher is in use.
 */
export function matcherUnder(root: Element, selector: string): (el: Element) => boolean {
  let found: Set<Element> | null = null;
  // Membership of the subtree from one set too: `root.contains(el)` walks up from `el`, so on a
  // page nested 50,000 deep every call cost 50,000 steps (tests/reliability/size.test.ts).
  let inside: Set<Element> | null = null;
  return (el) => {
    inside ??= new Set(Array.from(root.querySelectorAll('*')));
    if (!inside.has(el)) return el.matches(selector);
    found ??= new Set(Array.from(root.querySelectorAll(selector)));
    return found.has(el);
  };
}
