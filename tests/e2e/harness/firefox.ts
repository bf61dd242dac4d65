/**
 * Firefox with the Firefox build (dist-firefox/) installed, headless, through puppeteer-core over
 * WebDriver BiDi and the system's Firefox (Debian's `firefox-esr`; nothing is downloaded).
 *
 * Firefox has no `--host-resolver-rules`: every address goes through the fixture server as an
 * HTTP proxy (see server.ts), so pages open at their real addresses and nothing reaches the
 * network. The extension gets a fixed internal UUID (the `extensions.webextensions.uuids`
 * preference), so its pages have known `moz-extension://` addresses.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer from 'puppeteer-core';
import type { Browser, Page } from 'puppeteer-core';
import { copyWithGrantedHosts } from './browser';

export const FIREFOX_PATHS = [
  process.env.BROADSHEET_FIREFOX,
  '/usr/bin/firefox-esr',
  '/usr/bin/firefox',
].filter((p): p is string => Boolean(p));

export function findFirefox(): string | null {
  return FIREFOX_PATHS.find((p) => existsSync(p)) ?? null;
}

/** The extension's internal UUID in the test profile, so its pages' addresses are known. */
const EXTENSION_UUID = '0b5e8c1e-7d3a-4f26-9c1b-b40ad5ee7e57';

/** The few extension APIs the tests call from an extension page (Firefox's `browser`). */
declare const browser: {
  tabs: {
    query(q: object): Promise<{ id?: number; url?: string }[]>;
    sendMessage(tabId: number, message: object): Promise<unknown>;
  };
  storage: { sync: { set(items: object): Promise<void> } };
  action: { getBadgeText(details: { tabId: number }): Promise<string> };
  permissions: { remove(p: { origins: string[] }): Promise<boolean> };
  runtime: { getManifest(): { host_permissions?: string[] } };
};

export interface FirefoxWithExtension {
  browser: Browser;
  /** `moz-extension://<uuid>/`. */
  origin: string;
  /** Where `browser.downloads` saves files in this run. */
  downloadsDir: string;
  /** Opens one of the extension's pages (path relative to the package root) in a new tab. */
  openExtensionPage(path: string): Promise<Page>;
  /** The id of the tab showing `url` (the extension sees the URLs of its hosts' tabs). */
  tabIdOf(url: string): Promise<number>;
  /** Stores the extension's settings, as the options page would. */
  setSettings(key: string, value: unknown): Promise<void>;
  /** The toolbar button's badge on a tab. */
  badgeText(tabId: number): Promise<string>;
  /** How many items the tab's content script says it hid (its answer to the popup). */
  hiddenCount(tabId: number): Promise<number>;
  /** Withdraws every host permission, as a person can in Firefox's extensions panel. */
  revokeHostPermissions(): Promise<void>;
  close(): Promise<void>;
}

export async function launchFirefoxWithExtension(options: {
  extensionDir: string;
  /** The fixture server's HTTP port, used as the proxy for every address. */
  proxyPort: number;
  /** Installs a copy granted these origins, for the toolbar path (see copyWithGrantedHosts). */
  grantedOrigins?: string[];
}): Promise<FirefoxWithExtension> {
  const executablePath = findFirefox();
  if (!executablePath) throw new Error(`No Firefox found (looked at ${FIREFOX_PATHS.join(', ')})`);
  const copy = options.grantedOrigins
    ? copyWithGrantedHosts(options.extensionDir, options.grantedOrigins)
    : null;
  const extensionDir = copy ?? resolve(options.extensionDir);
  const manifest = JSON.parse(readFileSync(join(extensionDir, 'manifest.json'), 'utf8')) as {
    browser_specific_settings?: { gecko?: { id?: string } };
  };
  const geckoId = manifest.browser_specific_settings?.gecko?.id;
  if (!geckoId) throw new Error(`${extensionDir} is not a Firefox build (no gecko id)`);
  const downloadsDir = mkdtempSync(join(tmpdir(), 'broadsheet-ff-downloads-'));
  const firefox = await puppeteer.launch({
    browser: 'firefox',
    executablePath,
    headless: true,
    // The fixture server's certificate is self-signed.
    acceptInsecureCerts: true,
    // Lets the remote agent open moz-extension:// pages (otherwise "not allowed in this context").
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'network.proxy.type': 1,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': options.proxyPort,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': options.proxyPort,
      'network.proxy.no_proxies_on': '',
      'network.proxy.allow_hijacking_localhost': true,
      'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: EXTENSION_UUID }),
      'browser.download.folderList': 2,
      'browser.download.dir': downloadsDir,
      'browser.download.useDownloadDir': true,
      // A permissions.request (the popup's "Allow on BBC News sites") is granted without the
      // prompt a person would answer, which a headless run cannot click.
      'extensions.webextOptionalPermissionPrompts': false,
    },
  });
  try {
    await firefox.installExtension(extensionDir);
  } catch (err) {
    await firefox.close();
    if (copy) rmSync(copy, { recursive: true, force: true });
    throw err;
  }
  const origin = `moz-extension://${EXTENSION_UUID}/`;

  async function openExtensionPage(path: string): Promise<Page> {
    const page = await firefox.newPage();
    // Puppeteer never sees a moz-extension:// navigation finish over BiDi (the page loads, the
    // promise waits on): start it, then ask the document itself until it has loaded. (Asked while
    // the navigation swaps documents, Firefox can answer with a protocol error: asked again.)
    void page.goto(`${origin}${path}`).catch(() => undefined);
    for (let waited = 0; ; waited += 100) {
      const loaded = await page
        .evaluate(
          () => location.protocol === 'moz-extension:' && document.readyState === 'complete',
        )
        .catch(() => false);
      if (loaded) break;
      if (waited >= 15_000) throw new Error(`${path} did not load in 15 s`);
      await new Promise((r) => setTimeout(r, 100));
    }
    return page;
  }

  /** Runs `work` in an extension page (where `browser.*` is), opened for it and closed after. */
  async function inExtensionPage<T>(work: (page: Page) => Promise<T>): Promise<T> {
    const page = await openExtensionPage('src/options/index.html');
    try {
      return await work(page);
    } finally {
      await page.close();
    }
  }

  return {
    browser: firefox,
    origin,
    downloadsDir,
    openExtensionPage,
    async tabIdOf(url) {
      const id = await inExtensionPage((page) =>
        page.evaluate(
          async (wanted) => (await browser.tabs.query({})).find((t) => t.url === wanted)?.id,
          url,
        ),
      );
      if (id === undefined) throw new Error(`no tab shows ${url}`);
      return id;
    },
    setSettings: (key, value) =>
      inExtensionPage((page) =>
        page.evaluate((k, v) => browser.storage.sync.set({ [k]: v }), key, value),
      ),
    badgeText: (tabId) =>
      inExtensionPage((page) =>
        page.evaluate((id) => browser.action.getBadgeText({ tabId: id }), tabId),
      ),
    hiddenCount: (tabId) =>
      inExtensionPage((page) =>
        page.evaluate(async (id) => {
          const reply = (await browser.tabs.sendMessage(id, {
            type: 'popup→content:get-state',
          })) as { value: { removals: unknown[] } };
          return reply.value.removals.length;
        }, tabId),
      ),
    revokeHostPermissions: () =>
      inExtensionPage((page) =>
        page.evaluate(async () => {
          const origins = browser.runtime.getManifest().host_permissions ?? [];
          await browser.permissions.remove({ origins });
        }),
      ),
    async close() {
      await firefox.close();
      if (copy) rmSync(copy, { recursive: true, force: true });
      rmSync(downloadsDir, { recursive: true, force: true });
    },
  };
}

/**
 * Waits until `predicate`, run in the page with `args`, is true: puppeteer's `waitForFunction`,
 * polled from here through `page.evaluate` every 50 ms. Puppeteer's own poller runs in the page
 * and builds the predicate with `new Function`, which an extension page's CSP blocks in Firefox
 * ESR 140 ("call to Function() blocked by CSP"; later versions exempt WebDriver BiDi's scripts).
 */
export async function waitInPage<A extends unknown[]>(
  page: Page,
  predicate: (...args: A) => boolean,
  options: { timeout?: number } = {},
  ...args: A
): Promise<void> {
  const timeout = options.timeout ?? 30_000;
  const deadline = Date.now() + timeout;
  let failure: unknown = null;
  for (;;) {
    // A page still loading may have no realm to run in yet, or lose it to its own navigation:
    // asked again, as puppeteer's poller is.
    const done = await page
      .evaluate(predicate as (...a: unknown[]) => boolean, ...(args as unknown[]))
      .catch((error: unknown) => {
        failure = error;
        return false;
      });
    if (done) return;
    if (Date.now() > deadline)
      throw new Error(
        `waitInPage: still false after ${timeout} ms: ${String(predicate)}` +
          (failure ? ` (last error: ${String(failure)})` : ''),
      );
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * Loads `url` in `page` up to DOMContentLoaded. Firefox ESR 140 now and then refuses a load through
 * the fixture server with "browsingContext.navigate: unknown error: Address rejected" (once in
 * five runs of the Firefox tests, a load of the Wayback 2013 capture that the same test made
 * without trouble in the other four): such a load is asked again, twice at most. Any other
 * failure is the test's.
 */
export async function gotoPage(page: Page, url: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await page.goto(url, { waitUntil: 'domcontentloaded' });
      return;
    } catch (error) {
      if (attempt >= 3 || !/Address rejected/.test(String(error))) throw error;
    }
  }
}

/**
 * Sets the page's viewport. Puppeteer also sends `emulation.setScreenOrientationOverride`, which
 * Firefox ESR 140 does not know ("unknown command"); the viewport itself is set by a command of
 * its own, sent beside it, so only that refusal is let through.
 */
export async function setViewport(page: Page, size: { width: number; height: number }) {
  await page.setViewport(size).catch((error: unknown) => {
    if (!/setScreenOrientationOverride/.test(String(error))) throw error;
  });
}

/**
 * Clicks the button named `name` in an extension page, once it is there (the name axe checks in
 * the Chromium run). Clicked from inside the page: puppeteer's own click does not reach
 * moz-extension:// pages over BiDi.
 */
export async function pressButton(page: Page, name: string): Promise<void> {
  await waitInPage(
    page,
    (wanted) =>
      [...document.querySelectorAll('button')].some((b) => b.textContent?.trim() === wanted),
    { timeout: 15_000 },
    name,
  );
  await page.evaluate((wanted) => {
    [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === wanted)!.click();
  }, name);
}
