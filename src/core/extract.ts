/**
 * extractArticle: the whole pipeline with the generic (Readability) reader built in, for Node,
 * the CLI and the tests. The content script uses `extractArticleWith` (./lite.ts) instead, so it
 * loads Readability only on pages that need it.
 */
import type { Article, ExtractOptions } from './types';
import { extractArticleWith } from './pipeline';
import { genericReader } from '../sites/generic';

/**
 * Extracts the article of `doc`, loaded from `url`. Throws `NoArticleError` when the page has
 * no article body. Never mutates `doc`.
 */
export function extractArticle(doc: Document, url: string, options: ExtractOptions = {}): Article {
  return extractArticleWith(genericReader, doc, url, options);
}
