/**
 * The ordered list of shared cleanup steps (one file per step in this folder), and the step that
 * applies a layout's clutter selectors. Order matters where noted.
 */
import type { CleanStep, Finding } from './step';
import type { SiteRule } from '../../sites/site';
import { archiveToolbar } from './archive-toolbar';
import { brokenDirectives } from './broken-directives';
import { ads } from './ads';
import { consentBanners } from './consent-banners';
import { shareTools } from './share-tools';
import { emptyHeadings } from './empty-headings';
import { isIndexed, matches, queryAll } from '../query';

/** Run on every page, before the layout's own clutter rules and steps. */
export const SHARED_STEPS: CleanStep[] = [
  // First: a Wayback capture wraps the page, and its toolbar holds share-like links and
  // headings the later steps should not have to reason about.
  archiveToolbar,
  brokenDirectives,
  ads,
  consentBanners,
  shareTools,
];

/**
 * Run after everything else, the layout's own steps included, because they judge what the
 * other steps left behind.
 */
export const TRAILING_STEPS: CleanStep[] = [emptyHeadings];

/**
 * Hides what a layout's clutter selectors match, rule by rule (the order a removal is credited
 * in). On the live page the page is asked once for all the rules together, then each rule picks
 * its own among what was found: a browser walks the page once instead of once per rule
 * (site-clutter was 0.6–1.9 ms of a BBC page load in Chromium, cold; asking rule by rule, even
 * with bare ids and classes alone, was slower there still). A rule that fails to parse only costs
 * itself.
 */
export function siteClutterStep(site: SiteRule): CleanStep {
  const union = site.clutter.map((rule) => rule.selector).join(', ');
  return {
    id: 'site-clutter',
    find({ doc }) {
      let found: Element[] | null = null;
      // An indexed page (extraction) answers each rule from its pools at once; there the one
      // query and a `matches` per element and rule cost more than asking rule by rule.
      if (!isIndexed(doc)) {
        try {
          found = union ? queryAll(doc, union) : [];
        } catch {
          found = null;
        }
      }
      const out: Finding[] = [];
      for (const rule of site.clutter) {
        let nodes: Element[];
        try {
          nodes = found
            ? found.filter((el) => matches(el, rule.selector))
            : queryAll(doc, rule.selector);
        } catch {
          continue;
        }
        for (const node of nodes)
          out.push({ node, kind: rule.kind, rule: rule.id, reason: rule.reason });
      }
      return out;
    },
  };
}
