import { describe, expect, it } from 'vitest';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readHtmlFile, parseHtml } from '../../src/node/load';
import { cleanPage, detectLayout, extractArticle, HIDDEN_ATTR } from '../../src/core';
import { archiveFromDocument, footerDateToTimestamp } from '../../src/sites/wayback';
import { COMMENT_NODE } from '../../src/core/dom';
import { corpusAvailable, loadCorpusPage } from '../helpers/corpus';
import { allNodes, nodesMoved, serialize, visibleText } from '../core/clean-helpers';

const FIXTURE = resolve(
  dirname(fileURLToPath(import.meta.url)),
  '../fixtures/wayback--bbc-classic-8011268/source.html',
);
const ORIGINAL = 'http://news.bbc.co.uk/1/hi/world/middle_east/8011268.stm';
const CAPTURE = `https://web.archive.org/web/20090421200012/${ORIGINAL}`;
const SAVED = 'file:///home/reader/Downloads/Obama%20invites%20Middle%20East%20heads.html';

const load = () => parseHtml(readHtmlFile(FIXTURE));

describe('a Wayback capture of a classic BBC page', () => {
  it.each([
    ['the archive address', CAPTURE],
    ['a saved file', SAVED],
  ])('is recognised from %s', (_name, url) => {
    const detection = detectLayout(load(), url);
    expect(detection.archive).toEqual({
      service: 'wayback',
      url: CAPTURE,
      originalUrl: ORIGINAL,
      capturedAt: '2009-04-21T20:00:12Z',
    });
    expect(detection.signals[0]).toBe('wayback-capture');
    // The classic rule judges the page inside the capture (tests/sites/bbc-classic.test.ts).
    expect(detection.layout).toBe('bbc-classic');
  });

  it('is not looked for in a page the BBC itself served', () => {
    // A page loaded from the BBC's own host is the BBC's page, whatever its markup holds.
    const detection = detectLayout(load(), ORIGINAL);
    expect(detection.archive).toBeNull();
    expect(detection.layout).toBe('bbc-classic');
    expect(detectLayout(load(), 'https://mirror.example/8011268.html').archive?.url).toBe(CAPTURE);
  });

  it('reads the capture from the document alone, keeping an archive address it was given', () => {
    const doc = load();
    expect(archiveFromDocument(doc, SAVED)?.url).toBe(CAPTURE);
    const other = 'https://web.archive.org/web/20090421200012id_/' + ORIGINAL;
    expect(archiveFromDocument(doc, other)?.url).toBe(other);
  });

  it('hides the toolbar and everything between its insert comments', () => {
    const doc = load();
    // Wayback shows its toolbar (display:none until its script runs) and the print notice.
    expect(doc.body.textContent).toContain('31 captures');
    expect(visibleText(doc.body)).toContain('The Wayback Machine - https://web.archive.org/web/');

    const report = cleanPage(doc, SAVED);
    expect(doc.getElementById('wm-ipp-base')!.getAttribute(HIDDEN_ATTR)).toBe('archive-toolbar');
    const body = doc.body;
    const begin = Array.from(body.childNodes).findIndex(
      (n) => n.nodeType === COMMENT_NODE && (n as Comment).data.includes('BEGIN WAYBACK TOOLBAR'),
    );
    const end = Array.from(body.childNodes).findIndex(
      (n) => n.nodeType === COMMENT_NODE && (n as Comment).data.includes('END WAYBACK TOOLBAR'),
    );
    const inside = Array.from(body.childNodes)
      .slice(begin + 1, end)
      .filter((n): n is Element => n.nodeType === 1);
    expect(inside.map((el) => el.tagName.toLowerCase())).toEqual([
      'script',
      'div',
      'div',
      'script',
    ]);
    for (const el of inside) expect(el.hasAttribute(HIDDEN_ATTR)).toBe(true);

    const after = visibleText(doc.body);
    expect(after).not.toContain('Wayback Machine');
    expect(after).not.toContain('captures');
    expect(after).not.toContain('COLLECTED BY');
    // The story is still there.
    expect(after).toContain('Obama invites Middle East heads');

    // The replay scripts and styles of <head> are recorded too.
    const replay = report.removals.filter((r) => r.rule === 'archive-toolbar/replay-assets');
    // athena.js, the analytics call, bundle-playback.js, wombat.js, the ruffle config and
    // ruffle.js, __wm.init/__wm.wombat, banner-styles.css, iconochive.css: none of the BBC's own.
    expect(replay.length).toBe(9);
    const headHidden = Array.from(doc.head.querySelectorAll(`[${HIDDEN_ATTR}]`));
    expect(headHidden.length).toBe(9);
    for (const el of headHidden) {
      expect(el.outerHTML).toMatch(/archive\.org|_static|__wm|archive_analytics|RufflePlayer/);
    }
    expect(report.counts['archive-toolbar']).toBe(
      report.removals.filter((r) => r.kind === 'archive-toolbar').length,
    );
  });

  it('undo restores the capture exactly, and hiding detaches nothing', () => {
    const doc = load();
    const html = serialize(doc);
    const nodes = allNodes(doc);
    const report = cleanPage(doc, SAVED);
    expect(nodesMoved(nodes, allNodes(doc))).toBe(0);
    expect(report.removals.length).toBeGreaterThan(20);
    report.undo();
    expect(serialize(doc)).toBe(html);
  });

  it('takes the replay scripts and styles out of the private copy it extracts from', () => {
    const doc = load();
    const report = cleanPage(doc, SAVED, { mode: 'remove' });
    expect(doc.getElementById('wm-ipp-base')).toBeNull();
    expect(
      doc.querySelector('script[src*="/_static/js/"], link[href*="/_static/css/"]'),
    ).toBeNull();
    for (const script of Array.from(doc.querySelectorAll('script'))) {
      expect(script.textContent).not.toMatch(/__wm\./);
    }
    report.undo();
    expect(doc.getElementById('wm-ipp-base')).not.toBeNull();
  });
});

describe.skipIf(!corpusAvailable)('extracting from a capture', () => {
  it('gives the article of the original page, its links mapped back to the original site', () => {
    const now = new Date('2024-03-03T10:42:07Z');
    const fromCapture = extractArticle(load(), SAVED, { now });
    const original = loadCorpusPage('web-page-parser/bbc_news/8011268.stm.html');
    const fromOriginal = extractArticle(original, ORIGINAL, { now });

    expect(fromCapture.url).toBe(ORIGINAL);
    expect(fromCapture.archive).toEqual({
      service: 'wayback',
      url: CAPTURE,
      capturedAt: '2009-04-21T20:00:12Z',
    });
    expect(fromCapture.layout).toBe('bbc-classic');
    // Everything a reader gets is the same as from the original page.
    const sameFor = (a: typeof fromCapture) => ({ ...a, archive: null, removed: null });
    expect(sameFor(fromCapture)).toEqual(sameFor(fromOriginal));
    const addresses = [
      ...fromCapture.images.map((i) => i.src),
      ...fromCapture.related.map((r) => r.url),
    ];
    expect(addresses.length).toBeGreaterThan(0);
    for (const a of addresses) expect(a).not.toMatch(/archive\.org|^\/web\//);
    expect(fromCapture.removed['archive-toolbar']).toBeGreaterThan(0);
  });

  it('recognises no corpus page as a capture', () => {
    for (const page of [
      'web-page-parser/bbc_news/8011268.stm.html',
      'web-page-parser/bbc_news/32275608.html',
      'readability-test-pages/bbc-1/source.html',
    ]) {
      expect(archiveFromDocument(loadCorpusPage(page), 'file:///x.html')).toBeNull();
    }
  });
});

describe('Wayback markers one at a time', () => {
  const page = (head: string, body: string, after = '') =>
    parseHtml(
      `<!doctype html><html><head>${head}<title>t</title></head><body>${body}</body></html>${after}`,
    );

  it('reads the footer date alone, with the original from the rewritten canonical link', () => {
    const doc = page(
      '<link rel="canonical" href="/web/20070515212000/http://news.bbc.co.uk/2/hi/europe/6659209.stm">',
      '<p>Story</p>',
      '<!--\n     FILE ARCHIVED ON 21:20:00 May 15, 2007 AND RETRIEVED FROM THE\n     INTERNET ARCHIVE ON 10:00:00 Jan 01, 2020.\n-->',
    );
    expect(archiveFromDocument(doc, 'file:///a.html')).toEqual({
      service: 'wayback',
      url: 'https://web.archive.org/web/20070515212000/http://news.bbc.co.uk/2/hi/europe/6659209.stm',
      originalUrl: 'http://news.bbc.co.uk/2/hi/europe/6659209.stm',
      capturedAt: '2007-05-15T21:20:00Z',
    });
  });

  it('reads the toolbar form when the scripts were stripped', () => {
    const doc = page(
      '',
      '<div id="wm-ipp-base"><div id="wm-ipp"><form id="wmtb"><input id="wmtbURL" value="news.bbc.co.uk/1/hi/uk/7745137.stm"><input type="hidden" name="date" value="20081127"></form></div></div><p>Story</p>',
    );
    expect(archiveFromDocument(doc, 'https://mirror.example/a')).toMatchObject({
      originalUrl: 'http://news.bbc.co.uk/1/hi/uk/7745137.stm',
      capturedAt: '2008-11-27T00:00:00Z',
    });
  });

  it('reads the toolbar script', () => {
    const doc = page(
      '',
      '<div id="wm-ipp-base"></div><script>__wm.bt(675,27,25,2,"web","https://www.bbc.co.uk/news/uk-19957138","20121015093000",1996,"/_static/",[], false);</script><p>Story</p>',
    );
    expect(archiveFromDocument(doc, 'file:///a.html')).toMatchObject({
      originalUrl: 'https://www.bbc.co.uk/news/uk-19957138',
      capturedAt: '2012-10-15T09:30:00Z',
    });
  });

  it('does not take a page that merely talks about the Wayback Machine', () => {
    const doc = page(
      '<script src="/_static/js/site.js"></script>',
      '<p>FILE ARCHIVED ON the Wayback Machine; see __wm.wombat("x","2009") in the docs.</p>',
    );
    expect(archiveFromDocument(doc, 'https://example.com/')).toBeNull();
    expect(cleanPage(doc, 'https://example.com/').counts['archive-toolbar']).toBe(0);
  });

  it('parses both footer date styles', () => {
    expect(footerDateToTimestamp('20:00:12 Apr 21, 2009')).toBe('20090421200012');
    expect(footerDateToTimestamp('1:02:03 Dec 1, 2015')).toBe('20151201010203');
    expect(footerDateToTimestamp('20050401093000')).toBe('20050401093000');
    expect(footerDateToTimestamp('sometime in 2009')).toBeNull();
  });
});
