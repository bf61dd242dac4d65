/**
 * Extraction copies a page without what cleanup takes (`copyWithout`) instead of deep-copying it
 * and then cutting. The copy must be exactly what the old way left: on every bench page, its
 * markup equals a deep copy cleaned in `remove` mode, and an empty plan copies the page whole.
 */
import { describe, expect, it } from 'vitest';
import { cleanPage, copyWithout, planCleanup } from '../../src/core/clean';
import { parseHtml, readHtmlFile } from '../../src/node/load';
import { benchPages } from '../../src/eval/bench-pages';
import { CORPUS_DIR, corpusAvailable } from '../helpers/corpus';

const markup = (doc: Document) => doc.toString();

describe('copyWithout on hand-made markup', () => {
  const html =
    '<!doctype html><html><head><title>t</title></head><body>' +
    '<div id="ad">ad</div><p>[an error occurred while processing this directive]Story.</p>' +
    '<ul><li>one</li><li id="promo">promo<b>x</b></li></ul></body></html><!-- after -->';

  it('leaves out taken elements and makes the cuts, on a copy', () => {
    const doc = parseHtml(html);
    const text = doc.querySelector('p')!.firstChild as Text;
    const taken = new Map<Element, 'ad' | 'promo'>([
      [doc.getElementById('ad')!, 'ad'],
      [doc.getElementById('promo')!, 'promo'],
    ]);
    const holders = new Set<Node>();
    for (const node of [...taken.keys(), text])
      for (let p = node.parentNode; p; p = p.parentNode) holders.add(p);
    const copy = copyWithout(doc, { taken, cuts: new Map([[text, 'Story.']]), holders });
    expect(markup(copy)).toBe(
      '<!DOCTYPE html><html><head><title>t</title></head><body>' +
        '<p>Story.</p><ul><li>one</li></ul></body></html><!-- after -->',
    );
    expect(markup(doc)).toBe(markup(parseHtml(html)));
  });
});

describe.skipIf(!corpusAvailable)('copyWithout on the bench pages', () => {
  const pages = corpusAvailable ? benchPages(CORPUS_DIR) : [];

  it(`equals a cleaned deep copy on all ${pages.length} pages`, () => {
    expect(pages.length).toBeGreaterThan(300);
    const differ: string[] = [];
    for (const page of pages) {
      const doc = parseHtml(readHtmlFile(page.path));
      const none = { taken: new Map(), cuts: new Map(), holders: new Set<Node>() };
      if (markup(copyWithout(doc, none)) !== markup(doc)) differ.push(`${page.id} (whole)`);
      const plan = planCleanup(doc, page.url);
      const old = doc.cloneNode(true) as Document;
      cleanPage(old, page.url, { mode: 'remove', detection: plan.detection });
      if (markup(copyWithout(doc, plan)) !== markup(old)) differ.push(page.id);
    }
    expect(differ).toEqual([]);
  }, 240_000);
});
