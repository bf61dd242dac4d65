/**
 * Pages nested past the depth limit are flattened below it before the generic reader reads them
 * whole (src/sites/generic-depth.ts): what a reader sees stays, in order; only the nesting goes.
 */
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/core';
import { parseHtml } from '../../src/node/load';
import { flattenBelow } from '../../src/sites/generic-depth';
import { MAX_READABILITY_DEPTH } from '../../src/sites/generic';

const nest = (depth: number, open: string, close: string, inner: string) =>
  open.repeat(depth) + inner + close.repeat(depth);

const bodyOf = (html: string) => parseHtml(`<!DOCTYPE html><html><body>${html}</body></html>`).body;

/** `n` nested divs, each holding `level(k)` (k from 1) before the next. */
const levels = (n: number, level: (k: number) => string) =>
  Array.from({ length: n }, (_, i) => `<div>${level(i + 1)}`).join('') + '</div>'.repeat(n);

/** Tag names of `root`'s children, with a paragraph's or heading's text. */
const shape = (root: Element) =>
  [...root.children].map((c) =>
    /^(p|h\d)$/.test(c.localName) ? `${c.localName}: ${c.textContent}` : c.localName,
  );

/** True when some element under `root` is more than `limit` levels below it. */
function nestedDeeperThan(root: Element, limit: number): boolean {
  const stack: [Element, number][] = [[root, 0]];
  while (stack.length) {
    const [el, depth] = stack.pop()!;
    if (depth > limit) return true;
    for (let c = el.firstElementChild; c; c = c.nextElementSibling) stack.push([c, depth + 1]);
  }
  return false;
}

/** The element `depth` levels down the first-child chain of `root`. */
const down = (root: Element, depth: number) => {
  let el = root;
  for (let i = 0; i < depth; i++) el = el.firstElementChild!;
  return el;
};

describe('flattenBelow', () => {
  it('leaves a page no deeper than the limit as it is', () => {
    const body = bodyOf(nest(10, '<div>', '</div>', '<p>One <em>two</em></p><p>Three</p>'));
    const before = body.innerHTML;
    flattenBelow(body, 10);
    expect(body.innerHTML).toBe(before);
  });

  it('reads the deep chain as paragraphs, headings and pictures, in order', () => {
    // 20 levels, each a heading, a line of text and a picture before the next level.
    const body = bodyOf(
      levels(20, (k) => `<h3>Part ${k}</h3>Words of <b>part</b> ${k}<img src="/${k}.jpg" alt="">`),
    );
    flattenBelow(body, 1);
    const cut = down(body, 1);
    // Parts 1–12 stand higher than KEPT_HEIGHT (8): read flat. Part 13 holds the last 8 levels,
    // kept whole.
    expect(shape(cut)).toEqual([
      ...Array.from({ length: 12 }, (_, i) => [
        `h3: Part ${i + 1}`,
        `p: Words of part ${i + 1}`,
        'img',
      ]).flat(),
      'div',
    ]);
    expect(cut.lastElementChild!.textContent).toMatch(/^Part 13Words of part 13Part 14/);
    expect(nestedDeeperThan(body, 1 + 8 + 1)).toBe(false);
  });

  it('keeps small subtrees whole: a figure with its caption, a paragraph with its link', () => {
    const body = bodyOf(
      levels(
        20,
        (k) =>
          `<figure><img src="/${k}.jpg" alt=""><figcaption>Caption ${k}</figcaption></figure>` +
          `<p>Read <a href="/${k}">more</a>.</p>`,
      ),
    );
    flattenBelow(body, 1);
    const cut = down(body, 1);
    expect(shape(cut).slice(0, 4)).toEqual(['figure', 'p: Read more.', 'figure', 'p: Read more.']);
    expect(cut.querySelector('figure > figcaption')?.textContent).toBe('Caption 1');
    expect(cut.querySelector('p > a')?.getAttribute('href')).toBe('/1');
  });

  it('leaves out what no reader sees as text', () => {
    const body = bodyOf(levels(20, (k) => `<script>var hidden = ${k};</script>Words ${k}`));
    flattenBelow(body, 1);
    const cut = down(body, 1);
    expect(shape(cut).slice(0, 3)).toEqual(['p: Words 1', 'p: Words 2', 'p: Words 3']);
    expect(cut.querySelector(':scope > script')).toBeNull();
  });
});

describe('a page past the depth limit, read', () => {
  it('keeps its story, pictures and captions beside the deep chain', () => {
    const deep = nest(MAX_READABILITY_DEPTH + 50, '<div class="caption">', '</div>', 'Deep text');
    const story = [1, 2, 3]
      .map((i) => `<p>Paragraph ${i}: the council voted to keep the harbour open all winter.</p>`)
      .join('');
    const figure =
      '<figure><img src="/harbour.jpg" alt="The harbour"><figcaption>The harbour at dawn</figcaption></figure>';
    const doc = parseHtml(
      `<!DOCTYPE html><html lang="en"><head><title>Harbour</title></head><body><article><h1>Harbour</h1>${nest(MAX_READABILITY_DEPTH, '<div>', '</div>', figure + story)}${deep}</article></body></html>`,
    );
    const article = extractArticle(doc, 'https://example.com/harbour');
    expect(article.text).toContain('Paragraph 1: the council voted');
    expect(article.text).toContain('Paragraph 3: the council voted');
    expect(article.images.map((i) => [i.alt, i.caption])).toEqual([
      ['The harbour', 'The harbour at dawn'],
    ]);
  });
});

describe('the depth limit', () => {
  // Eight paragraphs nested `depth` levels under <body>, beside a sidebar Readability drops.
  const page = (depth: number) => {
    const story = [1, 2, 3, 4, 5, 6, 7, 8]
      .map((i) => `<p>Paragraph ${i}: the council voted on Tuesday to keep the harbour open.</p>`)
      .join('');
    const wrappers = depth - 1;
    return parseHtml(
      `<!DOCTYPE html><html><head><title>Harbour</title></head><body>` +
        `<div class="sidebar"><p>Sign up for the sidebar offers of the week.</p></div>` +
        `${'<div>'.repeat(wrappers)}${story}${'</div>'.repeat(wrappers)}</body></html>`,
    );
  };
  const read = (depth: number) => extractArticle(page(depth), 'https://example.com/harbour').text;

  it('hands a page as deep as the limit to Readability, and reads one level deeper whole', () => {
    expect(read(MAX_READABILITY_DEPTH)).toContain('Paragraph 8: the council voted');
    expect(read(MAX_READABILITY_DEPTH)).not.toContain('sidebar offers');
    // Read whole: Readability's choice of the story is not made, so the sidebar stays.
    expect(read(MAX_READABILITY_DEPTH + 1)).toContain('Paragraph 8: the council voted');
    expect(read(MAX_READABILITY_DEPTH + 1)).toContain('sidebar offers');
  });
});
