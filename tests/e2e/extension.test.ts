/**
 * The built extension (dist/) in real Chromium, on pages served at their real addresses:
 * cleanup on load and before first paint, the popup, Save as JSON, the reader view, Show
 * original, on-demand injection on a non-BBC page, and no request the pages did not ask for.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, SETTINGS_KEY } from '../../src/shared/settings';
import {
  articleOfTab,
  findChromium,
  launchWithExtension,
  launchWithGrantedHosts,
  openReaderFromPopup,
  recordRequests,
} from './harness/browser';
import type { ExtensionBrowser, TabRequest } from './harness/browser';
import {
  clutterIn,
  collapse,
  keepTextAtDomContentLoaded,
  sentencesMissingFrom,
  servedText,
  textKeptAtDomContentLoaded,
  waitForCleanup,
} from './harness/checks';
import { filesIn, savedJson } from './harness/downloads';
import { cliArticle, schemaErrors } from './harness/expected';
import { routeBody, startFixtureServer } from './harness/server';
import type { FixtureRoute, FixtureServer } from './harness/server';
import {
  availablePages,
  BBC_PAGES,
  CLASSIC_2007,
  GENERIC_PAGE,
  MODERN_2020,
  MODERN_2024,
  SCRIPT_HOME,
  SCRIPT_SPORT,
  STRICT_CSP_2007,
  WAYBACK_2009,
  WAYBACK_PAGES,
} from './harness/pages';
import { corpusPath } from '../helpers/corpus';

/** The few extension APIs the tests call inside the service worker. */
declare const chrome: {
  tabs: {
    query(q: object): Promise<{ id?: number; url?: string }[]>;
    sendMessage(tabId: number, message: object): Promise<unknown>;
  };
  storage: { sync: { set(items: object): Promise<void> } };
  action: { getBadgeText(details: { tabId: number }): Promise<string> };
};

const ROOT = resolve(import.meta.dirname, '../..');
const DIST = resolve(ROOT, 'dist');
const ARTIFACTS = resolve(ROOT, 'artifacts');

/**
 * A non-BBC article that declares its article element (article-extraction-benchmark 6ebac05f…):
 * Readability is handed only that element (src/sites/generic-scope.ts), so the site's address
 * and copyright lines under it, which a read of the whole page kept, are not in the export.
 */
const SCOPED_PAGE = {
  url: 'https://thehill.com/blogs/blog-briefing-room/news/471031-new-york-man-pleads-guilty-to-threatening-to-kill-omar',
  file: corpusPath(
    'article-extraction-benchmark/html/6ebac05f637ece8aa57c298a2a5e3a8047f546f855d0f29cc683cea60ce85c85.html.gz',
  ),
  // The headline the page prints; its <title> adds " | TheHill".
  title: 'New York man pleads guilty to threatening to kill Omar',
  firstSentence:
    'A New York man pleaded guilty to charges he threatened to kill Rep. Ilhan Omar (D-Minn.), the U.S. Attorney’s Office for the Western District of New York announced Monday.',
  footer: 'The Hill 1625 K Street, NW Suite 900 Washington DC 20006',
};

/**
 * A non-BBC page whose story is a table of data (article-extraction-benchmark 11ea381a…, the
 * 2019 NASCAR Cup standings): the reader shows it as a table, one row per driver.
 */
const TABLE_PAGE = {
  url: 'http://www.autoracing.com.br/classificacao-nascar/',
  file: corpusPath(
    'article-extraction-benchmark/html/11ea381ad92b5448cf66eae62f52ac565361a244c8881615fc6a7bb523cc0c32.html.gz',
  ),
  // The saved page has no <meta charset>: the site named UTF-8 in its HTTP header.
  contentType: 'text/html; charset=utf-8',
};

/**
 * Pages Chromium builds another tree from than the CLI's parser does, where a reader once got
 * less than the CLI gave: a 2006 story whose last paragraph the HTML standard's parser moves out
 * of the story's <font> (its text, in the CLI's article and not in the browser's before), a 2009
 * story whose moderation notice has a terms link the parser puts after it, and a 2020 story whose
 * chart sits in a <noscript> that a browser with scripting on parses as text.
 */
const BROWSER_TREE_PAGES = [
  {
    name: 'classic 2006 (corpus 6072486)',
    url: 'http://news.bbc.co.uk/1/hi/england/bradford/6072486.stm',
    file: corpusPath('web-page-parser/bbc_news/6072486.stm.html'),
    inArticle: 'He denied the charges against him through his solicitor',
  },
  {
    name: 'classic 2009 (corpus 8063681)',
    url: 'http://news.bbc.co.uk/1/hi/magazine/8063681.stm',
    file: corpusPath('web-page-parser/bbc_news/8063681.stm.html'),
    inArticle: 'answering such obvious questions.',
    hiddenFromPage: 'Terms & Conditions',
  },
  {
    name: 'modern 2020 (corpus 32271505-2020)',
    url: 'https://www.bbc.co.uk/news/election-2015-32271505',
    file: corpusPath('web-page-parser/bbc_news/32271505-2020.html'),
    inArticle: 'https://news.bbcimg.co.uk/media/images/82245000/png/_82245629_taxation.png',
  },
].filter((p) => existsSync(p.file));

/**
 * Readability's lazy-image-1 test page (a Medium post) at an address of its own: each picture is a
 * blurred 60-pixel placeholder with the real one in <noscript>.
 */
const LAZY_PAGE = {
  url: 'https://medium.example/lazy-image-1',
  file: corpusPath('readability-test-pages/lazy-image-1/source.html'),
  contentType: 'text/html; charset=utf-8',
};

/**
 * Readability's wikipedia-3 (Hermitian matrix) at Wikipedia's address: each formula is MathML
 * the page hides for screen readers beside a picture of it. Chromium parses the MathML into its
 * own namespace; the reader gives each formula as text in its sentence.
 */
const FORMULA_PAGE = {
  url: 'https://en.wikipedia.org/wiki/Hermitian_matrix',
  file: corpusPath('readability-test-pages/wikipedia-3/source.html'),
  contentType: 'text/html; charset=utf-8',
  sentence:
    'If the conjugate transpose of a matrix A is denoted by A^H, then the Hermitian property can be written concisely as',
  displayed: 'A Hermitian ⟺ A = A^H',
};

/** A fact-check, whose claim and verdict its ClaimReview markup declares beside the story. */
const FACT_CHECK_PAGE = {
  url: 'https://www.snopes.com/fact-check/marie-yovanovitch-net-worth/',
  file: corpusPath(
    'article-extraction-benchmark/html/8380689f358c1e3a0f6fca6e11ed13e5304a74060139f7a584347db213950446.html.gz',
  ),
  contentType: 'text/html; charset=utf-8',
  claim: 'Former U.S. ambassador to Ukraine Marie Yovanovitch has a net worth of $17 million.',
};

const chromiumPath = findChromium();
if (!chromiumPath) {
  if (process.env.CI === 'true') throw new Error('Chromium is required for the e2e tests in CI.');
  console.warn('\n[broadsheet] NOTICE: no Chromium found; e2e tests are SKIPPED.\n');
}

describe.skipIf(!chromiumPath)('the extension in Chromium', () => {
  const pages = availablePages([...BBC_PAGES, STRICT_CSP_2007, ...WAYBACK_PAGES]);
  const genericAvailable = existsSync(GENERIC_PAGE.file);
  // The stories a page moves between by script (the BBC home stand-in links to them).
  const scriptStories = availablePages([MODERN_2020, MODERN_2024]);
  const scriptNavigation = scriptStories.length === 2;
  const routes: FixtureRoute[] = [
    ...pages.map((p) => ({ url: p.url, file: p.file, headers: p.headers })),
    ...BROWSER_TREE_PAGES.filter((p) => !pages.some((q) => q.url === p.url)),
    ...(scriptNavigation ? [SCRIPT_HOME, SCRIPT_SPORT, MODERN_2024] : []),
    ...(genericAvailable
      ? [GENERIC_PAGE, SCOPED_PAGE, TABLE_PAGE, LAZY_PAGE, FORMULA_PAGE, FACT_CHECK_PAGE].map(
          (p) => ({
            url: p.url,
            file: p.file,
            ...('contentType' in p ? { contentType: p.contentType } : {}),
          }),
        )
      : []),
  ];
  let server: FixtureServer;
  let browser: ExtensionBrowser;
  /** Every request a tab made, with the scripts that started it (CDP `initiator`). */
  const seen: TabRequest[] = [];

  beforeAll(async () => {
    if (!existsSync(resolve(DIST, 'manifest.json')))
      throw new Error('dist/ is missing: run `npm run build` (npm run test:e2e does).');
    mkdirSync(ARTIFACTS, { recursive: true });
    server = await startFixtureServer(routes);
    browser = await launchWithExtension({
      extensionDir: DIST,
      hostResolverRules: server.hostResolverRules(),
    });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** A new tab whose requests are recorded from its first one. */
  async function newTab(): Promise<Page> {
    const page = await browser.context.newPage();
    await recordRequests(browser.context, page, (request) => seen.push(request));
    return page;
  }

  async function open(url: string): Promise<Page> {
    const page = await newTab();
    await page.goto(url, { waitUntil: 'domcontentloaded' });
    return page;
  }

  async function until(check: () => Promise<boolean>, what: string): Promise<void> {
    for (let i = 0; i < 100; i++) {
      if (await check()) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`timed out waiting for ${what}`);
  }

  const bodyText = (page: Page) => page.evaluate(() => document.body.innerText);

  /**
   * The id of the tab opened last. (Without the `tabs` permission the extension cannot see the
   * URL of a tab outside its host permissions, so tabs are told apart by age.)
   */
  async function newestTabId(): Promise<number> {
    return browser.serviceWorker.evaluate(async () => {
      const ids = (await chrome.tabs.query({})).map((t) => t.id ?? -1);
      return Math.max(...ids);
    });
  }

  async function openPopup(tabId: number): Promise<Page> {
    const popup = await newTab();
    await popup.setViewportSize({ width: 400, height: 640 });
    await popup.goto(
      `chrome-extension://${browser.extensionId}/src/popup/index.html?tabId=${tabId}`,
    );
    return popup;
  }

  /** A BBC page at `url` once its cleanup ran, its popup, and the reader opened from it. */
  async function readerOf(url: string): Promise<{ tab: Page; popup: Page; reader: Page }> {
    const tab = await open(url);
    await until(
      () => tab.evaluate(() => document.querySelectorAll('[data-broadsheet-hidden]').length > 0),
      'cleanup',
    );
    const popup = await openPopup(await newestTabId());
    return { tab, popup, reader: await openReaderFromPopup(browser.context, popup) };
  }

  async function closeAll(...tabs: Page[]): Promise<void> {
    for (const tab of tabs) if (!tab.isClosed()) await tab.close();
  }

  async function setSettings(value: unknown): Promise<void> {
    await browser.serviceWorker.evaluate(
      ([key, v]) => chrome.storage.sync.set({ [key as string]: v }),
      [SETTINGS_KEY, value] as const,
    );
  }

  describe.each(pages)('$name, at its real address', (page) => {
    it('is cleaned on load: no clutter in the page text, every article sentence still there', async () => {
      const served = servedText(page);
      for (const c of page.clutter) expect(served, `fixture lacks "${c}"`).toContain(collapse(c));

      const tab = await open(page.url);
      const text = await waitForCleanup(() => bodyText(tab), page.clutter);
      expect(sentencesMissingFrom(text, page.article)).toEqual([]);
      await tab.close();
    });

    it('has its known clutter hidden already at the first DOMContentLoaded', async () => {
      const tab = await newTab();
      // In the page's own world, before any of its scripts.
      await tab.addInitScript(keepTextAtDomContentLoaded);
      await tab.goto(page.url, { waitUntil: 'domcontentloaded' });
      const atDcl = collapse(await tab.evaluate(textKeptAtDomContentLoaded));
      expect(clutterIn(atDcl, page.clutter)).toEqual([]);
      // …and the story itself was not hidden with it.
      expect(atDcl).toContain(collapse(page.article[0]!));
      await tab.close();
    });

    it('records each thing it hid once, with the text a reader saw there', async () => {
      const tab = await open(page.url);
      const tabId = await newestTabId();
      await waitForCleanup(() => bodyText(tab), page.clutter);
      const { removals } = await browser.serviceWorker.evaluate(async (id) => {
        const reply = (await chrome.tabs.sendMessage(id, { type: 'popup→content:get-state' })) as {
          value: { removals: { kind: string; text: string }[] };
        };
        return reply.value;
      }, tabId);
      const hidden = await tab.evaluate(() => {
        const all = Array.from(document.querySelectorAll('[data-broadsheet-hidden]'));
        return {
          count: all.length,
          nested: all.filter((el) => el.parentElement?.closest('[data-broadsheet-hidden]')).length,
        };
      });
      expect(hidden.nested).toBe(0);
      expect(removals.filter((r) => r.kind !== 'directive')).toHaveLength(hidden.count);
      // No markup (a <noscript>'s, which a browser running scripts keeps as text), no CSS rule
      // (2020s BBC pages keep their stylesheets inside the boxes), no script.
      const unread = removals.filter((r) =>
        /<\/?[a-z][^>]*>|\{[^{}]*:[^{}]*\}|function\s*\(/i.test(r.text),
      );
      expect(unread.map((r) => r.text.slice(0, 80))).toEqual([]);
      await tab.close();
    });
  });

  describe.skipIf(!pages.includes(STRICT_CSP_2007))('the story under a strict policy', () => {
    it('is served with its policy in force', async () => {
      // The story's own inline script sets `_SERVERLOC`: it runs on the page served plainly and
      // not under the policy, so the tests of that page above ran with the policy applied.
      const serverLoc = async (url: string) => {
        const tab = await open(url);
        const type = await tab.evaluate(
          () => typeof (window as { _SERVERLOC?: unknown })._SERVERLOC,
        );
        await tab.close();
        return type;
      };
      expect(await serverLoc(CLASSIC_2007.url)).toBe('string');
      expect(await serverLoc(STRICT_CSP_2007.url)).toBe('undefined');
    });
  });

  describe.skipIf(!pages.includes(CLASSIC_2007))('the 2007 story through the popup', () => {
    let tab: Page;
    let tabId: number;
    let original: { text: string; body: string };

    beforeAll(async () => {
      // The page as the site made it: the same address with cleanup switched off for the site.
      await setSettings({ ...DEFAULT_SETTINGS, disabledSites: ['news.bbc.co.uk'] });
      const plain = await open(CLASSIC_2007.url);
      await until(
        // (If the settings came after the DOM, the page was cleaned on the defaults first, and
        // is back as the site made it once nothing is marked and the early stylesheet is out.)
        () =>
          plain.evaluate(
            () =>
              !document.querySelector(
                'style[data-broadsheet-early-style], [data-broadsheet-hidden]',
              ),
          ),
        'the content script to leave the page alone',
      );
      original = await plain.evaluate(() => ({
        text: document.body.innerText,
        body: document.body.outerHTML,
      }));
      await plain.close();
      await setSettings(DEFAULT_SETTINGS);

      tab = await open(CLASSIC_2007.url);
      tabId = await newestTabId();
      await until(
        () => tab.evaluate(() => document.querySelectorAll('[data-broadsheet-hidden]').length > 0),
        'cleanup',
      );
      await tab.screenshot({ path: resolve(ARTIFACTS, 'page-2007-cleaned.png') });
    });

    it('shows on the toolbar button how many things the page-load cleanup hid', async () => {
      // The background asks the page for its counts once the tab has loaded.
      const removals = await browser.serviceWorker.evaluate(async (id) => {
        const reply = (await chrome.tabs.sendMessage(id, { type: 'popup→content:get-state' })) as {
          value: { removals: unknown[] };
        };
        return reply.value.removals.length;
      }, tabId);
      expect(removals).toBeGreaterThan(0);
      await expect
        .poll(
          () =>
            browser.serviceWorker.evaluate(
              (id) => chrome.action.getBadgeText({ tabId: id }),
              tabId,
            ),
          { timeout: 10_000 },
        )
        .toBe(String(removals));
    });

    it("shows the title in the popup, and Save as JSON writes the CLI's article", async () => {
      const popup = await openPopup(tabId);
      await expect
        .poll(() => popup.locator('h1').first().textContent(), { timeout: 15_000 })
        .toBe('No breakthrough for US and Russia');
      await popup.screenshot({ path: resolve(ARTIFACTS, 'popup-2007.png') });

      await popup.getByRole('button', { name: 'Save as JSON' }).click();
      const { name, article: saved } = await savedJson(browser.downloadsDir);
      expect(name).toBe('2007-05-15-no-breakthrough-for-us-and-russia.json');

      expect(schemaErrors(saved)).toEqual([]);
      const cli = cliArticle(CLASSIC_2007.url, CLASSIC_2007.file);
      expect({ ...saved, extractedAt: null }).toEqual({ ...cli, extractedAt: null });
      await popup.close();
    });

    it('opens the reader view with the article', async () => {
      const popup = await openPopup(tabId);
      const reader = await openReaderFromPopup(browser.context, popup);
      await reader.waitForLoadState('domcontentloaded');
      await expect
        .poll(() => reader.locator('h1').first().textContent(), { timeout: 15_000 })
        .toBe('No breakthrough for US and Russia');
      const text = collapse(await reader.evaluate(() => document.body.innerText));
      expect(text).toContain(collapse(CLASSIC_2007.article[0]!));
      expect(text).toContain(collapse(CLASSIC_2007.article.at(-1)!));
      // The story's pictures are not served here (as on a machine offline, or a picture the
      // BBC no longer has): the first says so, with the page's description, above its caption.
      const lead = reader.locator('figure').first();
      await expect
        .poll(() => lead.locator('.picture-missing').textContent(), { timeout: 10_000 })
        .toBe(
          'Picture not available: US Secretary of State Condoleezza Rice at a press conference in Moscow',
        );
      expect(await lead.locator('img').count()).toBe(0);
      expect(await lead.locator('figcaption').textContent()).toBe(
        "Ms Rice's position on Kosovo is unpalatable for Russia",
      );
      await reader.screenshot({ path: resolve(ARTIFACTS, 'reader-2007.png') });

      // Save as JSON from the reader itself: the same article as the CLI reads from the page.
      const before = filesIn(browser.downloadsDir);
      await reader.getByRole('button', { name: 'Save as JSON' }).click();
      await expect
        .poll(() => reader.getByRole('status').first().textContent(), { timeout: 15_000 })
        .toBe('Saved the article as JSON.');
      const { name, article: saved } = await savedJson(browser.downloadsDir, before);
      expect(name).toMatch(/^2007-05-15-no-breakthrough-for-us-and-russia.*\.json$/);
      expect(schemaErrors(saved)).toEqual([]);
      const cli = cliArticle(CLASSIC_2007.url, CLASSIC_2007.file);
      expect({ ...saved, extractedAt: null }).toEqual({ ...cli, extractedAt: null });
      await reader.close();
      if (!popup.isClosed()) await popup.close();
    });

    it('Show original restores the page exactly, and cleaning again hides the clutter again', async () => {
      const popup = await openPopup(tabId);
      await popup.getByRole('button', { name: 'Show original' }).click();
      await expect.poll(() => bodyText(tab), { timeout: 10_000 }).toBe(original.text);
      expect(await tab.evaluate(() => document.body.outerHTML)).toBe(original.body);

      await popup.getByRole('button', { name: 'Clean page' }).click();
      await waitForCleanup(() => bodyText(tab), CLASSIC_2007.clutter);
      const text = collapse(await bodyText(tab));
      expect(sentencesMissingFrom(text, CLASSIC_2007.article)).toEqual([]);
      await popup.close();
    });

    it('leaves its note out of a printout of the page', async () => {
      const page = await open(CLASSIC_2007.url);
      await until(
        () =>
          page.evaluate(
            () => document.querySelector(':root > [data-broadsheet-indicator]') !== null,
          ),
        'the note',
      );
      // The pointer on the note keeps it up (it sits in the bottom right corner).
      await page.mouse.move(1280 - 40, 900 - 24);
      // Its shadow root is closed to the page and to Playwright, not to DevTools.
      const cdp = await browser.context.newCDPSession(page);
      await cdp.send('DOM.enable');
      await cdp.send('CSS.enable');
      const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as {
        root: DomNode;
      };
      const note = findNode(root, (n) => n.localName === 'div' && attr(n, 'class') === 'note');
      expect(note, 'the note inside its shadow root').toBeDefined();
      const display = async () => {
        const { computedStyle } = (await cdp.send('CSS.getComputedStyleForNode', {
          nodeId: note!.nodeId,
        })) as { computedStyle: { name: string; value: string }[] };
        return computedStyle.find((p) => p.name === 'display')?.value;
      };
      expect(await display()).toBe('flex');
      await cdp.send('Emulation.setEmulatedMedia', { media: 'print' });
      expect(await display()).toBe('none');
      await cdp.detach();
      await page.close();
    });

    it('undoes in one click from the note on the page, and cleans again from it', async () => {
      const page = await open(CLASSIC_2007.url);
      const id = await newestTabId();
      await until(
        () => page.evaluate(() => document.querySelectorAll('[data-broadsheet-hidden]').length > 0),
        'cleanup',
      );
      const badge = () =>
        browser.serviceWorker.evaluate((tab) => chrome.action.getBadgeText({ tabId: tab }), id);
      // By keyboard: the note is the last thing in the page's tab order, so one Shift+Tab from
      // the top of the page reaches its button (its shadow root is closed to the page, and to
      // the test: the focus shows on its host).
      await page.keyboard.press('Shift+Tab');
      expect(
        await page.evaluate(() =>
          document.activeElement?.hasAttribute('data-broadsheet-indicator'),
        ),
      ).toBe(true);
      await page.keyboard.press('Enter');
      await expect.poll(() => bodyText(page), { timeout: 10_000 }).toBe(original.text);
      expect(await page.evaluate(() => document.body.outerHTML)).toBe(original.body);
      await expect.poll(badge, { timeout: 10_000 }).toBe('');

      // The focus stays on the note's button, which now cleans the page again.
      await page.keyboard.press('Enter');
      await waitForCleanup(() => bodyText(page), CLASSIC_2007.clutter);
      expect(sentencesMissingFrom(collapse(await bodyText(page)), CLASSIC_2007.article)).toEqual(
        [],
      );
      await expect.poll(badge, { timeout: 10_000 }).toMatch(/^\d+$/);
      await page.close();
    });
  });

  describe.skipIf(!pages.includes(WAYBACK_2009))('a Wayback capture in the reader view', () => {
    it("asks the archive for the story's pictures, as of the capture", async () => {
      const { tab, popup, reader } = await readerOf(WAYBACK_2009.url);
      await expect
        .poll(() => reader.locator('h1').first().textContent(), { timeout: 15_000 })
        .toBe('Obama invites Middle East heads');
      // The Article names the picture by its original address (newsimg.bbc.co.uk, long gone);
      // the reader asks the archive for the copy the capture used.
      const picture =
        'http://web.archive.org/web/20090421200012im_/http://newsimg.bbc.co.uk/media/images/45687000/jpg/_45687814_-1.jpg';
      await expect
        .poll(() => server.requests.some((r) => r.url === picture), { timeout: 10_000 })
        .toBe(true);
      // Not served here: the reader says so in its place.
      await expect
        .poll(() => reader.locator('figure .picture-missing').count(), { timeout: 10_000 })
        .toBe(1);
      await closeAll(reader, popup, tab);
    });
  });

  describe.skipIf(!pages.includes(MODERN_2020))('a 2020 story in the reader view', () => {
    it("prints each picture's credit under its caption, without the hidden label", async () => {
      const { tab, popup, reader } = await readerOf(MODERN_2020.url);
      await expect
        .poll(() => reader.locator('h1').first().textContent(), { timeout: 15_000 })
        .toBe('Covid Sage documents: The scientific evidence and what No 10 then did');
      // The page: <span class="…StyledFigureCopyright"><span class="…VisuallyHidden">image
      // copyright</span>Getty Images</span> over the picture, the caption under it.
      const lead = reader.locator('figure').first();
      expect(await lead.locator('figcaption').innerText()).toBe(
        'New measures announced by Boris Johnson this week fell short of advice provided by scientists\nGetty Images',
      );
      expect(await lead.locator('.picture-credit').textContent()).toBe('Getty Images');
      await closeAll(reader, popup, tab);
    });
  });

  describe.each(BROWSER_TREE_PAGES)('$name, as Chromium parses it', (page) => {
    it("gives the CLI's article, and hides on the page what the CLI's cleanup hides", async () => {
      const tab = await open(page.url);
      await until(
        () => tab.evaluate(() => document.querySelectorAll('[data-broadsheet-hidden]').length > 0),
        'cleanup',
      );
      const tabId = await newestTabId();
      const article = await articleOfTab(browser, tabId);
      expect(JSON.stringify(article)).toContain(page.inArticle);
      // What was removed is compared on the page itself: where Chromium's parser parts one
      // element in two (8063681's notice and its terms link), each is hidden, and counted, alone.
      const cli = cliArticle(page.url, page.file);
      const comparable = (a: object) => ({
        ...a,
        extractedAt: null,
        removed: null,
      });
      expect(comparable(article)).toEqual(comparable(cli));
      if (page.hiddenFromPage) expect(await bodyText(tab)).not.toContain(page.hiddenFromPage);
      await tab.close();
    });
  });

  describe.skipIf(!genericAvailable)('a non-BBC article, through the toolbar', () => {
    // The toolbar's activeTab grant, stood in for by a copy of dist/ that names the page's host
    // (see launchWithGrantedHosts).
    let granted: ExtensionBrowser;

    beforeAll(async () => {
      granted = await launchWithGrantedHosts({
        extensionDir: DIST,
        origins: [
          GENERIC_PAGE,
          SCOPED_PAGE,
          TABLE_PAGE,
          LAZY_PAGE,
          FORMULA_PAGE,
          FACT_CHECK_PAGE,
        ].map((p) => new URL(p.url).origin),
        hostResolverRules: server.hostResolverRules(),
      });
    });

    afterAll(async () => {
      await granted?.close();
    });

    /** The popup for the newest tab, as the toolbar button opens it (by `?tabId=`). */
    async function popupForNewestTab(): Promise<{ tabId: number; popup: Page }> {
      const tabId = await granted.serviceWorker.evaluate(async () =>
        Math.max(...(await chrome.tabs.query({})).map((t) => t.id ?? -1)),
      );
      const popup = await granted.context.newPage();
      await popup.setViewportSize({ width: 400, height: 640 });
      await popup.goto(
        `chrome-extension://${granted.extensionId}/src/popup/index.html?tabId=${tabId}`,
      );
      return { tabId, popup };
    }

    /** Waits until the popup has the article (its **Reader view** button is enabled). */
    async function readerReady(popup: Page): Promise<void> {
      await expect
        .poll(() => popup.getByRole('button', { name: 'Reader view' }).isEnabled(), {
          timeout: 15_000,
        })
        .toBe(true);
    }

    it('is read on demand (the script is injected only when asked) and left uncleaned', async () => {
      const tab = await granted.context.newPage();
      await tab.goto(GENERIC_PAGE.url, { waitUntil: 'domcontentloaded' });
      const hidden = () =>
        tab.evaluate(() => document.querySelectorAll('[data-broadsheet-hidden]').length);
      const injected = () =>
        tab.evaluate(() => document.querySelectorAll('[data-broadsheet-indicator]').length);
      // No manifest match: nothing of Broadsheet's ran on load.
      expect(await hidden()).toBe(0);

      const { tabId, popup } = await popupForNewestTab();
      await expect
        .poll(() => popup.locator('h1').first().textContent(), { timeout: 15_000 })
        .toBe(GENERIC_PAGE.title);
      const popupText = collapse(await popup.evaluate(() => document.body.innerText));
      expect(popupText).toContain('Other site (general reader)');
      // Not cleaned as it loads (no content script runs here on load): no switch that says so.
      expect(await popup.getByRole('switch').count()).toBe(0);
      expect(popupText).toContain('Pages are cleaned as they load on BBC News only.');
      await popup.screenshot({ path: resolve(ARTIFACTS, 'popup-generic.png') });
      // Read, not cleaned: a page the user did not ask to clean keeps every node visible.
      expect(await hidden()).toBe(0);
      expect(await injected()).toBe(0);

      // The article itself, as the background gets it for the reader and the download.
      const article = await articleOfTab(granted, tabId);
      expect(article.layout).toBe('generic');
      expect(collapse(article.text)).toContain(GENERIC_PAGE.firstSentence);
      await popup.close();
      await tab.close();
    });

    it('reads only the article a page declares: the story and its byline, not the page footer', async () => {
      const tab = await granted.context.newPage();
      await tab.goto(SCOPED_PAGE.url, { waitUntil: 'domcontentloaded' });
      // The footer is on the page as the site made it.
      expect(collapse(await tab.evaluate(() => document.body.textContent ?? ''))).toContain(
        SCOPED_PAGE.footer,
      );
      const { tabId, popup } = await popupForNewestTab();
      await expect
        .poll(() => popup.locator('h1').first().textContent(), { timeout: 15_000 })
        .toBe(SCOPED_PAGE.title);
      const article = await articleOfTab(granted, tabId);
      const text = collapse(article.text);
      expect(text).toContain(SCOPED_PAGE.firstSentence);
      expect(text).not.toContain('1625 K Street');
      expect(article.authors).toEqual([{ name: 'Justine Coleman' }]);
      await popup.close();
      await tab.close();
    });

    it('shows a table of data in the reader as a table, every row of it', async () => {
      const tab = await granted.context.newPage();
      await tab.goto(TABLE_PAGE.url, { waitUntil: 'domcontentloaded' });
      const { popup } = await popupForNewestTab();
      await readerReady(popup);
      const reader = await openReaderFromPopup(granted.context, popup);
      const rows = reader.locator('.story-body table tr');
      await expect.poll(() => rows.count(), { timeout: 15_000 }).toBe(41);
      const cells = (i: number) =>
        rows.nth(i).evaluate((tr) => [...tr.children].map((c) => c.textContent));
      expect(await cells(0)).toEqual([
        'Pos.',
        'Piloto',
        'Pontos',
        'Vitórias',
        'Poles',
        'Top 5',
        'Top 10',
      ]);
      expect(await reader.locator('.story-body thead th').count()).toBe(7);
      expect(await cells(1)).toEqual(['1', 'Kyle Busch', '5040', '5', '1', '17', '27']);
      expect(await cells(40)).toEqual(['40', 'Casey Mears', '1', '0', '0', '0', '0']);
      // The story around it is there too, and the table is not also given as loose lines (the
      // leader's points once); the photo above it has its caption, the driver's name.
      const text = collapse(await reader.evaluate(() => document.body.innerText));
      expect(text).toContain('Coloque nos seus favoritos e venha sempre conferir');
      expect(text.split('5040').length - 1).toBe(1);
      expect(await reader.locator('.story-body figure figcaption').allTextContents()).toEqual([
        'Kyle Busch',
      ]);
      await reader.screenshot({ path: resolve(ARTIFACTS, 'reader-table.png'), fullPage: true });
      await closeAll(reader, popup, tab);
    });

    it('reads Wikipedia’s formulas as text in their sentences, in the reader too', async () => {
      const tab = await granted.context.newPage();
      await tab.goto(FORMULA_PAGE.url, { waitUntil: 'domcontentloaded' });
      const { tabId, popup } = await popupForNewestTab();
      await readerReady(popup);
      const article = await articleOfTab(granted, tabId);
      expect(article.text).toContain(FORMULA_PAGE.sentence);
      expect(article.images.filter((i) => i.src.includes('/math/render/'))).toEqual([]);
      const reader = await openReaderFromPopup(granted.context, popup);
      await expect
        .poll(async () => collapse(await reader.evaluate(() => document.body.innerText)), {
          timeout: 15_000,
        })
        .toContain(FORMULA_PAGE.displayed);
      await reader.screenshot({ path: resolve(ARTIFACTS, 'reader-formulas.png') });
      await closeAll(reader, popup, tab);
    });

    it("boxes a fact-check's claim and verdict in the reader, before the story", async () => {
      const tab = await granted.context.newPage();
      await tab.goto(FACT_CHECK_PAGE.url, { waitUntil: 'domcontentloaded' });
      const { tabId, popup } = await popupForNewestTab();
      await readerReady(popup);
      const article = await articleOfTab(granted, tabId);
      expect(article.factChecks).toEqual([
        { claim: FACT_CHECK_PAGE.claim, rating: 'Unproven', claimant: 'Multiple Sources' },
      ]);
      const reader = await openReaderFromPopup(granted.context, popup);
      const box = reader.getByRole('region', { name: 'Fact check' });
      await expect.poll(() => box.count(), { timeout: 15_000 }).toBe(1);
      // Named by its heading (which the reader sets in capitals), then claim, claimant, verdict.
      expect(collapse(await box.locator('dl').innerText())).toBe(
        `Claim ${FACT_CHECK_PAGE.claim} Made by Multiple Sources Rating Unproven`,
      );
      // Then the story, from its first sentence.
      const next = await box.evaluate((el) => el.nextElementSibling?.textContent ?? '');
      expect(collapse(next)).toMatch(/^On Nov\. 15, 2019, former U\.S\. ambassador/);
      await reader.screenshot({ path: resolve(ARTIFACTS, 'reader-fact-check.png') });
      await closeAll(reader, popup, tab);
    });

    it('gives the pictures a lazy-loading page keeps in <noscript>, not their placeholders', async () => {
      const tab = await granted.context.newPage();
      await tab.goto(LAZY_PAGE.url, { waitUntil: 'domcontentloaded' });
      // Chromium runs scripts, so each <noscript> holds its picture's markup as text.
      expect(
        await tab.evaluate(() =>
          [...document.querySelectorAll('noscript')].some(
            (n) => !n.firstElementChild && n.textContent?.includes('<img'),
          ),
        ),
      ).toBe(true);
      const { tabId, popup } = await popupForNewestTab();
      // The popup has the script injected (activeTab) once it shows the article.
      await readerReady(popup);
      const article = await articleOfTab(granted, tabId);
      const cli = cliArticle(LAZY_PAGE.url, LAZY_PAGE.file) as { images: unknown[] };
      expect(article.images).toEqual(cli.images);
      // The pictures themselves: the placeholders are 60 pixels wide, `?q=20`.
      expect(article.images.some((i) => i.src.includes('/max/60/'))).toBe(false);
      expect(article.images.length).toBeGreaterThanOrEqual(8);
      await closeAll(popup, tab);
    });
  });

  describe.skipIf(!scriptNavigation)('a page that moves by script (history.pushState)', () => {
    const hidden = (tab: Page) =>
      tab.evaluate(() => document.querySelectorAll('[data-broadsheet-hidden]').length);
    const badge = (tabId: number) =>
      browser.serviceWorker.evaluate((tab) => chrome.action.getBadgeText({ tabId: tab }), tabId);
    /** The page's own router (the fixture's `moveTo`), as a click on one of its links runs it. */
    const moveTo = (tab: Page, href: string) =>
      tab.evaluate(
        (to) => (window as unknown as { moveTo(h: string): Promise<void> }).moveTo(to),
        href,
      );

    it('is cleaned when it moves to a story from an address no content script matches', async () => {
      const tab = await open(SCRIPT_HOME.url);
      const id = await newestTabId();
      // The home page's address is not BBC News: no content script ran there.
      expect(await hidden(tab)).toBe(0);

      await tab.click(`a[href="${new URL(MODERN_2020.url).pathname}"]`);
      await expect.poll(() => tab.evaluate(() => location.href)).toBe(MODERN_2020.url);
      // The story arrived without a page load; the extension, told the tab moved, runs its
      // content script there, which cleans it as a page load would and counts on the badge.
      const text = await waitForCleanup(() => bodyText(tab), MODERN_2020.clutter);
      expect(sentencesMissingFrom(text, MODERN_2020.article)).toEqual([]);
      await expect.poll(() => badge(id), { timeout: 10_000 }).toMatch(/^[1-9]\d*$/);
      await tab.close();
    });

    /**
     * What a reader has at the first frame after the site's router has put the story at `href`
     * in the page (requestAnimationFrame runs before that frame's paint). Routers differ: some
     * render the story and push its address in one task, others push the address first and
     * render in a later task (the fixture's `addressFirst`).
     */
    const firstFrameAfterMove = (tab: Page, href: string, addressFirst: boolean) =>
      tab.evaluate(
        async ([to, first]) => {
          await (
            window as unknown as {
              moveTo(h: string, o: { addressFirst: boolean }): Promise<void>;
            }
          ).moveTo(to, { addressFirst: first });
          return new Promise<string>((done) =>
            requestAnimationFrame(() => done(document.body.innerText)),
          );
        },
        [href, addressFirst] as const,
      );
    /** The first story, reached from the home page and cleaned. */
    async function atFirstStory(): Promise<Page> {
      const tab = await open(SCRIPT_HOME.url);
      await tab.click(`a[href="${new URL(MODERN_2020.url).pathname}"]`);
      await expect.poll(() => tab.evaluate(() => location.href)).toBe(MODERN_2020.url);
      await waitForCleanup(() => bodyText(tab), MODERN_2020.clutter);
      return tab;
    }

    describe.each([
      { order: 'story, then address', addressFirst: false },
      { order: 'address, then story', addressFirst: true },
    ])('a router that moves $order', ({ addressFirst }) => {
      it.each([
        { when: 'while it watches for late clutter', undoFirst: false },
        // Nothing watches after it, as after the watch's 90 s.
        { when: 'after "Show original"', undoFirst: true },
      ])("hides the next story's clutter before it is painted, $when", async ({ undoFirst }) => {
        const tab = await atFirstStory();
        if (undoFirst) {
          await browser.serviceWorker.evaluate(
            (tabId) => chrome.tabs.sendMessage(tabId, { type: 'popup→content:undo' }),
            await newestTabId(),
          );
          expect(await hidden(tab)).toBe(0);
        }
        const atFirstFrame = await firstFrameAfterMove(
          tab,
          new URL(MODERN_2024.url).pathname,
          addressFirst,
        );
        expect(clutterIn(atFirstFrame, MODERN_2024.clutter)).toEqual([]);
        expect(sentencesMissingFrom(collapse(atFirstFrame), MODERN_2024.article)).toEqual([]);
        await tab.close();
      });
    });

    it('puts the page back when it moves on to an address that is not BBC News', async () => {
      const tab = await atFirstStory();
      const id = await newestTabId();
      await expect.poll(() => badge(id), { timeout: 10_000 }).toMatch(/^[1-9]\d*$/);

      // The site's router moves on to its sport pages, which the extension may not clean (and
      // cannot see: it has no access there, so the background is not told of the move). The note
      // that something was hidden, there before the move, is gone at the first frame after it.
      const [before, after] = await tab.evaluate(async (to) => {
        const noteShown = () =>
          document.querySelector(':root > [data-broadsheet-indicator]') !== null;
        const wasShown = noteShown();
        await (window as unknown as { moveTo(h: string): Promise<void> }).moveTo(to);
        return [
          wasShown,
          await new Promise<boolean>((done) => requestAnimationFrame(() => done(noteShown()))),
        ];
      }, new URL(SCRIPT_SPORT.url).pathname);
      expect([before, after]).toEqual([true, false]);
      expect(await tab.evaluate(() => location.href)).toBe(SCRIPT_SPORT.url);
      expect(await hidden(tab)).toBe(0);
      await expect.poll(() => badge(id), { timeout: 10_000 }).toBe('');
      await tab.close();
    });

    it('cleans the next story it moves to, after "Show original" on the one before', async () => {
      const tab = await open(SCRIPT_HOME.url);
      const id = await newestTabId();
      await tab.click(`a[href="${new URL(MODERN_2020.url).pathname}"]`);
      await expect.poll(() => tab.evaluate(() => location.href)).toBe(MODERN_2020.url);
      await waitForCleanup(() => bodyText(tab), MODERN_2020.clutter);

      // Show original: the story as the site made it, and no more watching for late clutter.
      await browser.serviceWorker.evaluate(
        (tabId) => chrome.tabs.sendMessage(tabId, { type: 'popup→content:undo' }),
        id,
      );
      await expect
        .poll(async () => clutterIn(await bodyText(tab), MODERN_2020.clutter))
        .toEqual(MODERN_2020.clutter);
      expect(await hidden(tab)).toBe(0);

      // The site moves on to another story: it is cleaned, as a page load of it would be.
      expect(clutterIn(servedText(MODERN_2024), MODERN_2024.clutter)).toEqual(MODERN_2024.clutter);
      await moveTo(tab, new URL(MODERN_2024.url).pathname);
      expect(await tab.evaluate(() => location.href)).toBe(MODERN_2024.url);
      const text = await waitForCleanup(() => bodyText(tab), MODERN_2024.clutter);
      expect(sentencesMissingFrom(text, MODERN_2024.article)).toEqual([]);
      await expect.poll(() => badge(id), { timeout: 10_000 }).toMatch(/^[1-9]\d*$/);

      // Its popup reads the story the page shows now, under the address it has now.
      const popup = await openPopup(id);
      await expect
        .poll(() => popup.locator('body').innerText(), { timeout: 15_000 })
        .toContain("Mexico counting dead from 'zombie storm' John");
      await closeAll(popup, tab);
    });
  });

  it('made no request of its own: tabs asked only for fixture pages and what the pages load', () => {
    const extension = `chrome-extension://${browser.extensionId}/`;
    // What the extension's own code (content script, popup, reader) asked for.
    const byExtension = seen.filter((r) => r.initiators.some((i) => i.startsWith(extension)));
    const outside = byExtension
      .map((r) => r.url)
      .filter((url) => !url.startsWith(extension) && !url.startsWith('data:'));
    expect(outside).toEqual([]);

    // What reached the fixture server: the pages, the assets their HTML names, the icon.
    const served = routes.map((r) => routeBody(r).toString('latin1'));
    const referenced = (url: string) => {
      const u = new URL(url);
      const forms = [url, u.pathname + u.search, `${u.host}${u.pathname}${u.search}`];
      // As written in markup, or in a script's string (`\/wp-includes\/js\/…`, a WordPress
      // page's emoji loader).
      const written = (f: string) => [f, f.replace(/&/g, '&amp;'), f.replace(/\//g, '\\/')];
      return served.some((html) => forms.some((f) => written(f).some((w) => html.includes(w))));
    };
    const unexpected = server.requests
      .map((r) => r.url)
      .filter(
        (url) =>
          !routes.some((r) => r.url === url) &&
          new URL(url).pathname !== '/favicon.ico' &&
          !referenced(url),
      );
    expect(server.requests.length).toBeGreaterThan(routes.length);
    expect(unexpected).toEqual([]);
  });
});

/** A node of CDP's DOM.getDocument (with `pierce`, shadow roots closed or not). */
interface DomNode {
  nodeId: number;
  localName: string;
  attributes?: string[];
  children?: DomNode[];
  shadowRoots?: DomNode[];
}

function attr(node: DomNode, name: string): string | undefined {
  const list = node.attributes ?? [];
  for (let i = 0; i < list.length; i += 2) if (list[i] === name) return list[i + 1];
  return undefined;
}

function findNode(node: DomNode, test: (n: DomNode) => boolean): DomNode | undefined {
  if (test(node)) return node;
  for (const child of [...(node.shadowRoots ?? []), ...(node.children ?? [])]) {
    const found = findNode(child, test);
    if (found) return found;
  }
  return undefined;
}
