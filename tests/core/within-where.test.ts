/**
 * withinWhere (src/core/dom.ts): "is this node, or an ancestor, an element the test holds for",
 * remembering what its climbs passed. The answers must be those of a plain climb, however deep
 * the page and however the tested set grows between questions.
 */
import { describe, expect, it } from 'vitest';
import { withinWhere } from '../../src/core/dom';
import { parseHtml } from '../../src/node/load';

/**
 * A body holding `depth` nested divs, each opening with `lead` (a text node unless told); the divs,
 * outermost first, and each one's first child.
 */
function chain(depth: number, lead = 't'): { divs: Element[]; firsts: ChildNode[] } {
  const doc = parseHtml(
    '<!DOCTYPE html><html><body>' +
      `<div>${lead}`.repeat(depth) +
      '</div>'.repeat(depth) +
      '<p>beside</p></body></html>',
  );
  const divs = Array.from(doc.querySelectorAll('div'));
  return { divs, firsts: divs.map((d) => d.firstChild!) };
}

/** The plain climb withinWhere must agree with. */
const climb = (node: Node | null, test: (el: Element) => boolean) => {
  for (let p = node; p; p = p.parentNode) if (p.nodeType === 1 && test(p as Element)) return true;
  return false;
};

describe('withinWhere', () => {
  it('answers as a plain climb does, on a chain far deeper than it climbs unremembered', () => {
    const { divs, firsts: texts } = chain(300);
    const marked = new Set([divs[120]!, divs[250]!]);
    const test = (el: Element) => marked.has(el);
    const within = withinWhere(test);
    // Deepest first, then shallowest, then every other: the remembered answers are reused.
    const order = [...texts.keys()].reverse().concat([...texts.keys()]);
    for (const i of order) expect(within(texts[i]!), `text ${i}`).toBe(climb(texts[i]!, test));
    expect(within(texts[119]!)).toBe(false);
    expect(within(texts[120]!)).toBe(true);
    expect(within(divs[0]!.ownerDocument.querySelector('p'))).toBe(false);
    expect(within(null)).toBe(false);
  });

  it('answers as a plain climb does while the tested set grows', () => {
    const { divs, firsts: texts } = chain(200);
    const taken = new Set<Element>();
    const within = withinWhere((el) => taken.has(el));
    const add = (el: Element) => {
      expect(within(el)).toBe(false);
      taken.add(el);
      within.added(el);
    };
    expect(within(texts[199]!)).toBe(false);
    expect(within(texts[150]!)).toBe(false);
    add(divs[100]!);
    expect(within(texts[199]!)).toBe(true);
    expect(within(texts[150]!)).toBe(true);
    expect(within(texts[99]!)).toBe(false);
    add(divs[10]!);
    expect(within(texts[99]!)).toBe(true);
    expect(within(texts[5]!)).toBe(false);
  });

  it('keeps a "no" for nodes above every element added since, and only for those', () => {
    // A leaf beside each div of a deep chain, as a page of ads each in a <div> of the one before.
    const depth = 400;
    const { divs, firsts } = chain(depth, '<i></i>');
    const leaves = firsts as Element[];
    const taken = new Set<Element>();
    const test = (el: Element) => taken.has(el);
    const within = withinWhere(test);
    // A fixed pseudo-random order of questions and additions, checked against a plain climb.
    let seed = 7;
    const next = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    for (let i = 0; i < depth; i++) {
      const leaf = leaves[i]!;
      expect(within(leaf), `leaf ${i}`).toBe(climb(leaf, test));
      if (!climb(leaf, test)) {
        taken.add(leaf);
        within.added(leaf);
      }
      const probe = next(3) === 0 ? divs[next(depth)]! : leaves[next(depth)]!;
      expect(within(probe), `probe after leaf ${i}`).toBe(climb(probe, test));
      if (next(25) === 0) {
        const div = divs[next(depth)]!;
        if (!within(div)) {
          taken.add(div);
          within.added(div);
        }
      }
    }
    for (const node of [...divs, ...leaves]) expect(within(node)).toBe(climb(node, test));
  });
});
