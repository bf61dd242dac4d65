/**
 * Runs extractors over scored pages and sums up, the benchmark's way. Each tool gets a Document
 * parsed for it alone; the HTML is read once per page. `npm run eval` and `npm run bench` build
 * on these functions.
 */
import { readHtmlFile, parseHtml } from '../node/load';
import { parserAssertions, benchmarkPages, WEB_PAGE_PARSER, type CorpusPage } from './corpora';
import { truthFromAssertions, scoreAgainstAssertions } from './assertions';
import { scoreCorpus, scorePage, type CorpusScore, type PageScore } from './metric';
import type { Tool } from './tools';

/** A page with a way to score a prediction for it. */
export interface ScoredPage {
  page: CorpusPage;
  score(predicted: string): PageScore;
}

export interface PageResult {
  id: string;
  score: PageScore;
  /** Milliseconds the tool took on its own Document (parsing not included). */
  ms: number;
  error?: string;
}

export interface ToolResult {
  tool: string;
  score: CorpusScore;
  /** Total extraction time over the corpus, parsing excluded. */
  ms: number;
  errors: number;
  pages: PageResult[];
}

export interface CorpusResult {
  corpus: string;
  pages: number;
  tools: ToolResult[];
}

/** The benchmark's 181 pages, scored against ground-truth.json. */
export function benchmarkCases(corpusDir: string): ScoredPage[] {
  return benchmarkPages(corpusDir).map((page) => ({
    page,
    score: (predicted) => scorePage(page.truth, predicted),
  }));
}

/** web-page-parser's BBC pages whose specs assert body paragraphs (see assertions.ts). */
export function bbcAssertionCases(corpusDir: string): ScoredPage[] {
  const byFixture = new Map<string, ReturnType<typeof parserAssertions>>();
  for (const a of parserAssertions(corpusDir)) {
    if (!a.fixture.includes('/bbc_news/')) continue;
    const list = byFixture.get(a.fixture) ?? [];
    list.push(a);
    byFixture.set(a.fixture, list);
  }
  const cases: ScoredPage[] = [];
  for (const [fixture, assertions] of [...byFixture].sort((x, y) => x[0].localeCompare(y[0]))) {
    const truth = truthFromAssertions(assertions);
    if (!truth.paragraphs.length) continue;
    const rel = fixture.replace(/^spec\/fixtures\//, '');
    cases.push({
      page: {
        corpus: `${WEB_PAGE_PARSER}/bbc_news`,
        id: rel,
        path: `${corpusDir}/${WEB_PAGE_PARSER}/${rel}`,
        url: assertions[0]!.url,
      },
      score: (predicted) => scoreAgainstAssertions(truth, predicted),
    });
  }
  return cases;
}

/** Runs every tool on every page, each on a fresh parse. */
export async function evaluate(
  corpus: string,
  cases: readonly ScoredPage[],
  tools: readonly Tool[],
): Promise<CorpusResult> {
  const results: ToolResult[] = tools.map((t) => ({
    tool: t.name,
    score: scoreCorpus([]),
    ms: 0,
    errors: 0,
    pages: [],
  }));
  for (const { page, score } of cases) {
    const html = readHtmlFile(page.path);
    for (let i = 0; i < tools.length; i++) {
      const tool = tools[i]!;
      const result = results[i]!;
      const doc = parseHtml(html);
      const start = performance.now();
      let text = '';
      let error: string | undefined;
      try {
        text = await tool.extract(doc, page.url);
      } catch (err) {
        // A tool that crashes on a page scores nothing there, and the table says so.
        error = err instanceof Error ? err.message : String(err);
        result.errors++;
      }
      const ms = performance.now() - start;
      result.ms += ms;
      result.pages.push({ id: page.id, score: score(text), ms, ...(error ? { error } : {}) });
    }
  }
  for (const r of results) r.score = scoreCorpus(r.pages.map((p) => p.score));
  return { corpus, pages: cases.length, tools: results };
}

/** A fixed-width table: one row per tool per corpus. */
export function formatTable(results: readonly CorpusResult[]): string {
  const header = [
    'corpus',
    'tool',
    'pages',
    'precision',
    'recall',
    'F1',
    'accuracy',
    'ms/page',
    'errors',
  ];
  const rows: string[][] = [header];
  for (const c of results)
    for (const t of c.tools)
      rows.push([
        c.corpus,
        t.tool,
        String(c.pages),
        t.score.precision.toFixed(3),
        t.score.recall.toFixed(3),
        t.score.f1.toFixed(3),
        t.score.accuracy.toFixed(3),
        (t.ms / Math.max(1, c.pages)).toFixed(1),
        String(t.errors),
      ]);
  const widths = header.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows
    .map((r) =>
      r.map((cell, i) => (i < 2 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  '),
    )
    .join('\n');
}
