/**
 * Cookie-consent dialogs of the consent platforms most news sites use. Only the platforms' own
 * root ids and classes are listed: they wrap the dialog and nothing of the page. Newsletter and
 * subscription promos differ per site and are left to the site rules.
 */
import type { CleanStep, Finding } from './step';
import { queryAll } from '../query';

/**
 * Consent-platform roots. Each is the root the platform's script inserts after load on every
 * site that uses it, so saved pages (the corpus) rarely keep one: live pages are where these fire.
 */
export const CONSENT_SELECTORS: readonly string[] = [
  // OneTrust root; named in the scripts of newspaper4k/html/cnn_001.html (inserted at load)
  '#onetrust-consent-sdk, #onetrust-banner-sdk',
  // Cookiebot dialog root (not in the corpus)
  '#CybotCookiebotDialog',
  // Didomi notice root (not in the corpus)
  '#didomi-host',
  // Quantcast Choice root (not in the corpus)
  '.qc-cmp2-container',
  // Google Funding Choices root (not in the corpus)
  '.fc-consent-root',
  // Sourcepoint message root (not in the corpus)
  '[id^="sp_message_container_"]',
  // TrustArc banner root (not in the corpus)
  '#truste-consent-track',
  // BBC's own cookie prompt ("Cookies on the BBC website"), 2011–2020, on every era's
  // pages served after 2011, classic ones included.
  // Inserted at load from a script template in web-page-parser/bbc_news/8040164.stm.html,
  // 31014941.html and readability-test-pages/bbc-1.
  '#bbccookies, #bbccookies-prompt',
];

const CONSENT_SELECTOR = CONSENT_SELECTORS.join(', ');

export const consentBanners: CleanStep = {
  id: 'consent-banners',
  find({ doc }) {
    const out: Finding[] = [];
    for (const node of Array.from(queryAll(doc, CONSENT_SELECTOR))) {
      out.push({
        node,
        kind: 'promo',
        rule: 'consent-banners/platform',
        reason: 'Cookie consent dialog',
      });
    }
    return out;
  },
};
