/**
 * The ordered list of shared cleanup steps (one file per step in this folder), and the step that
 * applies a layout's clutter selectors. Order matters where noted.
 */
import type { CleanStep, Finding } from './step';
import type { SiteRule } from '../../sites/site';

export const SHARED_STEPS: CleanStep[] = [];

/** Hides what a layout's clutter selectors match. */
export function siteClutterStep(site: SiteRule): CleanStep {
  return {
    id: 'site-clutter',
    find({ doc }) {
      const out: Finding[] = [];
      for (const rule of site.clutter) {
        let nodes: Element[];
        try {
          nodes = Array.from(doc.querySelectorAll(rule.selector));
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
