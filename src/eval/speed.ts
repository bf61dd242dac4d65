/**
 * Extraction speed in Node, parsing excluded, and the quality of the same runs.
 *
 * Each page is read and parsed once (untimed), then every tool runs on it `rounds` times,
 * interleaved: in each round every tool runs once, in an order rotated per round and per page,
 * so no tool always runs first (cold caches) or right after another's garbage. A tool that
 * changes its input (Readability) gets a fresh `cloneNode(true)` of the parsed page, and the
 * copy is made inside its timing: Firefox's Reader View copies the document before parsing it
 * too. Broadsheet and Defuddle leave their input alone and are given the parsed page; whatever
 * copy they need they make inside their own calls (Broadsheet none for a BBC page). Reading a
 * tool's output into text for scoring is not timed.
 *
 * The first round's output is scored (text, metadata). Tools that say they do not change their
 * input are checked in that round: the page's markup just before and just after each one's run
 * must be the same. One that changed it (Defuddle, on some pages) is named in the report, and
 * after each of its runs the page is parsed again, untimed, so no other tool reads its changes.
 */
import { readHtmlFile, parseHtml } from '../node/load';
import type { BenchPage } from './bench-pages';
import type { PageScore } from './metric';
import type { Extraction, Tool } from './tools';
import { NOTHING_FOUND } from './tools';

export interface PageRun {
  page: BenchPage;
  /** Per tool (in `tools` order): milliseconds of each round. */
  ms: number[][];
  /** Per tool: what the first round found. */
  found: Extraction[];
  /** Per tool: the text score, where the page has a truth. */
  score: (PageScore | null)[];
  /** Per tool: the error the tool threw, if it did. */
  error: (string | null)[];
}

export interface SpeedOptions {
  rounds: number;
  /** Pages run untimed first, so the JIT has seen every tool before the clock starts. */
  warmup: number;
  onPage?: (done: number, total: number) => void;
}

export interface SpeedRun {
  tools: string[];
  rounds: number;
  pages: PageRun[];
  /** Tools that changed a page they said they leave alone (tool: page ids). */
  mutated: Record<string, string[]>;
}

async function timeOnce(
  tool: Tool,
  parsed: Document,
  url: string,
): Promise<{ ms: number; read: () => Extraction }> {
  const start = performance.now();
  const input = tool.mutatesInput ? (parsed.cloneNode(true) as Document) : parsed;
  const read = await tool.run(input, url);
  return { ms: performance.now() - start, read };
}

export async function runSpeed(
  pages: readonly BenchPage[],
  tools: readonly Tool[],
  options: SpeedOptions,
): Promise<SpeedRun> {
  const mutated: Record<string, string[]> = {};
  for (const page of pages.slice(0, options.warmup)) {
    const doc = parseHtml(readHtmlFile(page.path));
    for (const tool of tools) await timeOnce(tool, doc, page.url).catch(() => undefined);
  }

  const runs: PageRun[] = [];
  for (const [p, page] of pages.entries()) {
    let doc = parseHtml(readHtmlFile(page.path));
    const run: PageRun = {
      page,
      ms: tools.map(() => []),
      found: tools.map(() => NOTHING_FOUND),
      score: tools.map(() => null),
      error: tools.map(() => null),
    };
    // Tools that changed this page though they say they do not: after each of their runs the
    // page is parsed again (not timed), so the tools after them see the page as it was.
    const changedIt = new Set<number>();
    for (let round = 0; round < options.rounds; round++) {
      for (let k = 0; k < tools.length; k++) {
        const t = (k + round + p) % tools.length;
        const tool = tools[t]!;
        // Compared just before and after this tool's own run (untimed), so a change is put down
        // to the tool that made it, not to whichever ran next.
        const before = round === 0 && !tool.mutatesInput ? serialize(doc) : null;
        try {
          const { ms, read } = await timeOnce(tool, doc, page.url);
          run.ms[t]!.push(ms);
          if (round === 0) run.found[t] = read();
        } catch (err) {
          // A tool that throws on a page has no time there and scores nothing; tables count it.
          run.error[t] = err instanceof Error ? err.message : String(err);
        }
        if (before !== null && serialize(doc) !== before) {
          changedIt.add(t);
          (mutated[tool.name] ??= []).push(page.id);
        }
        if (changedIt.has(t)) doc = parseHtml(readHtmlFile(page.path));
      }
    }
    run.score = run.found.map((f) => (page.score ? page.score(f.text) : null));
    runs.push(run);
    options.onPage?.(p + 1, pages.length);
  }
  return { tools: tools.map((t) => t.name), rounds: options.rounds, pages: runs, mutated };
}

function serialize(doc: Document): string {
  return doc.documentElement?.outerHTML ?? '';
}

/** The q-quantile (0..1) of `values` by linear interpolation; NaN for none. */
export function quantile(values: readonly number[], q: number): number {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const at = (sorted.length - 1) * q;
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (at - lo);
}

export const median = (values: readonly number[]) => quantile(values, 0.5);

export interface TimingSummary {
  tool: string;
  pages: number;
  /** Median over pages of each page's median round, ms. */
  median: number;
  /** 95th percentile over pages of each page's median round, ms. */
  p95: number;
  /** Sum over pages of each page's median round, ms. */
  total: number;
  errors: number;
}

/** Per-tool timing over `runs` (one figure per page: the median of its rounds). */
export function summarizeTiming(
  tools: readonly string[],
  runs: readonly PageRun[],
): TimingSummary[] {
  return tools.map((tool, t) => {
    const perPage = runs.filter((r) => r.ms[t]!.length).map((r) => median(r.ms[t]!));
    return {
      tool,
      pages: perPage.length,
      median: median(perPage),
      p95: quantile(perPage, 0.95),
      total: perPage.reduce((a, b) => a + b, 0),
      errors: runs.filter((r) => r.error[t]).length,
    };
  });
}
