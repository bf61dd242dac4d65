/**
 * The pages `npm run bench` runs every tool on, with what each can be scored against: the
 * benchmark's 181 pages (text truth), web-page-parser's 23 BBC pages (assertion truth where its
 * specs assert paragraphs; title and date), its 39 pages of six other publishers (the titles and
 * dates its specs assert), Readability's 130 test pages (its expected metadata) and our two
 * rebuilt BBC fixtures. Which of them are BBC pages is said here, once.
 */
import { join, resolve } from 'node:path';
import { bbcAssertionCases, benchmarkCases } from './run';
import {
  BENCHMARK,
  READABILITY_PAGES,
  readabilityPages,
  WEB_PAGE_PARSER,
  webPageParserPages,
} from './corpora';
import {
  bbcMetadataCases,
  CLASSIC_2007_METADATA,
  parserMetadataCases,
  readabilityMetadataCases,
  type MetadataTruth,
} from './metadata';
import type { PageScore } from './metric';

export const BBC_NEWS = `${WEB_PAGE_PARSER}/bbc_news`;
/** web-page-parser's other publishers: The Guardian, The Independent, NYT, RT, The Intercept, WaPo. */
export const OTHER_NEWS = `${WEB_PAGE_PARSER}/others`;
export const FIXTURES = 'tests/fixtures';

export interface BenchPage {
  /** Corpus folder (or `tests/fixtures`) the page is from: one row of the per-corpus tables. */
  corpus: string;
  id: string;
  path: string;
  url: string;
  /** A BBC News page (any era, any host, inside a capture or not). */
  bbc: boolean;
  /** Scores the page's article text, where the corpus has a truth for it. */
  score?: (predicted: string) => PageScore;
  /** Title, author and date truth, where the corpus has one. */
  metadata?: MetadataTruth;
}

const REPO = resolve(import.meta.dirname, '../..');

/** The two benchmark pages from bbc.com (Nov 2019), by their ground truth's address. */
const BBC_HOST = /^https?:\/\/(?:[\w-]+\.)*bbc\.(?:co\.uk|com)\//i;

/**
 * Readability's `bbc-1` is bbc.com 2015; its tests load it from a made-up host, the bench from
 * the address its canonical link gives, so Broadsheet sees the page where a reader would.
 */
const READABILITY_BBC = { id: 'bbc-1', url: 'http://www.bbc.com/news/world-us-canada-33646704' };

/** Our rebuilt BBC pages (tests/fixtures/<name>/SOURCE.md says how each was made). */
const FIXTURE_PAGES = [
  {
    id: 'bbc-classic--2007-no-breakthrough',
    file: 'page.html',
    url: 'http://news.bbc.co.uk/1/hi/world/europe/6658741.stm',
    metadata: CLASSIC_2007_METADATA,
  },
  {
    id: 'wayback--bbc-classic-8011268',
    file: 'source.html',
    url: 'http://web.archive.org/web/20090421200012/http://news.bbc.co.uk/1/hi/world/middle_east/8011268.stm',
  },
];

export interface PageSelection {
  /** Keep at most this many pages of each corpus (the smoke run); all when undefined. */
  perCorpus?: number;
}

/** Every bench page, corpus by corpus. */
export function benchPages(corpusDir: string, selection: PageSelection = {}): BenchPage[] {
  const take = <T>(list: T[]) =>
    selection.perCorpus === undefined ? list : list.slice(0, selection.perCorpus);

  const benchmark = benchmarkCases(corpusDir).map(({ page, score }) => ({
    corpus: BENCHMARK,
    id: page.id,
    path: page.path,
    url: page.url,
    bbc: BBC_HOST.test(page.url),
    score,
  }));

  const bbcScores = new Map(bbcAssertionCases(corpusDir).map((c) => [c.page.path, c.score]));
  const bbcMetadata = new Map(bbcMetadataCases(corpusDir).map((c) => [c.path, c.truth]));
  const bbcNews = webPageParserPages(corpusDir)
    .filter((p) => p.id.startsWith('bbc_news/'))
    .map((p) => ({
      corpus: BBC_NEWS,
      id: p.id,
      path: p.path,
      url: p.url,
      bbc: true,
      score: bbcScores.get(p.path),
      metadata: bbcMetadata.get(p.path),
    }));

  const otherMetadata = new Map(parserMetadataCases(corpusDir).map((c) => [c.path, c.truth]));
  const otherNews = webPageParserPages(corpusDir)
    .filter((p) => !p.id.startsWith('bbc_news/'))
    .map((p) => ({
      corpus: OTHER_NEWS,
      id: p.id,
      path: p.path,
      url: p.url,
      bbc: false,
      metadata: otherMetadata.get(p.path),
    }));

  const readabilityMetadata = new Map(
    readabilityMetadataCases(corpusDir).map((c) => [c.path, c.truth]),
  );
  const readability = readabilityPages(corpusDir).map((p) => ({
    corpus: READABILITY_PAGES,
    id: p.id,
    path: p.path,
    url: p.id === READABILITY_BBC.id ? READABILITY_BBC.url : p.url,
    bbc: p.id === READABILITY_BBC.id,
    metadata: readabilityMetadata.get(p.path),
  }));

  const fixtures = FIXTURE_PAGES.map((f) => ({
    corpus: FIXTURES,
    id: f.id,
    path: join(REPO, FIXTURES, f.id, f.file),
    url: f.url,
    bbc: true,
    metadata: f.metadata,
  }));

  // In a smoke run, keep the BBC pages of the benchmark and Readability's pages among the few.
  const bbcFirst = <T extends { bbc: boolean }>(list: T[]) => [
    ...list.filter((p) => p.bbc),
    ...list.filter((p) => !p.bbc),
  ];
  return [
    ...take(bbcFirst(benchmark)),
    ...take(bbcNews),
    ...take(otherNews),
    ...take(bbcFirst(readability)),
    ...take(fixtures),
  ];
}
