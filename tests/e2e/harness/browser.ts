/**
 * Chromium with the built extension loaded, headless, through playwright-core and the system's
 * Chromium (Debian's `chromium`; `npx playwright install` cannot download a browser here).
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import type { BrowserContext, Worker } from 'playwright-core';

export const CHROMIUM_PATHS = [
  process.env.BROADSHEET_CHROMIUM,
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
].filter((p): p is string => Boolean(p));

export function findChromium(): string | null {
  return CHROMIUM_PATHS.find((p) => existsSync(p)) ?? null;
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
      rmSync(profile, { recursive: true, force: true });
      rmSync(downloadsDir, { recursive: true, force: true });
    },
  };
}
