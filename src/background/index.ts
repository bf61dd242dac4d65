/**
 * The service worker (Firefox: background script): on-demand injection for pages no manifest
 * match covers, the reader view, "Save as JSON" from the popup and the context menu, the
 * `open-reader` keyboard command, and the toolbar badge. Every message is checked for shape
 * (`isToBackground`) and origin (this extension) before anything runs.
 */
import browser from 'webextension-polyfill';
import type { Menus, Runtime, Tabs } from 'webextension-polyfill';
import type { RemovalKind } from '../core/types';
import { isToBackground } from '../shared/messages';
import type { Reply, ToBackground } from '../shared/messages';
import { BackgroundError } from './errors';
import { isBbcNewsAddress } from '../content/bbc-address';
import {
  articleFromTab,
  askContent,
  injectArticleReader,
  injectContentScript,
  isNoReceiver,
} from './tab-article';
import { openReader } from './reader';
import { saveArticleJson } from '../shared/save-json';

const MENU_SAVE_JSON = 'save-json';
const COMMAND_OPEN_READER = 'open-reader';

// Listeners are registered synchronously at the top level: a service worker woken by an event
// only sees listeners that exist in its first turn.
browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => {
  if (sender.id !== browser.runtime.id || !isToBackground(message)) return undefined;
  return answer(message, sender);
});

// The badge of a BBC page's load-time cleanup: asked for once the tab has loaded, rather than sent
// by the content script, whose runtime.sendMessage held the page's main thread 0.1–9 ms per load
// in Chromium (bench). Later changes (late clutter, the popup's Clean) the content script sends.
// A page that moves by script (history.pushState) changes address with no load: the content
// script is told, to clean the story it now shows, or, where the page came from an address the
// manifest does not match (the BBC's home page, say), is injected now. The tab's address is only
// visible here on the BBC News addresses of host_permissions.
browser.tabs.onUpdated.addListener((tabId: number, change: Tabs.OnUpdatedChangeInfoType, tab) => {
  if (!tab.url || !isBbcNewsAddress(tab.url)) return;
  const loaded = change.status === 'complete';
  // A load's new address arrives while the tab is loading; one that arrives on a loaded tab is
  // the page's own script moving it.
  const movedByScript = change.url !== undefined && tab.status === 'complete';
  if (loaded || movedByScript) void followTab(tabId);
});

browser.runtime.onInstalled.addListener(() => {
  void createMenus();
  void followOpenTabs();
});
// Access to BBC News sites given back (the popup's "Allow on BBC News sites", the browser's own
// site-access controls): the stories already open are cleaned too, as if they had just loaded.
browser.permissions.onAdded.addListener((added) => {
  if (added.origins?.length) void followOpenTabs();
});
browser.runtime.onStartup.addListener(() => void createMenus());

browser.contextMenus.onClicked.addListener((info: Menus.OnClickData, tab?: Tabs.Tab) => {
  if (info.menuItemId !== MENU_SAVE_JSON || tab?.id === undefined) return;
  void withBadgeOnError(tab.id, async () => {
    await saveArticleJson(await articleFromTab(tab.id!));
  });
});

browser.commands.onCommand.addListener((command: string, tab?: Tabs.Tab) => {
  if (command !== COMMAND_OPEN_READER) return;
  void (async () => {
    const target = tab ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0];
    if (target?.id === undefined) return;
    await withBadgeOnError(target.id, () => readerFor(target));
  })();
});

async function answer(
  message: ToBackground,
  sender: Runtime.MessageSender,
): Promise<Reply<unknown>> {
  try {
    switch (message.type) {
      case 'popup→background:inject':
        await injectContentScript(message.tabId);
        return { ok: true, value: null };
      case 'popup→background:open-reader':
        await readerFor(await browser.tabs.get(message.tabId));
        return { ok: true, value: null };
      case 'popup→background:save-json': {
        const downloadId = await saveArticleJson(await articleFromTab(message.tabId));
        return { ok: true, value: { downloadId } };
      }
      case 'content→background:cleaned':
        if (sender.tab?.id !== undefined) await showCount(sender.tab.id, message.counts);
        return { ok: true, value: null };
      case 'content→background:load-reader':
        if (sender.tab?.id === undefined) throw new BackgroundError('no-tab', 'The tab is gone.');
        await injectArticleReader(sender.tab.id, sender.frameId ?? 0);
        return { ok: true, value: null };
    }
  } catch (err) {
    return { ok: false, error: errorOf(err) };
  }
}

async function readerFor(tab: Tabs.Tab): Promise<void> {
  await openReader(await articleFromTab(tab.id!), tab);
}

async function createMenus(): Promise<void> {
  await browser.contextMenus.removeAll();
  browser.contextMenus.create({
    id: MENU_SAVE_JSON,
    title: browser.i18n.getMessage('contextMenuSaveJson') || 'Save article as JSON',
    contexts: ['page'],
  });
}

/** Tells the tab's content script the tab has loaded or moved; injects it where none answers. */
async function followTab(tabId: number): Promise<void> {
  try {
    const counts = await askContent<Record<RemovalKind, number>>(tabId, {
      type: 'background→content:tab-updated',
    });
    await showCount(tabId, counts);
  } catch (err) {
    if (!isNoReceiver(err)) return;
    // It cleans as at a page load and sends its counts itself.
    await injectContentScript(tabId).catch(() => undefined);
  }
}

/**
 * Chromium runs no content script in the tabs already open when the extension is installed or
 * updated (an updated one's old script is cut off from it), nor where access to a site has just
 * been given: the tabs at BBC News addresses get one now, cleaned as at a page load (after an
 * update, handed over by the old script as the site made the page: ../content/handover.ts).
 * Where the browser injected one itself, it answers, or ours finds it loaded and stops.
 */
async function followOpenTabs(): Promise<void> {
  const tabs = await browser.tabs.query({}).catch(() => [] as Tabs.Tab[]);
  await Promise.all(
    tabs
      .filter((t) => t.id !== undefined && t.url && isBbcNewsAddress(t.url))
      .map((t) => followTab(t.id!)),
  );
}

/** How many things cleanup hid, on the toolbar button of that tab. */
async function showCount(tabId: number, counts: Record<string, number>): Promise<void> {
  const total = Object.values(counts).reduce((sum, n) => sum + (Number.isFinite(n) ? n : 0), 0);
  await browser.action.setBadgeBackgroundColor({ tabId, color: '#555' });
  await browser.action.setBadgeText({ tabId, text: total > 0 ? String(total) : '' });
}

/**
 * The command and the context menu have no popup to tell a failure to: the badge says "!" and
 * the button's tooltip says why, for that tab.
 */
async function withBadgeOnError(tabId: number, run: () => Promise<void>): Promise<void> {
  try {
    await run();
  } catch (err) {
    const { message } = errorOf(err);
    await browser.action
      .setBadgeBackgroundColor({ tabId, color: '#b00020' })
      .catch(() => undefined);
    await browser.action.setBadgeText({ tabId, text: '!' }).catch(() => undefined);
    await browser.action
      .setTitle({ tabId, title: `Broadsheet: ${message}` })
      .catch(() => undefined);
  }
}

function errorOf(err: unknown): { code: string; message: string } {
  if (err instanceof BackgroundError) return { code: err.code, message: err.message };
  return { code: 'page-error', message: err instanceof Error ? err.message : String(err) };
}
