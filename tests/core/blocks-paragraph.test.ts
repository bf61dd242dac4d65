/**
 * How the block reader takes a `<p>`: a paragraph of its inline text; a picture when it holds an
 * image and no text; a container when bad markup put blocks inside it. It finds what a paragraph
 * holds by walking it (`descendantsTagged`), not by a selector per paragraph, so the walk is
 * checked against the DOM's own `querySelectorAll` on the real pages of tests/fixtures.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NESTED_BLOCK_TAGS, descendantsTagged, readBlocks } from '../../src/core/blocks';
import type { Block } from '../../src/core/types';
import { parseHtml } from '../../src/node/load';

const read = (root: Element): Block[] => readBlocks(root, { resolve: (href) => href });

function rootOf(html: string): Element {
  const doc = parseHtml(`<!doctype html><html><body><div id="root">${html}</div></body></html>`);
  return doc.getElementById('root')!;
}

describe('a <p> in an article', () => {
  it('is a paragraph of its inline text, images and all', () => {
    expect(
      read(rootOf('<p>Talks <b>resume</b> on <img src="/a.jpg" alt="x"> Monday.</p>')),
    ).toEqual([{ type: 'paragraph', text: 'Talks resume on Monday.' }]);
  });

  it('holding only an image (linked or not) is that picture', () => {
    expect(
      read(rootOf('<p> <a href="/big.jpg"><img src="/small.jpg" alt="The summit"></a> </p>')),
    ).toEqual([
      { type: 'image', src: '/small.jpg', alt: 'The summit', caption: null, credit: null },
    ]);
  });

  it('that wraps blocks (markup a parser never makes, a script can) is read as a container', () => {
    const root = rootOf('<p id="outer">Before the box.</p>');
    const outer = root.ownerDocument.getElementById('outer')!;
    const box = root.ownerDocument.createElement('div');
    const inner = root.ownerDocument.createElement('span');
    inner.textContent = 'Inside the box.';
    box.append(inner);
    outer.append(box, 'After the box.');
    expect(read(root)).toEqual([
      { type: 'paragraph', text: 'Before the box.' },
      { type: 'paragraph', text: 'Inside the box.' },
      { type: 'paragraph', text: 'After the box.' },
    ]);
  });
});

describe('descendantsTagged', () => {
  const pages = [
    '../fixtures/bbc-classic--2007-no-breakthrough/page.html',
    '../fixtures/wayback--bbc-classic-8011268/source.html',
  ].map((path) => parseHtml(readFileSync(resolve(__dirname, path), 'utf8')));
  const selector = [...NESTED_BLOCK_TAGS].join(', ');

  it('finds what querySelectorAll finds, in the same order, under every element of real pages', () => {
    let compared = 0;
    let nonEmpty = 0;
    for (const doc of pages) {
      for (const el of Array.from(doc.querySelectorAll('*'))) {
        const want = Array.from(el.querySelectorAll(selector));
        expect(descendantsTagged(el, NESTED_BLOCK_TAGS)).toEqual(want);
        expect(descendantsTagged(el, new Set(['a']))).toEqual(Array.from(el.querySelectorAll('a')));
        expect(descendantsTagged(el, NESTED_BLOCK_TAGS, 'first')).toEqual(want.slice(0, 1));
        // Those with no other match between them and `el`.
        const outermost = want.filter((w) => {
          for (let p = w.parentElement; p && p !== el; p = p.parentElement)
            if (want.includes(p)) return false;
          return true;
        });
        expect(descendantsTagged(el, NESTED_BLOCK_TAGS, 'outermost')).toEqual(outermost);
        compared++;
        if (want.length) nonEmpty++;
      }
    }
    // The pages are big enough for the comparison to mean something.
    expect(compared).toBeGreaterThan(1000);
    expect(nonEmpty).toBeGreaterThan(100);
  });
});
