/**
 * One scaling case in a process of its own, so its peak memory is its own: builds the synthetic
 * page, parses it, warms the tool up on a small page, runs it once on the big one and prints one
 * line of JSON. `tool` may be `parse` (parse only: the baseline the tools' peaks are read against).
 *
 *   node --expose-gc --import tsx scripts/bench-scale-case.ts <tool|parse> <name> <size> <deep 0|1>
 */
import { parseHtml } from '../src/node/load';
import { ALL_TOOLS } from '../src/eval/tools';
import { scaleCaseHtml, SYNTHETIC_URL, syntheticArticle } from '../src/eval/synthetic';

const [toolName = '', name = '', sizeArg = '0', deepArg = '0'] = process.argv.slice(2);
const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});
const mb = (bytes: number) => bytes / 1024 / 1024;

const html = scaleCaseHtml({ name, size: Number(sizeArg), deep: deepArg === '1' });
const parseStart = performance.now();
const doc = parseHtml(html);
const parseMs = performance.now() - parseStart;

let ms: number | null = null;
let textLength = 0;
let error: string | null = null;
/** The innermost frame of a failure, e.g. `Readability._cleanStyles (Readability.js:2088)`. */
let where: string | null = null;
const tool = ALL_TOOLS.find((t) => t.name === toolName);
if (tool) {
  const small = parseHtml(syntheticArticle(50));
  await tool.run(tool.mutatesInput ? (small.cloneNode(true) as Document) : small, SYNTHETIC_URL);
}
gc();
const rssBefore = mb(process.memoryUsage().rss);
if (tool) {
  try {
    const start = performance.now();
    const input = tool.mutatesInput ? (doc.cloneNode(true) as Document) : doc;
    const read = await tool.run(input, SYNTHETIC_URL);
    ms = performance.now() - start;
    textLength = read().text.length;
  } catch (err) {
    const frame = err instanceof Error ? /\n\s+at (.+)/.exec(err.stack ?? '') : null;
    where = frame ? frame[1]!.replace(/\(.*\/(node_modules|src)\//, '($1/') : null;
    error =
      err instanceof RangeError && /call stack/i.test(err.message)
        ? `stack overflow (${err.message})`
        : String(err instanceof Error ? err.message : err);
  }
}
const usage = process.memoryUsage();
console.log(
  JSON.stringify({
    tool: toolName,
    name,
    parseMs,
    ms,
    textLength,
    error,
    where,
    rssBeforeMb: rssBefore,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    heapUsedAfterMb: mb(usage.heapUsed),
  }),
);
