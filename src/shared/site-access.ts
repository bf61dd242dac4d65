/**
 * Whether the extension may run on a BBC News page as it loads. The manifest asks for the BBC News
 * addresses (host_permissions, the content scripts' matches), but browsers let a person withhold
 * them: Chrome's "on click" and "on specific sites", Firefox's per-site permissions (which Firefox
 * before 127 did not grant at install). Without them no content script runs as pages load, so
 * nothing is cleaned until someone opens the popup; the popup says so and offers to ask again.
 */
import browser from 'webextension-polyfill';

/** The match patterns the manifest asks for (every BBC News address, Wayback captures too). */
export function newsOrigins(): string[] {
  return browser.runtime.getManifest().host_permissions ?? [];
}

/** The address `url` as a match pattern of itself (scheme, host and path; no port, query, hash). */
function patternOf(url: string): string | null {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.hostname}${u.pathname}`;
  } catch {
    return null;
  }
}

/** Whether the extension holds its host permission for the page at `url`. */
export async function hasAccessTo(url: string): Promise<boolean> {
  const pattern = patternOf(url);
  return pattern ? holds([pattern]) : false;
}

/** Whether the extension holds every BBC News address (what the options page is about). */
export function hasNewsAccess(): Promise<boolean> {
  return holds(newsOrigins());
}

/** Where the browser cannot say, access is assumed: the offer is not made on a guess. */
async function holds(origins: string[]): Promise<boolean> {
  try {
    return await browser.permissions.contains({ origins });
  } catch {
    return true;
  }
}

/**
 * Asks the browser (and so the person) for every BBC News address at once. Must be called from
 * the click that asks: browsers refuse a request made outside a user's gesture.
 */
export function requestNewsAccess(): Promise<boolean> {
  return browser.permissions.request({ origins: newsOrigins() });
}
