// @vitest-environment jsdom
/**
 * Script injection through page content, at unit level: every hostile page of
 * tests/fixtures/hostile (payloads from the public XSS families in every place a page can put
 * them) is extracted in a browser-like DOM (jsdom, as the content script sees the page) and in
 * linkedom (as the CLI does), and the Article is rendered by the reader and the popup. Pass:
 * - the Article is schema-valid and every address in it (canonical, images, related) is http(s);
 * - the reader's and popup's DOM has no script-capable element, no `on*` attribute, no `style`
 *   attribute, no SVG or MathML, only http(s) links and images, and every link opens with
 *   `rel="noopener noreferrer"`;
 * - the JSON export round-trips as plain data and its file name stays inside the folder.
 *
 * `npm test` runs each (payload, place) pair once, in one of the three templates in turn;
 * `npm run test:reliability` runs every pair in every template.
 */
import { describe, expect, it } from 'vitest';
import { cleanPage, extractArticle, NoArticleError, type Article } from '../../src/core';
import { parseHtml } from '../../src/node/load';
import { renderArticle } from '../../src/reader/render';
import { renderPopup, type PopupHandlers } from '../../src/popup/render';
import { articleFilename } from '../../src/export/filename';
import {
  benignPage,
  hostilePages,
  TEMPLATE_URLS,
  type HostilePage,
  type Template,
} from '../fixtures/hostile/pages';
import { VECTORS } from '../fixtures/hostile/vectors';
import { parseJsdom, schemaErrors } from '../reliability/helpers';

const FULL = process.env.BROADSHEET_RELIABILITY_FULL === '1';
const PAGES = hostilePages({ all: FULL });
const NOW = new Date('2024-05-01T12:00:00Z');
const FORMAT = { locale: 'en-GB', timeZone: 'UTC' };
const HANDLERS: PopupHandlers = {
  readerView: () => undefined,
  saveJson: () => undefined,
  toggleClean: () => undefined,
  setSiteAutoClean: () => undefined,
  allowSiteAccess: () => undefined,
  retry: () => undefined,
};

/** Elements that can run script, load a document or style the page. */
const ACTIVE =
  'script, iframe, frame, object, embed, applet, style, link, meta, base, form, svg, math, template, noscript';

/** jsdom at the page's own address (DOMParser's documents resolve links against the test's). */
const parseBrowserLike = (html: string, url: string) => parseJsdom(html, 'text/html', url);

/** Extract, or null for a clear "no article"; anything else thrown fails the test. */
function extract(doc: Document, url: string): Article | null {
  try {
    return extractArticle(doc, url, { now: NOW });
  } catch (error) {
    if (error instanceof NoArticleError) return null;
    throw error;
  }
}

const isHttp = (u: string) => {
  try {
    const p = new URL(u).protocol;
    return p === 'http:' || p === 'https:';
  } catch {
    return false;
  }
};

/** Every way the Article could carry a live address, with where it sits. */
function addressesOf(a: Article): [string, string][] {
  return [
    ['url', a.url],
    ['canonicalUrl', a.canonicalUrl],
    ['archive.url', a.archive?.url ?? null],
    ...a.images.map((i, n): [string, string | null] => [`images[${n}].src`, i.src]),
    ...a.body.flatMap((b, n): [string, string | null][] =>
      b.type === 'image' ? [[`body[${n}].src`, b.src]] : [],
    ),
    ...a.related.map((r, n): [string, string | null] => [`related[${n}].url`, r.url]),
  ].filter((e): e is [string, string] => e[1] !== null);
}

function checkArticle(a: Article): void {
  expect(schemaErrors(a)).toBe('');
  for (const [where, u] of addressesOf(a)) expect(isHttp(u), `${where} = ${u}`).toBe(true);
  // The export is data: it survives a JSON round trip unchanged, with nothing but plain values.
  expect(JSON.parse(JSON.stringify(a))).toEqual(a);
  expect(articleFilename(a, NOW)).toMatch(/^\d{4}-\d{2}-\d{2}-[a-z0-9]+(?:-[a-z0-9]+)*\.json$/);
}

/** The DOM an extension page built: nothing in it may run, load or point anywhere but http(s). */
export function unsafeParts(root: Element): string[] {
  const problems: string[] = [];
  const all = [root, ...Array.from(root.querySelectorAll('*'))];
  for (const el of all) {
    const tag = el.tagName.toLowerCase();
    if (el.matches(ACTIVE)) problems.push(`<${tag}> element`);
    if (el.namespaceURI !== 'http://www.w3.org/1999/xhtml')
      problems.push(`${el.namespaceURI} <${tag}>`);
    for (const name of el.getAttributeNames()) {
      const value = el.getAttribute(name) ?? '';
      if (/^on/i.test(name)) problems.push(`<${tag} ${name}>`);
      if (name === 'style' || name === 'srcdoc' || name === 'formaction')
        problems.push(`<${tag} ${name}>`);
      if (
        ['href', 'src', 'srcset', 'action', 'data', 'poster', 'xlink:href', 'background'].includes(
          name,
        ) &&
        !isHttp(value)
      )
        problems.push(`<${tag} ${name}="${value}">`);
    }
    if (tag === 'a') {
      const rel = (el.getAttribute('rel') ?? '').split(/\s+/);
      if (!rel.includes('noopener') || !rel.includes('noreferrer'))
        problems.push(`<a href="${el.getAttribute('href')}"> without rel="noopener noreferrer"`);
    }
  }
  return problems;
}

function renderBoth(article: Article | null, doc: Document, page: HostilePage): Element[] {
  const report = cleanPage(doc, page.url);
  const state = {
    url: page.url,
    layout: report.detection.layout,
    archive: report.detection.archive,
    signals: report.detection.signals,
    cleaned: true,
    autoClean: true,
    removals: report.removals,
    counts: report.counts,
    article,
    error: article ? null : { code: 'no-article' as const, message: page.payload },
  };
  report.undo();
  const popup = renderPopup(
    { kind: 'page', state, siteAutoClean: true, globalAutoClean: true, siteAccess: true },
    HANDLERS,
    FORMAT,
  );
  // The popup shows page errors' messages too (a failed page script): hostile text there.
  const failed = renderPopup({ kind: 'failed', message: page.payload, inPage: true }, HANDLERS);
  const out = [popup, failed];
  if (article) out.push(renderArticle(article, FORMAT));
  for (const el of out) document.body.appendChild(el);
  return out;
}

describe('the hostile page corpus', () => {
  it('has at least 200 pages, from every family, in every template, and every payload placed', () => {
    expect(PAGES.length).toBeGreaterThanOrEqual(200);
    const families = new Set(VECTORS.map((v) => v.family));
    expect(new Set(PAGES.map((p) => p.family))).toEqual(families);
    expect(new Set(PAGES.map((p) => p.template)).size).toBe(3);
    expect(new Set(PAGES.map((p) => p.vector)).size).toBe(VECTORS.length);
    expect(new Set(PAGES.map((p) => p.id)).size).toBe(PAGES.length);
  });

  // The benign page of each template must route every slot into the Article: otherwise a payload
  // in that slot would never meet the code it is meant to attack.
  it.each(['bbc-classic', 'bbc-modern', 'generic'] as Template[])(
    '%s: the benign page is read as that layout, with each slot where a reader expects it',
    (template) => {
      const article = extract(
        parseBrowserLike(benignPage(template), TEMPLATE_URLS[template]),
        TEMPLATE_URLS[template],
      )!;
      expect(article.layout).toBe(template);
      expect(article.title).toBe('Talks end without agreement');
      expect(article.text).toContain('The two sides will meet again next month, officials said.');
      expect(article.images[0]).toMatchObject({ alt: 'Delegates at the table' });
      expect(article.images[0]!.src).toMatch(
        /^https?:\/\/[^/]*bbc|example\.org\/images\/talks\.jpg$/,
      );
      expect(article.images[0]!.caption).toBe('Delegates arrive for the talks');
      // The classic layout names its own address (UKFS_URL), ahead of a canonical link.
      if (template !== 'bbc-classic')
        expect(article.canonicalUrl).toMatch(/\/news\/world-10000000$/);
      if (template !== 'generic') {
        // Related boxes are a BBC layout feature; the generic reader leaves asides out.
        expect(article.related.map((r) => r.title)).toContain('Earlier talks collapse');
        expect(article.related.map((r) => r.url).join(' ')).toMatch(/\/news\/world-10000002/);
      }
      expect(article.authors.map((a) => a.name)).toEqual(['Jane Smith']);
    },
  );
});

describe('the DOM checker', () => {
  it('finds each thing it looks for (so a pass means something)', () => {
    const root = document.createElement('div');
    const img = root.appendChild(document.createElement('img'));
    img.setAttribute('src', 'javascript:alert(1)');
    img.setAttribute('onerror', 'x');
    const a = root.appendChild(document.createElement('a'));
    a.setAttribute('href', 'https://example.com/');
    root.appendChild(document.createElementNS('http://www.w3.org/2000/svg', 'svg'));
    root.appendChild(document.createElement('script'));
    const p = root.appendChild(document.createElement('p'));
    p.setAttribute('style', 'color:red');
    expect(unsafeParts(root)).toEqual([
      '<img src="javascript:alert(1)">',
      '<img onerror>',
      '<a href="https://example.com/"> without rel="noopener noreferrer"',
      '<svg> element',
      'http://www.w3.org/2000/svg <svg>',
      '<script> element',
      '<p style>',
    ]);
  });
});

describe('hostile pages through extraction, the reader and the popup', () => {
  it.each(PAGES.map((p) => [p.id, p] as const))('%s', (_id, page) => {
    // As the content script sees it: a browser-like DOM.
    const doc = parseBrowserLike(page.html, page.url);
    const article = extract(doc, page.url);
    if (article) checkArticle(article);
    const rendered = renderBoth(article, doc, page);
    try {
      for (const el of rendered) expect(unsafeParts(el)).toEqual([]);
    } finally {
      for (const el of rendered) el.remove();
    }
    // As the CLI exports it: linkedom.
    const cli = extract(parseHtml(page.html), page.url);
    if (cli) checkArticle(cli);
  });
});
