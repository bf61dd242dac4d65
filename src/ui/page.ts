/** What every extension page does first: strings, language and direction from the browser. */
import browser from 'webextension-polyfill';
import { t, useMessageSource, type MessageKey } from './i18n';

export function initPage(titleKey: MessageKey): void {
  useMessageSource((key, substitutions) => browser.i18n.getMessage(key, substitutions));
  document.documentElement.lang = browser.i18n.getUILanguage();
  // `@@bidi_dir` is "rtl" for Arabic, Hebrew, Persian… UIs: the pages mirror with it.
  document.documentElement.dir = browser.i18n.getMessage('@@bidi_dir') || 'ltr';
  document.title = t(titleKey);
}
