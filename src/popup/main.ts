/**
 * The popup's controller: finds the tab, asks its content script for the page state (injecting
 * the script on demand where no manifest match ran it), renders, and turns clicks into messages.
 * `?tabId=N` acts on tab N instead of the active one (the e2e tests open the popup as a page).
 */
import browser from 'webextension-polyfill';
import type { Tabs } from 'webextension-polyfill';
import type { PageState, Reply, ToBackground, ToContent } from '../shared/messages';
import type { Settings } from '../shared/settings';
import { replaceChildren } from '../ui/dom';
import { t } from '../ui/i18n';
import { initPage } from '../ui/page';
import { loadSettings, updateSettings } from '../ui/settings-store';
import { hasAccessTo, requestNewsAccess } from '../shared/site-access';
import { isBbcNewsAddress } from '../content/bbc-address';
import { renderPopup, type PopupHandlers, type PopupView } from './render';
import { restrictionOf } from './restricted';

/** How often, and how many times, to ask a tab that is still loading. */
const LOADING_RETRY_MS = 600;
const LOADING_RETRIES = 25;
/** After an injection the script needs a moment before it answers. */
const INJECTED_RETRY_MS = 150;
const INJECTED_RETRIES = 10;

class ReplyError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** A `Reply<T>` to its value; a failed reply throws with the receiver's code and message. */
function unwrap<T>(reply: unknown): T {
  if (reply && typeof reply === 'object' && 'ok' in reply) {
    const r = reply as Reply<T>;
    if (r.ok) return r.value;
    throw new ReplyError(r.error.code, r.error.message);
  }
  if (reply === undefined) throw new ReplyError('no-answer', 'No answer from the extension.');
  return reply as T;
}

function toContent<T>(tabId: number, message: ToContent): Promise<T> {
  return browser.tabs.sendMessage(tabId, message).then((reply) => unwrap<T>(reply));
}

function toBackground<T>(message: ToBackground): Promise<T> {
  return browser.runtime.sendMessage(message).then((reply) => unwrap<T>(reply));
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const app = document.getElementById('app')!;
const status = document.getElementById('status')!;

let tab: Tabs.Tab | null = null;
let settings: Settings | null = null;
let view: PopupView = { kind: 'checking' };
let loadingTries = 0;

function render(next: PopupView): void {
  view = next;
  replaceChildren(app, renderPopup(view, handlers));
}

function say(message: string): void {
  status.textContent = message;
}

async function targetTab(): Promise<Tabs.Tab | null> {
  const param = new URLSearchParams(location.search).get('tabId');
  if (param && /^\d+$/.test(param)) return browser.tabs.get(Number(param)).catch(() => null);
  const [active] = await browser.tabs.query({ active: true, currentWindow: true });
  return active ?? null;
}

/** The host the per-site switch is about: the tab's own, as the content script sees it. */
function hostOf(state: PageState): string {
  for (const url of [tab?.url, state.url]) {
    try {
      if (url) return new URL(url).hostname;
    } catch {
      /* try the next one */
    }
  }
  return '';
}

function pageView(state: PageState, siteAccess: boolean): PopupView {
  const s = settings!;
  return {
    kind: 'page',
    state,
    siteAutoClean: !s.disabledSites.includes(hostOf(state)),
    globalAutoClean: s.autoClean,
    siteAccess,
  };
}

/** Whether the page may be cleaned as it loads: asked only at BBC News addresses. */
async function siteAccessFor(state: PageState): Promise<boolean> {
  return isBbcNewsAddress(state.url) ? hasAccessTo(state.url) : true;
}

/** Asks the content script; where there is none, has the background inject it and asks again. */
async function fetchState(tabId: number): Promise<PageState | 'loading'> {
  try {
    return await toContent<PageState>(tabId, { type: 'popup→content:get-state' });
  } catch (error) {
    // A content script that answered with an error is there: its error is the page's.
    if (error instanceof ReplyError && error.code !== 'no-answer') throw error;
  }
  const current = await browser.tabs.get(tabId).catch(() => tab);
  if (current?.status === 'loading') return 'loading';
  await toBackground<unknown>({ type: 'popup→background:inject', tabId });
  let lastError: unknown = null;
  for (let i = 0; i < INJECTED_RETRIES; i++) {
    try {
      return await toContent<PageState>(tabId, { type: 'popup→content:get-state' });
    } catch (error) {
      lastError = error;
      await sleep(INJECTED_RETRY_MS);
    }
  }
  throw lastError;
}

async function refresh(): Promise<void> {
  tab = await targetTab();
  if (tab?.id === undefined) {
    render({ kind: 'failed', message: t('restrictedOther') });
    return;
  }
  const fileAccess = await browser.extension.isAllowedFileSchemeAccess().catch(() => false);
  const reason = tab.url ? restrictionOf(tab.url, fileAccess) : null;
  if (reason) {
    render({ kind: 'restricted', reason });
    return;
  }
  settings ??= await loadSettings();
  try {
    const state = await fetchState(tab.id);
    if (state === 'loading') {
      render({ kind: 'loading' });
      if (++loadingTries <= LOADING_RETRIES) setTimeout(() => void refresh(), LOADING_RETRY_MS);
      return;
    }
    render(pageView(state, await siteAccessFor(state)));
  } catch (error) {
    // The background refuses pages it may not script (a store or PDF the URL did not give
    // away, an error page) and says why in words of its own.
    if (error instanceof ReplyError && error.code === 'restricted') {
      render({ kind: 'restricted', reason: 'other', message: error.message });
      return;
    }
    render({
      kind: 'failed',
      message: error instanceof Error ? error.message : String(error),
      inPage: error instanceof ReplyError && error.code === 'page-error',
    });
  }
}

function failed(error: unknown): void {
  say(t('actionFailed', error instanceof Error ? error.message : String(error)));
}

const handlers: PopupHandlers = {
  readerView() {
    if (tab?.id === undefined) return;
    toBackground({ type: 'popup→background:open-reader', tabId: tab.id })
      .then(() => window.close())
      .catch(failed);
  },
  saveJson() {
    if (tab?.id === undefined) return;
    say('');
    toBackground({ type: 'popup→background:save-json', tabId: tab.id })
      .then(() => say(t('savedJson')))
      .catch(failed);
  },
  toggleClean() {
    if (tab?.id === undefined || view.kind !== 'page') return;
    const message: ToContent = view.state.cleaned
      ? { type: 'popup→content:undo' }
      : { type: 'popup→content:clean' };
    const tabId = tab.id;
    toContent<unknown>(tabId, message)
      .then(() => toContent<PageState>(tabId, { type: 'popup→content:get-state' }))
      .then((state) => {
        render(pageView(state, view.kind === 'page' ? view.siteAccess : true));
        // The button that was clicked was rebuilt with the other label: keep focus on it.
        const buttons = app.querySelectorAll<HTMLButtonElement>('.actions button');
        buttons[buttons.length - 1]?.focus();
      })
      .catch(failed);
  },
  setSiteAutoClean(on) {
    if (view.kind !== 'page') return;
    const host = hostOf(view.state);
    if (!host) return;
    updateSettings((s) => ({
      ...s,
      disabledSites: on
        ? s.disabledSites.filter((h) => h !== host)
        : [...new Set([...s.disabledSites, host])],
    }))
      .then((next) => {
        settings = next;
        if (view.kind === 'page')
          view = { ...view, siteAutoClean: !next.disabledSites.includes(host) };
      })
      .catch(failed);
  },
  allowSiteAccess() {
    if (view.kind !== 'page') return;
    // Straight from the click: a request made after an await is no longer the person's gesture.
    requestNewsAccess()
      .then(async (granted) => {
        if (view.kind !== 'page') return;
        const siteAccess = granted && (await hasAccessTo(view.state.url));
        render({ ...view, siteAccess });
        say(t(siteAccess ? 'newsAccessAllowed' : 'newsAccessRefused'));
      })
      .catch(failed);
  },
  retry() {
    loadingTries = 0;
    render({ kind: 'checking' });
    void refresh();
  },
};

initPage('popupTitle');
document.getElementById('brand')!.textContent = t('extName');
const optionsLink = document.getElementById('options') as HTMLAnchorElement;
optionsLink.textContent = t('openOptions');
optionsLink.addEventListener('click', (e) => {
  e.preventDefault();
  void browser.runtime.openOptionsPage().then(() => window.close());
});
render(view);
void refresh();
