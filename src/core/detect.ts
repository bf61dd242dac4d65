/**
 * Layout detection. Structural, so saved and archived pages are recognised from any address,
 * and cheap: the content script runs it on every matched page load.
 */
import type { LayoutDetection } from './types';
import { BBC_SITES } from '../sites';
import { archiveFromDocument } from '../sites/wayback';
import { archiveFromUrl } from './archive';

/**
 * Hosts that serve only their own pages: a page loaded from one is never an archive's capture,
 * so its markup is not searched for one (Wayback's scripts and comments, about 1 ms of every
 * BBC page load in Chromium). Saved copies and mirrors come from other addresses.
 */
const SERVES_OWN_PAGES = /^(?:[\w-]+\.)*bbc\.(?:co\.uk|com)$/i;

function servedByItsSite(url: string): boolean {
  try {
    const u = new URL(url);
    return (u.protocol === 'http:' || u.protocol === 'https:') && SERVES_OWN_PAGES.test(u.hostname);
  } catch {
    return false;
  }
}

export function detectLayout(doc: Document, url: string): LayoutDetection {
  const archive =
    archiveFromUrl(url) ?? (servedByItsSite(url) ? null : archiveFromDocument(doc, url));
  const original = archive?.originalUrl ?? url;
  let parsed: URL | null = null;
  try {
    parsed = new URL(original);
  } catch {
    parsed = null;
  }
  for (const site of BBC_SITES) {
    const signals = site.detect(doc, parsed);
    if (signals) {
      return {
        layout: site.layout,
        archive,
        signals: archive ? ['wayback-capture', ...signals] : signals,
      };
    }
  }
  return { layout: 'generic', archive, signals: archive ? ['wayback-capture'] : [] };
}
