/** Layout family `bbc-story-body`. (Placeholder: detection and extraction land with its own change.) */
import type { SiteRule } from './site';

export const bbcStoryBody: SiteRule = {
  layout: 'bbc-story-body',
  detect: () => null,
  clutter: [],
  articleRoots: () => [],
  extract: () => null,
};
