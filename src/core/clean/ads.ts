/**
 * Advert slots. Each selector below names an ad container and nothing else; every one was
 * checked against the corpus (tests/core/clean-corpus-safety.test.ts proves none of them hides
 * article text on the benchmark and Readability pages).
 */
import type { CleanStep, Finding } from './step';
import { resolveHref } from '../archive';
import { queryAll } from '../query';

/**
 * Ad containers by selector. The corpus pages each one matches are cited, and checked, in
 * tests/core/clean-steps.test.ts; the content script carries the selectors alone.
 */
export const AD_SELECTORS: readonly string[] = [
  // --- BBC, every era ---
  // 2010s story-body pages: an empty `<div class="advert">` ahead of #main-content.
  'div.advert',
  // bbc.com international edition slots: bbccom_leaderboard, bbccom_mpu, bbccom_sponsor_section,
  // bbccom_outbrain_ar_*, bbccom_wallpaper, bbccom_interstitial, …
  '[id^="bbccom_"]',
  '.bbccom_advert, .bbccom_slot, .bbccom_companion_outer',
  // Wrappers the ad script reveals when an ad is sold; nothing else wears the class.
  'div.bbccom_display_none',
  '.bbccom_advert_placeholder',
  // bbc.com 2020s (React) article pages.
  // Seen: https://www.bbc.com/news/articles/ (2023–2024; not in the corpus)
  '[data-component="ad-slot"], .dotcom-ad',
  // DFP slots: `#dfp-ad--top-above-nav`, `#dfp-ad--right`, `#dfp-ad--merchandising`.
  '[id^="dfp-ad"]',
  // --- Ad networks anywhere ---
  'ins.adsbygoogle',
  '[id^="google_ads_iframe"]',
  'div[id^="div-gpt-ad"]',
  // Taboola "around the web" widgets: #taboola-below-article-thumbnails, .trc_rbox_container.
  '[id^="taboola-"], .trc_related_container, .trc_rbox_container',
  // Outbrain widgets.
  '.OUTBRAIN, .ob-widget',
];

/** Hosts that serve only ads; an iframe from one of them is an ad wherever it stands. */
export const AD_IFRAME_HOSTS =
  /(?:^|\.)(?:doubleclick\.net|googlesyndication\.com|googleadservices\.com|adnxs\.com|amazon-adsystem\.com|criteo\.(?:com|net)|taboola\.com|outbrain\.com|rubiconproject\.com|pubmatic\.com|adform\.net|serving-sys\.com|openx\.net|casalemedia\.com|smartadserver\.com)$/i;

const AD_SELECTOR = AD_SELECTORS.join(', ');

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
