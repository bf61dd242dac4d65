/**
 * Extraction copies a page without what cleanup takes (`copyWithout`) instead of deep-copying it
 * and then cutting. The copy must be exactly what the old way left: on every bench page, its
 * markup equals a deep copy cleaned in `remove` mode, and an empty plan copies the page whole.
 * The generic reader's lean copy leaves out comments, scripts, styles and the white space between
 * blocks, and nothing a reader sees: on every bench page its text, spaced as a reader sees it,
 * is the full copy's.
 */
import { describe, expect, it } from 'vitest';
import { cleanPage, copyWithout, planCleanup } from '../../src/core/clean';
import { parseHtml, readHtmlFile } from '../../src/node/load';
import { benchPages } from '../../src/eval/bench-pages';
import { bodyOf, isJsonLd } from '../../src/core/dom';
import { collapse } from '../../src/core/text';
import { spacedText } from '../../src/core/view';
import { CORPUS_DIR, corpusAvailable } from '../helpers/corpus';
import { planTaking } from '../helpers/plan';

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
    const copy = copyWithout(doc, planTaking(taken, new Map([[text, 'Story.']])));
    expect(markup(copy)).toBe(
      '<!DOCTYPE html><html><head><title>t</title></head><body>' +
        '<p>Story.</p><ul><li>one</li></ul></body></html><!-- after -->',
    );
    expect(markup(doc)).toBe(markup(parseHtml(html)));
  });

  it('leaves out, in a lean copy, what no reader of the article reads', () => {
    const page =
      '<!doctype html><html><head>\n<title>t</title>\n<style>p { color: red }</style>' +
      '<script>var a;</script> <script type="application/ld+json">{}</script>\n</head><body>\n' +
      '<!-- story -->\n<div id="ad">ad</div>\n' +
      '<p>Story <a>one</a> <a>two</a><a> </a>three <!-- x --> <b>four</b></p>\n' +
      '<ul>\n  <li>a</li>\n  <li>b <i>c</i></li>\n</ul>\n' +
      '<pre>\n<div>x</div>\n<div>y</div>\n</pre>\n<div>\u00a0</div>\n<span> </span>\n</body></html>';
    const doc = parseHtml(page);
    const plan = planTaking(new Map([[doc.getElementById('ad')!, 'ad']]));
    // Kept: JSON-LD; the spaces beside and inside inline elements, a comment's place in a line
    // (its spaces, not the comment); the white space in <pre>, in its blocks too; a no-break
    // space, which is text.
    expect(markup(copyWithout(doc, plan, null, { lean: true }))).toBe(
      '<!DOCTYPE html><html><head><title>t</title>' +
        '<script type="application/ld+json">{}</script></head><body>' +
        '<p>Story <a>one</a> <a>two</a><a> </a>three  <b>four</b></p>' +
        '<ul><li>a</li><li>b <i>c</i></li></ul>' +
        '<pre>\n<div>x</div>\n<div>y</div>\n</pre><div>&#160;</div>\n<span> </span>\n</body></html>',
    );
    expect(markup(doc)).toBe(markup(parseHtml(page)));
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

  it(`leaves nothing a reader sees out of a lean copy, on all ${pages.length} pages`, () => {
    expect(pages.length).toBeGreaterThan(300);
    const unread = (el: Element) =>
      el.localName === 'style' || (el.localName === 'script' && !isJsonLd(el));
    // As a reader sees it; a space before punctuation is a block's edge spacedText runs on
    // only when no white space stands between the two.
    const seen = (doc: Document) =>
      collapse(spacedText(bodyOf(doc)!, unread)).replace(/ (?=[.,;:!?…)\]’”])/g, '');
    const elements = (doc: Document) =>
      Array.from(doc.querySelectorAll('*')).filter((el) => !unread(el)).length;
    const differ: string[] = [];
    let full = 0;
    let lean = 0;
    for (const page of pages) {
      const doc = parseHtml(readHtmlFile(page.path));
      const plan = planCleanup(doc, page.url);
      const [a, b] = [copyWithout(doc, plan), copyWithout(doc, plan, null, { lean: true })];
      if (!bodyOf(a)) continue;
      if (seen(a) !== seen(b) || elements(a) !== elements(b)) differ.push(page.id);
      full += nodes(a);
      lean += nodes(b);
    }
    expect(differ).toEqual([]);
    // README, "How extraction works": 29% of the nodes (without a cleanup plan).
    expect(lean / full).toBeLessThan(0.8);
  }, 240_000);
});

function nodes(doc: Document): number {
  let count = 0;
  const stack: Node[] = [doc];
  while (stack.length) {
    const node = stack.pop()!;
    count++;
    for (let child = node.firstChild; child; child = child.nextSibling) stack.push(child);
  }
  return count;
}
