/**
 * broken-directives reads the page's text nodes through a TreeWalker where the DOM has one, and
 * otherwise counts hints in the native text first and walks the nodes only when text outside
 * scripts and styles may hold a directive. These pages put hints inside scripts, beside them and
 * across them, so that a wrong shortcut would miss a directive or find one in a script.
 */
import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { parseHtml } from '../../src/node/load';
import { cleanPage } from '../../src/core';

const URL_ = 'https://example.com/story';
const SSI_ERROR = '[an error occurred while processing this directive]';

/** A DOM with no TreeWalker: the step falls back to counting hints and walking the nodes. */
function withoutTreeWalker(doc: Document): Document {
  Object.defineProperty(doc, 'createTreeWalker', { value: undefined });
  return doc;
}

const parsers: [string, (html: string) => Document][] = [
  ['linkedom', (html) => parseHtml(html)],
  ['jsdom', (html) => new JSDOM(html).window.document],
  ['linkedom without a TreeWalker', (html) => withoutTreeWalker(parseHtml(html))],
];

const page = (body: string) =>
  `<!doctype html><html><head><title>t</title></head><body>${body}</body></html>`;

describe.each(parsers)('broken directives in %s', (_name, parse) => {
  const removals = (body: string) =>
    cleanPage(parse(page(body)), URL_).removals.filter((r) => r.kind === 'directive');

  it('finds nothing when every hint is in a script, a style or a textarea', () => {
    expect(
      removals(
        `<script><!--\nvar x = "esi:"; // ${SSI_ERROR}\n//--></script><style>/* <!-- */</style>` +
          `<textarea>${SSI_ERROR}</textarea><p>Plain story text.</p>`,
      ),
    ).toEqual([]);
  });

  it('still cuts a directive in the text when scripts hold hints too', () => {
    const found = removals(
      `<script><!--\nvar a = 1;\n//--></script><p>Before ${SSI_ERROR} after</p><script>// directive</script>`,
    );
    expect(found.map((r) => r.rule)).toEqual(['broken-directives/text']);
  });

  it('cuts a directive that starts right after a script ends', () => {
    const found = removals(`<div><script>var s = "<!-"</script>${SSI_ERROR}</div>`);
    expect(found.map((r) => r.rule)).toEqual(['broken-directives/text']);
  });

  it('cuts a directive whose text a script appended in pieces, split inside its hint', () => {
    const doc = parse(page('<p id="story">Story.</p>'));
    const p = doc.getElementById('story')!;
    // "direct" + "i" + "ve]": the hint `directive` spans three nodes, the middle one a letter.
    for (const piece of [' [an error occurred while processing this direct', 'i', 've] after'])
      p.appendChild(doc.createTextNode(piece));
    const found = cleanPage(doc, URL_).removals.filter((r) => r.kind === 'directive');
    expect(found.map((r) => r.rule)).toEqual(Array(3).fill('broken-directives/text'));
    expect(found.map((r) => r.text).join('')).toBe(SSI_ERROR);
  });

  it.each([
    [
      'an SSI element split inside `<!--`',
      ['Story <!-', '-#include virtual="/inc/x.ssi" --> after'],
    ],
    ['an ESI tag split inside `esi:`', ['Story <es', 'i:include src="/fragment"/> after']],
    ['an ESI tag split after its colon', ['Story <esi', ':', 'include src="/fragment"/> after']],
  ])('cuts %s across appended text nodes', (_what, pieces) => {
    const doc = parse(page('<p id="story"></p>'));
    const p = doc.getElementById('story')!;
    for (const piece of pieces) p.appendChild(doc.createTextNode(piece));
    const found = cleanPage(doc, URL_).removals.filter((r) => r.kind === 'directive');
    expect(found.map((r) => r.rule)).toEqual(Array(pieces.length).fill('broken-directives/text'));
    expect(found.map((r) => r.text).join('')).toMatch(/^<!--#include .*-->$|^<esi:include .*\/>$/);
  });

  it('hides empty ESI elements on a page with no directive text, once, in document order', () => {
    const doc = parse(
      page(
        `<p>Story</p><esi:include src="/a"></esi:include>` +
          `<esi:try><esi:attempt><esi:include src="/b"></esi:include></esi:attempt></esi:try>` +
          `<esi:remove>Kept text</esi:remove>`,
      ),
    );
    const found = cleanPage(doc, URL_).removals.filter((r) => r.kind === 'directive');
    // The first include, and the empty try box (its include goes with it); not the one with text.
    expect(found.map((r) => r.rule)).toEqual([
      'broken-directives/esi-element',
      'broken-directives/esi-element',
    ]);
    expect(doc.querySelector('esi\\:remove')?.hasAttribute('data-broadsheet-hidden')).toBe(false);
  });

  it('hides the outermost empty ESI element of a box that holds text elsewhere', () => {
    const doc = parse(
      page(
        `<p>Story</p><esi:try><esi:attempt><esi:include src="/a"></esi:include> </esi:attempt>` +
          `<esi:except><esi:include src="/b"></esi:include>Fallback text</esi:except></esi:try>` +
          `<esi:include src="/c"></esi:include>`,
      ),
    );
    const found = cleanPage(doc, URL_).removals.filter((r) => r.kind === 'directive');
    expect(found.length).toBe(3);
    const hidden = (sel: string) =>
      Array.from(doc.querySelectorAll(sel)).map((el) => el.hasAttribute('data-broadsheet-hidden'));
    // The try box and its except hold text; the attempt is empty (its include goes with it), and
    // so are the include in the except and the one after the box.
    expect(hidden('esi\\:try')).toEqual([false]);
    expect(hidden('esi\\:attempt')).toEqual([true]);
    expect(hidden('esi\\:except')).toEqual([false]);
    expect(hidden('esi\\:include')).toEqual([false, true, true]);
  });

  it('lists directive text and ESI elements together in document order, at any depth', () => {
    const found = removals(
      `<div><div><p>One ${SSI_ERROR}</p></div></div><esi:include src="/a"></esi:include>` +
        `<p>Two ${SSI_ERROR}</p><div><div><esi:include src="/b"></esi:include></div></div>` +
        `<p>Three ${SSI_ERROR}</p>`,
    );
    expect(found.map((r) => r.rule)).toEqual([
      'broken-directives/text',
      'broken-directives/esi-element',
      'broken-directives/text',
      'broken-directives/esi-element',
      'broken-directives/text',
    ]);
  });
});
