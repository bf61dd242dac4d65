/**
 * `npm run eval`: Broadsheet, @mozilla/readability and defuddle on the same pages in one process
 * (each on its own parse), scored with the article-extraction-benchmark metric.
 *
 *   npm run eval                 table of precision, recall, F1, accuracy per tool per corpus
 *   npm run eval -- --json       the same figures (and per-page scores) as JSON on stdout
 *   npm run eval -- --tools broadsheet,readability   a subset of tools
 *
 * Corpora: the benchmark's 181 pages (human-written ground truth) and web-page-parser's BBC
 * pages (partial truth from its specs' assertions; see src/eval/assertions.ts).
 * BROADSHEET_CORPUS overrides where the corpus is (default ../shared/corpus).
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { ALL_TOOLS } from '../src/eval/tools';
import { bbcAssertionCases, benchmarkCases, evaluate, formatTable } from '../src/eval/run';
import { BENCHMARK, WEB_PAGE_PARSER } from '../src/eval/corpora';

const args = process.argv.slice(2);
const json = args.includes('--json');
const toolArg = args[args.indexOf('--tools') + 1];
const tools =
  args.includes('--tools') && toolArg
    ? ALL_TOOLS.filter((t) => toolArg.split(',').includes(t.name))
    : ALL_TOOLS;
if (!tools.length) {
  console.error(`No such tool. Known: ${ALL_TOOLS.map((t) => t.name).join(', ')}`);
  process.exit(2);
}

const corpusDir = resolve(
  process.env.BROADSHEET_CORPUS ?? resolve(import.meta.dirname, '../../shared/corpus'),
);
if (!existsSync(corpusDir)) {
  console.error(`Corpus not found at ${corpusDir} (set BROADSHEET_CORPUS).`);
  process.exit(2);
}

const results = [
  await evaluate(BENCHMARK, benchmarkCases(corpusDir), tools),
  await evaluate(`${WEB_PAGE_PARSER}/bbc_news`, bbcAssertionCases(corpusDir), tools),
];

if (json) {
  console.log(JSON.stringify({ corpusDir, results }, null, 2));
} else {
  console.log(formatTable(results));
  console.log(
    '\nbenchmark: shingle metric of scrapinghub/article-extraction-benchmark against its ground truth.' +
      '\nbbc_news: recall of the paragraphs web-page-parser asserts; precision = share of text between' +
      '\nthe asserted first and last paragraphs; accuracy = all asserted paragraphs present, no forbidden text.',
  );
}
