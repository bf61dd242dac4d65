/**
 * `hide` mode is what the extension does to a live page: it must detach nothing (page scripts
 * keep their nodes) and undo must give back the exact page. Every BBC page of the corpus, and a
 * spread of 30 others.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { corpusAvailable, corpusPath, loadCorpusPage } from '../helpers/corpus';
import { cleanPage } from '../../src/core';
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
      report.undo();
      expect(serialize(doc)).toBe(html);
      // Undo twice is harmless.
      report.undo();
      expect(serialize(doc)).toBe(html);
    },
  );
});
