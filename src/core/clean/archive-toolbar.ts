/**
 * The Wayback Machine's own furniture in a capture: the toolbar and everything between its
 * insert comments, the donation banner, the replay scripts and styles. In `hide` mode the
 * scripts and styles are only marked (they stay in place, so the replay keeps working and
 * undo is exact); in `remove` mode (a copy of the page, such as the CLI's `clean -o`) they go.
 *
 * Seen on every web.archive.org replay 2010–2024; the structure is reproduced faithfully in
 * tests/fixtures/wayback--bbc-classic-8011268/ (see its SOURCE.md).
 */
import type { CleanStep, Finding } from './step';
import { COMMENT_NODE, ELEMENT_NODE, bodyOf } from '../dom';
import { WAYBACK_MARKERS } from '../../sites/wayback';
import { queryAll } from '../query';

/** Wayback's own elements by id: toolbar wrapper, toolbar, print notice, donation banner. */
export const WAYBACK_ELEMENTS = '#wm-ipp-base, #wm-ipp, #wm-ipp-print, #donato';

/**
 * Script and stylesheet addresses Wayback adds to a capture's `<head>`: the replay bundle,
 * wombat (URL rewriting in the browser), ruffle (Flash), the toolbar styles and fonts, and
 * archive.org's analytics. Matched on the file name so a site's own `/_static/` is not taken.
 */
export const WAYBACK_ASSETS =
  /(?:^|\/)(?:_static|static)\/(?:js|css)\/(?:bundle-playback|wombat|ruffle\/ruffle|banner-styles|iconochive|playback\.bundle|graph-calc|auto-complete|toolbar|analytics|disclaim-element)[\w.-]*\.(?:js|css)(?:[?#]|$)|^(?:https?:)?\/\/(?:web-static\.archive\.org|archive\.org\/includes)\//i;

/** Inline scripts Wayback writes: `__wm.*` calls, wombat init, analytics, the ruffle config. */
export const WAYBACK_INLINE_SCRIPT = /__wm\.|WB_wombat_|archive_analytics|window\.RufflePlayer/;

export const archiveToolbar: CleanStep = {
  id: 'archive-toolbar',
  find({ doc, detection }) {
    const out: Finding[] = [];
    const push = (node: Element, rule: string, reason: string) =>
      out.push({ node, kind: 'archive-toolbar', rule: `archive-toolbar/${rule}`, reason });

    const between = elementsBetweenToolbarComments(doc);
    for (const el of between) push(el, 'insert', 'Wayback Machine toolbar');
    for (const el of Array.from(queryAll(doc, WAYBACK_ELEMENTS))) {
      push(el, 'toolbar', 'Wayback Machine toolbar');
    }
    // Scripts and styles only on a capture: their names alone are not proof.
    if (!detection.archive && !out.length) return out;
    for (const el of Array.from(queryAll(doc, 'script, link[rel~="stylesheet"]'))) {
      const tag = el.tagName.toLowerCase();
      const address = el.getAttribute(tag === 'link' ? 'href' : 'src');
      if (
        address ? WAYBACK_ASSETS.test(address) : WAYBACK_INLINE_SCRIPT.test(el.textContent ?? '')
      ) {
        push(el, 'replay-assets', 'Wayback Machine replay script or style');
      }
    }
    return out;
  },
};

/** Element siblings between `<!-- BEGIN WAYBACK TOOLBAR INSERT -->` and its END comment. */
function elementsBetweenToolbarComments(doc: Document): Element[] {
  const out: Element[] = [];
  const body = bodyOf(doc);
  if (!body) return out;
  // Wayback writes the insert first thing in <body>; look at the first few nodes only.
  let seen = 0;
  for (let n = body.firstChild; n && seen < 40; n = n.nextSibling, seen++) {
    if (n.nodeType !== COMMENT_NODE || !WAYBACK_MARKERS.toolbarBegin.test((n as Comment).data)) {
      continue;
    }
    const inside: Element[] = [];
    for (let m = n.nextSibling; m; m = m.nextSibling) {
      if (m.nodeType === COMMENT_NODE && WAYBACK_MARKERS.toolbarEnd.test((m as Comment).data)) {
        // `inside` is the whole list, not a spread into push: a page can put 200,000
        // elements between the markers.
        return inside;
      }
      if (m.nodeType === ELEMENT_NODE) inside.push(m as Element);
    }
    // No END marker among the siblings: the parser moved things; rely on the ids instead.
    return out;
  }
  return out;
}
