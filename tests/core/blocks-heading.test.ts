/**
 * How the block reader takes a heading: its inline text, without the heading's link to itself
 * where that link is a mark ("¶", "#") and not words, and without a wiki's "[edit]" link.
 * Checked on hand-made headings and on the pages of Readability's set that print them (Sphinx
 * docs, the V8 blog, two Wikipedia pages).
 */
import { describe, expect, it } from 'vitest';
import { readBlocks } from '../../src/core/blocks';
import { extractArticle } from '../../src/core/extract';
import type { Block } from '../../src/core/types';
import { parseHtml, readHtmlFile } from '../../src/node/load';
import { corpusAvailable, corpusPath } from '../helpers/corpus';

const read = (html: string): Block[] => {
  const doc = parseHtml(`<!doctype html><html><body><div id="root">${html}</div></body></html>`);
  return readBlocks(doc.getElementById('root')!, { resolve: (href) => href });
};

describe('a heading in an article', () => {
  it.each([
    ['Sphinx', '<h2 id="s">Setting up<a class="headerlink" href="#s" title="Permalink">¶</a></h2>'],
    ['V8 blog', '<h2 id="s">Setting up <a href="#s" class="bookmark">#</a></h2>'],
    ['a mark before', '<h2 id="s"><a href="#s" aria-hidden="true">§</a> Setting up</h2>'],
    ['an emoji', '<h2 id="s">Setting up <a href="#s">🔗</a></h2>'],
  ])('leaves out its own permalink mark (%s)', (_, html) => {
    expect(read(html)).toEqual([{ type: 'heading', level: 2, text: 'Setting up' }]);
  });

  it("leaves out MediaWiki's [edit] link", () => {
    expect(
      read(
        '<h2><span class="mw-headline" id="History">History</span><span class="mw-editsection">' +
          '<span class="mw-editsection-bracket">[</span><a href="/w/index.php?title=Mozilla&amp;' +
          'action=edit&amp;section=1" title="Edit section: History">edit</a>' +
          '<span class="mw-editsection-bracket">]</span></span></h2>',
      ),
    ).toEqual([{ type: 'heading', level: 2, text: 'History' }]);
  });

  it('keeps a link to the page that says something, or a footnote number', () => {
    expect(
      read('<h3>See <a href="#methods">Methods</a> and note <a href="#fn1">1</a></h3>'),
    ).toEqual([{ type: 'heading', level: 3, text: 'See Methods and note 1' }]);
  });

  it('keeps a mark that links to another page', () => {
    expect(read('<h2>Tag <a href="/tags/news">#</a></h2>')).toEqual([
      { type: 'heading', level: 2, text: 'Tag #' },
    ]);
  });
});

describe.skipIf(!corpusAvailable)(
  'headings of pages that print permalink marks or edit links',
  () => {
    it.each([
      ['mercurial', 'Sharing with a single developer', 14],
      ['v8-blog', 'Using standalone mode in Emscripten', 6],
      ['wikipedia', 'Thunderbird', 30],
      ['wikipedia-3', 'Rayleigh quotient', 11],
    ])('%s: its headings without them', (slug, first, count) => {
      const article = extractArticle(
        parseHtml(readHtmlFile(corpusPath('readability-test-pages', slug, 'source.html'))),
        'http://fakehost/test/page.html',
      );
      const headings = article.body.flatMap((b) => (b.type === 'heading' ? [b.text] : []));
      expect(headings.length).toBeGreaterThanOrEqual(count);
      expect(headings).toContain(first);
      expect(headings.filter((h) => /(?:[¶#]|\[edit\])\s*$/.test(h))).toEqual([]);
    });
  },
);

describe.skipIf(!corpusAvailable)('a wiki page without its [edit] links', () => {
  it('reads its "See also" as the related links it is, as on news pages', () => {
    // "See also[edit]" was no related-links intro (RELATED_INTRO); "See also" is, and the links
    // under it go with it.
    const article = extractArticle(
      parseHtml(readHtmlFile(corpusPath('readability-test-pages', 'wikipedia', 'source.html'))),
      'http://fakehost/test/page.html',
    );
    expect(article.text).not.toContain('See also');
    expect(article.text).not.toContain('Timeline of web browsers');
    expect(article.text).toContain('Mozilla is a free-software community');
  });
});
