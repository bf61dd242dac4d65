/**
 * The directive scan's browser path (src/core/clean/broken-directives.ts: the DOM's own selector,
 * XPath and ranges instead of a pass over every element) finds exactly what the portable path
 * finds, in Chromium, on pages that put hints and directives where a shortcut could go wrong,
 * on the 2007 reference story and on the corpus's BBC pages.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findChromium } from './harness/browser';
import { pageBundle } from './harness/page-bundle';
import { corpusAvailable, corpusPath } from '../helpers/corpus';

const ROOT = resolve(import.meta.dirname, '../..');
const SSI_ERROR = '[an error occurred while processing this directive]';
const page = (body: string) =>
  `<!doctype html><html><head><title>t</title></head><body>${body}</body></html>`;

/** Each with what a reader must see cut (the portable path must agree as well). */
const CASES: [name: string, html: string, expected: string[]][] = [
  [
    'directives before, between and after scripts and styles',
    page(`${SSI_ERROR}<script>x</script>mid ${SSI_ERROR}<style>a{}</style>end ${SSI_ERROR}`),
    [`text "${SSI_ERROR}"`, `text "${SSI_ERROR}"`, `text "${SSI_ERROR}"`],
  ],
  [
    'a directive right after a script that ends with half a hint',
    page(`<div><script>var s = "<!-"</script>${SSI_ERROR}</div>`),
    [`text "${SSI_ERROR}"`],
  ],
  [
    'hints only in scripts, a style and a textarea',
    page(`<script>// directive <!-- esi:</script><p>clean</p><textarea>${SSI_ERROR}</textarea>`),
    [],
  ],
  [
    'an escaped SSI element after a hint split over two paragraphs',
    page(
      `<p>dir</p><p>ective &lt;!--#include virtual="/x" --&gt;</p><script>// directive</script>`,
    ),
    ['text "<!--#include virtual="/x" -->"'],
  ],
  [
    'a directive a page script split over two text nodes',
    page(
      `<p id="p">start</p><script>document.getElementById('p').append(' [an error occurred while processing ', 'this directive] ')</script>`,
    ),
    ['text "[an error occurred while processing "', 'text "this directive]"'],
  ],
  [
    'a directive in capitals, and one a page script split over three nodes, none holding a hint',
    page(
      `<p>[AN ERROR OCCURRED WHILE PROCESSING THIS DIRECTIVE]</p><p id="p">x</p>` +
        `<script>document.getElementById('p').append(' [an error occurred while processing this di', 'rec', 'tive] ')</script>`,
    ),
    [
      'text "[AN ERROR OCCURRED WHILE PROCESSING THIS DIRECTIVE]"',
      'text "[an error occurred while processing this di"',
      'text "rec"',
      'text "tive]"',
    ],
  ],
  [
    'directive text in an SVG: cut from its text, not looked for in its style',
    page(`<svg><style>/* ${SSI_ERROR} */</style><text>${SSI_ERROR}</text></svg><p>Story</p>`),
    [`text "${SSI_ERROR}"`],
  ],
  [
    'ESI elements around directive text, found in document order',
    page(
      `<esi:include src="/a"></esi:include><p>${SSI_ERROR} Story</p>` +
        `<esi:include src="/b"></esi:include><p>&lt;esi:include src="/c"/&gt;</p>`,
    ),
    [
      'element esi:include',
      `text "${SSI_ERROR}"`,
      'element esi:include',
      'text "<esi:include src="/c"/>"',
    ],
  ],
  [
    'ESI elements and no directive text: empty ones hidden, once, outside scripts and templates',
    page(
      `<p>Story</p><esi:include src="/a"></esi:include><script>var a = "<!--"</script>` +
        `<esi:try><esi:attempt><esi:include src="/b"></esi:include></esi:attempt></esi:try>` +
        `<esi:remove>Kept</esi:remove><noscript><esi:include></esi:include></noscript>` +
        `<div><ESI:VARS></ESI:VARS><template><esi:include></esi:include></template></div>` +
        `<svg><foo:bar/></svg>`,
    ),
    ['element esi:include', 'element esi:try', 'element esi:vars'],
  ],
];

const chromiumPath = findChromium();
if (!chromiumPath) {
  if (process.env.CI === 'true') throw new Error('Chromium is required for the e2e tests in CI.');
  console.warn(
    '\n[broadsheet] NOTICE: no Chromium found; the directive-scan e2e tests are SKIPPED.\n',
  );
}

const PAGE_URL = 'http://directives.test/page';

describe.skipIf(!chromiumPath)('the directive scan in Chromium', () => {
  let browser: Browser;
  let tab: Page;
  let bundle: string;
  let html = '';

  beforeAll(async () => {
    bundle = await pageBundle('tests/e2e/harness/directive-scan-entry.ts', 'directiveScanBundle');
    browser = await chromium.launch({ executablePath: chromiumPath! });
    tab = await browser.newPage();
    // The page itself, and nothing from anywhere else (the corpus pages name real hosts).
    await tab.route('**/*', (route) =>
      route.request().url() === PAGE_URL
        ? route.fulfill({ body: html, contentType: 'text/html; charset=utf-8' })
        : route.abort(),
    );
  });

  afterAll(async () => {
    await browser?.close();
  });

  async function bothPaths(source: string): Promise<{ browser: string[]; portable: string[] }> {
    html = source;
    await tab.goto(PAGE_URL);
    await tab.addScriptTag({ content: bundle });
    return tab.evaluate(() => {
      const scan = (
        globalThis as unknown as {
          directiveScan: { browserPath(): string[]; portablePath(): string[] };
        }
      ).directiveScan;
      return { browser: scan.browserPath(), portable: scan.portablePath() };
    });
  }

  it.each(CASES)('%s', async (_name, source, expected) => {
    const found = await bothPaths(source);
    expect(found.browser).toEqual(expected);
    expect(found.portable).toEqual(expected);
  });

  it("cuts the 2007 reference story's directive the same way on both paths", async () => {
    const found = await bothPaths(
      readFileSync(
        resolve(ROOT, 'tests/fixtures/bbc-classic--2007-no-breakthrough/page.html'),
        'latin1',
      ),
    );
    expect(found.browser.length).toBeGreaterThan(0);
    expect(found.browser).toEqual(found.portable);
  });

  it.skipIf(!corpusAvailable)('agrees on every BBC page of web-page-parser', async () => {
    const dir = corpusPath('web-page-parser/bbc_news');
    for (const file of readdirSync(dir)) {
      const found = await bothPaths(readFileSync(resolve(dir, file), 'latin1'));
      expect(found.browser, file).toEqual(found.portable);
    }
  });
});
