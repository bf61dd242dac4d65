// @vitest-environment jsdom
/**
 * Never loses the article: on every BBC page of the corpus, every paragraph of its ground truth
 * (web-page-parser's assertions, the benchmark's human-written body) and of Broadsheet's own
 * extraction that a reader could see before cleanup is still visible after `cleanPage`, by
 * computed style in jsdom (display:none, visibility:hidden or the hidden attribute on the
 * element or any ancestor, with the page's own <style> sheets applied).
 *
 * A paragraph is found by its text with white space removed, mapped back to the text nodes that
 * hold it; it is visible when one of its occurrences lies entirely in visible text nodes (a
 * headline repeated in a hidden promo does not count against the visible one).
 */
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { JSDOM, VirtualConsole } from 'jsdom';
import { cleanPage, extractArticle } from '../../src/core';
import { readHtmlFile } from '../../src/node/load';
import {
  benchmarkPages,
  newspaper4kPages,
  readabilityPages,
  webPageParserPages,
  type CorpusPage,
} from '../../src/eval/corpora';
import { corpusAvailable, CORPUS_DIR, corpusPath } from '../helpers/corpus';

/**
 * Assertions judged wrong in tests/corpus/bbc-assertions.test.ts (read there, with the page):
 * they are not article text, so cleanup may hide them.
 */
const NOT_ARTICLE: { fixture: string; parser: string; start: string }[] = [
  // V4's last paragraph is the "send us your comments" call-out, which V5 no longer took.
  { fixture: '20230333.stm.html', parser: 'BbcNewsPageParserV4', start: 'Are you a voter' },
];

interface Truth {
  source: string;
  text: string;
}

/** Every BBC page of the corpus with the ground truth the corpus gives for it. */
function bbcPages(): { page: CorpusPage; truth: Truth[] }[] {
  const assertions = JSON.parse(
    readFileSync(corpusPath('web-page-parser/derived/bbc_news_page_assertions.json'), 'utf8'),
  ) as {
    parser_version: string;
    fixture: string;
    field: string;
    op: string;
    negated: boolean;
    expected_kind: string;
    expected: string | number;
  }[];
  const out: { page: CorpusPage; truth: Truth[] }[] = [];
  for (const page of webPageParserPages(CORPUS_DIR).filter((p) => p.id.startsWith('bbc_news/'))) {
    const truth = assertions
      .filter(
        (a) =>
          a.fixture.endsWith(page.id) &&
          !a.negated &&
          a.expected_kind === 'string' &&
          (a.field === 'content' || a.field === 'title') &&
          (a.op === 'eq' || a.op === 'include') &&
          !NOT_ARTICLE.some(
            (x) =>
              a.fixture.endsWith(x.fixture) &&
              a.parser_version === x.parser &&
              String(a.expected).startsWith(x.start),
          ),
      )
      .map((a) => ({ source: `web-page-parser ${a.field}`, text: String(a.expected) }));
    out.push({ page, truth });
  }
  for (const page of benchmarkPages(CORPUS_DIR).filter((p) => /bbc\.(?:com|co\.uk)/.test(p.url)))
    out.push({
      page,
      truth: page.truth
        .split('\n')
        .filter((t) => t.trim())
        .map((text) => ({ source: 'benchmark articleBody', text })),
    });
  out.push({ page: readabilityPages(CORPUS_DIR).find((p) => p.id === 'bbc-1')!, truth: [] });
  out.push({
    page: newspaper4kPages(CORPUS_DIR).find((p) => p.id === 'burmese_article.html')!,
    truth: [],
  });
  return out;
}

const squeeze = (s: string) => s.normalize('NFC').replace(/[\s\u00a0\u200b\ufeff]+/g, '');

/** Visibility of elements by computed style, cached (jsdom's getComputedStyle is slow). */
function visibilityOf(win: Window): (el: Element | null) => boolean {
  const cache = new Map<Element, boolean>();
  const visible = (el: Element | null): boolean => {
    if (!el) return true;
    const known = cache.get(el);
    if (known !== undefined) return known;
    let v: boolean;
    if (el.hasAttribute('hidden')) v = false;
    else {
      const style = win.getComputedStyle(el);
      v = style.display !== 'none' && style.visibility !== 'hidden' && visible(el.parentElement);
    }
    cache.set(el, v);
    return v;
  };
  return visible;
}

/** The page's text with white space removed, and for each character the text node it is from. */
function textIndex(doc: Document): { text: string; owners: Text[] } {
  const owners: Text[] = [];
  let text = '';
  const walker = doc.createTreeWalker(doc.body ?? doc.documentElement, 4 /* SHOW_TEXT */);
  for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
    const tag = n.parentElement?.tagName.toLowerCase();
    if (tag === 'script' || tag === 'style' || tag === 'noscript' || tag === 'template') continue;
    const s = squeeze(n.data);
    text += s;
    for (let i = 0; i < s.length; i++) owners.push(n);
  }
  return { text, owners };
}

/** True when some occurrence of `needle` lies wholly in visible text. */
function visibleSomewhere(
  index: { text: string; owners: Text[] },
  needle: string,
  visible: (el: Element | null) => boolean,
): boolean {
  for (let at = index.text.indexOf(needle); at >= 0; at = index.text.indexOf(needle, at + 1)) {
    let ok = true;
    for (let i = at; i < at + needle.length && ok; i++)
      ok = visible(index.owners[i]!.parentElement);
    if (ok) return true;
  }
  return false;
}

describe.skipIf(!corpusAvailable)('cleanup never hides the article', () => {
  const pages = corpusAvailable ? bbcPages() : [];
  const checked = { truth: 0, extracted: 0 };
  afterAll(() => {
    console.info(
      `[never-loses-article] visible after cleanup: ${checked.truth} ground-truth and ${checked.extracted} extracted paragraphs on ${pages.length} pages`,
    );
  });

  it('covers every BBC page of the corpus', () => {
    expect(pages).toHaveLength(27);
  });

  it.each(pages.map((p) => [p.page.id, p] as const))('%s', (_id, { page, truth }) => {
    // A silent console: jsdom reports every stylesheet it cannot parse (modern BBC CSS).
    const dom = new JSDOM(readHtmlFile(page.path), {
      url: page.url,
      virtualConsole: new VirtualConsole(),
    });
    const doc = dom.window.document;
    const article = extractArticle(doc, page.url);
    const paragraphs: Truth[] = [
      ...truth,
      ...article.body.flatMap((b) =>
        b.type === 'paragraph' || b.type === 'heading' || (b.type === 'quote' && !b.pull)
          ? [{ source: `extracted ${b.type}`, text: b.text }]
          : b.type === 'list'
            ? b.items.map((text) => ({ source: 'extracted list item', text }))
            : [],
      ),
    ];

    const beforeIndex = textIndex(doc);
    const beforeVisible = visibilityOf(dom.window);
    const seen = paragraphs.filter((p) =>
      visibleSomewhere(beforeIndex, squeeze(p.text), beforeVisible),
    );
    cleanPage(doc, page.url);
    const afterIndex = textIndex(doc);
    const afterVisible = visibilityOf(dom.window);
    const lost = seen
      .filter((p) => !visibleSomewhere(afterIndex, squeeze(p.text), afterVisible))
      .map((p) => `${p.source}: ${p.text.slice(0, 80)}`);
    expect(lost).toEqual([]);
    for (const p of seen) checked[p.source.startsWith('extracted') ? 'extracted' : 'truth']++;
    // The check has teeth: the extracted body was visible on the page before cleanup.
    const extracted = paragraphs.filter((p) => p.source.startsWith('extracted'));
    const extractedSeen = seen.filter((p) => p.source.startsWith('extracted'));
    expect(extractedSeen.length / Math.max(1, extracted.length)).toBeGreaterThan(0.9);
  });
});
