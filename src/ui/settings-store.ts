/**
 * Reading and writing `Settings` in `storage.sync` from the extension's pages. Every write
 * re-reads first, so the popup, the reader and the options page never undo each other's change.
 */
import browser from 'webextension-polyfill';
import { normalizeSettings, SETTINGS_KEY, type Settings } from '../shared/settings';

export async function loadSettings(): Promise<Settings> {
  const stored = await browser.storage.sync.get(SETTINGS_KEY);
  return normalizeSettings(stored[SETTINGS_KEY]);
}

export async function updateSettings(change: (current: Settings) => Settings): Promise<Settings> {
  const next = normalizeSettings(change(await loadSettings()));
  await browser.storage.sync.set({ [SETTINGS_KEY]: next });
  return next;
}

/** Calls `listener` whenever settings change elsewhere (another page, another device). */
export function onSettingsChanged(listener: (settings: Settings) => void): void {
  browser.storage.onChanged.addListener((changes, area) => {
    const change = changes[SETTINGS_KEY];
    if (area === 'sync' && change) listener(normalizeSettings(change.newValue));
  });
}
