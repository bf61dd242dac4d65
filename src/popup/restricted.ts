/**
 * Pages no extension may read: the popup says why instead of failing to inject. Browsers refuse
 * content scripts on their own pages, their add-on stores and their PDF viewers.
 */

export type RestrictedReason =
  | 'browser-page'
  | 'store'
  | 'pdf'
  | 'view-source'
  | 'file'
  /** The browser refused to let the extension in, on a page whose address did not say why. */
  | 'refused'
  | 'other';

/** Schemes of the browsers' own pages (Chrome, Edge, Brave, Opera, Vivaldi, Firefox). */
const BROWSER_SCHEMES = new Set([
  'about:',
  'chrome:',
  'chrome-error:',
  'chrome-extension:',
  'chrome-search:',
  'chrome-untrusted:',
  'devtools:',
  'edge:',
  'brave:',
  'opera:',
  'vivaldi:',
  'moz-extension:',
  'resource:',
]);

/**
 * Add-on stores, where Chrome and Firefox block every extension's scripts:
 * https://developer.chrome.com/docs/extensions/reference/api/scripting (runtime_blocked_hosts),
 * https://extensionworkshop.com/documentation/publish/recommended-extensions/ (restricted domains).
 */
const STORE_PAGES: { host: string; path: string }[] = [
  { host: 'chromewebstore.google.com', path: '/' },
  { host: 'chrome.google.com', path: '/webstore' },
  { host: 'microsoftedge.microsoft.com', path: '/addons' },
  { host: 'addons.mozilla.org', path: '/' },
  { host: 'addons.opera.com', path: '/' },
];

/** Chrome's built-in PDF viewer is an extension page with this id. */
const CHROME_PDF_VIEWER = 'chrome-extension://mhjfbmdgcfjbbpaeojofohoefgiehjai/';

/**
 * Why the page at `url` cannot be read, or null when it can. `fileAccess`: whether the user let
 * the extension read `file:` pages ("Allow access to file URLs").
 */
export function restrictionOf(url: string, fileAccess: boolean): RestrictedReason | null {
  if (url.startsWith('view-source:')) return 'view-source';
  if (url.startsWith(CHROME_PDF_VIEWER)) return 'pdf';
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return 'other';
  }
  if (BROWSER_SCHEMES.has(u.protocol)) return 'browser-page';
  if (u.protocol === 'file:') {
    if (/\.pdf$/i.test(u.pathname)) return 'pdf';
    return fileAccess ? null : 'file';
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return 'other';
  const host = u.hostname.toLowerCase();
  if (STORE_PAGES.some((s) => s.host === host && u.pathname.startsWith(s.path))) return 'store';
  // Both browsers show PDFs in a viewer no content script can enter, under the file's own URL.
  if (/\.pdf$/i.test(u.pathname)) return 'pdf';
  return null;
}
