/**
 * `broadsheet extract`: one JSON record per page, in input order, written as soon as it is made.
 * A page that fails gives an error record and the run goes on.
 */
import type { Writable } from 'node:stream';
import { extractArticle, NoArticleError } from '../core';
import type { Article } from '../core';
import { warcPages, WarcFormatError } from '../node/warc';
import type { WarcPage, WarcTally } from '../node/warc';
import { EXIT_FAILURE, EXIT_NO_ARTICLE, EXIT_OK } from './args';
import type { ExtractInputs } from './args';
import {
  describeIoError,
  expandFolders,
  fileAddress,
  htmlDocument,
  isWarcFile,
  isZlibError,
  loadPage,
  ownAddress,
  PageReadError,
  readManifest,
  readStdin,
  STDIN,
  STDIN_ADDRESS,
} from './pages';
import type { PageError, PageInput, StdinInput } from './pages';
import { writeRecord } from './output';

export async function runExtract(
  inputs: ExtractInputs,
  pretty: boolean,
  out: Writable,
  err?: Writable,
  /** Standard input, opened only when a FILE is `-`. */
  stdin: () => AsyncIterable<Buffer> = () => process.stdin,
): Promise<number> {
  // Every input is known (folders listed, the manifest read) before the first record is written.
  const pages: PageInput[] =
    inputs.kind === 'manifest'
      ? readManifest(inputs.manifest)
      : expandFolders(inputs.files, inputs.url);

  let status = EXIT_OK;
  const write = async (result: PageRecord) => {
    if ('error' in result)
      status = Math.max(
        status,
        result.error.code === 'no-article' ? EXIT_NO_ARTICLE : EXIT_FAILURE,
      );
    await writeRecord(out, result, pretty);
  };
  for (const page of pages) {
    if (page.error) await write({ error: page.error, source: page.source });
    // (A manifest's paths are joined to its folder: never `-`.)
    else if (page.source === STDIN) await extractStdin(page, stdin, write, err);
    else if (isWarcFile(page.source)) await extractWarc(page, page.source, write, err);
    else await write(extractPage(page, () => loadPage(page.source), fileAddress(page.source)));
  }
  return status;
}

/** Standard input (FILE `-`): a page, or a WARC file read as a stream. */
async function extractStdin(
  page: PageInput,
  stdin: () => AsyncIterable<Buffer>,
  write: (result: PageRecord) => Promise<void>,
  err: Writable | undefined,
): Promise<void> {
  let input: StdinInput;
  try {
    input = await readStdin(stdin());
  } catch (failure) {
    await write({ error: describeIoError(failure), source: page.source });
    return;
  }
  if (input.kind === 'warc') await extractWarc(page, input.bytes, write, err);
  else await write(extractPage(page, input.read, STDIN_ADDRESS));
}

type PageRecord = Article | { error: PageError; source: string; url?: string; record?: string };

/**
 * One saved page, `load`ed (read and parsed), under its address: the one given, else its own,
 * else `fallback` (a file's `file://` URL).
 */
function extractPage(page: PageInput, load: () => Document, fallback: string): PageRecord {
  try {
    const doc = load();
    if (page.url) return extractArticle(doc, page.url);
    const own = ownAddress(doc, fallback);
    if (own) return extractArticle(doc, own);
    const article = extractArticle(doc, fallback);
    // Classic news.bbc.co.uk pages and the first story-body pages name themselves only in a
    // meta the site extractors read (UKFS_URL, web-page-parser/bbc_news/7745137.stm.html,
    // 10249066.stm.html). Under file:// their root-relative
    // related-story links resolve to nothing, so extract once more under the page's own address.
    if (article.canonicalUrl && !article.archive) return extractArticle(doc, article.canonicalUrl);
    return article;
  } catch (err) {
    return { error: describeFailure(err), source: page.source };
  }
}

/**
 * Every HTML page of a WARC file, in record order, each under the address it was captured from
 * and with the capture as its `archive` (unless the page is itself a Wayback capture, which
 * says more). A file that stops being a WARC ends its pages with an error record.
 */
async function extractWarc(
  page: PageInput,
  bytes: string | AsyncIterable<Buffer>,
  write: (result: PageRecord) => Promise<void>,
  err: Writable | undefined,
): Promise<void> {
  const source = page.source;
  if (page.url) {
    await write({
      error: {
        code: 'url-for-warc',
        message: 'A WARC file names the address of each page it holds; give it without a URL.',
      },
      source,
    });
    return;
  }
  const tally: WarcTally = { records: 0, pages: 0 };
  try {
    for await (const captured of warcPages(bytes, tally))
      await write(extractCaptured(captured, source));
    if (tally.records === 0)
      await write({ error: { code: 'not-warc', message: 'The file is empty.' }, source });
  } catch (failure) {
    const error =
      failure instanceof WarcFormatError
        ? { code: tally.records ? 'bad-warc' : 'not-warc', message: failure.message }
        : isZlibError(failure)
          ? {
              code: 'bad-warc',
              message: `The file is cut off or damaged: its gzip data breaks after ${tally.records} WARC records.`,
            }
          : describeIoError(failure);
    await write({ error, source });
  }
  if (tally.records === 0) return;
  err?.write(
    `broadsheet: ${source}: ${tally.records} WARC record${tally.records === 1 ? '' : 's'}, ` +
      `${tally.pages} HTML page${tally.pages === 1 ? '' : 's'}\n`,
  );
}

function extractCaptured(captured: WarcPage, source: string): PageRecord {
  try {
    const article = extractArticle(htmlDocument(captured.html), captured.url);
    return {
      ...article,
      archive: article.archive ?? {
        service: 'warc',
        url: captured.recordId,
        capturedAt: captured.capturedAt,
      },
    };
  } catch (err) {
    return { error: describeFailure(err), source, url: captured.url, record: captured.recordId };
  }
}

function describeFailure(err: unknown): PageError {
  if (err instanceof PageReadError) return { code: err.code, message: err.message };
  if (err instanceof NoArticleError) return { code: err.code, message: err.message };
  // Anything else is a fault in Broadsheet on this page: say so, and carry on with the rest.
  const message = err instanceof Error ? err.message : String(err);
  return { code: 'extract-failed', message: `Extraction failed: ${message}` };
}
