/**
 * The ordered registry of layout families. Detection tries them in this order and takes the
 * first that matches; `genericSite` is the fallback and is never tried.
 */
import type { Layout } from '../core/types';
import type { SiteRule } from './site';
import { bbcModern } from './bbc-modern';
import { bbcStoryBody } from './bbc-story-body';
import { bbcClassic } from './bbc-classic';

export const BBC_SITES: readonly SiteRule[] = [
  bbcModern,
  // Must come BEFORE bbc-classic: 2010 news.bbc.co.uk pages (10249066.stm) still carry the
  // classic OriginalPublicationDate meta, but their body is the story-body layout.
  bbcStoryBody,
  bbcClassic,
];

/**
 * Every other page: no clutter rules, steps or article roots of its own. Its article is read by
 * the generic reader (./generic.ts, Readability); the BBC rules' readers are in ./readers.ts.
 */
export const genericSite: SiteRule = {
  layout: 'generic',
  detect: () => [],
  clutter: [],
  articleRoots: () => [],
};

export function siteFor(layout: Layout): SiteRule {
  return BBC_SITES.find((s) => s.layout === layout) ?? genericSite;
}
