/** Every page that is not a BBC layout. (Placeholder until the generic extractor lands.) */
import type { SiteRule } from './site';
import { readBlocks } from '../core/blocks';
import { readMetadata } from '../core/metadata';

export const generic: SiteRule = {
  layout: 'generic',
  detect: () => [],
  clutter: [],
  articleRoots: () => [],
  extract(doc, ctx) {
    const root = doc.querySelector('article') ?? doc.body;
    if (!root) return null;
    const meta = readMetadata(doc, ctx.resolve);
    return {
      ...meta,
      standfirst: meta.description,
      body: readBlocks(root, { resolve: ctx.resolve }),
    };
  },
};
