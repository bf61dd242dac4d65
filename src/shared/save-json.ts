/**
 * "Save as JSON": the article through the downloads API, named by `articleFilename`. Used by the
 * background (the popup's button, the context menu) and by the reader view's own button.
 */
import browser from 'webextension-polyfill';
import type { Article } from '../core/types';
import { articleFilename } from '../export/filename';

/** The same bytes the CLI writes with `--pretty`: two-space JSON and a final newline. */
export function articleJson(article: Article): string {
  return JSON.stringify(article, null, 2) + '\n';
}

/**
 * Chrome's service worker has no `URL.createObjectURL`, so the file goes as a `data:` URL there;
 * Firefox's background page has it, and its downloads API refuses `data:` URLs ("Access denied
 * for URL data:…", https://github.com/mdn/webextensions-examples/issues/202), so a blob there.
 */
function downloadUrl(json: string): { url: string; release(): void } {
  if (typeof URL.createObjectURL === 'function') {
    const url = URL.createObjectURL(new Blob([json], { type: 'application/json' }));
    // Revoking at once could cancel a download that has not started reading yet.
    return { url, release: () => setTimeout(() => URL.revokeObjectURL(url), 60_000) };
  }
  return {
    url: `data:application/json;charset=utf-8,${encodeURIComponent(json)}`,
    release: () => undefined,
  };
}

/** Starts the download; resolves to the download's id. */
export async function saveArticleJson(article: Article, today = new Date()): Promise<number> {
  const file = downloadUrl(articleJson(article));
  try {
    return await browser.downloads.download({
      url: file.url,
      filename: articleFilename(article, today),
      saveAs: false,
      conflictAction: 'uniquify',
    });
  } finally {
    file.release();
  }
}
