// @vitest-environment jsdom
// @vitest-environment-options {"url": "https://www.bbc.co.uk/news/world-europe-6658741"}
/**
 * The content script on a page that moves by script (history.pushState), told so by the page's
 * own history (the Navigation API's `currententrychange`, which Chromium has; jsdom has not, so a
 * stand-in EventTarget is the `navigation` here), after its late-clutter watch is over: the next
 * story must still be cleaned before it is painted, whichever order the site's router puts the
 * story in and pushes its address, and a move to an address that is not BBC News puts the page
 * back. The page is the rebuilt 2007 story, at an address of today's site so that the page can
 * move to one that is not BBC News (a page cannot push another host's address).
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../src/shared/settings';
import {
  answerSettings,
  DIRECTIVE,
  endWatch,
  indicator,
  PAGE,
  parsePage,
  pushAddress,
  RELATED,
  settle,
  startScript,
  useContentScript,
  useNavigation,
  visibleText,
} from '../helpers/content-script';

useContentScript();
useNavigation();

/** The site's router puts another story (a fresh copy of the page's) in place of the page's. */
function renderStory(): void {
  const parsed = new DOMParser().parseFromString(PAGE, 'text/html');
  document.body.replaceWith(document.importNode(parsed.body, true));
}

/** The microtasks after the current task have run: the browser would paint next. */
const beforePaint = () => new Promise<void>((done) => queueMicrotask(done));

/** The page loaded, cleaned, the settings read, and the late-clutter watch over. */
async function cleanedAndWatchOver(): Promise<void> {
  await startScript();
  parsePage();
  answerSettings(DEFAULT_SETTINGS);
  await settle();
  expect(visibleText()).not.toContain(DIRECTIVE);
  expect(visibleText()).not.toContain(RELATED);
  endWatch();
}

describe('a page that moves by script, after the late-clutter watch', () => {
  it('cleans the next story before it is painted when the router renders it, then pushes its address', async () => {
    await cleanedAndWatchOver();
    renderStory();
    pushAddress('/news/world-americas-6387081');
    await beforePaint();
    expect(visibleText()).not.toContain(DIRECTIVE);
    expect(visibleText()).not.toContain(RELATED);
    expect(visibleText()).toContain('They have not settled them.');
  });

  it('cleans the next story before it is painted when the router pushes its address, then renders it', async () => {
    await cleanedAndWatchOver();
    pushAddress('/news/world-americas-6387081');
    await settle();
    // A later task: the story comes in.
    renderStory();
    await beforePaint();
    expect(visibleText()).not.toContain(DIRECTIVE);
    expect(visibleText()).not.toContain(RELATED);
    expect(visibleText()).toContain('They have not settled them.');
  });

  it('puts the page back exactly when it moves to an address that is not BBC News', async () => {
    const asMade = new DOMParser().parseFromString(PAGE, 'text/html').body.outerHTML;
    await cleanedAndWatchOver();
    expect(document.body.outerHTML).not.toBe(asMade);
    expect(indicator()).not.toBeNull();

    pushAddress('/sport/football');
    await beforePaint();
    expect(document.body.outerHTML).toBe(asMade);
    expect(indicator()).toBeNull();
  });
});
