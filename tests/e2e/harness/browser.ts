/**
 * Chromium with the built extension loaded, headless, through playwright-core and the system's
 * Chromium (Debian's `chromium`; `npx playwright install` cannot download a browser here).
 */
import { execFileSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import type { BrowserContext, Page, Worker } from 'playwright-core';
import type { Article } from '../../../src/core/types';
import type { Reply } from '../../../src/shared/messages';

/** The extension API `articleOfTab` calls inside the service worker. */
declare const chrome: {
  tabs: { sendMessage(tabId: number, message: object): Promise<unknown> };
};

export const CHROMIUM_PATHS = [
  process.env.BROADSHEET_CHROMIUM,
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
].filter((p): p is string => Boolean(p));

export function findChromium(): string | null {
  return CHROMIUM_PATHS.find((p) => existsSync(p)) ?? null;
}

/**
 * Removes a folder a Chromium run wrote in. Chromium's crash reporter (chrome_crashpad_handler)
 * leaves the browser's process tree and keeps writing in the profile after the browser has
 * closed, which made removal fail with ENOTEMPTY (twice in e2e runs, even after retries): the
 * processes that name the folder are ended first.
 */
export function removeBrowserFolder(dir: string): void {
  try {
    execFileSync('pkill', ['-f', '--', dir], { stdio: 'ignore' });
  } catch {
    // pkill exits 1 when nothing names the folder.
  }
  rmSync(dir, { recursive: true, force: true, maxRetries: 20, retryDelay: 100 });
}

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  serviceWorker: Worker;
  /** Where `chrome.downloads` saves files in this run. */
  downloadsDir: string;
  close(): Promise<void>;
}

export async function launchWithExtension(options: {
  extensionDir: string;
  hostResolverRules: string;
  headless?: boolean;
}): Promise<ExtensionBrowser> {
  const executablePath = findChromium();
  if (!executablePath)
    throw new Error(`No Chromium found (looked at ${CHROMIUM_PATHS.join(', ')})`);
  const extensionDir = resolve(options.extensionDir);
  const profile = mkdtempSync(join(tmpdir(), 'broadsheet-profile-'));
  const downloadsDir = mkdtempSync(join(tmpdir(), 'broadsheet-downloads-'));
  // chrome.downloads saves to the profile's download folder (CDP's Browser.setDownloadBehavior
  // only steers downloads that pages start), so the profile is made with one of our own.
  mkdirSync(join(profile, 'Default'), { recursive: true });
  writeFileSync(
    join(profile, 'Default', 'Preferences'),
    JSON.stringify({ download: { default_directory: downloadsDir, prompt_for_download: false } }),
  );
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: options.headless ?? true,
    // Playwright turns extensions off by default; this browser exists to run one.
    ignoreDefaultArgs: ['--disable-extensions'],
    viewport: { width: 1280, height: 900 },
    args: [
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      `--host-resolver-rules=${options.hostResolverRules}`,
      '--ignore-certificate-errors',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const serviceWorker =
    context.serviceWorkers()[0] ??
    (await context.waitForEvent('serviceworker', { timeout: 20_000 }));
  const extensionId = new URL(serviceWorker.url()).host;

  // Playwright keeps downloads under random names in its own folder; hand them back to the
  // browser's default behaviour, which is the profile's folder above.
  const page = context.pages()[0] ?? (await context.newPage());
  const cdp = await context.newCDPSession(page);
  await cdp.send('Browser.setDownloadBehavior', { behavior: 'default' });
  await cdp.detach();

  return {
    context,
    extensionId,
    serviceWorker,
    downloadsDir,
    async close() {
      await context.close();
      removeBrowserFolder(profile);
      removeBrowserFolder(downloadsDir);
    },
  };
}

/**
 * Clicking the toolbar button grants `activeTab` for a tab; a headless browser has no toolbar to
 * click and no other way to grant it. So the toolbar path is tested with a copy of the build whose
 * manifest also names `origins` (each `https://host`), standing in for that grant: the rest of the
 * path (popup → background inject → content script → article) is the shipped code. Returns the
 * copy's directory (the caller removes it).
 */
export function copyWithGrantedHosts(extensionDir: string, origins: string[]): string {
  const copy = mkdtempSync(join(tmpdir(), 'broadsheet-dist-'));
  cpSync(resolve(extensionDir), copy, { recursive: true });
  const manifestPath = join(copy, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { host_permissions: string[] };
  manifest.host_permissions.push(...origins.map((o) => `${o}/*`));
  writeFileSync(manifestPath, JSON.stringify(manifest));
  return copy;
}

/** Chromium with a copy of the build granted `origins` (see copyWithGrantedHosts). */
export async function launchWithGrantedHosts(options: {
  extensionDir: string;
  origins: string[];
  hostResolverRules: string;
}): Promise<ExtensionBrowser> {
  const copy = copyWithGrantedHosts(options.extensionDir, options.origins);
  const launched = await launchWithExtension({
    extensionDir: copy,
    hostResolverRules: options.hostResolverRules,
  });
  return {
    ...launched,
    async close() {
      await launched.close();
      rmSync(copy, { recursive: true, force: true });
    },
  };
}

/** One request a tab made, with every script on the stack that started it (CDP `initiator`). */
export interface TabRequest {
  url: string;
  initiators: string[];
}

/** Reports every request `page` makes from now on, with its initiators. */
export async function recordRequests(
  context: BrowserContext,
  page: Page,
  onRequest: (request: TabRequest) => void,
): Promise<void> {
  const cdp = await context.newCDPSession(page);
  cdp.on('Network.requestWillBeSent', (event) => {
    const initiators = [event.initiator.url ?? ''];
    for (let stack = event.initiator.stack; stack; stack = stack.parent)
      initiators.push(...stack.callFrames.map((f) => f.url));
    onRequest({ url: event.request.url, initiators });
  });
  await cdp.send('Network.enable');
}

/**
 * Clicks the popup's **Reader view** and returns the reader tab. Waiting starts before the click
 * (the tab can open before a later wait begins), and the popup closing itself once the reader is
 * open, possibly before the click returns, is not an error.
 */
export async function openReaderFromPopup(context: BrowserContext, popup: Page): Promise<Page> {
  const opened = context.waitForEvent('page', {
    predicate: (p) => p.url().includes('/src/reader/index.html?id='),
  });
  await popup
    .getByRole('button', { name: 'Reader view' })
    .click()
    .catch((err: unknown) => {
      if (!popup.isClosed()) throw err;
    });
  return opened;
}

/**
 * The article the tab's content script gives the background, as the reader and **Save as JSON**
 * get it (the service worker asks the tab, as `src/background` does). An error reply fails the
 * test with the content script's own code and message.
 */
export async function articleOfTab(browser: ExtensionBrowser, tabId: number): Promise<Article> {
  const reply = await browser.serviceWorker.evaluate(
    async (id) =>
      (await chrome.tabs.sendMessage(id, {
        type: 'background→content:get-article',
      })) as Reply<Article>,
    tabId,
  );
  if (!reply.ok) {
    throw new Error(`tab ${tabId} gave no article: ${reply.error.code}: ${reply.error.message}`);
  }
  return reply.value;
}
