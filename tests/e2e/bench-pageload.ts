/**
 * Page-load cost of the built extension in Chromium, for `npm run bench` (not a test: it measures).
 *
 * Method. The content script exposes no timing of its own, so it is measured from outside, on the
 * real thing: V8's sampling CPU profiler (CDP `Profiler`, one sample every 100 µs) runs while a
 * page loads at its real address with the extension installed, and every sample whose stack holds
 * a frame of the extension's scripts (`chrome-extension://<id>/…`: the document_start script, the
 * DOM-ready script, their listeners and observers) counts as content-script time, until the page
 * has settled. That is the main-thread JavaScript time the extension adds to the load, DOM calls it
 * makes included; style and layout work the browser does later because elements were hidden are
 * not JavaScript and are not counted. Each page is loaded once untimed (so the renderer process
 * and caches are warm and the profiler stays attached to one process), then `loads` times.
 *
 * Readability is measured the same way on the same page in the same browser, in a second tab
 * opened with auto-clean switched off in the extension's settings (so it sees the page as the site
 * made it; switched back on before the extension's tab loads): Readability.js from node_modules is
 * injected as a script and `new Readability(document.cloneNode(true)).parse()` runs once per
 * round, the clone inside the timing, as Firefox's Reader View makes one. Both the profiler's
 * samples under Readability.js and performance.now() around the call are reported.
 *
 * The two are interleaved: each round is one profiled load of the extension's tab, then one
 * profiled parse in Readability's tab, so both see the machine in the same state, and the ratio
 * reported is the median of the rounds' own ratios. On 2 shared cores, measuring all loads first
 * and all parses after made the ratio of one page swing 2× between two runs of the same build.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { CDPSession, Page } from 'playwright-core';
import { DEFAULT_SETTINGS, SETTINGS_KEY } from '../../src/shared/settings';
import { launchWithExtension } from './harness/browser';
import { startFixtureServer } from './harness/server';
import type { FixtureRoute } from './harness/server';
import { availablePages, BBC_PAGES } from './harness/pages';
import { corpusPath } from '../helpers/corpus';

declare const chrome: { storage: { sync: { set(items: object): Promise<void> } } };

export type PageKind = 'bbc-article' | 'bbc-address-not-article' | 'not-bbc';

export interface LoadPage {
  name: string;
  url: string;
  file: string;
  kind: PageKind;
}

export interface PageLoadRow {
  page: LoadPage;
  /** Sampled extension time per measured load, ms. */
  contentScriptMs: number[];
  /** Median sampled time per extension file, ms. */
  byFile: Record<string, number>;
  /** Wall time of each Readability run (clone + parse), ms; empty when not measured. */
  readabilityWallMs: number[];
  /** Sampled time under Readability.js per run, ms (median of the rounds). */
  readabilitySampledMs: number | null;
  /** Content-script time ÷ sampled Readability time, per round; empty when not measured. */
  ratios: number[];
}

export interface PageLoadOptions {
  extensionDir: string;
  pages: LoadPage[];
  /** Rounds: one load with the extension, then one Readability parse. */
  loads: number;
  log?: (line: string) => void;
}

interface ProfileNode {
  id: number;
  callFrame: { url: string };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples?: number[];
  timeDeltas?: number[];
}

const SAMPLING_INTERVAL_US = 100;
/** Time after the load (and the early stylesheet's removal) for the late-clutter watcher. */
const SETTLE_MS = 400;
const READABILITY_URL = 'bench://readability/Readability.js';

/** Runs in the page: `runs` timed Readability parses, each of a fresh copy of the document. */
const RUN_READABILITY = `(runs) => {
  const ms = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    new Readability(document.cloneNode(true), { serializer: (el) => el }).parse();
    ms.push(performance.now() - start);
  }
  return ms;
}`;

/** Milliseconds of samples per owner, where a sample's owner is its innermost frame `owner` names. */
export function sampledTime(
  profile: Profile,
  owner: (url: string) => string | null,
): Map<string, number> {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const ownerOf = new Map<number, string | null>();
  // Nodes come parent before child in CDP profiles; resolve owners top-down all the same.
  const root = profile.nodes[0];
  const stack: [ProfileNode, string | null][] = root ? [[root, null]] : [];
  while (stack.length) {
    const [node, inherited] = stack.pop()!;
    const own = owner(node.callFrame.url) ?? inherited;
    ownerOf.set(node.id, own);
    for (const c of node.children ?? []) {
      const child = byId.get(c);
      if (child) stack.push([child, own]);
    }
  }
  const out = new Map<string, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  for (let i = 0; i < samples.length; i++) {
    const who = ownerOf.get(samples[i]!);
    // A sample stands for the time until the next one.
    const us = deltas[i + 1] ?? SAMPLING_INTERVAL_US;
    if (who) out.set(who, (out.get(who) ?? 0) + us / 1000);
  }
  return out;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s[(s.length - 1) >> 1]! + s[s.length >> 1]!) / 2 : NaN;
};

async function profiled<T>(cdp: CDPSession, work: () => Promise<T>): Promise<[T, Profile]> {
  await cdp.send('Profiler.start');
  const result = await work();
  const { profile } = (await cdp.send('Profiler.stop')) as { profile: Profile };
  return [result, profile];
}

async function loadAndSettle(page: Page, p: LoadPage): Promise<void> {
  await page.goto(p.url, { waitUntil: 'load' });
  if (p.kind !== 'not-bbc')
    await page.waitForFunction(
      () => !document.querySelector('style[data-broadsheet-early-style]'),
      null,
      {
        timeout: 15_000,
      },
    );
  await page.waitForTimeout(SETTLE_MS);
}

export async function measurePageLoad(options: PageLoadOptions): Promise<PageLoadRow[]> {
  const log = options.log ?? (() => {});
  const routes: FixtureRoute[] = options.pages.map((p) => ({ url: p.url, file: p.file }));
  const server = await startFixtureServer(routes);
  const browser = await launchWithExtension({
    extensionDir: options.extensionDir,
    hostResolverRules: server.hostResolverRules(),
  });
  const readabilitySource = readFileSync(
    createRequire(import.meta.url).resolve('@mozilla/readability/Readability.js'),
    'utf8',
  );
  const extensionPrefix = `chrome-extension://${browser.extensionId}/`;
  const setSettings = (value: unknown) =>
    browser.serviceWorker.evaluate(([key, v]) => chrome.storage.sync.set({ [key as string]: v }), [
      SETTINGS_KEY,
      value,
    ] as const);
  const rows: PageLoadRow[] = [];
  const profiledTab = async (p: LoadPage) => {
    const page = await browser.context.newPage();
    const cdp = await browser.context.newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: SAMPLING_INTERVAL_US });
    await loadAndSettle(page, p);
    return { page, cdp };
  };
  try {
    for (const p of options.pages) {
      const row: PageLoadRow = {
        page: p,
        contentScriptMs: [],
        byFile: {},
        readabilityWallMs: [],
        readabilitySampledMs: null,
        ratios: [],
      };
      // Readability's tab: the page as the site made it, Readability.js in it, warmed up once
      // (as the content script's code was warmed by the untimed load of the extension's tab).
      // Its page is not cleaned when auto-clean comes back on: only a cleaned page follows a
      // change of settings.
      let readability: { page: Page; cdp: CDPSession } | null = null;
      if (p.kind !== 'bbc-address-not-article') {
        await setSettings({ ...DEFAULT_SETTINGS, autoClean: false });
        readability = await profiledTab(p);
        await readability.page.addScriptTag({
          content: `${readabilitySource}\nglobalThis.benchReadability = ${RUN_READABILITY};\n//# sourceURL=${READABILITY_URL}\n`,
        });
        // A string, not a function: the page must run this code as written, not as tsx built it.
        await readability.page.evaluate<number[]>('benchReadability(1)');
      }
      await setSettings(DEFAULT_SETTINGS);
      const extension = await profiledTab(p);
      const perFile = new Map<string, number[]>();
      const sampledParses: number[] = [];
      for (let i = 0; i < options.loads; i++) {
        const [, profile] = await profiled(extension.cdp, () => loadAndSettle(extension.page, p));
        const times = sampledTime(profile, (url) =>
          url.startsWith(extensionPrefix) ? url.slice(extensionPrefix.length) : null,
        );
        const contentMs = [...times.values()].reduce((a, b) => a + b, 0);
        row.contentScriptMs.push(contentMs);
        for (const [file, ms] of times) perFile.set(file, [...(perFile.get(file) ?? []), ms]);
        if (!readability) continue;
        // The timing loop is part of the same script, so the profiler puts the clone it makes
        // under Readability too.
        const [wall, parseProfile] = await profiled(readability.cdp, () =>
          readability.page.evaluate<number[]>('benchReadability(1)'),
        );
        const parseMs =
          sampledTime(parseProfile, (url) => (url === READABILITY_URL ? 'readability' : null)).get(
            'readability',
          ) ?? 0;
        row.readabilityWallMs.push(...wall);
        sampledParses.push(parseMs);
        if (parseMs > 0) row.ratios.push(contentMs / parseMs);
      }
      for (const [file, ms] of perFile) row.byFile[file] = median(ms);
      if (sampledParses.length) row.readabilitySampledMs = median(sampledParses);
      log(
        `  ${p.name}: content script ${median(row.contentScriptMs).toFixed(2)} ms` +
          (readability
            ? `, Readability ${median(sampledParses).toFixed(2)} ms (ratio ${median(row.ratios).toFixed(2)})`
            : '') +
          ` (medians of ${options.loads} rounds)`,
      );
      rows.push(row);
      for (const tab of [extension, readability]) {
        if (!tab) continue;
        await tab.cdp.detach();
        await tab.page.close();
      }
    }
  } finally {
    await setSettings(DEFAULT_SETTINGS).catch(() => undefined);
    await browser.close();
    await server.close();
  }
  return rows;
}

export { median as medianMs };

/** A non-BBC article (article-extraction-benchmark 14cc2a0c…, sciencealert.com). */
const SCIENCEALERT = {
  url: 'https://www.sciencealert.com/nasa-finds-water-plumes-above-the-surface-of-jupiter-s-icy-moon-europa',
  file: corpusPath(
    'article-extraction-benchmark/html/14cc2a0ca59c62a8c9f205a171e9ccf4ef4cf69b0c642f51c8c65c051b39024f.html.gz',
  ),
};

/**
 * The pages of the browser bench: the e2e suite's BBC pages (classic 2007 and 2009, modern 2020,
 * a Wayback capture), a 2010s story-body page and bbc.com 2015 at their real addresses; a
 * non-BBC article, where the manifest does not inject the content scripts at all; and, since the
 * corpus holds no BBC News page that is not an article, that same non-BBC article served at a
 * BBC News address: a stand-in for an index or live page, where both scripts run and detection
 * finds no BBC layout.
 */
export function benchLoadPages(smoke: boolean): LoadPage[] {
  const bbc = availablePages(BBC_PAGES).map((p) => ({
    name: p.name,
    url: p.url,
    file: p.file,
    kind: 'bbc-article' as const,
  }));
  const more = (
    [
      {
        name: 'story-body 2013 (corpus 21528631)',
        url: 'https://www.bbc.co.uk/news/world-africa-21528631',
        file: corpusPath('web-page-parser/bbc_news/21528631.html'),
        kind: 'bbc-article' as const,
      },
      {
        name: 'bbc.com 2015 (readability bbc-1)',
        url: 'https://www.bbc.com/news/world-us-canada-33646704',
        file: corpusPath('readability-test-pages/bbc-1/source.html'),
        kind: 'bbc-article' as const,
      },
    ] satisfies LoadPage[]
  ).filter((p) => existsSync(p.file));
  const others: LoadPage[] = existsSync(SCIENCEALERT.file)
    ? [
        { name: 'sciencealert.com (not BBC)', ...SCIENCEALERT, kind: 'not-bbc' },
        {
          name: 'non-article at a BBC News address (stand-in)',
          url: 'https://www.bbc.co.uk/news/bench-not-an-article',
          file: SCIENCEALERT.file,
          kind: 'bbc-address-not-article',
        },
      ]
    : [];
  return smoke ? [...bbc.slice(0, 1), ...others] : [...bbc, ...more, ...others];
}
