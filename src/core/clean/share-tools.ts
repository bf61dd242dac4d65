/**
 * "Share this" and "Bookmark with" link bars. Found by what their links do (post the page to a
 * social site), not by class names, which differ on every site. The box hidden is the largest
 * ancestor of the share links whose other text is only share labels, so a byline or a caption
 * beside the buttons keeps the box out of reach.
 *
 * Seen on: web-page-parser/bbc_news/8011268.stm.html (classic BBC `#socialBookMarks`:
 * Delicious, Digg, reddit, Facebook, StumbleUpon, "What are these?").
 */
import type { CleanStep, Finding } from './step';
import { ELEMENT_NODE, TEXT_NODE, bodyOf, walk } from '../dom';
import { queryAll } from '../query';

/** Link targets that post the current page somewhere; each with the service it belongs to. */
export const SHARE_LINKS: readonly RegExp[] = [
  /^https?:\/\/(?:www\.)?facebook\.com\/(?:sharer|share\.php|dialog\/(?:share|feed))/i,
  /^https?:\/\/(?:www\.)?(?:twitter|x)\.com\/(?:intent\/tweet|share|home\?status=)/i,
  /^https?:\/\/(?:www\.)?linkedin\.com\/(?:shareArticle|sharing\/share-offsite|cws\/share)/i,
  /^https?:\/\/(?:www\.|old\.)?reddit\.com\/submit/i,
  /^https?:\/\/(?:www\.)?digg\.com\/submit/i,
  /^https?:\/\/(?:www\.)?del\.icio\.us\/post/i,
  /^https?:\/\/(?:www\.)?delicious\.com\/(?:save|post)/i,
  /^https?:\/\/(?:www\.)?stumbleupon\.com\/submit/i,
  /^https?:\/\/(?:www\.)?pinterest\.[a-z.]+\/pin\/create/i,
  /^https?:\/\/(?:api\.|www\.)?whatsapp\.com\/send/i,
  /^whatsapp:\/\/send/i,
  /^https?:\/\/(?:t\.me|telegram\.me)\/share/i,
  /^https?:\/\/(?:www\.)?tumblr\.com\/(?:share|widgets\/share)/i,
  /^https?:\/\/(?:plus\.google\.com\/share|www\.google\.com\/bookmarks\/mark)/i,
  /^https?:\/\/(?:www\.)?addtoany\.com\/(?:share|add_to)/i,
  /^https?:\/\/(?:www\.)?addthis\.com\/bookmark/i,
  /^mailto:\?(?:.*&)?(?:subject|body)=/i,
];

/**
 * Words a share bar may carry besides its links ("Bookmark with:", "What are these?",
 * "Share this article", counts). Anything else beside the links is content.
 */
const SHARE_LABEL =
  /\b(?:share|shares|sharing|shared|this|article|story|page|post|bookmark|bookmarks|with|on|via|what|are|these|email|e-mail|print|tweet|copy|link|send|to|a|friend|\d+[kKmM]?)\b|[^\p{L}\p{N}]+/giu;

const CONTENT_TAGS = new Set(['img', 'picture', 'figure', 'video', 'audio', 'table', 'iframe']);

/** A bar needs at least this many share links: one alone may be a sentence's link. */
const MIN_SHARE_LINKS = 2;

/**
 * Nodes a share bar shows besides its links, at most: its own furniture is small (the largest in
 * the corpus is 59 nodes, text nodes counted). Each box on a link's way up is judged by a walk of
 * all below it, so without a bound a chain of boxes nested in one another was judged in time
 * growing with its square (16,000 levels: 26 s to clean a classic BBC story in linkedom).
 */
const MAX_BAR_NODES = 400;

/**
 * SHARE_LINKS as one pattern: every link of the page is tested, and seventeen patterns per link
 * (each compiled on first use) were 3–9 ms of a cold cleanup in Chromium on
 * web-page-parser/bbc_news 8011268.stm.html and 21528631.html.
 */
const ANY_SHARE_LINK = new RegExp(SHARE_LINKS.map((re) => `(?:${re.source})`).join('|'), 'i');

export function isShareHref(href: string | null): boolean {
  if (!href) return false;
  return ANY_SHARE_LINK.test(href.trim());
}

export const shareTools: CleanStep = {
  id: 'share-tools',
  find({ doc }) {
    const anchors = queryAll(doc, 'a[href]').filter((a) => isShareHref(a.getAttribute('href')));
    if (anchors.length < MIN_SHARE_LINKS) return [];
    const shareSet = new Set<Element>(anchors);
    const boxes = new Set<Element>();
    const body = bodyOf(doc);
    // The links of one bar share their ancestors: each is judged once, not once per link.
    const shareOnly = new Map<Element, boolean>();
    for (const a of anchors) {
      let best: Element | null = null;
      for (let el = a.parentElement; el && el !== body; el = el.parentElement) {
        let only = shareOnly.get(el);
        if (only === undefined) shareOnly.set(el, (only = isShareOnly(el, shareSet)));
        if (!only) break;
        best = el;
      }
      if (best && countShareLinks(best, shareSet) >= MIN_SHARE_LINKS) boxes.add(best);
    }
    const out: Finding[] = [];
    for (const node of boxes) {
      // The outermost box wins; boxes inside it are hidden with it.
      let inner = false;
      for (let p = node.parentElement; p; p = p.parentElement) if (boxes.has(p)) inner = true;
      if (!inner) {
        out.push({ node, kind: 'other', rule: 'share-tools/links', reason: 'Share buttons' });
      }
    }
    return out;
  },
};

function countShareLinks(el: Element, shareSet: Set<Element>): number {
  let n = 0;
  for (const a of queryAll(el, 'a[href]')) if (shareSet.has(a)) n++;
  return n;
}

/** True when everything `el` shows besides its share links is share labels. */
function isShareOnly(el: Element, shareSet: Set<Element>): boolean {
  let rest = '';
  let tooBig = false;
  let nodes = 0;
  walk(el, (node) => {
    if (tooBig) return false;
    if (++nodes > MAX_BAR_NODES) {
      tooBig = true;
      return false;
    }
    if (node.nodeType === TEXT_NODE) {
      rest += (node as Text).data;
      // A share bar's own words are few; stop reading a big container early.
      if (rest.length > 400) tooBig = true;
      return;
    }
    if (node.nodeType !== ELEMENT_NODE) return;
    const child = node as Element;
    if (shareSet.has(child)) return false;
    const tag = child.tagName.toLowerCase();
    if (tag === 'script' || tag === 'style' || tag === 'noscript' || tag === 'template') {
      return false;
    }
    // Pictures, figures and tables are content, not a share bar's furniture (an icon inside a
    // share link is skipped with its link above).
    if (CONTENT_TAGS.has(tag)) tooBig = true;
  });
  if (tooBig) return false;
  return rest.replace(SHARE_LABEL, '').trim() === '';
}
