/**
 * The reader page: `index.html?id=<token>` shows the article the background stored in
 * `storage.session` under `reader:<token>`, with the user's typography from `storage.sync`.
 */
import browser from 'webextension-polyfill';
import type { Article } from '../core/types';
import { replaceChildren } from '../ui/dom';
import { t } from '../ui/i18n';
import { initPage } from '../ui/page';
import { loadSettings, onSettingsChanged, updateSettings } from '../ui/settings-store';
import type { ReaderSettings } from '../ui/reader-controls';
import {
  applyReaderSettings,
  renderArticle,
  renderMissing,
  renderSaveAction,
  renderToolbar,
} from './render';
import { saveArticleJson } from '../shared/save-json';

/** The stored entry, if it looks like one: the reader renders nothing it cannot trust the shape of. */
function articleOf(entry: unknown): Article | null {
  const article = (entry as { article?: unknown } | undefined)?.article as Article | undefined;
  return article && typeof article === 'object' && Array.isArray(article.body) ? article : null;
}

async function loadArticle(): Promise<Article | null> {
  const id = new URLSearchParams(location.search).get('id');
  if (!id) return null;
  const key = `reader:${id}`;
  const stored = await browser.storage.session.get(key);
  return articleOf(stored[key]);
}

async function start(): Promise<void> {
  initPage('extName');
  document.querySelector('.skip')!.textContent = t('skipToArticle');
  const root = document.documentElement;
  const app = document.getElementById('app')!;
  const toolbar = document.getElementById('toolbar')!;

  const [article, settings] = await Promise.all([loadArticle().catch(() => null), loadSettings()]);
  let reader: ReaderSettings = settings.reader;
  applyReaderSettings(root, reader);

  const showToolbar = () =>
    replaceChildren(
      toolbar,
      renderToolbar(reader, (next) => {
        reader = next;
        applyReaderSettings(root, next);
        void updateSettings((s) => ({ ...s, reader: next }));
      }),
    );
  showToolbar();
  onSettingsChanged((next) => {
    if (JSON.stringify(next.reader) === JSON.stringify(reader)) return;
    reader = next.reader;
    applyReaderSettings(root, reader);
    showToolbar();
  });

  if (!article) {
    document.title = t('readerMissingHeading');
    replaceChildren(app, renderMissing());
    return;
  }
  document.title = t('readerPageTitle', article.title || t('untitled'));
  replaceChildren(app, renderArticle(article));
  replaceChildren(
    document.getElementById('actions')!,
    renderSaveAction(() => saveArticleJson(article)),
  );
}

void start();
