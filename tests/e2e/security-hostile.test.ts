/**
 * Hostile pages and pages that fight back, in real Chromium with the built extension (dist/).
 *
 * Hostile pages: a sample of tests/fixtures/hostile (every payload family, in the classic and
 * today's BBC templates at matched addresses, and in the generic template at a non-BBC address
 * read through the toolbar). For each: open it, open the popup and the reader, save the JSON.
 * Pass: no dialog in any tab, the trap (`window.__pwned`) unset in the popup and the reader, no
 * request from the extension to anything but the fixture pages (never to evil.example), and the
 * saved JSON schema-valid with only http(s) addresses. The pages' own scripts may run their
 * payloads in the page itself (they are the page's); what is checked is that Broadsheet never
 * carries them anywhere.
 *
 * Pages that fight back: the classic 2007 story with a page script that replaces
 * Element.prototype.remove and querySelectorAll, defines window.browser and window.chrome,
 * freezes prototypes, throws in its own MutationObserver callbacks, re-inserts clutter, or
 * replaces <body> after load. The content script must still clean (or leave the page as it was),
 * and the page's own script must keep running.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clutterIn, collapse } from './harness/checks';
import type { Article } from '../../src/core/types';
import { filesIn, savedJson } from './harness/downloads';
import { schemaErrors } from './harness/expected';
import {
  findChromium,
  launchWithExtension,
  launchWithGrantedHosts,
  openReaderFromPopup,
  recordRequests,
  type ExtensionBrowser,
} from './harness/browser';
import { startFixtureServer, type FixtureRoute, type FixtureServer } from './harness/server';
import { CLASSIC_2007 } from './harness/pages';
import { hostilePages, type HostilePage } from '../fixtures/hostile/pages';
import { EVIL_HOST, VECTORS } from '../fixtures/hostile/vectors';

/** Any address on the attacker's host. */
const ATTACKER = new RegExp(`^https?://${EVIL_HOST.replace(/\./g, '\\.')}(?:[:/]|$)`);

declare const chrome: { tabs: { query(q: object): Promise<{ id?: number }[]> } };

const DIST = resolve(import.meta.dirname, '../../dist');
const chromiumPath = findChromium();
/**
 * One page per payload family and slot kind, turning through the slots, in each template: every
 * family is tried in every template, at a matched BBC address or (generic) through the toolbar.
 */
function sample(): HostilePage[] {
  const all = hostilePages({ all: true });
  const out: HostilePage[] = [];
  const families = [...new Set(VECTORS.map((v) => v.family))];
  (['bbc-classic', 'bbc-modern', 'generic'] as const).forEach((template, t) =>
    families.forEach((family, i) => {
      const pool = all.filter((p) => p.template === template && p.family === family);
      out.push(pool[(i * 5 + t * 11) % pool.length]!);
    }),
  );
  return out;
}

/** Each sampled page at an address of its own on its template's host. */
function addressOf(page: HostilePage, n: number): string {
  switch (page.template) {
    case 'bbc-classic':
      return `http://news.bbc.co.uk/1/hi/world/europe/9${String(n).padStart(6, '0')}.stm`;
    case 'bbc-modern':
      return `https://www.bbc.co.uk/news/articles/c0hostile${n}`;
    case 'generic':
      return `https://news.example.org/2024/05/01/hostile-${n}`;
  }
}

describe.skipIf(!chromiumPath)('hostile pages in Chromium', () => {
  const pages = sample().map((page, n) => ({ page, url: addressOf(page, n) }));
  const dir = mkdtempSync(join(tmpdir(), 'broadsheet-hostile-'));
  const routes: FixtureRoute[] = pages.map(({ page, url }) => {
    const file = join(dir, `${page.id}.html`);
    writeFileSync(file, page.html);
    return { url, file };
  });
  // The fight-back pages: the classic story with a page script in its <head>.
  const FIGHTS = {
    'replaces Element.prototype.remove and querySelectorAll, defines browser and chrome': `
      Element.prototype.remove = function () { window.__fightCalls = (window.__fightCalls || 0) + 1; };
      Document.prototype.querySelectorAll = function () { return []; };
      Element.prototype.querySelectorAll = function () { return []; };
      window.browser = { runtime: { sendMessage() { window.__pwned = 1; } } };
      window.chrome = { runtime: { id: 'fake', sendMessage() { window.__pwned = 1; } } };`,
    'freezes prototypes and the document': `
      document.addEventListener('DOMContentLoaded', () => {
        Object.freeze(Element.prototype); Object.freeze(Node.prototype);
        Object.freeze(CSSStyleDeclaration.prototype); Object.freeze(document.body);
      });`,
    'throws in its own MutationObserver callbacks': `
      new MutationObserver(() => { throw new Error('page observer'); })
        .observe(document, { childList: true, subtree: true, attributes: true });`,
    // Every 100 ms, a fresh copy of whatever Broadsheet hid, without its marker: the late
    // clutter watcher re-cleans at most 6 times a minute (and stops when a pass gets slow), so
    // copies made between passes stay visible; what is checked is that the page keeps working.
    're-inserts the clutter it loses': `
      document.addEventListener('DOMContentLoaded', () => {
        setInterval(() => {
          for (const el of document.querySelectorAll('[data-broadsheet-hidden]')) {
            const copy = el.cloneNode(true);
            copy.removeAttribute('data-broadsheet-hidden');
            copy.removeAttribute('style');
            document.body.appendChild(copy);
          }
        }, 100);
      });`,
    'replaces <body> after load': `
      window.addEventListener('load', () => {
        const body = document.body.cloneNode(true);
        document.documentElement.replaceChild(body, document.body);
      });`,
  } as const;
  const classic = readFileSync(CLASSIC_2007.file, 'latin1');
  const fights = Object.entries(FIGHTS).map(([name, script], n) => {
    const url = `http://news.bbc.co.uk/1/hi/world/europe/8${String(n).padStart(6, '0')}.stm`;
    const file = join(dir, `fight-${n}.html`);
    // A ticker proves the page's own script keeps running beside the content script.
    const ticker = `setInterval(() => { window.__ticks = (window.__ticks || 0) + 1; }, 50);`;
    writeFileSync(
      file,
      classic.replace('</head>', `<script>${ticker}${script}</script></head>`),
      'latin1',
    );
    routes.push({ url, file });
    return { name, url };
  });

  let server: FixtureServer;
  let browser: ExtensionBrowser;
  /** Requests started by the extension's own code (content script, popup, reader). */
  const extensionRequests: string[] = [];
  const dialogs: string[] = [];
  /** Pages whose article was saved and read (the rest had none: the popup said so). */
  let readAndSaved = 0;
  let granted: ExtensionBrowser;

  beforeAll(async () => {
    if (!existsSync(resolve(DIST, 'manifest.json')))
      throw new Error('dist/ is missing: run `npm run build` (npm run test:e2e does).');
    server = await startFixtureServer(routes);
    browser = await launchWithExtension({
      extensionDir: DIST,
      hostResolverRules: server.hostResolverRules(),
    });
    // The generic pages are read through the toolbar's activeTab grant, stood in for by a copy
    // of dist/ that names their host (see launchWithGrantedHosts).
    granted = await launchWithGrantedHosts({
      extensionDir: DIST,
      origins: ['https://news.example.org'],
      hostResolverRules: server.hostResolverRules(),
    });
  });

  afterAll(async () => {
    await browser?.close();
    await granted?.close();
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /**
   * A tab whose dialogs and extension-started requests are recorded. A page that sends itself to
   * the attacker's host (a `<meta http-equiv="refresh">` payload in its markup) is answered
   * "204 No Content", which cancels the navigation. Otherwise the refresh replaced the page with
   * an error page at some moment after its load: when before the popup opened, the popup found
   * no article and Save and the reader were skipped (the case passed without being tested); when
   * between the popup and Save, Save failed (CI, 2026-11-30: bbc-modern--meta-73--relatedTitle).
   * The page itself stays hostile; only its leaving is stopped.
   */
  async function newTab(b: ExtensionBrowser): Promise<Page> {
    const page = await b.context.newPage();
    await page.route(ATTACKER, (route) => route.fulfill({ status: 204 }));
    page.on('dialog', (d) => {
      dialogs.push(`${page.url()}: ${d.type()} ${d.message()}`);
      void d.dismiss();
    });
    const extension = `chrome-extension://${b.extensionId}/`;
    await recordRequests(b.context, page, ({ url, initiators }) => {
      if (initiators.some((i) => i.startsWith(extension)) || page.url().startsWith(extension))
        if (!url.startsWith(extension)) extensionRequests.push(url);
    });
    return page;
  }

  async function newestTabId(b: ExtensionBrowser): Promise<number> {
    return b.serviceWorker.evaluate(async () =>
      Math.max(...(await chrome.tabs.query({})).map((t) => t.id ?? -1)),
    );
  }

  const trapOf = (p: Page) =>
    p.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned ?? null);

  it.each(pages.map((p) => [p.page.id, p] as const))(
    '%s: popup, reader and saved JSON carry nothing live',
    async (_id, { page, url }) => {
      const b = page.template === 'generic' ? granted : browser;
      const tab = await newTab(b);
      await tab.goto(url, { waitUntil: 'domcontentloaded' });
      const tabId = await newestTabId(b);
      const popup = await newTab(b);
      await popup.goto(`chrome-extension://${b.extensionId}/src/popup/index.html?tabId=${tabId}`);
      // The popup settles on the article's header or on a notice (no article on this page).
      await expect.poll(() => popup.locator('h1').count(), { timeout: 15_000 }).toBeGreaterThan(0);
      expect(await trapOf(popup)).toBeNull();

      const save = popup.getByRole('button', { name: 'Save as JSON' });
      if (await save.count()) {
        const before = filesIn(b.downloadsDir);
        await save.click();
        const { name, article: saved } = await savedJson<Article>(b.downloadsDir, before);
        // Chrome's `uniquify` adds " (1)" to a name saved before (the pages share a title).
        expect(name).toMatch(/^\d{4}-\d{2}-\d{2}-[a-z0-9-]+(?: \(\d+\))?\.json$/);
        expect(schemaErrors(saved)).toEqual([]);
        const addresses = [
          saved.canonicalUrl,
          ...saved.images.map((i: { src: string }) => i.src),
          ...saved.related.map((r: { url: string }) => r.url),
        ].filter(Boolean);
        for (const a of addresses) expect(a).toMatch(/^https?:\/\//);

        const reader = await openReaderFromPopup(b.context, popup);
        reader.on('dialog', (d) => {
          dialogs.push(`reader: ${d.message()}`);
          void d.dismiss();
        });
        await reader.waitForLoadState('load');
        await expect.poll(() => reader.locator('article h1').count(), { timeout: 15_000 }).toBe(1);
        expect(await trapOf(reader)).toBeNull();
        const unsafe = await reader.evaluate(() =>
          [...document.querySelectorAll('*')].flatMap((el) =>
            el.getAttributeNames().some((n) => n.startsWith('on')) ||
            el.matches('iframe, object, embed, script:not([src])')
              ? [el.outerHTML.slice(0, 120)]
              : [],
          ),
        );
        expect(unsafe).toEqual([]);
        await reader.close();
        readAndSaved++;
      }
      if (!popup.isClosed()) await popup.close();
      await tab.close();
      expect(dialogs).toEqual([]);
    },
  );

  it.each(fights.map((f) => [f.name, f] as const))('a page that %s', async (_name, fight) => {
    const tab = await newTab(browser);
    const errors: string[] = [];
    tab.on('pageerror', (e) => errors.push(String(e)));
    await tab.goto(fight.url, { waitUntil: 'load' });
    // Cleanup happens (the popup's count says so) or the page is left as the site made it.
    const tabId = await newestTabId(browser);
    const popup = await newTab(browser);
    await popup.goto(
      `chrome-extension://${browser.extensionId}/src/popup/index.html?tabId=${tabId}`,
    );
    await expect
      .poll(() => popup.locator('h1').first().textContent(), { timeout: 15_000 })
      .toBe('No breakthrough for US and Russia');
    const text = collapse(await tab.evaluate(() => document.body.innerText));
    if (!fight.name.startsWith('re-inserts'))
      expect(clutterIn(text, CLASSIC_2007.clutter)).toEqual([]);
    // The story is there either way.
    expect(text).toContain(collapse(CLASSIC_2007.article[0]!));
    expect(text).toContain(collapse(CLASSIC_2007.article.at(-1)!));
    // The page's own script is still running.
    const ticks = await tab.evaluate(() => (window as unknown as { __ticks: number }).__ticks);
    await new Promise((r) => setTimeout(r, 300));
    expect(
      await tab.evaluate(() => (window as unknown as { __ticks: number }).__ticks),
    ).toBeGreaterThan(ticks);
    // Nothing the extension did threw into the page; only the page's own errors.
    expect(errors.filter((e) => !/page observer/.test(e))).toEqual([]);
    expect(await trapOf(tab)).toBeNull();
    await popup.close();
    await tab.close();
  });

  it('the extension asked for nothing but fixture pages, never the attacker’s host', () => {
    // The hostile pages are articles: nearly all went through Save and the reader.
    expect(readAndSaved).toBeGreaterThanOrEqual(Math.floor(pages.length * 0.9));
    expect(extensionRequests.filter((u) => new URL(u).hostname === EVIL_HOST)).toEqual([]);
    const fixtureHosts = new Set(routes.map((r) => new URL(r.url).hostname));
    expect(
      extensionRequests.filter(
        (u) => !u.startsWith('data:') && !fixtureHosts.has(new URL(u).hostname),
      ),
    ).toEqual([]);
    expect(server.requests.filter((r) => new URL(r.url).hostname === EVIL_HOST)).toEqual([]);
  });
});
