// @vitest-environment jsdom
// @vitest-environment-options {"url": "http://news.bbc.co.uk/1/hi/world/europe/6658741.stm"}
/**
 * The content script's first clean on the rebuilt 2007 story, whichever comes first: the complete
 * DOM or the settings. In Firefox the settings came after a small page had parsed (the Firefox e2e
 * run caught the related-links box and the directive text still showing at DOMContentLoaded):
 * the first clean must not wait for them, and must then follow them exactly.
 *
 * The script runs as at document_start: the document is "loading" and empty; the test then puts
 * the page in, announces readyState "interactive" (when the script cleans), and answers the
 * script's `storage.sync.get` when the case says.
 */
import { describe, expect, it } from 'vitest';
import { HIDDEN_ATTR } from '../../src/core/clean/index';
import { DEFAULT_SETTINGS } from '../../src/shared/settings';
import {
  answerSettings,
  DIRECTIVE,
  earlyStyle,
  indicator,
  PAGE,
  parsePage,
  RELATED,
  settle,
  startScript,
  useContentScript,
  visibleText,
} from '../helpers/content-script';

useContentScript();

describe('the first clean when the settings come after the DOM', () => {
  it('cleans at once on the defaults, before the settings arrive', async () => {
    await startScript();
    expect(earlyStyle()).not.toBeNull();
    parsePage();
    // No settings yet: the page is already clean (this is what DOMContentLoaded would see).
    expect(visibleText()).not.toContain(DIRECTIVE);
    expect(visibleText()).not.toContain(RELATED);
    expect(visibleText()).toContain('They have not settled them.');
    expect(earlyStyle()).toBeNull();
    const hidden = document.querySelectorAll(`[${HIDDEN_ATTR}]`).length;

    answerSettings(DEFAULT_SETTINGS);
    await settle();
    expect(document.querySelectorAll(`[${HIDDEN_ATTR}]`).length).toBe(hidden);
    expect(indicator()).not.toBeNull();
  });

  it('puts the page back exactly when the settings say this site is not to be cleaned', async () => {
    await startScript();
    const parsed = new DOMParser().parseFromString(PAGE, 'text/html');
    const asMade = document.importNode(parsed.body, true).outerHTML;
    parsePage();
    expect(document.body.outerHTML).not.toBe(asMade);
    expect(indicator()).not.toBeNull();

    answerSettings({ ...DEFAULT_SETTINGS, disabledSites: ['news.bbc.co.uk'] });
    await settle();
    expect(document.body.outerHTML).toBe(asMade);
    expect(visibleText()).toContain(DIRECTIVE);
    expect(indicator()).toBeNull();
  });

  it('cleans again keeping the kinds the settings keep', async () => {
    await startScript();
    parsePage();
    expect(visibleText()).not.toContain(RELATED);

    answerSettings({ ...DEFAULT_SETTINGS, keepKinds: ['related'] });
    await settle();
    expect(visibleText()).toContain(RELATED);
    expect(visibleText()).not.toContain(DIRECTIVE);
    expect(document.querySelectorAll(`[${HIDDEN_ATTR}="related"]`)).toHaveLength(0);
  });
});

describe('the first clean when the settings come first', () => {
  it('never touches a site the settings leave alone', async () => {
    await startScript();
    answerSettings({ ...DEFAULT_SETTINGS, autoClean: false });
    await settle();
    parsePage();
    await settle();
    expect(document.querySelectorAll(`[${HIDDEN_ATTR}]`)).toHaveLength(0);
    expect(visibleText()).toContain(DIRECTIVE);
    expect(earlyStyle()).toBeNull();
    expect(indicator()).toBeNull();
  });

  it('cleans at DOM ready keeping the kinds the settings keep', async () => {
    await startScript();
    answerSettings({ ...DEFAULT_SETTINGS, keepKinds: ['directive'] });
    await settle();
    parsePage();
    expect(visibleText()).toContain(DIRECTIVE);
    expect(visibleText()).not.toContain(RELATED);
  });
});
