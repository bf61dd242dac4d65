/**
 * The popup, the reader and the options page in real Chromium with the built extension: axe-core
 * finds no violation (colour contrast included, in light and dark themes), and each page can be
 * used with the keyboard alone — the popup opens the reader with Tab and Enter, the reader's
 * theme changes from the keyboard, the options page saves a switch toggled with Space.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findChromium, launchWithExtension } from './harness/browser';
import { axeViolations } from './harness/checks';
import type { ExtensionBrowser } from './harness/browser';
import { startFixtureServer } from './harness/server';
import type { FixtureServer } from './harness/server';
import { CLASSIC_2007 } from './harness/pages';
import { SETTINGS_KEY } from '../../src/shared/settings';

declare const chrome: {
  tabs: { query(q: object): Promise<{ id?: number }[]> };
  storage: { sync: { get(key: string): Promise<Record<string, unknown>> } };
};

const ROOT = resolve(import.meta.dirname, '../..');
const DIST = resolve(ROOT, 'dist');
const ARTIFACTS = resolve(ROOT, 'artifacts');

const chromiumPath = findChromium();
if (!chromiumPath) {
  if (process.env.CI === 'true') throw new Error('Chromium is required for the e2e tests in CI.');
  console.warn('\n[broadsheet] NOTICE: no Chromium found; accessibility e2e tests are SKIPPED.\n');
}

/** Tabs forward until the focused element's accessible name (text or aria-label) is `name`. */
async function tabTo(page: Page, name: string, maxTabs = 40): Promise<void> {
  for (let i = 0; i < maxTabs; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el) return '';
      const labelled = el.id ? document.querySelector(`label[for="${el.id}"]`)?.textContent : null;
      return (el.getAttribute('aria-label') ?? labelled ?? el.textContent ?? '')
        .replace(/\s+/g, ' ')
        .trim();
    });
    if (focused === name) return;
  }
  throw new Error(`"${name}" was not reached with ${maxTabs} presses of Tab`);
}

describe.skipIf(!chromiumPath)('accessibility and keyboard use', () => {
  let server: FixtureServer;
  let browser: ExtensionBrowser;
  let tabId: number;

  beforeAll(async () => {
    if (!existsSync(resolve(DIST, 'manifest.json')))
      throw new Error('dist/ is missing: run `npm run build` (npm run test:e2e does).');
    mkdirSync(ARTIFACTS, { recursive: true });
    server = await startFixtureServer([{ url: CLASSIC_2007.url, file: CLASSIC_2007.file }]);
    browser = await launchWithExtension({
      extensionDir: DIST,
      hostResolverRules: server.hostResolverRules(),
    });
    const story = await browser.context.newPage();
    await story.goto(CLASSIC_2007.url, { waitUntil: 'load' });
    for (let i = 0; i < 150; i++) {
      if (
        await story.evaluate(() => document.querySelectorAll('[data-broadsheet-hidden]').length > 0)
      )
        break;
      await new Promise((r) => setTimeout(r, 100));
    }
    tabId = await browser.serviceWorker.evaluate(async () =>
      Math.max(...(await chrome.tabs.query({})).map((t) => t.id ?? -1)),
    );
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function openPopup(): Promise<Page> {
    const popup = await browser.context.newPage();
    await popup.setViewportSize({ width: 400, height: 640 });
    await popup.goto(
      `chrome-extension://${browser.extensionId}/src/popup/index.html?tabId=${tabId}`,
    );
    await expect
      .poll(() => popup.locator('h1').first().textContent(), { timeout: 15_000 })
      .toBe(CLASSIC_2007_TITLE);
    return popup;
  }

  const CLASSIC_2007_TITLE = 'No breakthrough for US and Russia';

  it('popup: no axe violation, removals expanded too, in light and dark', async () => {
    const popup = await openPopup();
    for (const summary of await popup.locator('details > summary').all()) await summary.click();
    expect(await axeViolations((e) => popup.evaluate(e))).toEqual([]);
    await popup.emulateMedia({ colorScheme: 'dark' });
    expect(await axeViolations((e) => popup.evaluate(e))).toEqual([]);
    await popup.close();
  });

  it('popup → reader by keyboard alone; the reader passes axe in every theme and its theme changes by keyboard', async () => {
    const popup = await openPopup();
    await tabTo(popup, 'Reader view');
    const readerOpened = browser.context.waitForEvent('page', {
      predicate: (p) => p.url().includes('/src/reader/index.html?id='),
    });
    // The popup closes itself once the reader is open, possibly before the key press returns.
    await popup.keyboard.press('Enter').catch((err: unknown) => {
      if (!popup.isClosed()) throw err;
    });
    const reader = await readerOpened;
    await expect
      .poll(() => reader.locator('h1').first().textContent(), { timeout: 15_000 })
      .toBe(CLASSIC_2007_TITLE);

    for (const scheme of ['light', 'dark'] as const) {
      await reader.emulateMedia({ colorScheme: scheme });
      expect(
        await axeViolations((e) => reader.evaluate(e)),
        `follow-system theme, ${scheme}`,
      ).toEqual([]);
    }

    // The theme control, reached and changed with the keyboard only.
    const theme = reader.getByLabel('Theme');
    const before = await theme.inputValue();
    await theme.focus();
    await reader.keyboard.press('ArrowDown');
    await expect.poll(() => theme.inputValue()).not.toBe(before);
    for (const value of ['light', 'sepia', 'dark']) {
      await theme.selectOption(value);
      expect(await axeViolations((e) => reader.evaluate(e)), `${value} theme`).toEqual([]);
    }
    await reader.close();
    if (!popup.isClosed()) await popup.close();
  });

  it('options: no axe violation, and the automatic-cleanup switch is saved from the keyboard', async () => {
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/src/options/index.html`);
    await options.waitForLoadState('load');
    expect(await axeViolations((e) => options.evaluate(e))).toEqual([]);

    const autoClean = options.getByRole('checkbox', { name: /clean .*automatically/i }).first();
    const wasOn = await autoClean.isChecked();
    await autoClean.focus();
    await options.keyboard.press('Space');
    await expect
      .poll(
        () =>
          browser.serviceWorker.evaluate(
            async (key) =>
              ((await chrome.storage.sync.get(key))[key] as { autoClean?: boolean } | undefined)
                ?.autoClean,
            SETTINGS_KEY,
          ),
        { timeout: 10_000 },
      )
      .toBe(!wasOn);
    await options.keyboard.press('Space');
    await options.close();
  });
});
