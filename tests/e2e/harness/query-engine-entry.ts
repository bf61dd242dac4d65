/**
 * Bundled into a page by tests/e2e/query-engine.test.ts: each selector answered by the query
 * engine (src/core/query-index.ts) over the live document, indexed, and by Chromium itself.
 * Elements are named by their `data-i` attribute.
 */
import { matches, queryAll } from '../../../src/core/query';
import { indexDocument } from '../../../src/core/query-index';

interface Answers {
  selector: string;
  engine: { all: (string | null)[]; matching: (string | null)[] };
  /** Null when Chromium rejects the selector (it has no `s` flag). */
  chromium: { all: (string | null)[]; matching: (string | null)[] } | null;
}

const name = (el: Element) => el.getAttribute('data-i');

function native(everything: Element[], selector: string): Answers['chromium'] {
  try {
    return {
      all: Array.from(document.querySelectorAll(selector), name),
      matching: everything.filter((el) => el.matches(selector)).map(name),
    };
  } catch {
    return null;
  }
}

function compare(selectors: string[]): Answers[] {
  const everything = Array.from(document.querySelectorAll('*'));
  const index = indexDocument(document);
  try {
    return selectors.map((selector) => ({
      selector,
      engine: {
        all: queryAll(document, selector).map(name),
        matching: everything.filter((el) => matches(el, selector)).map(name),
      },
      chromium: native(everything, selector),
    }));
  } finally {
    index.release();
  }
}

/**
 * Every selector from the document, its body and a few containers inside it (scoped queries use
 * positions), by the engine and by Chromium; elements named by position in the document. Only
 * the disagreements are returned, with the number of comparisons made.
 */
function compareScoped(selectors: string[]): { compared: number; found: number; differ: string[] } {
  const everything = Array.from(document.querySelectorAll('*'));
  const order = new Map(everything.map((el, i) => [el, i]));
  const at = (els: ArrayLike<Element>) => Array.from(els, (el) => order.get(el) ?? -1).join();
  const inner = Array.from(document.querySelectorAll('div[id], td'));
  const scopes: (Document | Element)[] = [
    document,
    document.body,
    ...inner.filter((_, i) => i % Math.ceil(inner.length / 6) === 0),
  ];
  const native = selectors.map((s) => scopes.map((scope) => at(scope.querySelectorAll(s))));
  const differ: string[] = [];
  let compared = 0;
  let found = 0;
  const index = indexDocument(document);
  try {
    selectors.forEach((s, i) =>
      scopes.forEach((scope, k) => {
        const engine = at(queryAll(scope, s));
        compared++;
        if (native[i]![k]) found++;
        if (engine !== native[i]![k])
          differ.push(`${s} in scope ${k}: ${engine} ≠ ${native[i]![k]}`);
      }),
    );
  } finally {
    index.release();
  }
  return { compared, found, differ };
}

(globalThis as { queryEngine?: unknown }).queryEngine = { compare, compareScoped };
