/**
 * How the block reader takes lists: each item's text, a list nested in an item as a list of its
 * own one level down, and the outer list going on after it, numbered on. And how it keeps the
 * text of blocks inside one block (an item's sub-list, a quote's paragraphs) from running
 * together.
 */
import { describe, expect, it } from 'vitest';
import { MAX_LIST_LEVEL, readBlocks, type BlockOptions } from '../../src/core/blocks';
import type { Block } from '../../src/core/types';
import { parseHtml } from '../../src/node/load';

const read = (html: string, classify?: BlockOptions['classify']): Block[] => {
  const doc = parseHtml(`<!doctype html><html><body><div id="root">${html}</div></body></html>`);
  return readBlocks(doc.getElementById('root')!, { resolve: (href) => href, classify });
};

const picture = (src: string, caption: string | null = null, alt: string | null = null): Block => ({
  type: 'image',
  src,
  alt,
  caption,
  credit: null,
});

const list = (
  ordered: boolean,
  items: string[],
  level = 0,
  start: number | null = ordered ? 1 : null,
): Block => ({ type: 'list', ordered, start, level, items });

describe('a list', () => {
  it('is its items, in order, numbered from 1 or from the start the page gives', () => {
    expect(read('<ul><li>Bread</li><li>Milk</li></ul>')).toEqual([list(false, ['Bread', 'Milk'])]);
    expect(read('<ol start="6"><li>Sixth</li><li>Seventh</li></ol>')).toEqual([
      list(true, ['Sixth', 'Seventh'], 0, 6),
    ]);
    expect(read('<ol start="six"><li>One</li></ol>')).toEqual([list(true, ['One'])]);
  });

  it('nested in an item is a list of its own one level down, and the outer list goes on after it', () => {
    // The minified markup of bigbrandsystem.com and firefox-nightly-blog: no white space
    // between the items, which were read as one: "…IOUtilsShout out to barret…".
    const html =
      '<ol><li>Fix the bug</li><li>In progress:<ul><li>Bug 1677080</li><li>Bug 1677107</li></ul></li>' +
      '<li>Ship it</li></ol>';
    expect(read(html)).toEqual([
      list(true, ['Fix the bug', 'In progress:']),
      list(false, ['Bug 1677080', 'Bug 1677107'], 1),
      list(true, ['Ship it'], 0, 3),
    ]);
  });

  it('nested two deep keeps both levels', () => {
    const html = '<ul><li>A<ul><li>A1<ol><li>A1a</li></ol></li><li>A2</li></ul></li></ul>';
    expect(read(html)).toEqual([
      list(false, ['A']),
      list(false, ['A1'], 1),
      list(true, ['A1a'], 2),
      list(false, ['A2'], 1),
    ]);
  });

  it('set directly inside a list (invalid, common) belongs to the item before it', () => {
    // blogger's page: its sub-steps were an <ol> inside the <ol>, and were dropped.
    const html =
      '<ol><li>Consider placements in this half.</li><ol><li>If none, anywhere.</li></ol>' +
      '<li>Pick one.</li></ol>';
    expect(read(html)).toEqual([
      list(true, ['Consider placements in this half.']),
      list(true, ['If none, anywhere.'], 1),
      list(true, ['Pick one.'], 0, 2),
    ]);
  });

  it('whose items hold nothing but a list (a wrapper without its bullet) leaves that list at its level', () => {
    const html =
      '<ul><li style="list-style-type: none;"><ul><li>Discover what stage you’re in now</li>' +
      '<li>Assess what you’re starting with</li></ul></li></ul>';
    expect(read(html)).toEqual([
      list(false, ['Discover what stage you’re in now', 'Assess what you’re starting with']),
    ]);
  });

  it('leaves out hidden items and hidden nested lists', () => {
    const html =
      '<ul><li>Shown</li><li hidden>Hidden item</li>' +
      '<li>Also shown<ul style="display:none"><li>Hidden sub-item</li></ul></li></ul>';
    expect(read(html)).toEqual([list(false, ['Shown', 'Also shown'])]);
  });
});

describe('pictures in a list', () => {
  it('that open an item come before it and those that close it after; the list goes on', () => {
    const html =
      '<ol><li><img src="/a.jpg" alt="A">First step</li>' +
      '<li>Second step <img src="/b.jpg"></li><li>Third step</li></ol>';
    expect(read(html)).toEqual([
      picture('/a.jpg', null, 'A'),
      list(true, ['First step', 'Second step']),
      picture('/b.jpg'),
      list(true, ['Third step'], 0, 3),
    ]);
  });

  it('in a figure of their own item keep its caption, which leaves the item’s text', () => {
    const html =
      '<ul><li>Bug 1553982 landed.<ul><li><figure><img src="/restart.png">' +
      '<figcaption>The error page users saw.</figcaption></figure></li></ul></li>' +
      '<li>Bug 353804 is next.</li></ul>';
    expect(read(html)).toEqual([
      list(false, ['Bug 1553982 landed.']),
      picture('/restart.png', 'The error page users saw.'),
      list(false, ['Bug 353804 is next.']),
    ]);
  });

  it('take the caption the site reads off their box, whose words leave the item’s text', () => {
    // The generic reader's classify reads WordPress's div.wp-caption as the picture and caption.
    const classify: BlockOptions['classify'] = (el) =>
      el.classList.contains('wp-caption')
        ? picture(el.querySelector('img')!.getAttribute('src')!, 'Ready for Fission.')
        : undefined;
    const html =
      '<ul><li>DevTools is done.<div class="wp-caption"><img src="/devtools.png">' +
      '<p class="wp-caption-text">Ready for Fission.</p></div></li></ul>';
    expect(read(html, classify)).toEqual([
      list(false, ['DevTools is done.']),
      picture('/devtools.png', 'Ready for Fission.'),
    ]);
  });

  it('leave out thumbnails linking to other pages, icons, and pictures inside the sentence', () => {
    const html =
      '<ul><li><a href="/other-story"><img src="/thumb.jpg"></a>Another story</li>' +
      '<li><img src="/flag.png" width="16" height="11"> France</li>' +
      '<li>When <img src="/formula.png" class="mwe-math-fallback-image-inline"> holds, stop.</li></ul>';
    expect(read(html)).toEqual([list(false, ['Another story', 'France', 'When holds, stop.'])]);
  });
});

describe('lists nested deeper than MAX_LIST_LEVEL', () => {
  it('read as lists down to that level, and below it as the deepest item’s text', () => {
    const depth = MAX_LIST_LEVEL + 3;
    let html = '';
    for (let i = 0; i < depth; i++) html += `<ul><li>L${i}`;
    for (let i = 0; i < depth; i++) html += '</li></ul>';
    const blocks = read(html);
    expect(blocks.map((b) => b.type === 'list' && b.level)).toEqual(
      Array.from({ length: MAX_LIST_LEVEL + 1 }, (_, i) => i),
    );
    const deepest = blocks[MAX_LIST_LEVEL];
    expect(deepest?.type === 'list' && deepest.items).toEqual([
      `L${MAX_LIST_LEVEL} L${MAX_LIST_LEVEL + 1} L${MAX_LIST_LEVEL + 2}`,
    ]);
  });
});

describe('text of blocks inside one block', () => {
  it('is spaced: a quote of two paragraphs reads as two sentences', () => {
    // slate.com's pull of two paragraphs was "…a high fantasy.If he is holding a sword…".
    expect(
      read(
        '<blockquote><p>It is a high fantasy.</p><p>If he holds a sword, it is not.</p></blockquote>',
      ),
    ).toEqual([
      { type: 'quote', text: 'It is a high fantasy. If he holds a sword, it is not.', pull: false },
    ]);
  });

  it('is spaced in a heading set in blocks, while inline elements join as written', () => {
    expect(read('<h2><div>Dundee</div><div>Perhaps</div></h2><p>Hog<b>an</b>’s</p>')).toEqual([
      { type: 'heading', level: 2, text: 'Dundee Perhaps' },
      { type: 'paragraph', text: 'Hogan’s' },
    ]);
  });
});
