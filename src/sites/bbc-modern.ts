/** Layout family `bbc-modern`. (Placeholder: detection and extraction land with its own change.) */
import type { SiteRule } from './site';

export const bbcModern: SiteRule = {
  layout: 'bbc-modern',
  detect: () => null,
  clutter: [],
  articleRoots: () => [],
  extract: () => null,
};
