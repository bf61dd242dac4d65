/**
 * Bundled into a page by tests/e2e/directive-scan.test.ts: the broken-directives step on the live
 * document, by its browser path (the DOM's selector, XPath and ranges) or, with `document.evaluate`
 * taken away, by the path linkedom and jsdom take (a pass over every element, whole-text counts).
 */
import { brokenDirectives } from '../../../src/core/clean/broken-directives';

function findings(): string[] {
  const found = brokenDirectives.find({
    doc: document,
    url: location.href,
    detection: { layout: 'generic', archive: null, signals: [] },
    articleRoots: [],
    // The page as it stands: no earlier step took anything.
    isTaken: () => false,
    holdsTaken: () => false,
    textOf: (text) => text.data,
  });
  return found.map((f) =>
    'node' in f
      ? `element ${f.node.tagName.toLowerCase()}`
      : `text "${f.ranges.map(([a, b]) => f.text.data.slice(a, b)).join('|')}"`,
  );
}

function withoutXPath<T>(run: () => T): T {
  const proto = Document.prototype as { evaluate?: unknown };
  const saved = proto.evaluate;
  proto.evaluate = undefined;
  try {
    return run();
  } finally {
    proto.evaluate = saved;
  }
}

(globalThis as { directiveScan?: unknown }).directiveScan = {
  browserPath: findings,
  portablePath: () => withoutXPath(findings),
};
