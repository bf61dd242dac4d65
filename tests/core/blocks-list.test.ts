/**
 * How the block reader keeps the text of blocks inside one block (an item's sub-list, a quote's
 * paragraphs) from running together.
 */
import { describe, expect, it } from 'vitest';
import { readBlocks } from '../../src/core/blocks';
import type { Block } from '../../src/core/types';
import { parseHtml } from '../../src/node/load';

const read = (html: string): Block[] => {
  const doc = parseHtml(`<!doctype html><html><body><div id="root">${html}</div></body></html>`);
  return readBlocks(doc.getElementById('root')!, { resolve: (href) => href });
};

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
