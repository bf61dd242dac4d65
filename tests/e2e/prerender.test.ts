/**
 * A BBC story the browser prerenders (speculation rules; Chromium also prerenders addresses
 * typed in the address bar) is cleaned before the reader arrives on it, and its note with
 * "Show original" is there when they do.
 *
 * Chromium prerenders nothing while DevTools is attached to the page that asks
 * ("PrerenderingDisabledByDevTools"), and Playwright drives pages through DevTools. So this
 * browser is started without Playwright, on a front page whose own script follows the link a
 * few seconds after loading; Playwright connects only after that click, to look.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INDICATOR_ATTR } from '../../src/content/indicator';
import { findChromium } from './harness/browser';
import { CLASSIC_2007 } from './harness/pages';
import { startFixtureServer } from './harness/server';
import type { FixtureServer } from './harness/server';
import { spawnChromium } from './harness/spawned';
import type { SpawnedChromium } from './harness/spawned';

const DIST = resolve(import.meta.dirname, '../../dist');
const FRONT_PAGE = 'http://news.bbc.co.uk/1/hi/front_page/default.stm';
/**
 * How long the front page waits before following its link: the prerender is long done by then,
 * and a note timed from the cleanup (4 s and a fade) would have gone before the click.
 */
const CLICK_AFTER_MS = 6000;
/** The note's seconds on screen (src/content/indicator.ts). */
const NOTE_SHOWN_MS = 4000;

/**
 * The story with a script of the page's own that notes when the note's element is put on the
 * page and taken off (in the page's clock, as activationStart is): Playwright can only look
 * after the click, so the page keeps the times.
 */
function storyWithNoteTimes(): string {
  const html = readFileSync(CLASSIC_2007.file, 'latin1');
  const script = `<script>
window.__note = {};
new MutationObserver(function (changes) {
  changes.forEach(function (change) {
    change.addedNodes.forEach(function (n) {
      if (n.nodeType === 1 && n.hasAttribute('${INDICATOR_ATTR}')) window.__note.added = performance.now();
    });
    change.removedNodes.forEach(function (n) {
      if (n.nodeType === 1 && n.hasAttribute('${INDICATOR_ATTR}')) window.__note.removed = performance.now();
    });
  });
}).observe(document.documentElement, { childList: true });
</script>`;
  return html.replace(/<\/body>/i, `${script}</body>`);
}

const chromiumPath = findChromium();
if (!chromiumPath && process.env.CI === 'true')
  throw new Error('Chromium is required for the e2e tests in CI.');

describe.skipIf(!chromiumPath)('a story the browser prerendered', () => {
  let server: FixtureServer;
  let dir: string;
  let chromiumProcess: SpawnedChromium;
  let browser: Browser;
  let story: Page;

  beforeAll(async () => {
    if (!existsSync(resolve(DIST, 'manifest.json')))
      throw new Error('dist/ is missing: run `npm run build` (npm run test:e2e does).');
    dir = mkdtempSync(join(tmpdir(), 'broadsheet-prerender-'));
    const front = join(dir, 'front.html');
    writeFileSync(
      front,
      `<!doctype html><html><head><title>BBC NEWS | Front Page</title>
<script type="speculationrules">{"prerender": [{"source": "list", "urls": ["${CLASSIC_2007.url}"]}]}</script>
</head><body><h1>Front page</h1><p><a id="story" href="${CLASSIC_2007.url}">No breakthrough for US and Russia</a></p>
<script>setTimeout(function () { document.getElementById('story').click(); }, ${CLICK_AFTER_MS});</script>
</body></html>`,
    );
    const storyFile = join(dir, 'story.html');
    writeFileSync(storyFile, storyWithNoteTimes(), 'latin1');
    server = await startFixtureServer([
      { url: FRONT_PAGE, file: front },
      { url: CLASSIC_2007.url, file: storyFile },
    ]);
    chromiumProcess = spawnChromium({
      hostResolverRules: server.hostResolverRules(),
      args: [`--disable-extensions-except=${DIST}`, `--load-extension=${DIST}`],
      startUrl: FRONT_PAGE,
    });
    // The front page is asked for once the browser is up; its click comes CLICK_AFTER_MS later.
    const frontAskedAt = await until(() =>
      server.requests.some((r) => r.url === FRONT_PAGE) ? Date.now() : null,
    );
    await until(() => (server.requests.some((r) => r.url === CLASSIC_2007.url) ? true : null));
    // Looked at once the note has had its time after the click.
    await new Promise((r) =>
      setTimeout(r, frontAskedAt + CLICK_AFTER_MS + NOTE_SHOWN_MS + 1500 - Date.now()),
    );
    browser = await chromiumProcess.connect();
    story = await until(
      () =>
        browser
          .contexts()[0]
          ?.pages()
          .find((p) => p.url() === CLASSIC_2007.url) ?? null,
    );
  });

  afterAll(async () => {
    await chromiumProcess?.close();
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('was prerendered, and shown clean when the reader clicked through to it', async () => {
    // activationStart is when the prerendered page was shown: 0 for a page loaded normally.
    const activationStart = await story.evaluate(
      () =>
        (performance.getEntriesByType('navigation')[0] as { activationStart?: number })
          .activationStart ?? 0,
    );
    expect(activationStart).toBeGreaterThan(0);
    // Fetched once, by the prerender.
    expect(server.requests.filter((r) => r.url === CLASSIC_2007.url)).toHaveLength(1);
    const text = await story.evaluate(() => document.body.innerText);
    expect(CLASSIC_2007.clutter.filter((c) => text.includes(c))).toEqual([]);
    expect(text).toContain(CLASSIC_2007.article[1]);
  });

  it('shows its note from when the reader arrives, for its few seconds', async () => {
    // (On a slow machine the note may still be up when this looks: it waits for it to go.)
    await story.waitForFunction(
      () => (window as unknown as { __note: { removed?: number } }).__note.removed !== undefined,
      null,
      { timeout: 15_000 },
    );
    const { activationStart, added, removed } = await story.evaluate(() => ({
      activationStart:
        (performance.getEntriesByType('navigation')[0] as { activationStart?: number })
          .activationStart ?? 0,
      ...(window as unknown as { __note: { added?: number; removed?: number } }).__note,
    }));
    // Cleaned, and the note put up, while the page was prerendered…
    expect(added).toBeLessThan(activationStart);
    // …and its seconds counted from the click, not from then.
    expect(removed).toBeDefined();
    expect(removed! - activationStart).toBeGreaterThanOrEqual(NOTE_SHOWN_MS);
  });
});

/** Polls `check` until it gives something other than null (20 s at most). */
async function until<T>(check: () => T | null): Promise<T> {
  for (let i = 0; i < 200; i++) {
    const value = check();
    if (value !== null) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('timed out');
}
