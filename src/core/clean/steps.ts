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
import { queryAll } from '../query';

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

/** Hides what a layout's clutter selectors match. */
export function siteClutterStep(site: SiteRule): CleanStep {
  return {
    id: 'site-clutter',
    find({ doc }) {
      const out: Finding[] = [];
      for (const rule of site.clutter) {
        let nodes: Element[];
        try {
          nodes = Array.from(queryAll(doc, rule.selector));
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
