/**
 * Content script at document_start, on BBC News addresses only (manifest matches). Nothing of the
 * page exists yet, so the layout cannot be detected: it hides the known clutter of every BBC
 * layout by CSS before the first paint, and the DOM-ready script (index.ts) takes the stylesheet
 * out again once cleanup has hidden what it should, or when the page is no BBC layout.
 */
import { parseWaybackUrl } from '../core/archive';
import { isBbcNewsAddress } from './bbc-address';
import { injectEarlyStyle } from './early-style';

try {
  // The manifest's Wayback patterns are looser than a capture's original address: check it.
  if (isBbcNewsAddress(location.href)) {
    const capture = parseWaybackUrl(location.href) !== null;
    injectEarlyStyle(
      document,
      capture
        ? `${__BROADSHEET_CLUTTER_CSS__}\n${__BROADSHEET_WAYBACK_CSS__}`
        : __BROADSHEET_CLUTTER_CSS__,
    );
  }
} catch {
  // Never throw into the page.
}
