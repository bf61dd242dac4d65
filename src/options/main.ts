/** The options page: renders the stored settings and saves each change as it is made. */
import { replaceChildren } from '../ui/dom';
import { t } from '../ui/i18n';
import { initPage } from '../ui/page';
import { loadSettings, updateSettings } from '../ui/settings-store';
import { hasNewsAccess, requestNewsAccess } from '../shared/site-access';
import { renderOptions } from './render';

async function start(): Promise<void> {
  initPage('optionsPageTitle');
  document.getElementById('title')!.textContent = t('optionsPageTitle');
  const app = document.getElementById('app')!;
  const status = document.getElementById('status')!;
  let pending = Promise.resolve();

  const settings = await loadSettings();
  const granted = await hasNewsAccess();
  replaceChildren(
    app,
    renderOptions(
      settings,
      (update) => {
        // Saves run one after another, so quick changes land in the order they were made.
        pending = pending
          .then(() => updateSettings(update))
          .then(() => {
            status.textContent = t('optionsSaved');
          })
          .catch((error: unknown) => {
            status.textContent = t('optionsSaveFailed', String(error));
          });
      },
      { granted, request: requestNewsAccess },
    ),
  );
}

void start();
