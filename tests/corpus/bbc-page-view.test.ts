/**
 * What a reader still sees of a BBC page once it is cleaned: the story, and none of the page
 * furniture around it. Every BBC page of the corpus (2006–2024) is cleaned as the extension
 * cleans it (hidden, not removed), and its visible text must keep every paragraph
 * web-page-parser asserts for the page (and every paragraph of the Article read from it), and
 * must have lost every line of navigation, footers, comments and promos listed below. The lines
 * are the BBC templates' own words, read off the pages in a browser by hand: before this test,
 * cleaned pages still showed them (the section navigation and footers of every story-body page,
 * the 2009 classic pages' "Explore the BBC", a 1,013-comment thread…).
 */
import { describe, expect, it } from 'vitest';
import { cleanPage, extractArticle } from '../../src/core';
import { visibleText } from '../../src/core/clean/hidden';
import { collapse } from '../../src/core/text';
import { parserAssertions } from '../../src/eval/corpora';
import { truthFromAssertions } from '../../src/eval/assertions';
import { CORPUS_DIR, bbcCorpusPages, corpusAvailable, loadCorpusPage } from '../helpers/corpus';

/** Template lines that are not the story, each with pages where a cleaned page still showed it. */
const FURNITURE = [
  // Mastheads and navigation.
  'Skip to content', // 7745137, 19957138.stm, 21528631
  'Skip to local navigation', // 19957138.stm
  'bbc.co.uk navigation', // 10249066.stm, 11125504
  'News navigation', // 31014941, bbc.com 2019 ("BBC News Navigation")
  'Find local news', // 31014941
  'Related BBC sites', // 7745137, 8040164
  'International Version', // 7745137, 8011268
  'Explore the BBC', // 7745137, 8011268
  'BBC links A to F', // 8011268
  "Editors' blog BBC College of Journalism", // 11125504, 21528631
  'On your connected TV', // 31014941, bbc.com 2019
  'Get news alerts', // 31014941
  'Terms of Use', // 2009 classic and 2020 footers
  'Parental Guidance', // 54528983
  'This page is best viewed in an up-to-date web browser', // 8063681
  // Promos and related links around and inside the story.
  'FEATURES, VIEWS, ANALYSIS', // 10249066.stm
  'Products & services', // 10249066.stm
  'Elsewhere on the BBC', // bbc.com 2019
  'Why you can trust BBC News', // bbc.com 2019
  'is sponsored by', // bbc.com 2015
  'Related Topics', // 54528983, 32275608-2020
  'Related Stories', // 19957138.stm
  'US election - the essentials', // 20230333.stm
  'Expense claims - key details', // 8040164
  'Most read', // cden3j9d1r7o
  'E-mail this to a friend', // 10249066.stm
  // Readers' comments.
  'Comment number', // 19957138.stm
  'This entry is now closed for comments', // 19957138.stm
  'View comments', // bbc.com 2015
  'Add your comments on this story', // 8063681
  'The BBC may edit your comments', // 8063681
];

const assertions = corpusAvailable
  ? parserAssertions(CORPUS_DIR).filter((a) => a.fixture.includes('/bbc_news/'))
  : [];
const pages = bbcCorpusPages();

const lower = (s: string) => collapse(s).toLowerCase();

describe.skipIf(!corpusAvailable)(
  'a cleaned BBC page shows the story and no page furniture',
  () => {
    it('covers the 23 BBC pages of web-page-parser and three of bbc.com', () => {
      expect(pages).toHaveLength(26);
    });

    it.each(pages)('%s', (path, url) => {
      const article = extractArticle(loadCorpusPage(path), url);
      const doc = loadCorpusPage(path);
      cleanPage(doc, url);
      const seen = lower(visibleText(doc.body));

      const file = path.split('/').pop()!;
      const truth = truthFromAssertions(assertions.filter((a) => a.fixture.endsWith(`/${file}`)));
      const story = [
        ...truth.paragraphs,
        ...article.body.flatMap((b) => (b.type === 'paragraph' ? [b.text] : [])),
      ];
      expect(story.length).toBeGreaterThan(4);
      expect(story.filter((p) => !seen.includes(lower(p)))).toEqual([]);
      expect(FURNITURE.filter((line) => seen.includes(lower(line)))).toEqual([]);
    });

    it('each line of furniture was on some page before cleanup', () => {
      const before = pages.map(([path]) => lower(visibleText(loadCorpusPage(path).body))).join(' ');
      expect(FURNITURE.filter((line) => !before.includes(lower(line)))).toEqual([]);
    });
  },
);
