import type { ExtractContext } from '../sites/site';
import { resolveHref } from './archive';
import type { LayoutDetection } from './types';
import { queryOne } from './query';

/** The extraction context for a page loaded from `pageUrl`, possibly a Wayback capture. */
export function makeContext(
  pageUrl: string,
  detection: LayoutDetection,
  doc?: Document,
): ExtractContext {
  const url = detection.archive?.originalUrl ?? pageUrl;
  // A <base href> on the page wins over the page's address for relative links.
  const baseHref = (doc ? queryOne(doc, 'base[href]') : null)?.getAttribute('href');
  const base = (baseHref && resolveHref(baseHref, url)) || url;
  return {
    url,
    pageUrl,
    resolve: (href) => resolveHref(href, base),
  };
}
