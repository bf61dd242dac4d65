// @vitest-environment jsdom
// @vitest-environment-options {"url": "http://news.bbc.co.uk/1/hi/world/europe/6658741.stm"}
/**
 * The content script's first clean on the rebuilt 2007 story, whichever comes first: the complete
 * DOM or the settings. In Firefox the settings came after a small page had parsed (the Firefox e2e
 * run caught the related-links box and the directive text still showing at DOMContentLoaded):
 * the first clean must not wait for them, and must then follow them exactly.
 *
 * The script runs as at document_start: the document is "loading" and empty; the test then puts
 * the page in, announces readyState "interactive" (when the script cleans), and answers the
 * script's `storage.sync.get` when the case says.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { earlyStylesheets } from '../../src/content/early-css';
import { EARLY_STYLE_ATTR } from '../../src/content/early-style';
import { INDICATOR_ATTR } from '../../src/content/indicator';
import { HIDDEN_ATTR } from '../../src/core/clean/index';
import { DEFAULT_SETTINGS, SETTINGS_KEY } from '../../src/shared/settings';
import type { Settings } from '../../src/shared/settings';

const PAGE = readFileSync(
  resolve(import.meta.dirname, '../fixtures/bbc-classic--2007-no-breakthrough/page.html'),
  'utf8',
);
const DIRECTIVE = '[an error occurred while processing this directive]';
const RELATED = 'Q&A: US missile defence';

let readyState: DocumentReadyState = 'loading';
let answerSettings: (settings: Settings) => void = () => {};
let settingsAsked = false;

/**
 * Every MutationObserver and timer a test's script starts. The document outlives each test, so a
 * script of an earlier test would otherwise go on watching it, see the next test put its page in,
 * and clean that page as late clutter (it did, about one run in eight, before they were stopped).
 */
const observers: MutationObserver[] = [];
const timers: ReturnType<typeof setTimeout>[] = [];
const NativeObserver = globalThis.MutationObserver;
const nativeSetTimeout = globalThis.setTimeout;
class TrackedObserver extends NativeObserver {
  constructor(callback: MutationCallback) {
    super(callback);
    observers.push(this);
  }
}
const trackedSetTimeout = ((...args: Parameters<typeof setTimeout>) => {
  const id = nativeSetTimeout(...args);
  timers.push(id);
  return id;
}) as typeof setTimeout;

beforeEach(() => {
  globalThis.MutationObserver = TrackedObserver;
  globalThis.setTimeout = trackedSetTimeout;
  readyState = 'loading';
  settingsAsked = false;
  document.head.replaceChildren();
  document.body.replaceChildren();
  // The indicator hangs off <html>, outside head and body.
  for (const el of Array.from(document.querySelectorAll(`[${INDICATOR_ATTR}]`))) el.remove();
  Object.defineProperty(document, 'readyState', { configurable: true, get: () => readyState });
  const sheets = earlyStylesheets();
  Object.assign(globalThis, {
    __BROADSHEET_CLUTTER_CSS__: sheets.clutter,
    __BROADSHEET_WAYBACK_CSS__: sheets.wayback,
    chrome: {
      runtime: {
        id: 'broadsheet-test',
        onMessage: { addListener() {} },
        sendMessage: () => Promise.resolve({ ok: true, value: null }),
      },
      storage: {
        sync: {
          get: () => {
            settingsAsked = true;
            return new Promise((resolve) => {
              answerSettings = (settings) => resolve({ [SETTINGS_KEY]: settings });
            });
          },
        },
        onChanged: { addListener() {} },
      },
      i18n: { getMessage: () => '' },
    },
  });
});

afterEach(() => {
  for (const observer of observers.splice(0)) observer.disconnect();
  for (const timer of timers.splice(0)) clearTimeout(timer);
  globalThis.MutationObserver = NativeObserver;
  globalThis.setTimeout = nativeSetTimeout;
  delete (globalThis as Record<symbol, unknown>)[Symbol.for('broadsheet.content')];
  delete (globalThis as { chrome?: unknown }).chrome;
  vi.resetModules();
});

/** The content script, as the browser starts it at document_start. */
async function startScript(): Promise<void> {
  await import('../../src/content/index');
  expect(settingsAsked).toBe(true);
}

/** The parser has the whole page: readyState becomes "interactive". */
function parsePage(): void {
  const parsed = new DOMParser().parseFromString(PAGE, 'text/html');
  document.head.append(...Array.from(parsed.head.childNodes, (n) => document.importNode(n, true)));
  document.body.replaceWith(document.importNode(parsed.body, true));
  readyState = 'interactive';
  document.dispatchEvent(new Event('readystatechange'));
}

/** What a reader sees of the page: the text outside hidden elements. */
function visibleText(): string {
  const copy = document.body.cloneNode(true) as HTMLElement;
  for (const el of Array.from(copy.querySelectorAll(`[${HIDDEN_ATTR}]`))) el.remove();
  return copy.textContent ?? '';
}

/** Lets the script's promise callbacks run. */
const settle = () => new Promise((r) => setTimeout(r, 0));

const earlyStyle = () => document.querySelector(`style[${EARLY_STYLE_ATTR}]`);
const indicator = () => document.querySelector(`[${INDICATOR_ATTR}]`);

describe('the first clean when the settings come after the DOM', () => {
  it('cleans at once on the defaults, before the settings arrive', async () => {
    await startScript();
    expect(earlyStyle()).not.toBeNull();
    parsePage();
    // No settings yet: the page is already clean (this is what DOMContentLoaded would see).
    expect(visibleText()).not.toContain(DIRECTIVE);
    expect(visibleText()).not.toContain(RELATED);
    expect(visibleText()).toContain('They have not settled them.');
    expect(earlyStyle()).toBeNull();
    const hidden = document.querySelectorAll(`[${HIDDEN_ATTR}]`).length;

    answerSettings(DEFAULT_SETTINGS);
    await settle();
    expect(document.querySelectorAll(`[${HIDDEN_ATTR}]`).length).toBe(hidden);
    expect(indicator()).not.toBeNull();
  });

  it('puts the page back exactly when the settings say this site is not to be cleaned', async () => {
    await startScript();
    const parsed = new DOMParser().parseFromString(PAGE, 'text/html');
    const asMade = document.importNode(parsed.body, true).outerHTML;
    parsePage();
    expect(document.body.outerHTML).not.toBe(asMade);
    expect(indicator()).not.toBeNull();

    answerSettings({ ...DEFAULT_SETTINGS, disabledSites: ['news.bbc.co.uk'] });
    await settle();
    expect(document.body.outerHTML).toBe(asMade);
    expect(visibleText()).toContain(DIRECTIVE);
    expect(indicator()).toBeNull();
  });

  it('cleans again keeping the kinds the settings keep', async () => {
    await startScript();
    parsePage();
    expect(visibleText()).not.toContain(RELATED);

    answerSettings({ ...DEFAULT_SETTINGS, keepKinds: ['related'] });
    await settle();
    expect(visibleText()).toContain(RELATED);
    expect(visibleText()).not.toContain(DIRECTIVE);
    expect(document.querySelectorAll(`[${HIDDEN_ATTR}="related"]`)).toHaveLength(0);
  });
});

describe('the first clean when the settings come first', () => {
  it('never touches a site the settings leave alone', async () => {
    await startScript();
    answerSettings({ ...DEFAULT_SETTINGS, autoClean: false });
    await settle();
    parsePage();
    await settle();
    expect(document.querySelectorAll(`[${HIDDEN_ATTR}]`)).toHaveLength(0);
    expect(visibleText()).toContain(DIRECTIVE);
    expect(earlyStyle()).toBeNull();
    expect(indicator()).toBeNull();
  });

  it('cleans at DOM ready keeping the kinds the settings keep', async () => {
    await startScript();
    answerSettings({ ...DEFAULT_SETTINGS, keepKinds: ['directive'] });
    await settle();
    parsePage();
    expect(visibleText()).toContain(DIRECTIVE);
    expect(visibleText()).not.toContain(RELATED);
  });
});
