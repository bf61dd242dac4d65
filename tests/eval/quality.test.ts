/**
 * Regression guard on extraction quality: Broadsheet over the 181 pages of
 * scrapinghub/article-extraction-benchmark, scored with the benchmark's own metric.
 */
import { describe, expect, it } from 'vitest';
import { benchmarkCases, evaluate } from '../../src/eval/run';
import { broadsheetTool } from '../../src/eval/tools';
import { CORPUS_DIR, corpusAvailable } from '../helpers/corpus';

/**
 * Measured, not invented: `npm run eval` gave Broadsheet F1 0.972 (P 0.962, R 0.983) on this
 * corpus when the generic post-filters landed (Readability alone: 0.952 in the same run), and
 * the full bench of 2026-12-02 07:36 gave 0.989 (P 0.988, R 0.991). The floor is the latest
 * figure rounded down to 2 decimals; raise it when a change measurably improves it.
 */
const F1_FLOOR = 0.98;

describe.skipIf(!corpusAvailable)('extraction quality on the article-extraction benchmark', () => {
  it(`keeps F1 at or above ${F1_FLOOR}`, async () => {
    const result = await evaluate('benchmark', benchmarkCases(CORPUS_DIR), [broadsheetTool]);
    const [ours] = result.tools;
    expect(result.pages).toBe(181);
    expect(ours!.errors).toBe(0);
    expect(ours!.score.f1).toBeGreaterThanOrEqual(F1_FLOOR);
  }, 300_000);
});
