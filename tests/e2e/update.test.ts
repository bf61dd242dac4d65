/**
 * The extension installed, or updated (or reloaded), while a BBC story is open. Chromium runs no
 * content script of its own in tabs already open: the new version injects one as it installs.
 * After an update Chromium leaves the old content script running in the tab, cut off from the
 * extension: the old one must hand the page over as the site made it to the new one
 * (src/content/handover.ts). Firefox ends the old script and injects the new one into the tab:
 * the new one puts the page back from the marks the cleanup left in it (core's restoreHidden).
 * Either way the new version counts everything, and its Show original restores the page exactly.
 */
import type { Page } from 'playwright-core';
import type { Page as FirefoxPage } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { findChromium } from './harness/browser';
import {
  findFirefox,
  gotoPage,
  launchFirefoxWithExtension,
  pressButton,
  waitInPage,
} from './harness/firefox';
import type { FirefoxWithExtension } from './harness/firefox';
import { collapse, sentencesMissingFrom, waitForCleanup } from './harness/checks';
import { CLASSIC_2007 } from './harness/pages';
import { startFixtureServer } from './harness/server';
import type { FixtureServer } from './harness/server';
import { launchUpdatableChromium } from './harness/updatable';
import type { UpdatableChromium } from './harness/updatable';

declare const chrome: { tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> } };

const DIST = resolve(import.meta.dirname, '../../dist');
const DIST_FIREFOX = resolve(import.meta.dirname, '../../dist-firefox');

const chromiumPath = findChromium();
const firefoxPath = findFirefox();
if ((!chromiumPath || !firefoxPath) && process.env.CI === 'true')
  throw new Error('Chromium and Firefox are required for the e2e tests in CI.');

/** "32 items hidden" in a popup's text: 32. */
const hiddenIn = (text: string) => Number(/(\d+) items? hidden/.exec(text)?.[1]);

/** The 2007 story served at its address, and a Chromium the extension is not yet installed in. */
async function chromiumServing2007(): Promise<{
  server: FixtureServer;
  chromium: UpdatableChromium;
}> {
  if (!existsSync(resolve(DIST, 'manifest.json')))
    throw new Error('dist/ is missing: run `npm run build` (npm run test:e2e does).');
  const server = await startFixtureServer([{ url: CLASSIC_2007.url, file: CLASSIC_2007.file }]);
  const chromium = await launchUpdatableChromium({
    extensionDir: DIST,
    hostResolverRules: server.hostResolverRules(),
  });
  return { server, chromium };
}

describe.skipIf(!chromiumPath)('the extension updated under an open BBC story', () => {
  let server: FixtureServer;
  let chromium: UpdatableChromium;
  let extensionId: string;

  beforeAll(async () => {
    ({ server, chromium } = await chromiumServing2007());
    extensionId = await chromium.install();
  });

  afterAll(async () => {
    await chromium?.close();
    await server?.close();
  });

  const bodyOf = (page: Page) => page.evaluate(() => document.body.outerHTML);
  const textOf = (page: Page) => page.evaluate(() => document.body.innerText);

  /** The extension's popup for `tabId`, once the extension answers (it may be restarting). */
  async function openPopup(tabId: number): Promise<Page> {
    const popup = await chromium.context.newPage();
    await expect
      .poll(
        async () => {
          await popup
            .goto(`chrome-extension://${extensionId}/src/popup/index.html?tabId=${tabId}`)
            .catch(() => undefined);
          return popup.getByRole('button', { name: /^(Show original|Clean page)$/ }).count();
        },
        { timeout: 20_000, interval: 500 },
      )
      .toBe(1);
    return popup;
  }

  const hiddenCount = async (popup: Page) => hiddenIn(await popup.locator('body').innerText());

  it('hands the page to the new version: it counts every item, and Show original restores the page exactly', async () => {
    const tab = await chromium.context.newPage();
    await tab.goto(CLASSIC_2007.url);
    await waitForCleanup(() => textOf(tab), CLASSIC_2007.clutter);
    const worker =
      chromium.context.serviceWorkers().find((w) => w.url().includes(extensionId)) ??
      (await chromium.context.waitForEvent('serviceworker'));
    const tabId = await worker.evaluate(
      async (url) => (await chrome.tabs.query({})).find((t) => t.url === url)!.id!,
      CLASSIC_2007.url,
    );

    // The page as the site made it, by the installed version's own Show original; then cleaned
    // again, as it was when the update came.
    const before = await openPopup(tabId);
    const counted = await hiddenCount(before);
    expect(counted).toBeGreaterThan(0);
    await before.getByRole('button', { name: 'Show original' }).click();
    await expect.poll(() => textOf(tab)).toContain(CLASSIC_2007.clutter[0]);
    const original = await bodyOf(tab);
    await before.getByRole('button', { name: 'Clean page' }).click();
    await waitForCleanup(() => textOf(tab), CLASSIC_2007.clutter);
    await before.close();

    expect(await chromium.install()).toBe(extensionId);

    // The new version's script (injected as it installs; its popup's injection where it had not
    // arrived yet) sees all that the first one had hidden, not a page already cleaned with
    // nothing left to count.
    const after = await openPopup(tabId);
    expect(await hiddenCount(after)).toBe(counted);
    expect(sentencesMissingFrom(collapse(await textOf(tab)), CLASSIC_2007.article)).toEqual([]);
    await after.getByRole('button', { name: 'Show original' }).click();
    await expect.poll(() => bodyOf(tab), { timeout: 10_000 }).toBe(original);
    // One note at most on the page: the old version's went with its cleanup.
    expect(
      await tab.evaluate(
        () => document.querySelectorAll(':root > [data-broadsheet-indicator]').length,
      ),
    ).toBeLessThanOrEqual(1);
  });
});

describe.skipIf(!chromiumPath)('the extension installed while a BBC story is open', () => {
  let server: FixtureServer;
  let chromium: UpdatableChromium;

  beforeAll(async () => {
    ({ server, chromium } = await chromiumServing2007());
  });

  afterAll(async () => {
    await chromium?.close();
    await server?.close();
  });

  const textOf = (page: Page) => page.evaluate(() => document.body.innerText);

  it('cleans the story without a reload, and its note undoes the cleanup', async () => {
    const tab = await chromium.context.newPage();
    await tab.goto(CLASSIC_2007.url);
    const original = await tab.evaluate(() => document.body.outerHTML);
    expect(collapse(await textOf(tab))).toContain(CLASSIC_2007.clutter[0]);

    // Chromium itself runs no content script in a tab that was open before the install.
    await chromium.install();
    const text = await waitForCleanup(() => textOf(tab), CLASSIC_2007.clutter);
    expect(sentencesMissingFrom(text, CLASSIC_2007.article)).toEqual([]);

    // Its note's Show original (Shift+Tab from the top of the page, Enter) puts it back exactly.
    await tab.keyboard.press('Shift+Tab');
    await tab.keyboard.press('Enter');
    await expect.poll(() => tab.evaluate(() => document.body.outerHTML)).toBe(original);
  });
});

describe.skipIf(!firefoxPath)('the Firefox build updated under an open BBC story', () => {
  let server: FixtureServer;
  let firefox: FirefoxWithExtension;

  beforeAll(async () => {
    if (!existsSync(resolve(DIST_FIREFOX, 'manifest.json')))
      throw new Error(
        'dist-firefox/ is missing: run `npm run build:firefox` (npm run test:e2e does).',
      );
    server = await startFixtureServer([{ url: CLASSIC_2007.url, file: CLASSIC_2007.file }]);
    firefox = await launchFirefoxWithExtension({
      extensionDir: DIST_FIREFOX,
      proxyPort: server.httpPort,
    });
  });

  afterAll(async () => {
    await firefox?.close();
    await server?.close();
  });

  const bodyOf = (page: FirefoxPage) => page.evaluate(() => document.body.outerHTML);
  const textOf = (page: FirefoxPage) => page.evaluate(() => document.body.innerText);

  /** Opens the popup for `tabId`, presses the button named `name`, and gives the count it showed. */
  async function pressInPopup(tabId: number, name: string): Promise<number> {
    const popup = await firefox.openExtensionPage(`src/popup/index.html?tabId=${tabId}`);
    // Once its buttons are there, the popup has the page's state (and the count, if any).
    await waitInPage(popup, () => document.querySelector('button') !== null, { timeout: 15_000 });
    const count = hiddenIn(await popup.evaluate(() => document.body.innerText));
    await pressButton(popup, name);
    await popup.close();
    return count;
  }

  it('puts the page back from its marks: the new version counts every item, and Show original restores the page exactly', async () => {
    const tab = await firefox.browser.newPage();
    await gotoPage(tab, CLASSIC_2007.url);
    await waitForCleanup(() => textOf(tab), CLASSIC_2007.clutter);
    const tabId = await firefox.tabIdOf(CLASSIC_2007.url);

    const counted = await pressInPopup(tabId, 'Show original');
    expect(counted).toBeGreaterThan(0);
    await expect.poll(() => textOf(tab)).toContain(CLASSIC_2007.clutter[0]);
    const original = await bodyOf(tab);
    await pressInPopup(tabId, 'Clean page');
    await waitForCleanup(() => textOf(tab), CLASSIC_2007.clutter);

    // The same build installed again: Firefox's update of a running extension.
    await firefox.browser.installExtension(DIST_FIREFOX);

    await expect.poll(() => firefox.hiddenCount(tabId), { timeout: 15_000 }).toBe(counted);
    expect(sentencesMissingFrom(collapse(await textOf(tab)), CLASSIC_2007.article)).toEqual([]);
    expect(await pressInPopup(tabId, 'Show original')).toBe(counted);
    await expect.poll(() => bodyOf(tab), { timeout: 10_000 }).toBe(original);
    await tab.close();
  });
});
