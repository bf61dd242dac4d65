/** Layout family `bbc-classic`. (Placeholder: detection and extraction land with its own change.) */
import type { SiteRule } from './site';

export const bbcClassic: SiteRule = {
  layout: 'bbc-classic',
  detect: () => null,
  clutter: [],
  articleRoots: () => [],
  extract: () => null,
};
