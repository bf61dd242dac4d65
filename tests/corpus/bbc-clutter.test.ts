/**
 * No clutter line of the kind the 2007 reference text shows (shared/reference/…txt) survives in
 * the text of any BBC page's Article, in any era, and no Article repeats a caption or a pull quote
 * in its text. The strings are the BBC templates' own lines, read off the reference text and the
 * corpus pages by hand.
 */
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/core';
import { collapse } from '../../src/core/text';
import { bbcCorpusPages, corpusAvailable, loadCorpusPage } from '../helpers/corpus';

/** Template lines, every era: classic (1999–2010), story-body (2010–2019), modern (2020 on). */
const CLUTTER = [
  '[an error occurred while processing this directive]',
  'One-Minute World News',
  'The BBC is not responsible for the content of external',
  'E-mail this to a friend',
  'Printable version',
  'SEE ALSO',
  'RELATED INTERNET LINKS',
  'MOST POPULAR STORIES NOW',
  'HAVE YOUR SAY',
  'More on this story',
  'Related Topics',
  'Share this page',
  'Media playback is unsupported on your device',
  'Image source,',
  'Image caption,',
  'Top Stories',
  'Features & Analysis',
  'Most Popular',
  'Bookmark with:',
];

/** Related-link date lines as classic pages print them: "23 Feb 07 | Americas". */
const DATED_LINK_LINE = /\b\d{1,2} [A-Z][a-z]{2} \d{2} \| +[A-Z]/;

const pages = bbcCorpusPages();

describe.skipIf(!corpusAvailable)('no BBC template clutter in any BBC Article', () => {
  it('covers all 23 BBC pages of web-page-parser and three of bbc.com', () => {
    expect(pages).toHaveLength(26);
  });

  it.each(pages)('%s', (path, url) => {
    const article = extractArticle(loadCorpusPage(path), url);
    const text = collapse(article.text);
    expect(CLUTTER.filter((c) => text.toLowerCase().includes(c.toLowerCase()))).toEqual([]);
    expect(text).not.toMatch(DATED_LINK_LINE);
    for (const image of article.images) {
      if (image.caption && image.caption.length > 20) expect(text).not.toContain(image.caption);
    }
    const pullQuotes = article.body.filter((b) => b.type === 'quote' && b.pull);
    for (const q of pullQuotes) {
      // A pull quote repeats a sentence of the story: it may appear once in the text, never twice.
      const occurrences = text.split(collapse(q.type === 'quote' ? q.text : '')).length - 1;
      expect(occurrences).toBeLessThanOrEqual(1);
    }
  });
});
