/**
 * Regular expressions on page text in bounded time. A pattern that can match one stretch of
 * text in many ways backtracks through all of them before it fails: on a line a hostile (or
 * merely odd) page can print, some of ours took seconds to minutes. Each input here has the shape
 * that made one of them slow, found by checking every pattern of src/ with the `recheck` ReDoS
 * analyser; the figure beside each is the old pattern's time on this machine. Each now takes a few
 * milliseconds; the bound is one second.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanPage } from '../../src/core';
import { koreanFiledDate } from '../../src/core/dates';
import { jsonLd } from '../../src/core/dom';
import { parseHtml } from '../../src/node/load';
import { furnitureReason } from '../../src/sites/generic-filters';

const BOUND_MS = 1_000;

/** `fn`'s result and how long it took. */
function timed<T>(fn: () => T): { value: T; ms: number } {
  const start = performance.now();
  const value = fn();
  return { value, ms: performance.now() - start };
}

const CLASSIC_URL = 'http://news.bbc.co.uk/1/hi/world/europe/6658741.stm';
const CLASSIC = readFileSync(
  resolve(import.meta.dirname, '../fixtures/bbc-classic--2007-no-breakthrough/page.html'),
  'latin1',
);

describe('furniture lines', () => {
  it.each([
    // A tag line's label, then a run of spaces and commas with no list in it: 16.7 s.
    ['a "Tags" line of commas', 'Tags ' + ' '.repeat(200) + ','.repeat(400) + '!'],
    // Labelled addresses whose labels and addresses can be cut apart two ways each: 83 s.
    ['a row of labelled addresses', 'h:http://\0' + 's:http://:ptAh AAh'.repeat(24) + '\0'],
    // "of" between runs of tabs, as in "Image 3 of 12": 15.6 s.
    ['a picture count between tabs', '\t'.repeat(3001) + 'OF' + '\t'.repeat(3001) + '0OF0'],
  ])('%s', (_, line) => {
    const { value, ms } = timed(() => furnitureReason(line));
    expect(value).toBeNull();
    expect(ms).toBeLessThan(BOUND_MS);
  });

  it('still knows the lines those patterns are for', () => {
    expect(furnitureReason('Tags calendario stock car 2018, stock car brasil, stock car')).toBe(
      'tag list',
    );
    expect(furnitureReason('Filed under: Khawarij')).toBe('tag list');
    expect(
      furnitureReason(
        'Listen: http://po.st/TP_615 Download: http://po.st/TP_616 iTunes: http://po.st/TP_617',
      ),
    ).toBe('promo link');
    expect(furnitureReason('Image 3 of 12')).not.toBeNull();
    expect(furnitureReason('3 of / 12')).not.toBeNull();
  });
});

describe('dates', () => {
  // A Korean "filed" label, then thousands of tabs before a date that never comes: 20 s. The
  // pattern reads the whole body's text of any page that has the label.
  it('a Korean filed-date label followed by a long run of white space', () => {
    const text = '입력\t' + '\t'.repeat(4000) + '-0\t0:00';
    const { value, ms } = timed(() => koreanFiledDate(text));
    expect(value).toBeNull();
    expect(ms).toBeLessThan(BOUND_MS);
    expect(koreanFiledDate('기사입력 :[ 2018-08-25 15:24 ]')).toBe('2018-08-25T06:24:00Z');
  });
});

describe('JSON-LD', () => {
  // The end of a comment wrapper looked for after runs of tabs: 10.6 s on 6 KB.
  it('a script that is neither JSON nor wrapped, with long runs of tabs', () => {
    const text = '\t'.repeat(3000) + '-->' + '\t'.repeat(3000) + ']-->';
    const doc = parseHtml(
      `<html><head><script type="application/ld+json">${text}</script></head><body></body></html>`,
    );
    const { value, ms } = timed(() => jsonLd(doc));
    expect(value).toEqual([]);
    expect(ms).toBeLessThan(BOUND_MS);
  });

  it('still reads JSON-LD wrapped in a comment or CDATA', () => {
    for (const [open, close] of [
      ['<!--', '-->'],
      ['//<![CDATA[', '//]]>'],
      ['/*<![CDATA[*/', '/*]]>*/'],
    ]) {
      const doc = parseHtml(
        `<html><head><script type="application/ld+json">\n${open}\n{"@type":"NewsArticle","headline":"Wrapped"}\n${close}\n  </script></head><body></body></html>`,
      );
      expect(jsonLd(doc).map((d) => d.headline)).toEqual(['Wrapped']);
    }
  });
});

describe('cleanup of a BBC page', () => {
  // 50,000 escaped `<!--#include` openings that never close: each read to the end of the text
  // looking for its `-->`. Cleanup (the content script's work on load) took 12.4 s.
  it('50,000 unclosed server-side include openings in the story', () => {
    const text = '&lt;!--#include virtual="/x" '.repeat(50_000);
    const doc = parseHtml(CLASSIC.replace('<!-- E BO -->', `<p>${text}</p><!-- E BO -->`));
    const { value, ms } = timed(() => {
      const report = cleanPage(doc, CLASSIC_URL);
      report.undo();
      return report.counts.directive;
    });
    // The page's own broken directive is still found.
    expect(value).toBe(1);
    expect(ms).toBeLessThan(BOUND_MS);
  });

  // Hiding an element ends its style with `;` first: a style of 200,000 spaces and a letter
  // took 19 s (the masthead is hidden on every classic story).
  it('a hidden element whose style is 200,000 spaces and a letter', () => {
    const style = `color:red;${' '.repeat(200_000)}x`;
    const doc = parseHtml(CLASSIC.replace('id="blq-mast"', `id="blq-mast" style="${style}"`));
    const { value, ms } = timed(() => {
      const report = cleanPage(doc, CLASSIC_URL);
      const hidden = doc.getElementById('blq-mast')!.getAttribute('style');
      report.undo();
      return hidden;
    });
    expect(value).toBe(`${style};display:none !important`);
    expect(doc.getElementById('blq-mast')!.getAttribute('style')).toBe(style);
    expect(ms).toBeLessThan(BOUND_MS);
  });
});
