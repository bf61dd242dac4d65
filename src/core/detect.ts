/**
 * Layout detection. Structural, so saved and archived pages are recognised from any address,
 * and cheap: the content script runs it on every matched page load.
 */
import type { LayoutDetection } from './types';
import { BBC_SITES } from '../sites';
import { archiveFromDocument } from '../sites/wayback';
import { archiveFromUrl } from './archive';

export function detectLayout(doc: Document, url: string): LayoutDetection {
  const archive = archiveFromUrl(url) ?? archiveFromDocument(doc, url);
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
