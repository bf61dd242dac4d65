/**
 * The reader view: the article goes to `storage.session` (memory only, gone when the browser
 * closes) under `reader:<token>`, and the reader page opens with `?id=<token>`.
 */
import browser from 'webextension-polyfill';
import type { Article } from '../core/types';

const READER_PAGE = 'src/reader/index.html';
/** The tokens in storage, oldest first, so old articles are dropped and session storage stays small. */
const TOKENS_KEY = 'readerTokens';
/** Articles kept for reader tabs; reloading one of the last few still works. */
const KEEP_ARTICLES = 20;

export async function openReader(article: Article, openerTab: { id?: number; index?: number }) {
  const token = crypto.randomUUID();
  const stored = await browser.storage.session.get(TOKENS_KEY);
  const tokens = Array.isArray(stored[TOKENS_KEY]) ? (stored[TOKENS_KEY] as string[]) : [];
  tokens.push(token);
  const dropped = tokens.splice(0, Math.max(0, tokens.length - KEEP_ARTICLES));
  await browser.storage.session.set({
    [`reader:${token}`]: { article, storedAt: Date.now() },
    [TOKENS_KEY]: tokens,
  });
  if (dropped.length) await browser.storage.session.remove(dropped.map((t) => `reader:${t}`));
  await browser.tabs.create({
    url: browser.runtime.getURL(`${READER_PAGE}?id=${encodeURIComponent(token)}`),
    ...(openerTab.index !== undefined ? { index: openerTab.index + 1 } : {}),
    ...(openerTab.id !== undefined ? { openerTabId: openerTab.id } : {}),
  });
}
