/**
 * `hide` mode is what the extension does to a live page: it must detach nothing (page scripts
 * keep their nodes) and undo must give back the exact page. Every BBC page of the corpus, and a
 * spread of 30 others.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseHtml, readHtmlFile } from '../../src/node/load';
import { corpusAvailable, corpusPath, loadCorpusPage } from '../helpers/corpus';
import { cleanPage, HIDDEN_ATTR, restoreHidden } from '../../src/core';
import { allNodes, nodesMoved, serialize } from './clean-helpers';

function corpusPages(): { bbc: string[][]; others: string[][] } {
  const bbc: string[][] = [];
  const others: string[][] = [];
  for (const f of readdirSync(corpusPath('web-page-parser/bbc_news')).sort()) {
    bbc.push(['web-page-parser/bbc_news', f]);
  }
  bbc.push(['readability-test-pages/bbc-1', 'source.html']);
  for (const id of ['70cb2d5b', 'c7e39ac4']) {
    const f = readdirSync(corpusPath('article-extraction-benchmark/html')).find((n) =>
      n.startsWith(id),
    )!;
    bbc.push(['article-extraction-benchmark/html', f]);
  }
  bbc.push(['newspaper4k/html', 'burmese_article.html']);
  // Every sixth benchmark page and every eighth Readability page: 30 from many sites.
  const bench = readdirSync(corpusPath('article-extraction-benchmark/html')).sort();
  for (let i = 0; i < bench.length && others.length < 15; i += 6) {
    others.push(['article-extraction-benchmark/html', bench[i]!]);
  }
  const rtp = readdirSync(corpusPath('readability-test-pages'), { withFileTypes: true })
    .filter((d) => d.isDirectory() && d.name !== 'bbc-1')
    .map((d) => d.name)
    .sort();
  for (let i = 0; i < rtp.length && others.length < 30; i += 8) {
    others.push([`readability-test-pages/${rtp[i]}`, 'source.html']);
  }
  return { bbc, others };
}

describe.skipIf(!corpusAvailable)('cleanPage in hide mode', () => {
  const { bbc, others } = corpusAvailable ? corpusPages() : { bbc: [], others: [] };

  it('covers every BBC corpus page and 30 others', () => {
    expect(bbc.length).toBe(27);
    expect(others.length).toBe(30);
  });

  it.each([...bbc, ...others].map((p) => [p.join('/'), p] as const))(
    '%s: detaches nothing and undoes exactly',
    (_name, parts) => {
      const doc = loadCorpusPage(...parts);
      const html = serialize(doc);
      const nodes = allNodes(doc);
      const report = cleanPage(doc, 'https://example.com/page');
      expect(nodesMoved(nodes, allNodes(doc))).toBe(0);
      if (parts[0]!.includes('bbc')) expect(report.removals.length).toBeGreaterThan(0);
      // Each thing hidden is one removal: no hidden element inside another, and the count the
      // reader is shown is the number of hidden elements and cut texts.
      const hidden = Array.from(doc.querySelectorAll(`[${HIDDEN_ATTR}]`));
      const nested = hidden.filter((el) => el.parentElement?.closest(`[${HIDDEN_ATTR}]`));
      expect(nested.map((el) => `${el.tagName}#${el.id}.${el.className}`)).toEqual([]);
      const cut = report.removals.filter((r) => r.kind === 'directive').length;
      expect(report.removals.length - cut).toBe(hidden.length);
      report.undo();
      expect(serialize(doc)).toBe(html);
      // Undo twice is harmless.
      report.undo();
      expect(serialize(doc)).toBe(html);
    },
  );

  it.each([...bbc, ...others].map((p) => [p.join('/'), p] as const))(
    '%s: the marks it leaves in the page alone restore it exactly',
    (_name, parts) => {
      // What a content script does on finding a page cleaned by one its extension has since
      // replaced: the report (and its undo) went with the old script.
      const doc = loadCorpusPage(...parts);
      const html = serialize(doc);
      const report = cleanPage(doc, 'https://example.com/page');
      const cuts = report.removals.filter((r) => r.kind === 'directive').length;
      expect(restoreHidden(doc)).toBeGreaterThanOrEqual(report.removals.length - cuts);
      expect(serialize(doc)).toBe(html);
    },
  );

  it('puts back cut text from the marks too: the 2007 story’s broken directive', () => {
    const doc = parseHtml(
      readHtmlFile(
        resolve(import.meta.dirname, '../fixtures/bbc-classic--2007-no-breakthrough/page.html'),
      ),
    );
    const html = serialize(doc);
    const directive = '[an error occurred while processing this directive]';
    expect(doc.body!.textContent).toContain(directive);
    cleanPage(doc, 'http://news.bbc.co.uk/1/hi/world/europe/6658741.stm');
    expect(doc.body!.textContent).not.toContain(directive);
    expect(doc.querySelectorAll('[data-broadsheet-cut]')).toHaveLength(1);
    restoreHidden(doc);
    expect(serialize(doc)).toBe(html);
  });

  it('undoes exactly a page that writes the marks itself, and restoring from them never throws', () => {
    const doc = parseHtml(
      readHtmlFile(
        resolve(import.meta.dirname, '../fixtures/bbc-classic--2007-no-breakthrough/page.html'),
      ),
    );
    // Page-written marks: not JSON, JSON of the wrong shape, a stale style.
    doc.body!.setAttribute('data-broadsheet-cut', '{"not": "a list"');
    for (const [i, el] of Array.from(doc.querySelectorAll('td, div')).entries())
      el.setAttribute(
        i % 2 ? 'data-broadsheet-cut' : 'data-broadsheet-style',
        i % 2 ? '[["x"], 3, null]' : 'color: red',
      );
    const html = serialize(doc);
    const report = cleanPage(doc, 'http://news.bbc.co.uk/1/hi/world/europe/6658741.stm');
    expect(report.removals.length).toBeGreaterThan(0);
    report.undo();
    expect(serialize(doc)).toBe(html);
    cleanPage(doc, 'http://news.bbc.co.uk/1/hi/world/europe/6658741.stm');
    expect(() => restoreHidden(doc)).not.toThrow();
    expect(doc.body!.textContent).toContain('[an error occurred while processing this directive]');
  });

  it('leaves no marks in remove mode (the CLI writes that page out)', () => {
    const doc = loadCorpusPage('web-page-parser/bbc_news', '8011268.stm.html');
    const report = cleanPage(doc, 'https://example.com/page', { mode: 'remove' });
    expect(report.removals.length).toBeGreaterThan(0);
    expect(serialize(doc)).not.toMatch(/data-broadsheet-/);
  });
});
