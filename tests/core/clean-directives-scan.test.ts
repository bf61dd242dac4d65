/**
 * broken-directives reads the page's text natively first and walks it only when text outside
 * scripts and styles may hold a directive. These pages put hints inside scripts, beside them and
 * across them, so that a wrong shortcut would miss a directive or find one in a script.
 */
import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { parseHtml } from '../../src/node/load';
import { cleanPage } from '../../src/core';

const URL_ = 'https://example.com/story';
const SSI_ERROR = '[an error occurred while processing this directive]';

const parsers: [string, (html: string) => Document][] = [
  ['linkedom', (html) => parseHtml(html)],
  ['jsdom', (html) => new JSDOM(html).window.document],
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
});
