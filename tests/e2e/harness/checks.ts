/**
 * What the Chromium and Firefox suites check on a page, whichever library drives the browser: text
 * compared with whitespace collapsed, clutter strings gone, article sentences kept, and the text
 * a reader had at the first DOMContentLoaded.
 */
import { expect } from 'vitest';
import { parseHtml, readHtmlFile } from '../../../src/node/load';
import type { E2ePage } from './pages';

export const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();

/** The clutter strings still in `text`. */
export const clutterIn = (text: string, clutter: string[]) =>
  clutter.filter((c) => collapse(text).includes(collapse(c)));

/** The article sentences missing from `text`. */
export const sentencesMissingFrom = (text: string, sentences: string[]) =>
  sentences.filter((s) => !collapse(text).includes(collapse(s)));

/** The page's own text as served, to check the clutter strings are really there before cleanup. */
export function servedText(page: E2ePage): string {
  return collapse(parseHtml(readHtmlFile(page.file)).body?.textContent ?? '');
}

/** Waits until no clutter string is left in what a reader sees; resolves to that text. */
export async function waitForCleanup(
  readText: () => Promise<string>,
  clutter: string[],
): Promise<string> {
  let text = '';
  await expect
    .poll(
      async () => {
        text = collapse(await readText());
        return clutterIn(text, clutter);
      },
      { timeout: 15_000 },
    )
    .toEqual([]);
  return text;
}

/**
 * Runs in the page's own world before any of its scripts (an init script): the first
 * DOMContentLoaded listener keeps the text a reader had then.
 */
export const keepTextAtDomContentLoaded = () => {
  document.addEventListener(
    'DOMContentLoaded',
    () => {
      (window as unknown as { __atDcl: string }).__atDcl = document.body.innerText;
    },
    { once: true },
  );
};

/** Runs in the page: the text keepTextAtDomContentLoaded kept. */
export const textKeptAtDomContentLoaded = () => (window as unknown as { __atDcl: string }).__atDcl;
