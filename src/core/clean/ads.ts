/**
 * Advert slots. Each selector below names an ad container and nothing else; every one was
 * checked against the corpus (tests/core/clean-corpus-safety.test.ts proves none of them hides
 * article text on the benchmark and Readability pages).
 */
import type { CleanStep, Finding } from './step';
import { resolveHref } from '../archive';
import { queryAll } from '../query';

/**
 * Ad containers by selector. `seen` lists corpus pages (paths under shared/corpus; a test checks
 * each selector matches there) or, for slots no saved page kept, the real site.
 */
export const AD_SELECTORS: readonly { selector: string; seen: readonly string[] }[] = [
  // --- BBC, every era ---
  {
    // 2010s story-body pages: an empty `<div class="advert">` ahead of #main-content.
    selector: 'div.advert',
    seen: [
      'web-page-parser/bbc_news/11125504.html',
      'web-page-parser/bbc_news/13293006.html',
      'web-page-parser/bbc_news/20230333.stm.html',
    ],
  },
  {
    // bbc.com international edition slots: bbccom_leaderboard, bbccom_mpu, bbccom_sponsor_section,
    // bbccom_outbrain_ar_*, bbccom_wallpaper, bbccom_interstitial, …
    selector: '[id^="bbccom_"]',
    seen: [
      'readability-test-pages/bbc-1/source.html',
      'article-extraction-benchmark/html/70cb2d5bca75ab5a8f6bb378a38a52f882f6bda508de93b12502e74936d86ff2.html.gz',
      'newspaper4k/html/burmese_article.html',
    ],
  },
  {
    selector: '.bbccom_advert, .bbccom_slot, .bbccom_companion_outer',
    seen: [
      'web-page-parser/bbc_news/31014941.html',
      'web-page-parser/bbc_news/32271505.html',
      'article-extraction-benchmark/html/c7e39ac49fa1235f5d50f83bf2444248bd3aa4e6df044377916c812dd109ba23.html.gz',
    ],
  },
  {
    // Wrappers the ad script reveals when an ad is sold; nothing else wears the class.
    selector: 'div.bbccom_display_none',
    seen: ['web-page-parser/bbc_news/32275608.html', 'readability-test-pages/bbc-1/source.html'],
  },
  {
    selector: '.bbccom_advert_placeholder',
    seen: ['web-page-parser/bbc_news/21528631.html'],
  },
  {
    // bbc.com 2020s (React) article pages.
    selector: '[data-component="ad-slot"], .dotcom-ad',
    seen: ['https://www.bbc.com/news/articles/ (2023–2024; not in the corpus)'],
  },
  {
    // DFP slots: `#dfp-ad--top-above-nav`, `#dfp-ad--right`, `#dfp-ad--merchandising`.
    selector: '[id^="dfp-ad"]',
    seen: ['readability-test-pages/guardian-1/source.html'],
  },
  // --- Ad networks anywhere ---
  {
    selector: 'ins.adsbygoogle',
    seen: [
      'readability-test-pages/pixnet/source.html',
      'readability-test-pages/simplyfound-1/source.html',
      'newspaper4k/html/article_with_divs.html',
    ],
  },
  {
    selector: '[id^="google_ads_iframe"]',
    seen: [
      'readability-test-pages/iab-1/source.html',
      'readability-test-pages/nytimes-1/source.html',
    ],
  },
  {
    selector: 'div[id^="div-gpt-ad"]',
    seen: [
      'readability-test-pages/buzzfeed-1/source.html',
      'readability-test-pages/seattletimes-1/source.html',
    ],
  },
  {
    // Taboola "around the web" widgets: #taboola-below-article-thumbnails, .trc_rbox_container.
    selector: '[id^="taboola-"], .trc_related_container, .trc_rbox_container',
    seen: ['readability-test-pages/msn/source.html', 'readability-test-pages/cnet/source.html'],
  },
  {
    // Outbrain widgets.
    selector: '.OUTBRAIN, .ob-widget',
    seen: [
      'readability-test-pages/telegraph/source.html',
      'readability-test-pages/bbc-1/source.html',
    ],
  },
];

/** Hosts that serve only ads; an iframe from one of them is an ad wherever it stands. */
export const AD_IFRAME_HOSTS =
  /(?:^|\.)(?:doubleclick\.net|googlesyndication\.com|googleadservices\.com|adnxs\.com|amazon-adsystem\.com|criteo\.(?:com|net)|taboola\.com|outbrain\.com|rubiconproject\.com|pubmatic\.com|adform\.net|serving-sys\.com|openx\.net|casalemedia\.com|smartadserver\.com)$/i;

const AD_SELECTOR = AD_SELECTORS.map((s) => s.selector).join(', ');

export const ads: CleanStep = {
  id: 'ads',
  find({ doc, url }) {
    const out: Finding[] = [];
    for (const node of Array.from(queryAll(doc, AD_SELECTOR))) {
      out.push({ node, kind: 'ad', rule: 'ads/slot', reason: 'Advertisement slot' });
    }
    for (const frame of Array.from(queryAll(doc, 'iframe[src]'))) {
      // resolveHref maps a Wayback-rewritten src back to the ad server's own address.
      const src = resolveHref(frame.getAttribute('src'), url);
      const host = src ? new URL(src).hostname : '';
      if (host && AD_IFRAME_HOSTS.test(host)) {
        out.push({ node: frame, kind: 'ad', rule: 'ads/iframe', reason: `Advert from ${host}` });
      }
    }
    return out;
  },
};
