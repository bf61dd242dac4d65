/**
 * What the Chromium and Firefox suites check on a page, whichever library drives the browser: text
 * compared with whitespace collapsed, clutter strings gone, article sentences kept, and the text
 * a reader had at the first DOMContentLoaded.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
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

const AXE_SOURCE = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

/** Runs axe-core in the page: its violations as `rule (help): target` lines. */
const AXE_RUN = `axe
  .run(document, { resultTypes: ['violations'], runOnly: ['wcag2a', 'wcag2aa', 'best-practice'] })
  .then((result) =>
    result.violations.flatMap((v) => v.nodes.map((n) => v.id + ' (' + v.help + '): ' + n.target.join(' '))),
  )`;

/**
 * axe-core's violations on a page (empty when there are none), whichever library drives it:
 * `evaluate` runs an expression in the page and resolves to its (awaited) value. The source goes
 * in through the driver's evaluation, which extension pages' CSP does not block (a <script> tag
 * would be, rightly).
 */
export async function axeViolations(
  evaluate: (expression: string) => Promise<unknown>,
): Promise<string[]> {
  await evaluate(AXE_SOURCE);
  return (await evaluate(AXE_RUN)) as string[];
}
