/**
 * Getting things from a tab's content script: injecting it on demand where no manifest match ran
 * it (activeTab + scripting), and asking it for the article.
 */
import browser from 'webextension-polyfill';
import type { Article } from '../core/types';
import type { Reply, ToContent } from '../shared/messages';
import { restrictionOf } from '../popup/restricted';
import { BackgroundError, injectionError, restrictedError } from './errors';
// The built file's name (crxjs builds it standalone, as vite.config.ts says).
import articleReaderFile from '../content/article-reader.ts?script';

/** The built content script (the manifest has one), as the build named it in the manifest. */
function contentScriptFiles(): string[] {
  const scripts = browser.runtime.getManifest().content_scripts ?? [];
  const main = scripts.find((s) => s.js?.length);
  if (!main?.js) throw new BackgroundError('page-error', 'The extension has no content script.');
  return main.js;
}

/** Refuses, with a clear reason, pages that no extension may script. */
async function checkScriptable(tabId: number): Promise<void> {
  const tab = await browser.tabs.get(tabId).catch(() => null);
  if (!tab) throw new BackgroundError('no-tab', 'The tab is gone.');
  // Without a user gesture granting activeTab the URL is hidden; then the injection's own error
  // says why it failed.
  if (!tab.url) return;
  const fileAccess = await browser.extension.isAllowedFileSchemeAccess().catch(() => false);
  const reason = restrictionOf(tab.url, fileAccess);
  if (reason) throw restrictedError(reason);
}

/** Runs the content script in the tab's top frame. Harmless where it already runs. */
export async function injectContentScript(tabId: number): Promise<void> {
  await checkScriptable(tabId);
  try {
    await browser.scripting.executeScript({ target: { tabId }, files: contentScriptFiles() });
  } catch (err) {
    throw injectionError(err);
  }
}

/**
 * Runs the article reader (extraction, Readability included) in the frame whose content script
 * asked for it: the content script leaves it out so that BBC page loads do not carry it. The
 * content script only runs where this extension may script (a manifest match, or activeTab after
 * a user gesture).
 */
export async function injectArticleReader(tabId: number, frameId: number): Promise<void> {
  try {
    await browser.scripting.executeScript({
      target: { tabId, frameIds: [frameId] },
      files: [articleReaderFile],
    });
  } catch (err) {
    throw injectionError(err);
  }
}

/** "Could not establish connection. Receiving end does not exist." and Firefox's wording. */
const NO_RECEIVER = /receiving end does not exist|could not establish connection/i;

/** The error of a message to a tab where no content script listens. */
export function isNoReceiver(err: unknown): boolean {
  if (err instanceof BackgroundError) return false;
  return NO_RECEIVER.test(err instanceof Error ? err.message : String(err));
}

export async function askContent<T>(tabId: number, message: ToContent): Promise<T> {
  const reply = (await browser.tabs.sendMessage(tabId, message)) as Reply<T> | undefined;
  if (!reply) throw new BackgroundError('no-answer', 'The page did not answer.');
  if (!reply.ok) throw new BackgroundError(reply.error.code, reply.error.message);
  return reply.value;
}

/** The tab's article, injecting the content script first where none answers. */
export async function articleFromTab(tabId: number): Promise<Article> {
  const message: ToContent = { type: 'background→content:get-article' };
  try {
    return await askContent<Article>(tabId, message);
  } catch (err) {
    if (!isNoReceiver(err)) throw err;
  }
  await injectContentScript(tabId);
  return askContent<Article>(tabId, message);
}
