// @vitest-environment jsdom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { renderPopup, type PopupHandlers, type PopupView } from '../../src/popup/render';
import { restrictionOf, type RestrictedReason } from '../../src/popup/restricted';
import { cleanPage, extractArticle } from '../../src/core';
import { corpusAvailable, loadCorpusPage } from '../helpers/corpus';
import { axeViolations, button, buttonNames, control, installShell } from './dom-helpers';
import { HOSTILE, makeArticle, makeState, zeroCounts } from './fixtures';

const FORMAT = { locale: 'en-GB', timeZone: 'UTC' };

function handlers() {
  return {
    readerView: vi.fn<() => void>(),
    saveJson: vi.fn<() => void>(),
    toggleClean: vi.fn<() => void>(),
    setSiteAutoClean: vi.fn<(on: boolean) => void>(),
    allowSiteAccess: vi.fn<() => void>(),
    retry: vi.fn<() => void>(),
  } satisfies PopupHandlers;
}

let app: HTMLElement;
beforeEach(() => {
  app = installShell('popup');
});

function show(view: PopupView, h: PopupHandlers = handlers()): HTMLElement {
  const el = renderPopup(view, h, FORMAT);
  app.replaceChildren(el);
  return el;
}

const page = (
  state = makeState(),
  siteAutoClean = true,
  globalAutoClean = true,
  siteAccess = true,
): PopupView => ({
  kind: 'page',
  state,
  siteAutoClean,
  globalAutoClean,
  siteAccess,
});

describe('restrictionOf', () => {
  const cases: [string, boolean, RestrictedReason | null][] = [
    ['chrome://extensions/', false, 'browser-page'],
    ['edge://settings/', false, 'browser-page'],
    ['about:blank', false, 'browser-page'],
    ['about:addons', false, 'browser-page'],
    ['chrome-extension://abcdefghijklmnop/popup.html', false, 'browser-page'],
    ['moz-extension://1234/reader.html', false, 'browser-page'],
    [
      'https://chromewebstore.google.com/detail/ublock/cjpalhdlnbpafiamejdnhcphjbkeiagm',
      false,
      'store',
    ],
    ['https://chrome.google.com/webstore/category/extensions', false, 'store'],
    ['https://addons.mozilla.org/en-GB/firefox/addon/ublock-origin/', false, 'store'],
    ['https://microsoftedge.microsoft.com/addons/detail/x', false, 'store'],
    ['https://example.com/report.PDF', false, 'pdf'],
    ['chrome-extension://mhjfbmdgcfjbbpaeojofohoefgiehjai/index.html', false, 'pdf'],
    ['view-source:https://www.bbc.co.uk/news', false, 'view-source'],
    ['file:///home/me/saved/story.html', false, 'file'],
    ['file:///home/me/saved/story.html', true, null],
    ['data:text/html,<p>hi</p>', false, 'other'],
    ['not a url', false, 'other'],
    ['http://news.bbc.co.uk/1/hi/world/europe/6658763.stm', false, null],
    [
      'https://web.archive.org/web/20070515212000/http://news.bbc.co.uk/1/hi/world/europe/6658763.stm',
      false,
      null,
    ],
    // Only the store's path is off limits on this host.
    ['https://chrome.google.com/intl/en/chrome/', false, null],
  ];
  it.each(cases)('%s (file access %s) → %s', (url, fileAccess, reason) => {
    expect(restrictionOf(url, fileAccess)).toBe(reason);
  });
});

describe('popup states', () => {
  it('says it is reading while it waits for the page', () => {
    expect(show({ kind: 'checking' }).textContent).toBe('Reading this page…');
  });

  it.each([
    ['browser-page', 'browser’s own pages'],
    ['store', 'add-on stores'],
    ['pdf', 'This is a PDF'],
    ['view-source', 'source code'],
    ['file', 'Allow access to file URLs'],
    ['refused', 'doesn’t let extensions read this page'],
    ['other', 'http and https'],
  ] as const)('explains a restricted page: %s', (reason, phrase) => {
    const el = show({ kind: 'restricted', reason });
    expect(el.querySelector('h1')!.textContent).toBe('Broadsheet can’t read this page');
    expect(el.querySelector('p')!.textContent).toContain(phrase);
    expect(el.querySelector('button')).toBeNull();
  });

  it('asks for patience on a loading page and offers to retry', () => {
    const h = handlers();
    const el = show({ kind: 'loading' }, h);
    expect(el.querySelector('h1')!.textContent).toBe('The page is still loading');
    button(el, 'Try again')!.click();
    expect(h.retry).toHaveBeenCalledOnce();
  });

  it('gives the browser’s own reason when only the injection knew the page was off limits', () => {
    const el = show({ kind: 'restricted', reason: 'other', message: 'The store is off limits.' });
    expect(el.querySelector('p')!.textContent).toBe('The store is off limits.');
  });

  it('tells an error inside the page from a page it could not reach', () => {
    const el = show({ kind: 'failed', message: 'TypeError: x is null', inPage: true });
    expect(el.querySelector('h1')!.textContent).toBe('Something went wrong inside the page');
    expect(el.textContent).toContain('Details: TypeError: x is null');
  });

  it('shows why it could not reach the page', () => {
    const el = show({ kind: 'failed', message: 'Receiving end does not exist.' });
    expect(el.textContent).toContain('Broadsheet couldn’t reach this page');
    expect(el.textContent).toContain('Details: Receiving end does not exist.');
  });

  it.each([
    ['no-article', 'No article found', 'no article text'],
    ['too-large', 'This page is too large', 'too large to read safely'],
    ['page-error', 'Something went wrong inside the page', 'Details: boom at line 3'],
  ] as const)('explains a page without an article: %s', (code, heading, phrase) => {
    const state = makeState({ article: null, error: { code, message: 'boom at line 3' } });
    const el = show(page(state));
    expect(el.querySelector('h1')!.textContent).toBe(heading);
    expect(el.textContent).toContain(phrase);
    expect(button(el, 'Reader view')).toBeUndefined();
    expect(button(el, 'Save as JSON')).toBeUndefined();
  });

  it('leaves a too-large page alone: no clean toggle, no removals', () => {
    const state = makeState({ article: null, error: { code: 'too-large', message: '' } });
    const el = show(page(state));
    expect(buttonNames(el)).toEqual([]);
    expect(el.querySelector('.removed')).toBeNull();
  });
});

describe('popup on an article', () => {
  const article = makeArticle({
    title: 'No breakthrough for US and Russia',
    authors: [{ name: 'James Rodgers' }],
    dateline: 'BBC News, Moscow',
    published: '2007-05-15T21:20:00Z',
    modified: '2007-05-16T08:05:00Z',
    layout: 'bbc-classic',
    wordCount: 812,
  });
  const state = makeState({
    layout: 'bbc-classic',
    url: 'https://web.archive.org/web/20070516000000/http://news.bbc.co.uk/1/hi/world/europe/6658763.stm',
    archive: {
      service: 'wayback',
      url: 'https://web.archive.org/web/20070516000000/http://news.bbc.co.uk/1/hi/world/europe/6658763.stm',
      originalUrl: 'http://news.bbc.co.uk/1/hi/world/europe/6658763.stm',
      capturedAt: '2007-05-16T00:00:00Z',
    },
    article,
    counts: { ...zeroCounts(), promo: 2, directive: 1 },
    removals: [
      {
        kind: 'promo',
        rule: 'bbc-classic/promo',
        reason: 'Video promo',
        text: 'Watch One-Minute World News',
      },
      { kind: 'promo', rule: 'bbc-classic/promo', reason: 'Promo box', text: '' },
      {
        kind: 'directive',
        rule: 'shared/directive',
        reason: 'Broken server-side include',
        text: '[an error occurred while processing this directive]',
      },
    ],
  });

  it('shows title, byline, dateline and dates with their ISO values', () => {
    const el = show(page(state));
    expect(el.querySelector('h1')!.textContent).toBe('No breakthrough for US and Russia');
    expect(el.querySelector('.byline')!.textContent).toBe('By James Rodgers');
    expect(el.querySelector('.dateline')!.textContent).toBe('BBC News, Moscow');
    const times = [...el.querySelectorAll('.dates time')];
    expect(times.map((t) => t.getAttribute('datetime'))).toEqual([
      '2007-05-15T21:20:00Z',
      '2007-05-16T08:05:00Z',
    ]);
    expect(times[0]!.textContent).toBe('15 May 2007 at 21:20');
    expect(el.querySelector('.words')!.textContent).toBe('812 words');
  });

  it('names the layout and the archived original', () => {
    const el = show(page(state));
    expect(el.querySelector('.facts dd')!.textContent).toBe('BBC News, classic (1999–2010)');
    const archive = el.querySelector('.archive')!;
    expect(archive.textContent).toContain(
      'Wayback capture of http://news.bbc.co.uk/1/hi/world/europe/6658763.stm',
    );
    expect(archive.querySelector('time')!.getAttribute('datetime')).toBe('2007-05-16T00:00:00Z');
  });

  it('offers the actions, in order, with exact names, and wires them', () => {
    const h = handlers();
    const el = show(page(state), h);
    expect(buttonNames(el)).toEqual(['Reader view', 'Save as JSON', 'Show original']);
    button(el, 'Reader view')!.click();
    button(el, 'Save as JSON')!.click();
    button(el, 'Show original')!.click();
    expect(h.readerView).toHaveBeenCalledOnce();
    expect(h.saveJson).toHaveBeenCalledOnce();
    expect(h.toggleClean).toHaveBeenCalledOnce();
  });

  it('offers "Clean page" once the original is shown', () => {
    const el = show(page({ ...state, cleaned: false }));
    expect(buttonNames(el)).toEqual(['Reader view', 'Save as JSON', 'Clean page']);
  });

  it('has a per-site switch that reports its new state', () => {
    const h = handlers();
    const el = show(page(state, true), h);
    const sw = control<HTMLInputElement>(el, 'Clean this site automatically')!;
    expect(sw.getAttribute('role')).toBe('switch');
    expect(sw.checked).toBe(true);
    sw.click();
    expect(h.setSiteAutoClean).toHaveBeenCalledWith(false);

    const off = show(page(state, false));
    expect(control<HTMLInputElement>(off, 'Clean this site automatically')!.checked).toBe(false);
  });

  it('has no switch on a page that is not at a BBC News address, and says why', () => {
    // The toolbar works anywhere, but pages are cleaned as they load only where the content
    // script runs: a switch here would promise what never happens.
    const elsewhere = { ...state, url: 'https://www.sciencealert.com/jupiter-europa-plumes' };
    const el = show(page(elsewhere, true));
    expect(control(el, 'Clean this site automatically')).toBeNull();
    expect(el.querySelector('.site-note')!.textContent).toBe(
      'Pages are cleaned as they load on BBC News only. Here, use Clean page.',
    );
    expect(buttonNames(el)).toContain(state.cleaned ? 'Show original' : 'Clean page');

    // A Wayback capture of a BBC story is cleaned as it loads: the switch is there.
    const capture = {
      ...state,
      url: 'https://web.archive.org/web/20090421200012/http://news.bbc.co.uk/1/hi/world/middle_east/8011268.stm',
    };
    expect(control(show(page(capture, true)), 'Clean this site automatically')).not.toBeNull();
  });

  it('offers to ask for access where the browser withholds it, in place of the switch', () => {
    // Chrome's "on click" site access, Firefox's per-site permissions: no script runs as BBC
    // pages load, so the switch would do nothing.
    const h = handlers();
    const el = show(page(state, true, true, false), h);
    expect(control(el, 'Clean this site automatically')).toBeNull();
    const allow = button(el, 'Allow on BBC News sites')!;
    expect(document.getElementById(allow.getAttribute('aria-describedby')!)!.textContent).toBe(
      'Broadsheet is not allowed on BBC News sites, so it cannot clean their pages as they load.',
    );
    allow.click();
    expect(h.allowSiteAccess).toHaveBeenCalledTimes(1);
    // The page's own buttons are still there: the popup read it through the toolbar's grant.
    expect(buttonNames(el)).toContain('Reader view');

    // Elsewhere it is about BBC News only, as before.
    const elsewhere = { ...state, url: 'https://www.sciencealert.com/jupiter-europa-plumes' };
    expect(
      button(show(page(elsewhere, true, true, false)), 'Allow on BBC News sites'),
    ).toBeUndefined();
  });

  it('says when automatic cleanup is off everywhere', () => {
    const el = show(page(state, true, false));
    const sw = control<HTMLInputElement>(el, 'Clean this site automatically')!;
    const note = document.getElementById(sw.getAttribute('aria-describedby')!)!;
    expect(note.textContent).toContain('switched off for every site');
  });

  it('counts removals by kind and opens onto each item with its reason and text', () => {
    const el = show(page(state));
    expect(el.querySelector('.removed-total')!.textContent).toBe('3 items hidden');
    const groups = [...el.querySelectorAll('details')];
    expect(groups.map((g) => g.querySelector('summary')!.textContent)).toEqual([
      'Broken page code: 1',
      'Promotions: 2',
    ]);
    const promos = [...groups[1]!.querySelectorAll('li')].map((li) => [
      li.querySelector('.reason')!.textContent,
      li.querySelector('.removed-text')!.textContent,
    ]);
    expect(promos).toEqual([
      ['Video promo', 'Watch One-Minute World News'],
      ['Promo box', '(no text)'],
    ]);
  });

  it('lists removals with the same reason as one item: how many, and each text once', () => {
    const slot = { kind: 'ad' as const, rule: 'ads/slot', reason: 'Advertisement slot', text: '' };
    const el = show(
      page(
        makeState({
          counts: { ...zeroCounts(), ad: 5 },
          removals: [
            slot,
            { ...slot, text: 'Sponsored: Buy now' },
            slot,
            { ...slot, reason: 'Advertisement iframe' },
            { ...slot, text: 'Sponsored: Buy now' },
          ],
          error: null,
        }),
      ),
    );
    expect(el.querySelector('.removed-total')!.textContent).toBe('5 items hidden');
    const items = [...el.querySelectorAll('details li')].map((li) => [
      li.querySelector('.reason')!.textContent,
      [...li.querySelectorAll('.removed-text')].map((p) => p.textContent),
    ]);
    expect(items).toEqual([
      ['Advertisement slot (4)', ['Sponsored: Buy now']],
      ['Advertisement iframe', ['(no text)']],
    ]);
  });

  it('says when nothing was removed', () => {
    const el = show(page(makeState()));
    expect(el.querySelector('.removed-total')!.textContent).toBe('Nothing was removed.');
    expect(el.querySelector('details')).toBeNull();
  });

  it('renders page-provided strings as text, never as markup', () => {
    const hostile = makeState({
      article: makeArticle({
        title: HOSTILE,
        authors: [{ name: HOSTILE }],
        dateline: HOSTILE,
      }),
      counts: { ...zeroCounts(), other: 1 },
      removals: [{ kind: 'other', rule: 'x', reason: HOSTILE, text: `<script>alert(1)</script>` }],
      error: null,
    });
    const el = show(page(hostile));
    expect(el.querySelector('h1')!.textContent).toBe(HOSTILE);
    expect(el.querySelector('.removed-text')!.textContent).toBe('<script>alert(1)</script>');
    expect(el.querySelector('img, script')).toBeNull();
  });

  it('passes axe-core on an article, an archived page and a restricted page', async () => {
    show(page(state));
    expect(await axeViolations()).toEqual([]);
    // With a group opened, the items are exposed too.
    app.querySelectorAll('details').forEach((d) => (d.open = true));
    expect(await axeViolations()).toEqual([]);
    show({ kind: 'restricted', reason: 'store' });
    expect(await axeViolations()).toEqual([]);
    // Where the browser withholds access: the offer in the switch's place.
    show(page(state, true, true, false));
    expect(await axeViolations()).toEqual([]);
    show({ kind: 'loading' });
    expect(await axeViolations()).toEqual([]);
  });
});

describe.skipIf(!corpusAvailable)('popup on a real classic BBC page', () => {
  // http://news.bbc.co.uk/1/hi/programmes/from_our_own_correspondent/8029015.stm (2 May 2009),
  // from the corpus's web-page-parser/bbc_news.
  const url = 'http://news.bbc.co.uk/1/hi/programmes/from_our_own_correspondent/8029015.stm';

  it('shows what cleanup really hid, by kind, with every item listed', async () => {
    const doc = loadCorpusPage('web-page-parser/bbc_news', '8029015.stm.html');
    const article = extractArticle(doc, url);
    const report = cleanPage(doc, url);
    const state = makeState({
      url,
      layout: report.detection.layout,
      article,
      removals: report.removals,
      counts: report.counts,
    });
    const el = show(page(state));
    expect(el.querySelector('h1')!.textContent).toBe("Cairo's terrifying traffic chaos");
    // Every removal is listed, those with the same reason together.
    const items = [...el.querySelectorAll('details li')];
    const listed = items.reduce((n, li) => n + Number(li.getAttribute('data-count')), 0);
    expect(listed).toBe(report.removals.length);
    expect(items.length).toBe(new Set(report.removals.map((r) => `${r.kind} ${r.reason}`)).size);
    for (const group of el.querySelectorAll('details')) {
      const kind = group.getAttribute('data-kind') as keyof typeof report.counts;
      expect(group.querySelector('summary')!.textContent).toMatch(
        new RegExp(`: ${report.counts[kind]}$`),
      );
    }
    expect(await axeViolations()).toEqual([]);
  });
});
