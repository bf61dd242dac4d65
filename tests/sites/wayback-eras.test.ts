/**
 * Every BBC page of the corpus, of every era, read inside a Wayback Machine capture (made as
 * web.archive.org replays one: tests/helpers/wayback-capture.ts) must give what the page itself
 * gives: the same layout, the same cleanup of the page, the same article. Researchers read old
 * BBC stories through the Wayback Machine far more often than on the BBC's own archive.
 */
import { describe, expect, it } from 'vitest';
import { readHtmlFile, parseHtml } from '../../src/node/load';
import { cleanPage, detectLayout, extractArticle } from '../../src/core';
import { benchPages } from '../../src/eval/bench-pages';
import { CORPUS_DIR, corpusAvailable } from '../helpers/corpus';
import { captureUrl, makeCapture } from '../helpers/wayback-capture';
import { visibleText } from '../core/clean-helpers';

/** The bench's BBC pages that are the BBC's own (the rebuilt capture is tested in wayback.test). */
const pages = corpusAvailable
  ? benchPages(CORPUS_DIR).filter((p) => p.bbc && !p.url.includes('web.archive.org'))
  : [];

const NOW = new Date('2024-03-03T10:42:07Z');

/** A capture made ten minutes after the story was published (or in 2015 where it gives no date). */
function captureOf(path: string, url: string) {
  const html = readHtmlFile(path);
  const published = extractArticle(parseHtml(html), url, { now: NOW }).published;
  const at = new Date(Date.parse(published ?? '2015-06-01T12:00:00Z') + 10 * 60_000);
  const timestamp = at.toISOString().replace(/\D/g, '').slice(0, 14);
  const options = { original: url, timestamp };
  return { html, capture: makeCapture(html, options), address: captureUrl(options), at };
}

/** What a reader sees of a cleaned page, as lines, without Wayback's own. */
function cleanedLines(doc: Document, url: string): string[] {
  cleanPage(doc, url);
  return visibleText(doc.body)
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
}

describe.skipIf(!corpusAvailable)('BBC pages of every era inside a Wayback capture', () => {
  it('covers every era', () => {
    const layouts = new Set(
      pages.map((p) => detectLayout(parseHtml(readHtmlFile(p.path)), p.url).layout),
    );
    expect([...layouts].sort()).toEqual(['bbc-classic', 'bbc-modern', 'bbc-story-body']);
    expect(pages.length).toBeGreaterThanOrEqual(25);
  });

  it.each(pages.map((p) => [p.id, p.path, p.url] as const))(
    '%s: same layout, same cleaned page, same article',
    (_id, path, url) => {
      const { html, capture, address, at } = captureOf(path, url);

      const direct = detectLayout(parseHtml(html), url);
      const inCapture = detectLayout(parseHtml(capture), address);
      expect(inCapture.layout).toBe(direct.layout);
      expect(inCapture.archive).toEqual({
        service: 'wayback',
        url: address,
        originalUrl: url,
        capturedAt: at.toISOString().replace(/\.\d+Z$/, 'Z'),
      });

      // The toolbar and the print notice go too; everything else is cleaned as on the BBC.
      expect(cleanedLines(parseHtml(capture), address)).toEqual(cleanedLines(parseHtml(html), url));

      const fromCapture = extractArticle(parseHtml(capture), address, { now: NOW });
      const fromPage = extractArticle(parseHtml(html), url, { now: NOW });
      expect(fromCapture.url).toBe(url);
      expect(fromCapture.archive?.url).toBe(address);
      const same = (a: typeof fromPage) => ({ ...a, archive: null, removed: null });
      expect(same(fromCapture)).toEqual(same(fromPage));
    },
  );
});
