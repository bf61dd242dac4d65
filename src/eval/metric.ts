/**
 * The text-extraction metric of scrapinghub/article-extraction-benchmark, as
 * /work/shared/corpus/README.md states it: tokens are maximal runs of Unicode word characters
 * (case kept), shingles are 4-grams of consecutive tokens, and a page is scored on the multisets
 * of shingles. Pure: strings in, numbers out.
 */

/** Shingle length the benchmark uses. */
export const SHINGLE_SIZE = 4;

/**
 * Python's Unicode `\w` (the benchmark's evaluate.py tokenizes with `re.findall(r'\w+')`):
 * `str.isalnum()` characters (every letter and number category) plus `_`. Combining marks are
 * not word characters there, so they split tokens here too.
 */
const WORD_RUN = /[\p{L}\p{N}_]+/gu;

/** Every maximal run of word characters, in order, case kept. */
export function tokenize(text: string): string[] {
  return text.match(WORD_RUN) ?? [];
}

/**
 * The multiset of 4-gram shingles of `tokens` (key: tokens joined by a space, which no token
 * contains). Fewer than 4 tokens make one shingle of all of them; no tokens make none.
 */
export function shingles(tokens: readonly string[], size = SHINGLE_SIZE): Map<string, number> {
  const out = new Map<string, number>();
  if (tokens.length === 0) return out;
  const add = (key: string) => out.set(key, (out.get(key) ?? 0) + 1);
  if (tokens.length < size) {
    add(tokens.join(' '));
    return out;
  }
  for (let i = 0; i + size <= tokens.length; i++) add(tokens.slice(i, i + size).join(' '));
  return out;
}

export interface PageScore {
  tp: number;
  fp: number;
  fn: number;
  /** Null where TP + FP = 0 (nothing predicted): left out of the corpus mean, as evaluate.py does. */
  precision: number | null;
  /** Null where TP + FN = 0 (nothing to find): left out of the corpus mean. */
  recall: number | null;
  /** The predicted token sequence equals the truth exactly. */
  exact: boolean;
}

/** Scores one page: prediction against truth. */
export function scorePage(truth: string, predicted: string): PageScore {
  const truthTokens = tokenize(truth);
  const predTokens = tokenize(predicted);
  const t = shingles(truthTokens);
  const p = shingles(predTokens);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const [key, n] of p) {
    const m = t.get(key) ?? 0;
    tp += Math.min(n, m);
    fp += Math.max(0, n - m);
  }
  for (const [key, m] of t) fn += Math.max(0, m - (p.get(key) ?? 0));
  // evaluate.py normalizes TP/FP/FN by their sum before dividing; the ratios are the same.
  return {
    tp,
    fp,
    fn,
    precision: tp + fp > 0 ? tp / (tp + fp) : null,
    recall: tp + fn > 0 ? tp / (tp + fn) : null,
    exact: sameSequence(truthTokens, predTokens),
  };
}

function sameSequence(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

export interface CorpusScore {
  /** Mean of the per-page precisions that are defined. */
  precision: number;
  /** Mean of the per-page recalls that are defined. */
  recall: number;
  /** F1 of the two means (not a mean of per-page F1s). */
  f1: number;
  /** Share of pages whose token sequence equals the truth exactly. */
  accuracy: number;
  pages: number;
}

/** Corpus figures from page scores, the benchmark's way. */
export function scoreCorpus(pages: readonly PageScore[]): CorpusScore {
  const precision = mean(pages.map((p) => p.precision));
  const recall = mean(pages.map((p) => p.recall));
  return {
    precision,
    recall,
    f1: f1(precision, recall),
    accuracy: pages.length ? pages.filter((p) => p.exact).length / pages.length : 0,
    pages: pages.length,
  };
}

export function f1(precision: number, recall: number): number {
  return precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
}

/** Mean of the defined values; 0 when none is. */
export function mean(values: readonly (number | null)[]): number {
  let sum = 0;
  let n = 0;
  for (const v of values)
    if (v !== null) {
      sum += v;
      n++;
    }
  return n ? sum / n : 0;
}
