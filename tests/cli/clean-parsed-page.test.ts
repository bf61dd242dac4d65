/**
 * The CLI cleans with `cleanParsedPage` (src/node/clean.ts), which plans on an index of the page;
 * the content script cleans with core's `cleanPage`. On every BBC page of the corpus both must
 * leave the same page, report the same removals with the same texts, and undo exactly.
 */
import { describe, expect, it } from 'vitest';
import { cleanPage } from '../../src/core';
import { cleanParsedPage } from '../../src/node/clean';
import { parseHtml, readHtmlFile } from '../../src/node/load';
import { bbcCorpusPages, corpusAvailable, corpusPath } from '../helpers/corpus';

const html = (doc: Document) => doc.documentElement.outerHTML;

describe.skipIf(!corpusAvailable)('cleanParsedPage against cleanPage', () => {
  const pages = corpusAvailable ? bbcCorpusPages() : [];

  it('covers the BBC pages of the corpus', () => {
    expect(pages.length).toBe(26);
  });

  it.each(pages)('%s: same page, same report, exact undo', (path, url) => {
    const source = readHtmlFile(corpusPath(path));
    for (const mode of ['hide', 'remove'] as const) {
      const plain = parseHtml(source);
      const indexed = parseHtml(source);
      const before = html(plain);
      const a = cleanPage(plain, url, { mode });
      const b = cleanParsedPage(indexed, url, { mode });
      expect(b.removals.length).toBeGreaterThan(0);
      expect(b.withTexts()).toEqual(a.withTexts());
      expect(b.detection).toEqual(a.detection);
      expect(html(indexed)).toBe(html(plain));
      expect(html(indexed)).not.toBe(before);
      b.undo();
      expect(html(indexed)).toBe(before);
    }
  });
});
