/**
 * Wayback Machine captures recognised from the document itself, so a capture saved to disk
 * (`file:`), mirrored, or served through a proxy is still known for what it is. A capture's
 * address is read by `archiveFromUrl` first; this reads what the Wayback Machine writes into
 * every page it replays.
 *
 * What Wayback injects (seen on web.archive.org replays 2009–2024, reproduced in
 * tests/fixtures/wayback--bbc-classic-8011268/):
 * - in `<head>`: `/_static/js/bundle-playback.js`, `wombat.js`, `__wm.init("…/web")` and
 *   `__wm.wombat("<original>","<timestamp>",…)`, `banner-styles.css`, then the comment
 *   `<!-- End Wayback Rewrite JS Include -->`;
 * - first in `<body>`: `<!-- BEGIN WAYBACK TOOLBAR INSERT -->`, the toolbar `#wm-ipp-base` >
 *   `#wm-ipp` (its search form holds the original address and the capture date), a script
 *   calling `__wm.bt(…,"web","<original>","<timestamp>",…)`, `<!-- END WAYBACK TOOLBAR INSERT -->`;
 * - after `</html>`: `<!-- FILE ARCHIVED ON 19:50:44 Apr 21, 2009 AND RETRIEVED FROM THE
 *   INTERNET ARCHIVE ON … -->` and a `playback timings` comment.
 */
import type { ArchiveInfo } from '../core/types';
import { parseWaybackUrl, waybackTimestampToIso } from '../core/archive';
import { COMMENT_NODE, bodyOf, headOf } from '../core/dom';
import { closest, queryAll, queryOne } from '../core/query';

/** Markers of a capture, each with where it is written. */
export const WAYBACK_MARKERS = {
  /** The toolbar wrapper (2016–2024) and the toolbar itself (2010–2024). */
  toolbar: '#wm-ipp-base, #wm-ipp',
  /** Comments around the toolbar; the first also names the rewrite include in `<head>`. */
  toolbarBegin: /^\s*BEGIN WAYBACK TOOLBAR INSERT\s*$/,
  toolbarEnd: /^\s*END WAYBACK TOOLBAR INSERT\s*$/,
  rewriteInclude: /^\s*End Wayback Rewrite JS Include\s*$/,
  /** The copyright footer after `</html>`; its date is the capture time. */
  archivedOn: /FILE ARCHIVED ON\s+(.+?)\s+AND RETRIEVED FROM THE\s+INTERNET ARCHIVE/,
  /** `__wm.wombat("<original>","<timestamp>",…)`, the replay script in `<head>` (2017–2024). */
  wombat: /__wm\.wombat\(\s*"([^"]+)"\s*,\s*"(\d{4,14})"/,
  /** `__wm.bt(…,"web","<original>","<timestamp>",…)`, the toolbar script (2017–2024). */
  toolbarScript: /__wm\.bt\([^"]*"web"\s*,\s*"([^"]+)"\s*,\s*"(\d{4,14})"/,
  /** `__wm.init("https://web.archive.org/web")` names the archive but not the page. */
  init: /__wm\.init\(\s*"([^"]+)"/,
} as const;

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * The footer's date, `19:50:44 Apr 21, 2009` (2010s–2024) or a bare `20090421195044` (older
 * captures), as a Wayback timestamp.
 */
export function footerDateToTimestamp(text: string): string | null {
  const bare = /^(\d{14})$/.exec(text.trim());
  if (bare) return bare[1]!;
  const m = /^(\d{1,2}):(\d{2}):(\d{2})\s+([A-Za-z]{3})\s+(\d{1,2}),\s*(\d{4})$/.exec(text.trim());
  if (!m) return null;
  const month = MONTHS.indexOf(m[4]!.toLowerCase()) + 1;
  if (!month) return null;
  const two = (n: string | number) => String(n).padStart(2, '0');
  return `${m[6]}${two(month)}${two(m[5]!)}${two(m[1]!)}${m[2]}${m[3]}`;
}

interface Found {
  originalUrl: string | null;
  timestamp: string | null;
}

/**
 * Archive facts for a document that is a Wayback capture, whatever address it was loaded from;
 * null for any other page. Cheap: it reads the toolbar, the scripts in `<head>` and the
 * comments at the document's edges, never the whole page.
 */
export function archiveFromDocument(doc: Document, url: string): ArchiveInfo | null {
  const found: Found = { originalUrl: null, timestamp: null };
  let recognised = false;

  const toolbar = queryOne(doc, WAYBACK_MARKERS.toolbar);
  if (toolbar) {
    recognised = true;
    readToolbarForm(toolbar, found);
  }

  for (const script of waybackScripts(doc, toolbar)) {
    const text = script.textContent ?? '';
    const m = WAYBACK_MARKERS.wombat.exec(text) ?? WAYBACK_MARKERS.toolbarScript.exec(text);
    if (m) {
      recognised = true;
      found.originalUrl ??= m[1]!;
      found.timestamp ??= m[2]!;
    } else if (WAYBACK_MARKERS.init.test(text)) {
      recognised = true;
    }
  }

  for (const comment of edgeComments(doc)) {
    const data = comment.data;
    if (WAYBACK_MARKERS.toolbarBegin.test(data) || WAYBACK_MARKERS.rewriteInclude.test(data)) {
      recognised = true;
      continue;
    }
    const archived = WAYBACK_MARKERS.archivedOn.exec(data);
    if (archived) {
      recognised = true;
      found.timestamp ??= footerDateToTimestamp(archived[1]!);
    }
  }

  if (!recognised) return null;
  // Without the replay scripts and the toolbar (a page saved "HTML only" after they were
  // stripped) the canonical link still carries the original address, rewritten by Wayback.
  found.originalUrl ??= rewrittenCanonical(doc);

  const fromUrl = parseWaybackUrl(url);
  const originalUrl = normaliseOriginal(found.originalUrl) ?? fromUrl?.originalUrl ?? url;
  const timestamp = found.timestamp ?? fromUrl?.timestamp ?? null;
  return {
    service: 'wayback',
    url: fromUrl
      ? url
      : timestamp
        ? `https://web.archive.org/web/${timestamp}/${originalUrl}`
        : `https://web.archive.org/web/*/${originalUrl}`,
    originalUrl,
    capturedAt: timestamp ? waybackTimestampToIso(timestamp) : null,
  };
}

/** The toolbar's search form: `#wmtbURL` holds the original, `input[name=date]` the timestamp. */
function readToolbarForm(toolbar: Element, found: Found): void {
  const original = queryOne(toolbar, '#wmtbURL')?.getAttribute('value');
  if (original) found.originalUrl ??= original;
  const date = queryOne(toolbar, 'input[name="date"]')?.getAttribute('value');
  if (date && /^\d{4,14}$/.test(date)) found.timestamp ??= date;
}

/** Inline scripts where Wayback writes: `<head>`, and beside the toolbar when there is one. */
function waybackScripts(doc: Document, toolbar: Element | null): Element[] {
  const head = headOf(doc);
  const scripts = head ? queryAll(head, 'script:not([src])') : [];
  if (toolbar) {
    for (
      let sib = (closest(toolbar, '#wm-ipp-base') ?? toolbar).nextElementSibling;
      sib && sib.tagName.toLowerCase() === 'script';
      sib = sib.nextElementSibling
    ) {
      scripts.push(sib);
    }
  }
  return scripts.filter((s) => (s.textContent ?? '').includes('__wm.'));
}

/** How many nodes at each edge of the document to look at for Wayback's comments. */
const EDGE_NODES = 12;

/**
 * Comments at the edges: children of the document (after `</html>`, where browsers and
 * linkedom put the footer), of `<html>`, and the first and last nodes of `<head>` and `<body>`.
 */
function edgeComments(doc: Document): Comment[] {
  const out: Comment[] = [];
  const parents: (Node | null)[] = [doc, doc.documentElement, headOf(doc), bodyOf(doc)];
  for (const parent of parents) {
    if (!parent) continue;
    const kids = parent.childNodes;
    const n = kids.length;
    for (let i = 0; i < n; i++) {
      if (i >= EDGE_NODES && i < n - EDGE_NODES) {
        i = n - EDGE_NODES - 1;
        continue;
      }
      const node = kids[i]!;
      if (node.nodeType === COMMENT_NODE) out.push(node as Comment);
    }
  }
  return out;
}

function rewrittenCanonical(doc: Document): string | null {
  for (const el of queryAll(doc, 'link[rel="canonical"][href]')) {
    let abs: string;
    try {
      abs = new URL(el.getAttribute('href')!, 'https://web.archive.org/').href;
    } catch {
      continue;
    }
    const parsed = parseWaybackUrl(abs);
    if (parsed) return parsed.originalUrl;
  }
  return null;
}

/** An original address as Wayback writes it (`http://x/…`, sometimes without the scheme). */
function normaliseOriginal(original: string | null): string | null {
  if (!original) return null;
  const parsed = parseWaybackUrl(`https://web.archive.org/web/0/${original}`);
  if (!parsed) return null;
  try {
    return new URL(parsed.originalUrl).href;
  } catch {
    return null;
  }
}
