/**
 * The query engine (src/core/query-index.ts, behind src/core/query.ts) must answer exactly as the
 * DOM does. Three checks:
 * - hand-made markup (tests/helpers/query-cases.ts) against jsdom, whose selector engine follows
 *   the spec (the cases cover each feature the engine parses: every attribute operator, the case
 *   of attribute values, :not() with complex selectors, the four combinators, scoped queries,
 *   selector lists in document order); tests/e2e/query-engine.test.ts puts them to Chromium;
 * - every selector the core writes literally or in its tables, on every BBC corpus page, indexed
 *   against linkedom's own querySelectorAll, from the document and from inside it;
 * - whole extractions and cleanup plans of every bench page with the index on and off. Off,
 *   the DOM answers every query and the readers read a copy made without the clutter; on, they
 *   read the page itself through the cleanup mask (src/core/view.ts): the two must agree.
 */
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { closest, matches, queryAll, queryOne } from '../../src/core/query';
import { indexDocument, withoutIndexes } from '../../src/core/query-index';
import { parseHtml, readHtmlFile } from '../../src/node/load';
import { extractArticle } from '../../src/core/extract';
import { planCleanup } from '../../src/core/clean';
import { benchPages } from '../../src/eval/bench-pages';
import { CORPUS_DIR, corpusAvailable } from '../helpers/corpus';
import { MARKUP, SELECTORS, coreSelectors, tagged } from '../helpers/query-cases';

const idsOf = (els: ArrayLike<Element>) => Array.from(els, (e) => e.getAttribute('data-i'));

describe('query engine against jsdom, on hand-made markup', () => {
  const html = tagged(MARKUP);
  const reference = new JSDOM(html).window.document;
  const doc = parseHtml(html);
  const index = indexDocument(doc);

  it.each(SELECTORS)('queryAll(document, %j)', (selector) => {
    expect(idsOf(queryAll(doc, selector))).toEqual(idsOf(reference.querySelectorAll(selector)));
  });

  it.each(SELECTORS)('queryAll(element, %j), queryOne and matches', (selector) => {
    for (const scopeId of ['#a', 'ul', 'table', 'section', '.box .box']) {
      const scope = queryOne(doc, scopeId)!;
      const refScope = reference.querySelector(scopeId)!;
      // By the definition (the document's matches that are inside the scope), not by jsdom's
      // scoped query: nwsapi answers `#a.querySelectorAll('.story-body .x:not(.y *)')` with
      // nothing although #a is the .story-body.
      const inside = Array.from(reference.querySelectorAll(selector)).filter(
        (el) => el !== refScope && refScope.contains(el),
      );
      expect(idsOf(queryAll(scope, selector))).toEqual(idsOf(inside));
      expect(queryOne(scope, selector)?.getAttribute('data-i') ?? null).toBe(
        inside[0]?.getAttribute('data-i') ?? null,
      );
    }
    const all = queryAll(doc, '*');
    const refAll = Array.from(reference.querySelectorAll('*'));
    expect(all.map((el) => matches(el, selector))).toEqual(
      refAll.map((el) => el.matches(selector)),
    );
    expect(all.map((el) => closest(el, selector)?.getAttribute('data-i') ?? null)).toEqual(
      refAll.map((el) => el.closest(selector)?.getAttribute('data-i') ?? null),
    );
  });

  it('leaves selectors it does not parse to the DOM, with the DOM’s answer', () => {
    const plain = parseHtml(html);
    for (const selector of ['p:nth-child(2)', 'li:last-of-type', 'p::before', 'a[href\\=x]']) {
      let expected: unknown;
      try {
        expected = idsOf(plain.querySelectorAll(selector));
      } catch {
        expected = 'throws';
      }
      let got: unknown;
      try {
        got = idsOf(queryAll(doc, selector));
      } catch {
        got = 'throws';
      }
      if (expected !== 'throws') expect(got).toEqual(expected);
      else expect(got).toBe('throws');
    }
  });

  it('indexes markup after </html> (linkedom leaves it beside <html>)', () => {
    const after = parseHtml('<html><body><p>a</p></body></html><div class="x"><p>b</p></div>');
    const expected = idsOfNodes(after, after.querySelectorAll('p, .x p'));
    const own = indexDocument(after);
    try {
      expect(idsOfNodes(after, queryAll(after, 'p, .x p'))).toEqual(expected);
      expect(expected).toHaveLength(2);
    } finally {
      own.release();
    }
  });

  it('answers from the index while it is on, and from the DOM once it is released', () => {
    const page = parseHtml('<body><p class="early">a</p></body>');
    const own = indexDocument(page);
    const late = page.createElement('p');
    late.className = 'late';
    page.body.append(late);
    try {
      // The index was built before the paragraph came: only the DOM knows it.
      expect(queryAll(page, 'p')).toHaveLength(1);
      expect(queryOne(page, 'p.late')).toBeNull();
      expect(matches(late, 'p.late')).toBe(true); // not indexed: the DOM answers
    } finally {
      own.release();
    }
    expect(queryAll(page, 'p')).toHaveLength(2);
    expect(queryOne(page, 'p.late')).toBe(late);
  });

  it('on a document nobody indexed, gives the DOM’s answers (parts needing an absent id skipped)', () => {
    const quirks = new JSDOM(html.replace('<!doctype html>', '')).window.document;
    expect(quirks.compatMode).toBe('BackCompat');
    for (const dom of [reference, quirks]) {
      for (const selector of [
        ...SELECTORS,
        '#missing, p',
        '#missing',
        '#missing, #a',
        '#nope,#missing',
        '#a p, #nope p',
        '#A',
      ]) {
        expect(idsOf(queryAll(dom, selector))).toEqual(idsOf(dom.querySelectorAll(selector)));
        expect(queryOne(dom, selector)?.getAttribute('data-i') ?? null).toBe(
          dom.querySelector(selector)?.getAttribute('data-i') ?? null,
        );
      }
    }
  });

  it('answers from the DOM once released', () => {
    index.release();
    expect(idsOf(queryAll(doc, 'p'))).toEqual(idsOf(reference.querySelectorAll('p')));
  });
});

describe.skipIf(!corpusAvailable)('query engine against linkedom, on the BBC corpus', () => {
  const selectors = coreSelectors();
  const pages = corpusAvailable ? benchPages(CORPUS_DIR).filter((p) => p.bbc) : [];

  it('finds the selectors the core uses', () => {
    expect(selectors.length).toBeGreaterThan(60);
    expect(selectors).toContain('td.storybody');
    expect(selectors).toContain('div.mvtb');
  });

  it.each(pages.map((p) => [p.id, p] as const))(
    '%s: every selector, indexed and not',
    (_, page) => {
      const doc = parseHtml(readHtmlFile(page.path));
      const native = (scope: ParentNode, s: string) => idsOfNodes(doc, scope.querySelectorAll(s));
      // The document, its body, and a few containers inside (scoped queries use positions).
      const inner = Array.from(doc.querySelectorAll('div[id], td'));
      const scopes: ParentNode[] = [
        doc,
        ...Array.from(doc.querySelectorAll('body')),
        ...inner.filter((_, i) => i % Math.ceil(inner.length / 6) === 0),
      ];
      const expected = selectors.map((s) => scopes.map((scope) => native(scope, s)));
      const index = indexDocument(doc);
      try {
        const got = selectors.map((s) =>
          scopes.map((scope) => idsOfNodes(doc, queryAll(scope, s))),
        );
        expect(got).toEqual(expected);
      } finally {
        index.release();
      }
    },
  );
});

/** Elements named by their position in the document (the corpus pages carry no data-i). */
function idsOfNodes(doc: Document, els: ArrayLike<Element>): number[] {
  const order = new Map(Array.from(doc.querySelectorAll('*'), (el, i) => [el, i]));
  return Array.from(els, (el) => order.get(el) ?? -1);
}

describe.skipIf(!corpusAvailable)('extraction with and without the index', () => {
  const pages = corpusAvailable ? benchPages(CORPUS_DIR) : [];
  const now = new Date('2026-01-01T00:00:00Z');

  function outcome(doc: Document, url: string): string {
    try {
      return JSON.stringify(extractArticle(doc, url, { now }));
    } catch (err) {
      return `throws ${String(err)}`;
    }
  }

  it(`gives the same Article and cleanup plan on all ${pages.length} bench pages`, () => {
    expect(pages.length).toBeGreaterThan(300);
    const differ: string[] = [];
    for (const page of pages) {
      const doc = parseHtml(readHtmlFile(page.path));
      const plain = withoutIndexes(() => outcome(doc, page.url));
      if (outcome(doc, page.url) !== plain) differ.push(page.id);
      const planOf = () => {
        const plan = planCleanup(doc, page.url);
        return JSON.stringify([plan.removals, [...plan.taken.values()], [...plan.cuts.values()]]);
      };
      const index = indexDocument(doc);
      const indexed = planOf();
      index.release();
      if (indexed !== planOf()) differ.push(`${page.id} (plan)`);
    }
    expect(differ).toEqual([]);
  }, 240_000);
});
