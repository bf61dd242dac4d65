/** The options page: renders the stored settings and saves each change as it is made. */
import browser from 'webextension-polyfill';
import { replaceChildren } from '../ui/dom';
import { t, useMessageSource } from '../ui/i18n';
import { loadSettings, updateSettings } from '../ui/settings-store';
import { renderOptions } from './render';

async function start(): Promise<void> {
  useMessageSource((key, subs) => browser.i18n.getMessage(key, subs));
  document.documentElement.lang = browser.i18n.getUILanguage();
  document.title = t('optionsPageTitle');
  document.getElementById('title')!.textContent = t('optionsPageTitle');
  const app = document.getElementById('app')!;
  const status = document.getElementById('status')!;
  let pending = Promise.resolve();

  const settings = await loadSettings();
  replaceChildren(
    app,
    renderOptions(settings, (update) => {
      // Saves run one after another, so quick changes land in the order they were made.
      pending = pending
        .then(() => updateSettings(update))
        .then(() => {
          status.textContent = t('optionsSaved');
        })
        .catch((error: unknown) => {
          status.textContent = t('optionsSaveFailed', String(error));
        });
    }),
  );
}

void start();
