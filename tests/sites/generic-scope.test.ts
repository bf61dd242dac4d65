/**
 * The generic reader reads only the article a page declares (src/sites/generic-scope.ts): a
 * smaller copy for Readability, the same choice of story. Checked on hand-made pages for each
 * rule, and on every bench page against a read of the whole page.
 */
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/core';
import { extractArticleWith } from '../../src/core/pipeline';
import { copyWithout } from '../../src/core/clean';
import { indexDocument } from '../../src/core/query-index';
import type { Article } from '../../src/core/types';
import { parseHtml, readHtmlFile } from '../../src/node/load';
import { genericReader } from '../../src/sites/generic';
import { articleScope } from '../../src/sites/generic-scope';
import { benchPages } from '../../src/eval/bench-pages';
import { f1 } from '../../src/eval/metric';
import { CORPUS_DIR, corpusAvailable } from '../helpers/corpus';
import { planTaking } from '../helpers/plan';

const URL = 'https://news.example.org/2024/05/story.html';
const NOW = new Date('2024-05-01T00:00:00Z');

const story = (n: number) =>
  Array.from(
    { length: n },
    (_, i) =>
      `<p>Story paragraph ${i + 1}: the council voted on Tuesday to keep the harbour open through ` +
      `the winter, after fishermen, traders and the ferry company asked it to reconsider.</p>`,
  ).join('');
const rail = (n: number) =>
  Array.from(
    { length: n },
    (_, i) =>
      `<p>Rail item ${i + 1}: a different story about a bake sale, told at some length so that it ` +
      `counts for something when paragraphs are weighed.</p>`,
  ).join('');

function page(body: string, head = '<title>Harbour stays open</title>'): Document {
  return parseHtml(
    `<!doctype html><html lang="en"><head>${head}</head><body>${body}</body></html>`,
  );
}

/** The scope `articleScope` finds in `doc`, read as the pipeline reads it (indexed). */
function scopeOf(doc: Document) {
  const index = indexDocument(doc);
  try {
    return articleScope(doc.body);
  } finally {
    index.release();
  }
}

/** The same pipeline, reading the whole page (the reader as it was before scoping). */
const wholePage = { ...genericReader, scope: () => null };

describe('which part of a page is read', () => {
  it('the one <article>, when it holds the story', () => {
    const doc = page(`<nav><a href="/">Home</a></nav><article>${story(6)}</article>${rail(3)}`);
    expect(scopeOf(doc)?.element.localName).toBe('article');
  });

  it('nothing narrower when the only <article> is a teaser beside the story', () => {
    const doc = page(
      `<div class="story">${story(6)}</div><article class="teaser">${rail(1)}</article>`,
    );
    expect(scopeOf(doc)).toBeNull();
  });

  it('nothing narrower on a page of several <article> cards, unless another element declares it', () => {
    const cards = `<article>${rail(1)}</article><article>${rail(1)}</article>`;
    expect(scopeOf(page(cards))).toBeNull();
    const main = scopeOf(page(`${cards}<main>${story(4)}</main>`));
    expect(main?.element.localName).toBe('main');
  });

  it('keeps the byline above the article and the page metadata in the body, in page order', () => {
    const doc = page(
      `<meta property="og:title" content="Harbour stays open">` +
        `<div class="byline">By Jane Roe</div>` +
        `<article>${story(5)}</article>` +
        `<script type="application/ld+json">{"@type":"NewsArticle"}</script><script>var x;</script>`,
    );
    const scope = scopeOf(doc)!;
    expect(scope.keep.map((el) => el.localName + (el.className ? '.' + el.className : ''))).toEqual(
      ['meta', 'div.byline'],
    );
    expect(scope.after.map((el) => el.getAttribute('type'))).toEqual(['application/ld+json']);
  });

  it('puts what it keeps on the side of the article it stands on, whatever its depth', () => {
    // (linkedom's compareDocumentPosition orders by depth: a shallow <meta> after a deep
    // article came out "before" it.)
    const doc = page(
      `<div><div class="author"><span>By Jane Roe</span></div></div>` +
        `<div><div><article>${story(5)}</article></div></div>` +
        `<meta name="late" content="1"><div class="byline">By A. Box</div>`,
    );
    const scope = scopeOf(doc)!;
    expect(scope.keep.map((el) => el.className)).toEqual(['author']);
    expect(scope.after.map((el) => el.getAttribute('name') ?? el.className)).toEqual([
      'late',
      'byline',
    ]);
  });

  it('passes over bylines Readability would not meet: hidden, or inside comments', () => {
    const doc = page(
      `<div class="author" style="display: none">Hidden Name</div>` +
        `<div class="comments"><span class="author">A. Commenter</span></div>` +
        `<p class="byline">By Jane Roe</p><article>${story(5)}</article>`,
    );
    expect(scopeOf(doc)!.keep.map((el) => el.textContent)).toEqual(['By Jane Roe']);
  });
});

describe('copyWithout with a scope', () => {
  it('copies the head, the article whole, its ancestors bare and the kept elements', () => {
    const html =
      '<!doctype html><html><head><title>t</title></head><body>' +
      '<header><div class="byline">By A</div><nav>menu</nav></header>' +
      '<div id="wrap"><aside>rail</aside><article><p>one</p><div id="ad">ad</div></article>' +
      '<footer>foot</footer></div><script type="application/ld+json">{}</script></body></html>';
    const doc = parseHtml(html);
    const copy = copyWithout(doc, planTaking(new Map([[doc.getElementById('ad')!, 'ad']])), {
      element: doc.querySelector('article')!,
      keep: [doc.querySelector('.byline')!],
      after: [doc.querySelector('script')!],
    });
    expect(copy.toString()).toBe(
      '<!DOCTYPE html><html><head><title>t</title></head><body>' +
        '<div class="byline">By A</div><div id="wrap"><article><p>one</p></article></div>' +
        '<script type="application/ld+json">{}</script></body></html>',
    );
    expect(doc.toString()).toBe(parseHtml(html).toString());
  });

  it('copies the whole page when the plan takes the scope', () => {
    const doc = parseHtml('<html><head></head><body><p>a</p><article>b</article></body></html>');
    const article = doc.querySelector('article')!;
    const copy = copyWithout(doc, planTaking(new Map([[article, 'ad']])), {
      element: article,
      keep: [],
      after: [],
    });
    expect(copy.toString()).toBe('<html><head></head><body><p>a</p></body></html>');
  });
});

describe('reading within the scope', () => {
  it('finds the byline above the article, as a read of the whole page does', () => {
    const doc = page(
      `<header><h1>Harbour stays open</h1><div class="byline">By Jane Roe</div></header>` +
        `<article>${story(6)}</article>`,
    );
    expect(scopeOf(doc)).not.toBeNull();
    const scoped = extractArticle(doc, URL, { now: NOW });
    expect(scoped.authors).toEqual([{ name: 'Jane Roe' }]);
    expect(scoped).toEqual(extractArticleWith(wholePage, doc, URL, { now: NOW }));
  });

  it('measures the byline as Readability will, without the white space the reader drops', () => {
    // 109 characters with the indentation between its blocks, 18 without: Readability reads
    // the reader's lean copy, which has none of that white space, and so takes it as a byline.
    const indent = `\n${' '.repeat(90)}`;
    const byline =
      `<footer class="byline">${indent}<div><a href="/by/jane">Jane Roe</a></div>` +
      `${indent}<div>1 May 2024</div>${indent}</footer>`;
    const doc = page(
      `<header><h1>Harbour stays open</h1>${byline}</header><article>${story(6)}</article>`,
    );
    expect(doc.querySelector('footer')!.textContent!.trim().length).toBeGreaterThan(100);
    expect(scopeOf(doc)).not.toBeNull();
    const scoped = extractArticle(doc, URL, { now: NOW });
    expect(scoped.authors).toEqual([{ name: 'Jane Roe' }]);
    expect(scoped).toEqual(extractArticleWith(wholePage, doc, URL, { now: NOW }));
  });

  it('reads the whole page when the declared article gives the reader nothing', () => {
    // Its paragraphs are hidden: they count as text, but Readability drops them.
    const hidden = story(8).replaceAll('<p>', '<p hidden>');
    const doc = page(`<div>${story(4)}</div><article>${hidden}</article>`);
    expect(scopeOf(doc)?.element.localName).toBe('article');
    const article = extractArticle(doc, URL, { now: NOW });
    expect(article.text).toContain('Story paragraph 4: the council voted');
  });
});

describe.skipIf(!corpusAvailable)('reading within the scope, on every bench page', () => {
  const pages = corpusAvailable ? benchPages(CORPUS_DIR).filter((p) => !p.bbc) : [];
  const read = (reader: typeof genericReader, doc: Document, url: string): Article | null => {
    try {
      return extractArticleWith(reader, doc, url, { now: NOW });
    } catch {
      return null;
    }
  };
  const facts = (a: Article | null) =>
    a && {
      title: a.title,
      authors: a.authors,
      published: a.published,
      modified: a.modified,
      siteName: a.siteName,
      language: a.language,
      canonicalUrl: a.canonicalUrl,
    };

  it('gives the same title, authors and dates as the whole page, and text at least as good', () => {
    let scoped = 0;
    const factsDiffer: string[] = [];
    const worse: string[] = [];
    for (const p of pages) {
      const doc = parseHtml(readHtmlFile(p.path));
      if (!scopeOf(doc)) continue;
      scoped++;
      const part = read(genericReader, doc, p.url);
      const whole = read(wholePage, doc, p.url);
      if (JSON.stringify(facts(part)) !== JSON.stringify(facts(whole))) factsDiffer.push(p.id);
      if (p.score) {
        const a = p.score(whole?.text ?? '');
        const b = p.score(part?.text ?? '');
        if (f1(b.precision ?? 0, b.recall ?? 0) < f1(a.precision ?? 0, a.recall ?? 0) - 0.01)
          worse.push(p.id);
      }
    }
    // 207 of the 308 pages that are not BBC pages when this was written.
    expect(scoped).toBeGreaterThan(150);
    expect(factsDiffer).toEqual([]);
    expect(worse).toEqual([]);
  }, 120_000);

  it('thehill.com: the site’s address and copyright under the story are no longer read', () => {
    const p = pages.find((q) => q.id.startsWith('6ebac05f'))!;
    const article = extractArticle(parseHtml(readHtmlFile(p.path)), p.url, { now: NOW });
    const truth = p.score!(article.text);
    expect(f1(truth.precision!, truth.recall!)).toBeGreaterThan(0.99);
    expect(article.text).not.toContain('1625 K Street');
  });
});
