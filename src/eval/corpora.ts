/**
 * The evaluation pages of the shared corpus (see its README.md), listed with the address each
 * page was saved from and, where the corpus has one, its ground truth. Node only (reads files).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';

export interface CorpusPage {
  /** Which corpus folder the page is from, e.g. `article-extraction-benchmark`. */
  corpus: string;
  /** Stable id within the corpus (benchmark hash, test-page slug, file name). */
  id: string;
  path: string;
  url: string;
}

/** A benchmark page and its human-written article body. */
export interface BenchmarkPage extends CorpusPage {
  truth: string;
}

export const BENCHMARK = 'article-extraction-benchmark';
export const READABILITY_PAGES = 'readability-test-pages';
export const WEB_PAGE_PARSER = 'web-page-parser';
export const NEWSPAPER4K = 'newspaper4k';

function readJson<T>(path: string): T {
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}

/** The 181 pages of scrapinghub/article-extraction-benchmark with ground-truth.json. */
export function benchmarkPages(corpusDir: string): BenchmarkPage[] {
  const dir = join(corpusDir, BENCHMARK);
  const truth = readJson<Record<string, { articleBody?: string; url: string }>>(
    join(dir, 'ground-truth.json'),
  );
  return Object.entries(truth).map(([id, { articleBody, url }]) => ({
    corpus: BENCHMARK,
    id,
    path: join(dir, 'html', `${id}.html.gz`),
    url,
    truth: articleBody ?? '',
  }));
}

/** Readability's test pages; its tests load every page from this made-up address. */
export function readabilityPages(corpusDir: string): CorpusPage[] {
  const dir = join(corpusDir, READABILITY_PAGES);
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(dir, d.name, 'source.html')))
    .map((d) => ({
      corpus: READABILITY_PAGES,
      id: d.name,
      path: join(dir, d.name, 'source.html'),
      url: 'http://fakehost/test/page.html',
    }))
    .sort((a, b) => a.id.localeCompare(b.id));
}

/** One assertion of johnl/web-page-parser's specs, as the corpus's derived/ files give it. */
export interface ParserAssertion {
  /** The spec's parser class, e.g. `BbcNewsPageParserV7`. */
  parser_version?: string;
  fixture: string;
  url: string;
  field: string;
  selector: string | null;
  negated: boolean;
  op: string;
  expected_kind: string;
  expected: string | number;
}

/** Every assertion of web-page-parser, all publishers. */
export function parserAssertions(corpusDir: string): ParserAssertion[] {
  const dir = join(corpusDir, WEB_PAGE_PARSER, 'derived');
  return readdirSync(dir)
    .filter((f) => f.endsWith('assertions.json'))
    .flatMap((f) => readJson<ParserAssertion[]>(join(dir, f)));
}

/** Some specs write addresses without a scheme (`www.independent.co.uk/…`). */
function absoluteUrl(url: string): string {
  return /^https?:\/\//i.test(url) ? url : `http://${url.replace(/^\/+/, '')}`;
}

/** Every page of web-page-parser (BBC and the other publishers), with the address its spec names. */
export function webPageParserPages(corpusDir: string): CorpusPage[] {
  const root = join(corpusDir, WEB_PAGE_PARSER);
  const urls = new Map<string, string>();
  for (const a of parserAssertions(corpusDir))
    urls.set(a.fixture.replace(/^spec\/fixtures\//, ''), a.url);
  const index = readJson<{ fixture: string; url: string }[]>(
    join(root, 'derived', 'bbc_news_fixture_index.json'),
  );
  for (const entry of index) urls.set(entry.fixture.replace(/^spec\/fixtures\//, ''), entry.url);
  const pages: CorpusPage[] = [];
  for (const publisher of readdirSync(root, { withFileTypes: true })) {
    if (!publisher.isDirectory() || publisher.name === 'derived') continue;
    for (const file of readdirSync(join(root, publisher.name))) {
      if (!/\.html?$/.test(file)) continue;
      const rel = `${publisher.name}/${file}`;
      const url = urls.get(rel);
      pages.push({
        corpus: WEB_PAGE_PARSER,
        id: rel,
        path: join(root, rel),
        url: url ? absoluteUrl(url) : `https://example.invalid/${rel}`,
      });
    }
  }
  return pages.sort((a, b) => a.id.localeCompare(b.id));
}

/** newspaper4k's article pages, with the address from metadata/<name>.json where there is one. */
export function newspaper4kPages(corpusDir: string): CorpusPage[] {
  const root = join(corpusDir, NEWSPAPER4K);
  return readdirSync(join(root, 'html'))
    .filter((f) => f.endsWith('.html'))
    .sort()
    .map((file) => {
      const name = basename(file, '.html');
      const metaPath = join(root, 'metadata', `${name}.json`);
      const url = existsSync(metaPath) ? readJson<{ url?: string }>(metaPath).url : undefined;
      return {
        corpus: NEWSPAPER4K,
        id: file,
        path: join(root, 'html', file),
        url: url ? absoluteUrl(url) : `https://example.invalid/${NEWSPAPER4K}/${file}`,
      };
    });
}
