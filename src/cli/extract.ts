/**
 * `broadsheet extract`: one JSON record per page, in input order, written as soon as it is made.
 * A page that fails gives an error record and the run goes on.
 */
import type { Writable } from 'node:stream';
import { extractArticle, NoArticleError } from '../core';
import type { Article } from '../core';
import { EXIT_FAILURE, EXIT_NO_ARTICLE, EXIT_OK } from './args';
import type { ExtractInputs } from './args';
import { fileAddress, loadPage, ownAddress, PageReadError, readManifest } from './pages';
import type { PageError, PageInput } from './pages';
import { writeRecord } from './output';

export async function runExtract(
  inputs: ExtractInputs,
  pretty: boolean,
  out: Writable,
): Promise<number> {
  const pages: PageInput[] =
    inputs.kind === 'manifest'
      ? readManifest(inputs.manifest)
      : inputs.files.map((source) => ({ source, url: inputs.url }));

  let status = EXIT_OK;
  for (const page of pages) {
    const result = extractPage(page);
    if ('error' in result)
      status = Math.max(
        status,
        result.error.code === 'no-article' ? EXIT_NO_ARTICLE : EXIT_FAILURE,
      );
    await writeRecord(out, result, pretty);
  }
  return status;
}

type PageRecord = Article | { error: PageError; source: string };

function extractPage(page: PageInput): PageRecord {
  try {
    const doc = loadPage(page.source);
    if (page.url) return extractArticle(doc, page.url);
    const own = ownAddress(doc, page.source);
    if (own) return extractArticle(doc, own);
    const article = extractArticle(doc, fileAddress(page.source));
    // Classic news.bbc.co.uk pages name themselves only in a meta the site extractor reads
    // (UKFS_URL, web-page-parser/bbc_news/7745137.stm.html). Under file:// their root-relative
    // related-story links resolve to nothing, so extract once more under the page's own address.
    if (article.canonicalUrl && !article.archive) return extractArticle(doc, article.canonicalUrl);
    return article;
  } catch (err) {
    return { error: describeFailure(err), source: page.source };
  }
}

function describeFailure(err: unknown): PageError {
  if (err instanceof PageReadError) return { code: err.code, message: err.message };
  if (err instanceof NoArticleError) return { code: err.code, message: err.message };
  // Anything else is a fault in Broadsheet on this page: say so, and carry on with the rest.
  const message = err instanceof Error ? err.message : String(err);
  return { code: 'extract-failed', message: `Extraction failed: ${message}` };
}
