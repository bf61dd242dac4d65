/**
 * Cleanup for pages parsed in Node (linkedom). Same result as core's `cleanPage`; only the
 * queries that plan it are answered differently.
 */
import { applyPlan, planCleanup } from '../core/clean';
import { indexDocument } from '../core/query-index';
import type { CleanOptions, CleanReport } from '../core/types';

/**
 * `cleanPage` with the plan read from an index of the page, as extraction reads it. linkedom
 * answers each query by walking the page, and a selector with a descendant combinator
 * (`main#main-content aside`) by climbing from each candidate to the top: 20,000 `<aside>`s nested
 * in a bbc.com story's `<main>` took 9 s to clean, growing with the square of the depth, and now
 * take 0.2 s. On the corpus the index makes cleaning 3× as fast (median per page, 5 rounds: 0.21
 * of the time on the 23 BBC pages, 0.32–0.35 on the other corpora). A browser, where the content
 * script cleans, answers selectors natively, and the index is not in its bundle. The page is
 * indexed only while the plan is made, before anything on it changes; the result is the same.
 */
export function cleanParsedPage(
  doc: Document,
  url: string,
  options: CleanOptions = {},
): CleanReport {
  const index = indexDocument(doc);
  let plan;
  try {
    plan = planCleanup(doc, url, options);
  } finally {
    index.release();
  }
  return applyPlan(plan, options);
}
