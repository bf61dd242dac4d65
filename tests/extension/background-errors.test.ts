/**
 * What the popup is told when the browser refuses to let the article reader into a tab. The
 * browser's own words (Chrome's and Firefox's, as they phrase them) decide the kind of failure;
 * a refusal says the browser keeps extensions off the page, not that the page is not http(s).
 */
import { describe, expect, it } from 'vitest';
import { injectionError } from '../../src/background/errors';

describe('injectionError', () => {
  it.each([
    // Firefox, on support.mozilla.org and its other restricted domains.
    'Missing host permission for the tab',
    // Chrome, on a host an enterprise policy blocks, and on its own pages.
    'Cannot access contents of url "https://intranet.example/". Extension manifest must request permission to access this host.',
    'Cannot access a chrome:// URL',
    'The extensions gallery cannot be scripted.',
    'Frame with ID 0 is showing error page',
  ])('"%s": the browser keeps extensions off the page', (browserMessage) => {
    const error = injectionError(new Error(browserMessage));
    expect(error.code).toBe('restricted');
    expect(error.message).toBe('The browser does not let extensions read this page.');
  });

  it('a closed tab is said to be gone', () => {
    const error = injectionError(new Error('No tab with id: 41.'));
    expect([error.code, error.message]).toEqual(['no-tab', 'The tab is gone.']);
  });

  it('anything else is an error on the page, with the browser’s words', () => {
    const error = injectionError(new Error('Script threw: out of memory'));
    expect(error.code).toBe('page-error');
    expect(error.message).toBe(
      'Broadsheet could not run on this page: Script threw: out of memory',
    );
  });
});
