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

(globalThis as { queryEngine?: unknown }).queryEngine = { compare };
