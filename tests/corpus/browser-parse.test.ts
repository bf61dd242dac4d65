/**
 * The extension reads the page a browser built; the CLI reads the tree linkedom builds from the
 * same saved file. They differ where the markup is broken (the HTML standard's tree builder
 * moves misnested elements; linkedom leaves them where they were written) and in `<noscript>`,
 * which a browser with scripting on, every reader's, parses as one text. The article must come
 * out the same either way: these tests read real pages both ways and compare.
 */
import { JSDOM, VirtualConsole } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { cleanPage, extractArticle } from '../../src/core';
import { collapse } from '../../src/core/text';
import { benchmarkPages, readabilityPages } from '../../src/eval/corpora';
import { parseHtml, readHtmlFile } from '../../src/node/load';
import { bbcCorpusPages, CORPUS_DIR, corpusAvailable, corpusPath } from '../helpers/corpus';

const NOW = new Date('2026-01-01T00:00:00Z');

/** The article, or the error's name and message (a page may have none, either way). */
function articleOf(doc: Document, url: string): unknown {
  try {
    return extractArticle(doc, url, { now: NOW });
  } catch (error) {
    return { error: `${(error as Error).name}: ${(error as Error).message}` };
  }
}

/**
 * Elements a browser never shows wherever they are (its default style sheet): a `<title>` the
 * standard's tree builder put in the body (bbc-1's head holds markup that ends it early) is not
 * seen there either.
 */
const NEVER_SHOWN = 'script, style, noscript, template, title, meta, link';

/** The page's text a reader sees once cleanup has hidden its clutter, as one line. */
function textAfterCleanup(doc: Document, url: string): string {
  cleanPage(doc, url);
  const parts: string[] = [];
  const walk = (node: Node): void => {
    if (node.nodeType === 3) parts.push((node as Text).data);
    if (node.nodeType !== 1) return;
    const el = node as Element;
    if (el.hasAttribute('data-broadsheet-hidden') || el.matches(NEVER_SHOWN)) return;
    for (let c = el.firstChild; c; c = c.nextSibling) walk(c);
  };
  walk(doc.body);
  return collapse(parts.join(''));
}

function withoutCounts(article: unknown): unknown {
  return { ...(article as object), removed: null };
}

/**
 * Each `<noscript>` holding its markup as one text, as a browser with scripting on parses it.
 * (jsdom does so only while running the page's scripts, which a test must not do with real
 * pages.) The text is the parser's serialization of the elements, not the page's own
 * characters: the same tags and attributes, maybe quoted differently.
 */
function withScriptingOnNoscripts(doc: Document): Document {
  for (const noscript of Array.from(doc.querySelectorAll('noscript'))) {
    const markup = noscript.innerHTML;
    noscript.textContent = markup;
  }
  return doc;
}

/** The page as the HTML standard's tree builder makes it (jsdom, scripting off). */
function standardTree(html: string, url: string): Document {
  // jsdom reports the pages' CSS it cannot parse; nothing here reads styles.
  return new JSDOM(html, { url, virtualConsole: new VirtualConsole() }).window.document;
}

/** Where a page keeps a picture in <noscript> (a lazy loader's fallback). */
const NOSCRIPT_IMAGE = /<noscript[^>]*>\s*(?:<[^>]*>\s*)*<img\b/i;

describe.skipIf(!corpusAvailable)('pages read as a browser parses them', () => {
  const bbc = bbcCorpusPages().map(([path, url]) => ({
    id: path,
    url,
    html: readHtmlFile(corpusPath(path)),
  }));

  it.each(bbc.map((p) => [p.id, p] as const))(
    "%s: a browser's tree gives the CLI's article, and the same page after cleanup",
    (_, page) => {
      const cli = articleOf(parseHtml(page.html), page.url);
      const tree = standardTree(page.html, page.url);
      // The counts of what was removed are compared through the page a reader is left with
      // (below): where a browser's parser parts one element into two (8063681's moderation notice
      // and the terms link written inside it), each is hidden, and counted, on its own.
      expect(withoutCounts(articleOf(tree, page.url))).toEqual(withoutCounts(cli));
      // With scripting on, the page's scripts write what its <noscript> holds (the classic
      // pages' most-popular box, by document.write), and cleanup finds it there; no script runs
      // here.
      const scripted = withScriptingOnNoscripts(standardTree(page.html, page.url));
      expect(withoutCounts(articleOf(scripted, page.url))).toEqual(withoutCounts(cli));

      expect(textAfterCleanup(tree, page.url)).toBe(
        textAfterCleanup(parseHtml(page.html), page.url),
      );
    },
  );

  it.each(['mathjax', 'wikipedia-3'])(
    '%s: formulas read from a browser’s tree (MathML elements in their namespace) as from the CLI’s',
    (slug) => {
      const page = readabilityPages(CORPUS_DIR).find((p) => p.id === slug)!;
      const html = readHtmlFile(page.path);
      const cli = articleOf(parseHtml(html), page.url) as { text: string };
      expect(cli.text).toMatch(/ = /);
      expect(articleOf(standardTree(html, page.url), page.url)).toEqual(cli);
    },
  );

  it('gives the same pictures whether <noscript> was parsed as elements or as text', () => {
    const pages = corpusAvailable
      ? [
          ...readabilityPages(CORPUS_DIR).map((p) => ({ id: p.id, url: p.url, path: p.path })),
          ...benchmarkPages(CORPUS_DIR).map((p) => ({ id: p.id, url: p.url, path: p.path })),
        ]
          .map((p) => ({ ...p, html: readHtmlFile(p.path) }))
          .filter((p) => NOSCRIPT_IMAGE.test(p.html))
      : [];
    // The pages of 2024's corpus with such pictures (Medium, The Verge, Snopes, …): 113.
    expect(pages.length).toBeGreaterThanOrEqual(100);
    const differ: string[] = [];
    for (const page of pages) {
      const cli = articleOf(parseHtml(page.html), page.url);
      const browser = articleOf(withScriptingOnNoscripts(parseHtml(page.html)), page.url);
      if (JSON.stringify(browser) !== JSON.stringify(cli)) differ.push(page.id);
    }
    expect(differ).toEqual([]);
  });
});
