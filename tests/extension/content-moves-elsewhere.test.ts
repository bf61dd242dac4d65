// @vitest-environment jsdom
// @vitest-environment-options {"url": "https://example.org/world/story-1"}
/**
 * On a site that is not BBC News the content script comes only from the toolbar, and a page there
 * is cleaned only by hand (the popup's Clean page). When such a page moves by script to another
 * address, the script leaves the cleanup as the reader asked for it: the page's own history is
 * followed only where the script started on BBC News (./content-moves.test.ts).
 */
import { expect, it } from 'vitest';
import { HIDDEN_ATTR } from '../../src/core/clean/index';
import { DEFAULT_SETTINGS } from '../../src/shared/settings';
import {
  answerSettings,
  DIRECTIVE,
  parsePage,
  pushAddress,
  sendToScript,
  settle,
  startScript,
  useContentScript,
  useNavigation,
  visibleText,
} from '../helpers/content-script';

useContentScript();
useNavigation();

it('keeps a cleanup made by hand when the page moves by script', async () => {
  await startScript();
  parsePage();
  answerSettings(DEFAULT_SETTINGS);
  await settle();
  // Not BBC News: nothing is cleaned on load, whatever the page looks like.
  expect(document.querySelectorAll(`[${HIDDEN_ATTR}]`)).toHaveLength(0);

  await sendToScript({ type: 'popup→content:clean' });
  const hidden = document.querySelectorAll(`[${HIDDEN_ATTR}]`).length;
  expect(hidden).toBeGreaterThan(0);
  expect(visibleText()).not.toContain(DIRECTIVE);

  pushAddress('/world/story-2');
  await settle();
  expect(document.querySelectorAll(`[${HIDDEN_ATTR}]`)).toHaveLength(hidden);
});
