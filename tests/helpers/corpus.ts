/**
 * Locating the shared corpus. Tests that need it skip with a visible notice when it is absent,
 * except under CI=true, where its absence is a failure.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readHtmlFile, parseHtml } from '../../src/node/load';

export const CORPUS_DIR = resolve(
  process.env.BROADSHEET_CORPUS ??
    resolve(dirname(fileURLToPath(import.meta.url)), '../../../shared/corpus'),
);
export const REFERENCE_DIR = resolve(CORPUS_DIR, '../reference');

export const corpusAvailable = existsSync(CORPUS_DIR);

if (!corpusAvailable) {
  if (process.env.CI === 'true') {
    throw new Error(
      `The shared corpus is required in CI but was not found at ${CORPUS_DIR} (set BROADSHEET_CORPUS).`,
    );
  }
  console.warn(
    `\n[broadsheet] NOTICE: corpus not found at ${CORPUS_DIR}; corpus tests are SKIPPED.\n`,
  );
}

export function corpusPath(...parts: string[]): string {
  return resolve(CORPUS_DIR, ...parts);
}

export function loadCorpusPage(...parts: string[]): Document {
  return parseHtml(readHtmlFile(corpusPath(...parts)));
}

/** The BBC pages outside web-page-parser: bbc.com 2015 (Readability's) and 2019 (the benchmark's). */
const OTHER_BBC_PAGES: [path: string, url: string][] = [
  ['readability-test-pages/bbc-1/source.html', 'http://www.bbc.com/news/world-us-canada-33646704'],
  [
    'article-extraction-benchmark/html/70cb2d5bca75ab5a8f6bb378a38a52f882f6bda508de93b12502e74936d86ff2.html.gz',
    'https://www.bbc.com/news/newsbeat-50470672',
  ],
  [
    'article-extraction-benchmark/html/c7e39ac49fa1235f5d50f83bf2444248bd3aa4e6df044377916c812dd109ba23.html.gz',
    'https://www.bbc.com/news/world-europe-50473792',
  ],
];

/**
 * Every BBC page of the corpus as [path under the corpus, the address it was saved from]: the 23
 * of web-page-parser (addresses from its fixture index), then the three above. Empty without the
 * corpus.
 */
export function bbcCorpusPages(): [path: string, url: string][] {
  if (!corpusAvailable) return [];
  const dir = 'web-page-parser/bbc_news';
  const index = JSON.parse(
    readFileSync(corpusPath('web-page-parser/derived/bbc_news_fixture_index.json'), 'utf8'),
  ) as { fixture: string; url: string }[];
  const files = readdirSync(corpusPath(dir)).filter((f) => f.endsWith('.html'));
  return [
    ...files.map((file): [string, string] => [
      `${dir}/${file}`,
      index.find((e) => e.fixture.endsWith(`/${file}`))?.url ?? `file:///${file}`,
    ]),
    ...OTHER_BBC_PAGES,
  ];
}
