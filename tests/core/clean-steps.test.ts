/** The shared cleanup steps on small pages written to show each case, and on corpus pages. */
import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../src/node/load';
import { cleanPage, HIDDEN_ATTR } from '../../src/core';
import { AD_SELECTORS } from '../../src/core/clean/ads';
import { corpusAvailable, loadCorpusPage } from '../helpers/corpus';
import { readerText, serialize } from './clean-helpers';

const URL_ = 'https://example.com/story';
const page = (body: string) =>
  parseHtml(`<!doctype html><html><head><title>t</title></head><body>${body}</body></html>`);
const seen = (doc: Document) => readerText(doc.body);

describe('broken directives', () => {
  it('cuts every SSI error message and keeps the text around it', () => {
    const doc = page(
      `[an error occurred while processing this directive]
      <table><tr><td>[an error occurred while processing this directive]</td><td>Last Updated: Tuesday, 15 May 2007</td></tr></table>
      <p>Russia and the United States [an error occurred while processing this directive] have defined their differences.</p>`,
    );
    const html = serialize(doc);
    const report = cleanPage(doc, URL_);
    expect(seen(doc)).toBe(
      'Last Updated: Tuesday, 15 May 2007 Russia and the United States have defined their differences.',
    );
    expect(report.counts.directive).toBe(3);
    expect(report.removals[0]).toMatchObject({
      kind: 'directive',
      rule: 'broken-directives/text',
      text: '[an error occurred while processing this directive]',
    });
    report.undo();
    expect(serialize(doc)).toBe(html);
  });

  it('cuts SSI and ESI tags escaped into the text, and empty ESI elements', () => {
    const doc = page(
      `<p>Before &lt;!--#include virtual="/includes/nav.sssi" --&gt; after</p>
       <p>&lt;!--#echo var="DATE_LOCAL" --&gt;Today</p>
       <div>&lt;esi:include src="/fragments/promo"/&gt;Kept</div>
       <div id="e"><esi:include src="/x"></esi:include></div>`,
    );
    const report = cleanPage(doc, URL_);
    expect(seen(doc)).toBe('Before after Today Kept');
    expect(doc.querySelector('#e')!.firstElementChild!.hasAttribute(HIDDEN_ATTR)).toBe(true);
    // linkedom splits text at `&lt;`, so an escaped directive may be cut from several nodes
    // (one record each); browsers keep one text node.
    expect(report.removals.every((r) => r.kind === 'directive')).toBe(true);
    expect(report.removals.map((r) => r.text).join('')).toContain('#include virtual=');
  });

  it('leaves an ESI element that swallowed the text after it (HTML has no self-closing tags)', () => {
    const doc = page('<p>Start <esi:include src="/x"/> the story goes on.</p>');
    cleanPage(doc, URL_);
    expect(seen(doc)).toBe('Start the story goes on.');
  });

  it('leaves real comments and scripts alone', () => {
    const doc = page(
      `<!--#include virtual="/x" --><!--esi <esi:include src="/y"/> -->
       <script>var e = "[an error occurred while processing this directive]";</script><p>Text</p>`,
    );
    const html = serialize(doc);
    const report = cleanPage(doc, URL_);
    expect(report.removals).toEqual([]);
    expect(serialize(doc)).toBe(html);
  });
});

describe('share tools', () => {
  it('hides a bar of share links with its labels', () => {
    const doc = page(
      `<p>Story text.</p><div class="tools"><h3>Bookmark with:</h3><ul>
       <li><a href="http://del.icio.us/post?url=x">Delicious</a></li>
       <li><a href="http://digg.com/submit?url=x">Digg</a></li>
       <li><a href="http://www.facebook.com/sharer.php?u=x">Facebook</a></li></ul>
       <p class="what"><a href="/help">What are these?</a></p></div>`,
    );
    const report = cleanPage(doc, URL_);
    expect(seen(doc)).toBe('Story text.');
    expect(report.removals.map((r) => r.rule)).toEqual(['share-tools/links']);
  });

  it('keeps a byline beside the buttons, and a single share link in a sentence', () => {
    const doc = page(
      `<div class="meta"><span>By James Rodgers</span>
        <a href="https://twitter.com/intent/tweet?url=x">Tweet</a>
        <a href="https://www.facebook.com/sharer/sharer.php?u=x">Share</a></div>
       <p>Readers can <a href="https://twitter.com/intent/tweet?text=y">tweet the minister</a> directly.</p>`,
    );
    cleanPage(doc, URL_);
    // The links sit beside the byline with no box of their own: nothing is hidden.
    expect(seen(doc)).toBe('By James Rodgers Tweet Share Readers can tweet the minister directly.');
  });
});

describe('empty headings', () => {
  it('hides a heading once everything under it was hidden, in both modes', () => {
    for (const mode of ['hide', 'remove'] as const) {
      const doc = page(
        `<h1>Title</h1><p>Story text.</p>
         <h2>Advertisement</h2><div class="advert"></div><ins class="adsbygoogle"></ins>
         <h2>More</h2><p>More text.</p>`,
      );
      const report = cleanPage(doc, URL_, { mode });
      expect(seen(doc)).toBe('Title Story text. More More text.');
      expect(report.removals.map((r) => r.rule)).toContain('empty-headings/orphan');
    }
  });

  it('looks past a wrapper that holds only the heading', () => {
    const doc = page(
      '<p>Story.</p><div class="hd"><h3>Around the web</h3></div><div class="OUTBRAIN">x</div>',
    );
    cleanPage(doc, URL_);
    expect(seen(doc)).toBe('Story.');
  });

  it('judges a section by its text after the directive cuts, as a reader will see it', () => {
    // Steps only plan, and cuts are made after all have run: the section's only text is a
    // broken directive, cut by an earlier step, so the heading stands over nothing left.
    const doc = page(
      `<p>Story.</p><h2>Advertisement</h2><div class="advert">ad</div>
       [an error occurred while processing this directive]<p>[an error occurred while processing this directive]</p>`,
    );
    const report = cleanPage(doc, URL_);
    expect(seen(doc)).toBe('Story.');
    expect(report.removals.map((r) => r.rule)).toContain('empty-headings/orphan');
  });

  it('hides a heading over what an earlier clean hid (a page saved after cleaning)', () => {
    // The wrapper is deep enough that nothing this clean takes lies above it: only the marks of
    // the earlier clean say the section is empty.
    const doc = page(
      `<p>Story.</p><main><section><div class="x"><div class="hd"><h2>Sponsored</h2></div>
       <div style="display:none !important" ${HIDDEN_ATTR}="ad">Buy now</div></div></section></main>`,
    );
    const report = cleanPage(doc, URL_);
    expect(seen(doc)).toBe('Story.');
    expect(report.removals.map((r) => r.rule)).toEqual(['empty-headings/orphan']);
  });

  it('keeps headings over content the page itself hides, over nothing, or over anything visible', () => {
    const doc = page(
      `<h2>Tabs</h2><div style="display:none">Panel</div>
       <header><h2>Standfirst heading</h2></header>
       <h2>Ads and text</h2><div class="advert"></div><p>Still here.</p>`,
    );
    cleanPage(doc, URL_);
    expect(seen(doc)).toBe('Tabs Standfirst heading Ads and text Still here.');
  });
});

describe('ads and consent banners', () => {
  it('hides ad slots and ad iframes, also when Wayback rewrote the iframe address', () => {
    const doc = page(
      `<p>Story.</p><div id="bbccom_leaderboard">Advertisement</div>
       <iframe src="/web/20150101000000if_/https://tpc.googlesyndication.com/safeframe/1"></iframe>
       <iframe src="https://www.youtube.com/embed/x"></iframe>`,
    );
    const report = cleanPage(doc, URL_);
    expect(seen(doc)).toBe('Story.');
    expect(report.removals.map((r) => r.rule)).toEqual(['ads/slot', 'ads/iframe']);
  });
});

describe('one removal for each thing hidden', () => {
  it('a later step taking an element takes what earlier steps found inside it along', () => {
    const doc = page(
      `<p>Story.</p>
       <div id="onetrust-banner-sdk">We use cookies <div class="advert">Advertisement</div></div>
       <div class="advert">[an error occurred while processing this directive] Buy now</div>`,
    );
    const html = serialize(doc);
    const report = cleanPage(doc, URL_);
    expect(seen(doc)).toBe('Story.');
    // The directive step cut the text and the ads step took the inner advert first; the advert
    // and the banner around them are what the reader is told about, once each.
    expect(report.removals.map((r) => r.rule)).toEqual(['ads/slot', 'consent-banners/platform']);
    expect(report.counts).toMatchObject({ directive: 0, ad: 1 });
    expect(doc.querySelectorAll(`[${HIDDEN_ATTR}]`)).toHaveLength(2);
    expect(doc.body.textContent).toContain('[an error occurred while processing this directive]');
    report.undo();
    expect(serialize(doc)).toBe(html);
  });
});

/**
 * The corpus pages each ad selector (src/core/clean/ads.ts) was found on; every selector is
 * here, and each must match on every page it cites. An empty list: seen only on the live site.
 */
const AD_EVIDENCE: Record<string, string[]> = {
  'div.advert': [
    'web-page-parser/bbc_news/11125504.html',
    'web-page-parser/bbc_news/13293006.html',
    'web-page-parser/bbc_news/20230333.stm.html',
  ],
  '[id^="bbccom_"]': [
    'readability-test-pages/bbc-1/source.html',
    'article-extraction-benchmark/html/70cb2d5bca75ab5a8f6bb378a38a52f882f6bda508de93b12502e74936d86ff2.html.gz',
    'newspaper4k/html/burmese_article.html',
  ],
  '.bbccom_advert, .bbccom_slot, .bbccom_companion_outer': [
    'web-page-parser/bbc_news/31014941.html',
    'web-page-parser/bbc_news/32271505.html',
    'article-extraction-benchmark/html/c7e39ac49fa1235f5d50f83bf2444248bd3aa4e6df044377916c812dd109ba23.html.gz',
  ],
  'div.bbccom_display_none': [
    'web-page-parser/bbc_news/32275608.html',
    'readability-test-pages/bbc-1/source.html',
  ],
  '.bbccom_advert_placeholder': ['web-page-parser/bbc_news/21528631.html'],
  '[data-component="ad-slot"], .dotcom-ad': [],
  '[id^="dfp-ad"]': ['readability-test-pages/guardian-1/source.html'],
  'ins.adsbygoogle': [
    'readability-test-pages/pixnet/source.html',
    'readability-test-pages/simplyfound-1/source.html',
    'newspaper4k/html/article_with_divs.html',
  ],
  '[id^="google_ads_iframe"]': [
    'readability-test-pages/iab-1/source.html',
    'readability-test-pages/nytimes-1/source.html',
  ],
  'div[id^="div-gpt-ad"]': [
    'readability-test-pages/buzzfeed-1/source.html',
    'readability-test-pages/seattletimes-1/source.html',
  ],
  '[id^="taboola-"], .trc_related_container, .trc_rbox_container': [
    'readability-test-pages/msn/source.html',
    'readability-test-pages/cnet/source.html',
  ],
  '.OUTBRAIN, .ob-widget': [
    'readability-test-pages/telegraph/source.html',
    'readability-test-pages/bbc-1/source.html',
  ],
};

describe('ad selector evidence', () => {
  it('cites the pages of every ad selector, and of nothing else', () => {
    expect(Object.keys(AD_EVIDENCE)).toEqual([...AD_SELECTORS]);
  });
});

describe.skipIf(!corpusAvailable)('selectors against the pages they cite', () => {
  const cited = Object.entries(AD_EVIDENCE).flatMap(([selector, pages]) =>
    pages.map((p) => [selector, p]),
  );

  it.each(cited)('%s matches on %s', (selector, path) => {
    const doc = loadCorpusPage(...path.split('/'));
    expect(doc.querySelectorAll(selector).length).toBeGreaterThan(0);
  });

  it('hides the classic BBC "Bookmark with" bar and keeps the story', () => {
    const doc = loadCorpusPage('web-page-parser/bbc_news/8011268.stm.html');
    cleanPage(doc, 'http://news.bbc.co.uk/1/hi/world/middle_east/8011268.stm');
    expect(doc.getElementById('socialBookMarks')!.getAttribute(HIDDEN_ATTR)).toBe('other');
    expect(seen(doc)).toContain(
      'US officials say the leaders of Israel, Egypt and the Palestinians',
    );
  });

  it('hides every bbc.com advert slot of the 2015 story page', () => {
    const doc = loadCorpusPage('readability-test-pages/bbc-1/source.html');
    expect(seen(doc)).toContain('Advertisement');
    const report = cleanPage(doc, 'https://www.bbc.com/news/world-us-canada-33646361');
    expect(report.counts.ad).toBeGreaterThan(10);
    expect(seen(doc)).not.toContain('Advertisement');
  });
});
