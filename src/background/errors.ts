/** Failures the background reports to the popup (as a `Reply` error) and on the toolbar badge. */
import type { RestrictedReason } from '../popup/restricted';

export class BackgroundError extends Error {
  constructor(
    /** `restricted` (a page no extension may read), `no-article`, `no-tab`, `page-error`… */
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'BackgroundError';
  }
}

/** What to tell a person about each kind of page the browser will not let us read. */
const RESTRICTED_MESSAGES: Record<RestrictedReason, string> = {
  'browser-page': "The browser's own pages cannot be read by extensions.",
  store: "The browser's add-on store does not let extensions read its pages.",
  pdf: "PDFs open in the browser's own viewer, which extensions cannot read.",
  'view-source': 'A page source view cannot be read: open the page itself.',
  file: 'To read saved pages, turn on "Allow access to file URLs" for Broadsheet in the browser\'s extension settings.',
  refused: 'The browser does not let extensions read this page.',
  other: 'Broadsheet can only read web pages (http and https).',
};

export function restrictedError(reason: RestrictedReason): BackgroundError {
  return new BackgroundError('restricted', RESTRICTED_MESSAGES[reason]);
}

/**
 * How Chrome and Firefox word a refused injection, for pages the URL did not give away (a PDF
 * served without `.pdf`, a store page behind a redirect, an error page, a site the browser keeps
 * extensions off: Firefox's `extensions.webextensions.restrictedDomains`, support.mozilla.org and
 * the Mozilla accounts pages among them, or a host an administrator's policy blocks).
 */
const REFUSED_INJECTION: RegExp[] = [
  // Chrome: "Cannot access a chrome:// URL", "Cannot access contents of url …"
  /cannot access/i,
  // Chrome: "The extensions gallery cannot be scripted."
  /cannot be scripted/i,
  // Firefox: "Missing host permission for the tab"
  /host permission/i,
  // Chrome: "Frame with ID 0 is showing error page"
  /showing error page/i,
];

/** The error to report for an exception from `scripting.executeScript`. */
export function injectionError(err: unknown): BackgroundError {
  const message = err instanceof Error ? err.message : String(err);
  if (/no tab with id/i.test(message)) return new BackgroundError('no-tab', 'The tab is gone.');
  if (REFUSED_INJECTION.some((pattern) => pattern.test(message))) return restrictedError('refused');
  return new BackgroundError('page-error', `Broadsheet could not run on this page: ${message}`);
}
