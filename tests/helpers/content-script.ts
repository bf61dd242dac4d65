/**
 * The content script in jsdom, as the browser starts it at document_start: the document is
 * "loading" and empty; a test puts the rebuilt 2007 story in (`parsePage`, readyState becomes
 * "interactive", when the script cleans) and answers the script's `storage.sync.get` when it says.
 * The extension APIs are stand-ins: messages reach the script through `sendToScript`.
 *
 * `useContentScript()` registers the stand-ins before each test and takes them, the script's
 * observers and timers away after it.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, beforeEach, expect, vi } from 'vitest';
import { earlyStylesheets } from '../../src/content/early-css';
import { EARLY_STYLE_ATTR } from '../../src/content/early-style';
import { INDICATOR_ATTR } from '../../src/content/indicator';
import { HIDDEN_ATTR } from '../../src/core/clean/index';
import { SETTINGS_KEY } from '../../src/shared/settings';
import type { Settings } from '../../src/shared/settings';

export const PAGE = readFileSync(
  resolve(import.meta.dirname, '../fixtures/bbc-classic--2007-no-breakthrough/page.html'),
  'utf8',
);
export const DIRECTIVE = '[an error occurred while processing this directive]';
export const RELATED = 'Q&A: US missile defence';

let readyState: DocumentReadyState = 'loading';
let answer: (settings: Settings) => void = () => {};
let settingsAsked = false;
type MessageListener = (
  message: unknown,
  sender: { id: string },
  sendResponse: (reply: unknown) => void,
) => unknown;
let messageListeners: MessageListener[] = [];

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

export function useContentScript(): void {
  beforeEach(() => {
    globalThis.MutationObserver = TrackedObserver;
    globalThis.setTimeout = trackedSetTimeout;
    readyState = 'loading';
    settingsAsked = false;
    messageListeners = [];
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
          onMessage: {
            addListener: (listener: MessageListener) => messageListeners.push(listener),
          },
          sendMessage: () => Promise.resolve({ ok: true, value: null }),
        },
        storage: {
          sync: {
            get: () => {
              settingsAsked = true;
              return new Promise((resolve) => {
                answer = (settings) => resolve({ [SETTINGS_KEY]: settings });
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
}

/** The content script, as the browser starts it at document_start. */
export async function startScript(): Promise<void> {
  await import('../../src/content/index');
  expect(settingsAsked).toBe(true);
}

/** The script's `storage.sync.get` answers with `settings`. */
export function answerSettings(settings: Settings): void {
  answer(settings);
}

/** The extension (popup or background) sends `message` to the script; resolves with its reply. */
export function sendToScript(message: unknown): Promise<unknown> {
  return new Promise((resolve) => {
    for (const listener of messageListeners) listener(message, { id: 'broadsheet-test' }, resolve);
  });
}

/** The parser has the whole page: readyState becomes "interactive". */
export function parsePage(): void {
  const parsed = new DOMParser().parseFromString(PAGE, 'text/html');
  document.head.append(...Array.from(parsed.head.childNodes, (n) => document.importNode(n, true)));
  document.body.replaceWith(document.importNode(parsed.body, true));
  readyState = 'interactive';
  document.dispatchEvent(new Event('readystatechange'));
}

/**
 * The late-clutter watch is over (as 90 seconds after a clean, or after Show original): the
 * script's observers stop, as its own timer would stop them.
 */
export function endWatch(): void {
  for (const observer of observers) observer.disconnect();
}

/** What a reader sees of the page: the text outside hidden elements. */
export function visibleText(): string {
  const copy = document.body.cloneNode(true) as HTMLElement;
  for (const el of Array.from(copy.querySelectorAll(`[${HIDDEN_ATTR}]`))) el.remove();
  return copy.textContent ?? '';
}

/** Lets the script's promise callbacks run. */
export const settle = () => new Promise((r) => setTimeout(r, 0));

export const earlyStyle = () => document.querySelector(`style[${EARLY_STYLE_ATTR}]`);
export const indicator = () => document.querySelector(`[${INDICATOR_ATTR}]`);

let navigation: EventTarget | null = null;

/**
 * A stand-in for the Navigation API's `navigation` (jsdom has none) before each test, taken away
 * after it, with the page's address put back to where the test began.
 */
export function useNavigation(): void {
  let began = '';
  beforeEach(() => {
    began = location.href;
    navigation = new EventTarget();
    Object.assign(globalThis, { navigation });
  });
  afterEach(() => {
    delete (globalThis as { navigation?: unknown }).navigation;
    navigation = null;
    history.replaceState(null, '', began);
  });
}

/** The site's router pushes `path` as the page's address, as history.pushState tells it. */
export function pushAddress(path: string): void {
  history.pushState(null, '', path);
  navigation?.dispatchEvent(new Event('currententrychange'));
}
