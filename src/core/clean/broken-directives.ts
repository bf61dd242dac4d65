/**
 * Server-side directives that reached the reader as text. The classic BBC archive serves pages
 * whose Apache includes no longer resolve: the reference story (shared/reference/
 * bbc-2007-no-breakthrough-for-us-and-russia.txt, news.bbc.co.uk 2007) opens with
 * "[an error occurred while processing this directive]", and such pages often show it several
 * times, in table cells and at the top of `<body>`. Directives escaped into the markup
 * (`&lt;!--#include virtual="…" --&gt;`, `&lt;esi:include …/&gt;`) show as text too.
 *
 * Cut at the text-node level, so the rest of the element's text stays. Real comments
 * (`<!--#include … -->` unprocessed, `<!--esi … -->` as on readability-test-pages/nytimes-1)
 * are invisible and are not touched.
 */
import type { CleanStep, Finding } from './step';
import { CDATA_SECTION_NODE, ELEMENT_NODE, TEXT_NODE, bodyOf, walk, withinWhere } from '../dom';
import { queryAll } from '../query';

/**
 * The elements of ESI 1.0 (W3C note, 2001), the language's whole vocabulary; what an
 * unprocessed page can leak, as text or as elements the parser built.
 */
const ESI_TAGS = [
  'include',
  'inline',
  'remove',
  'comment',
  'vars',
  'choose',
  'when',
  'otherwise',
  'try',
  'attempt',
  'except',
] as const;
const ESI_ELEMENTS: ReadonlySet<string> = new Set(ESI_TAGS.map((tag) => `esi:${tag}`));

/** Patterns of directive text a reader sees, each with where it appears. */
export const DIRECTIVE_TEXT: readonly { name: string; pattern: RegExp }[] = [
  {
    // Apache mod_include's default error message (SSIErrorMsg); the 2007 BBC reference story.
    name: 'ssi-error',
    pattern: /\[\s*an\s+error\s+occurred\s+while\s+processing\s+this\s+directive\s*\]/gi,
  },
  {
    // An SSI element escaped into the text: `<!--#include virtual="/inc/nav.sssi" -->`. At most
    // 1,000 characters to its end: unbounded, each opening without one read to the end of the
    // text (20,000 unclosed `<!--#include` took 2.4 s to clean).
    name: 'ssi-element',
    pattern:
      /<!--\s*#(?:include|echo|exec|config|set|if|elif|else|endif|flastmod|fsize|printenv)\b[^>]{0,1000}?-->/gi,
  },
  {
    // An ESI tag escaped into the text: `<esi:include src="/fragment"/>`, `</esi:try>`.
    name: 'esi-element',
    pattern: new RegExp(String.raw`<\/?esi:(?:${ESI_TAGS.join('|')})\b[^<>]*>`, 'gi'),
  },
];

/** Text in these elements is not page text (scripts may legitimately hold such strings). */
const SKIP_TAGS = new Set(['script', 'style', 'template', 'noscript', 'textarea']);

export const brokenDirectives: CleanStep = {
  id: 'broken-directives',
  find({ doc }) {
    const root = bodyOf(doc) ?? doc.documentElement;
    if (!root) return [];
    // Walking every node of the page in script was the dearest step on a BBC page load
    // (4–14 ms of a cold cleanup in Chromium on web-page-parser/bbc_news 6072486, 8011268,
    // 61896381), and almost no page has directive text: when no text outside scripts and styles
    // can hold one, only the ESI elements are looked for.
    const { skipped, esi, native } = scanElements(root);
    if (native && !hintBetween(root, skipped)) return esiFindings(esi);
    // Where the DOM has a TreeWalker (browsers, linkedom) the text nodes are read through it.
    const texts = nativeTextFindings(root);
    if (texts) return inDocumentOrder(root, texts, esiFindings(esi));
    if (!mayHoldDirectiveText(root, skipped)) return esiFindings(esi);
    const out: Finding[] = [];
    walk(root, (node) => {
      if (node.nodeType === TEXT_NODE) {
        // Only the first text node of a run; the run is read whole below.
        // One push per finding: a run of 200,000 escaped directives would overflow a spread.
        if (node.previousSibling?.nodeType !== TEXT_NODE)
          for (const f of findInRun(textRun(node as Text))) out.push(f);
        return;
      }
      if (node.nodeType !== ELEMENT_NODE) return;
      const el = node as Element;
      const tag = el.tagName.toLowerCase();
      if (SKIP_TAGS.has(tag)) return false;
      if (isEmptyEsiElement(el, tag)) {
        out.push(esiFinding(el));
        return false;
      }
    });
    return out;
  },
};

/**
 * An ESI element the parser built. `<esi:include/>` is not self-closing in HTML, so a leaked one
 * may have swallowed the text after it: only an empty one is hidden.
 */
function isEmptyEsiElement(el: Element, tag: string): boolean {
  return ESI_ELEMENTS.has(tag) && !(el.textContent ?? '').trim();
}

function esiFinding(el: Element): Finding {
  return {
    node: el,
    kind: 'directive',
    rule: 'broken-directives/esi-element',
    reason: 'Edge Side Include tag left in the page',
  };
}

/**
 * Where a directive may start: every pattern of DIRECTIVE_TEXT holds one of these (no character
 * in them is special in a regular expression).
 */
const HINTS = ['directive', '<!--', 'esi:'] as const;
const DIRECTIVE_HINT = new RegExp(HINTS.join('|'), 'i');
/** The same, as a zero-width match at every position one starts (overlaps counted). */
const DIRECTIVE_HINT_STARTS = new RegExp(`(?=${HINTS.join('|')})`, 'gi');
/**
 * Text that opens with the end of a hint, its start cut off (`ective`, `--`, `:`): a hint split
 * between two text nodes ends this way in the second.
 */
const HINT_ENDS = HINTS.flatMap((hint) => Array.from(hint.slice(1), (_, i) => hint.slice(i + 1)));
const HINT_END_OPENS = new RegExp(`^(?:${HINT_ENDS.join('|')})`, 'i');

/** Lengths of the SKIP_TAGS names: a tag of another length is not lowered to be looked up. */
const SKIP_TAG_LENGTHS = new Set(Array.from(SKIP_TAGS, (tag) => tag.length));
const COLON = 58;

/** SKIP_TAGS as a selector, for the browser's own query. */
const SKIP_SELECTOR = Array.from(SKIP_TAGS).join(',');

/**
 * ESI_ELEMENTS as a selector: an HTML parser names the element `esi:include`, and a type
 * selector matches that name with its colon escaped.
 */
const ESI_SELECTOR = ESI_TAGS.map((tag) => `esi\\:${tag}`).join(',');
/** Both kinds in one selector: a browser answers it in document order, in one walk. */
const CANDIDATE_SELECTOR = `${SKIP_SELECTOR},${ESI_SELECTOR}`;
/** XPathResult.STRING_TYPE (no globals in the core). */
const XPATH_STRING = 2;

/**
 * The elements of the page the fast path needs, from one pass over them in document order: the
 * outermost SKIP_TAGS elements, and the ESI elements that are in no skipped element.
 */
function scanElements(root: Element): { skipped: Element[]; esi: Element[]; native: boolean } {
  const skipped: Element[] = [];
  const esi: Element[] = [];
  let outer: Element | null = null;
  // A tag lowered only when it may be one looked for: this may run over every element of the page.
  // By `localName`, which linkedom keeps as parsed, where its `tagName` makes an upper-case copy
  // on every read (a tenth of this step there).
  const found = nativeCandidates(root);
  const candidates = found ?? everyElement(root);
  // Whether a candidate is inside one kept before it. A browser parses what these elements hold
  // as text, so they hold no element and nothing need be asked; linkedom parses a <noscript>'s
  // markup, and `contains()` for each candidate was quadratic under a chain of them (20,000
  // nested: 1.7 s of a BBC page's cleanup). A "no" stays true as more are kept: candidates come
  // in document order, so one kept later is no ancestor of an earlier candidate.
  const kept = new Set<Element>();
  const inSkipped = withinWhere((el) => kept.has(el));
  for (let i = 0; i < candidates.length; i++) {
    const el = candidates[i]!;
    const name = el.localName;
    const maybeEsi = name.charCodeAt(3) === COLON;
    if (!maybeEsi && !SKIP_TAG_LENGTHS.has(name.length)) continue;
    const tag = name.toLowerCase();
    const skip = SKIP_TAGS.has(tag);
    if (!skip && !ESI_ELEMENTS.has(tag)) continue;
    if (outer?.firstElementChild && inSkipped(el.parentNode)) continue;
    if (skip) {
      outer = el;
      skipped.push(el);
      kept.add(el);
    } else esi.push(el);
  }
  return { skipped, esi, native: found !== null };
}

/**
 * Not getElementsByTagName('*'): linkedom returns no element for it. On linkedom, where elements
 * are plain objects, reading each one's name costs little.
 */
function everyElement(root: Element): ArrayLike<Element> {
  return queryAll(root, '*');
}

/**
 * The only elements `scanElements` keeps anything of (SKIP_TAGS and ESI elements), in document
 * order, from the browser's own selector engine. In Chromium, handing each of a page's elements to
 * script (a wrapper object each) was most of this step on a BBC page load: 4–8 ms of
 * readability-test-pages/bbc-1 (bbc.com 2015, 1,356 elements in <body>), against about 1 ms for
 * this query. The ESI elements were found by an XPath over every element's name until the
 * selector replaced it: 0.3–0.9 ms on the six pages of the browser bench; the one query for both
 * kinds now takes 0.1–0.2 ms there.
 *
 * Null outside a browser's DOM, told apart by XPath on one node: linkedom has none (its elements
 * cost little to visit one by one, and its selector engine does not read the escaped colon);
 * jsdom's cannot evaluate `name()`, and its Range.toString, which the native path goes on to
 * read, took 226 s on bbc-1.
 */
function nativeCandidates(root: Element): Element[] | null {
  const doc = root.ownerDocument;
  try {
    if (typeof doc?.evaluate !== 'function') return null;
    doc.evaluate('name()', root, null, XPATH_STRING, null);
    return queryAll(root, CANDIDATE_SELECTOR);
  } catch {
    return null;
  }
}

/** NodeFilter.SHOW_TEXT (no globals in the core). */
const SHOW_TEXT = 4;
/** Longest hint (`directive`) less one: how much of the text before a node a hint can start in. */
const HINT_REACH = Math.max(...HINTS.map((hint) => hint.length)) - 1;

/**
 * The directive text findings of the walk in `find`, from the browser's own pass over the text
 * nodes (a TreeWalker showing only text) instead of a pass in script over every node: on the
 * classic archive, where directive text is common, that walk took 3.7 of the 9.4 ms the content
 * script spent on a load of the 2007 reference story in Chromium; this pass about 0.2 ms there
 * (XPath's `contains`, tried first, took 1.6–11 ms on the BBC pages). A node is looked at when a
 * hint ends in it, counting the last HINT_REACH characters of the text before it: a hint split
 * between the nodes of one run (a page script's `append` makes such runs; the parser does not)
 * ends in one of them with its start in the ones just before. Its whole run is then read as the
 * walk reads it. Null where the DOM has no TreeWalker.
 */
function nativeTextFindings(root: Element): Finding[] | null {
  const doc = root.ownerDocument;
  if (typeof doc.createTreeWalker !== 'function') return null;
  const out: Finding[] = [];
  // The last node of the run read last, while the walk is still inside that run: a run is read
  // once, whichever of its nodes is hinted (linkedom makes a node of each `&lt;`, so 50,000
  // escaped directives are a run of 100,000 nodes, and going back to each one's first was
  // quadratic).
  let readUpTo: Node | null = null;
  // Text whose last HINT_REACH characters are the text before this node: a node's own text when
  // it is long enough, so that most nodes cost no copy.
  let before = '';
  // Asked of each hinted run; `closest()` climbed to the top every time: 10,000 directives, each
  // in a `<div>` of the one before, took 12 s to clean on a BBC page in linkedom.
  const inSkipped = withinWhere((el) => SKIP_TAGS.has(el.localName.toLowerCase()));
  const texts = doc.createTreeWalker(root, SHOW_TEXT);
  for (let node = texts.nextNode(); node; node = texts.nextNode()) {
    const data = (node as Text).data;
    // The node alone, then the seam with the text before it, only when the node opens with the
    // end of a hint: joining the two first would copy every script's text on the page (a third
    // of this step on linkedom), and joining their ends for every node was a third of the rest.
    const hinted =
      readUpTo === null &&
      (DIRECTIVE_HINT.test(data) ||
        (before !== '' &&
          HINT_END_OPENS.test(data) &&
          DIRECTIVE_HINT.test(before.slice(-HINT_REACH) + data.slice(0, HINT_REACH))));
    before = data.length >= HINT_REACH ? data : before.slice(-HINT_REACH) + data;
    if (readUpTo !== null) {
      if (node === readUpTo) readUpTo = null;
      continue;
    }
    if (!hinted) continue;
    // Back to the run's first node: once per run, as the rest of it is not looked at again.
    let first = node as Text;
    while (first.previousSibling?.nodeType === TEXT_NODE) first = first.previousSibling as Text;
    const run = textRun(first);
    const last = run[run.length - 1]!;
    readUpTo = last === node ? null : last;
    // Not page text: the walk does not enter these (an SVG <style> is one as well).
    if (inSkipped(first.parentElement)) continue;
    for (const f of findInRun(run)) out.push(f);
  }
  return out;
}

/**
 * Two lists of findings under `root`, each in document order, merged into one. One walk numbers
 * the nodes they name: a sort by `compareDocumentPosition` made a call into the DOM per
 * comparison, each of which may walk a list of siblings (20,000 ESI tags beside a directive: the
 * sort alone took 0.6 s in Chromium, and cleaning a classic story 17 s in linkedom), and
 * linkedom's answers wrongly for nodes that are not siblings. Both kinds on one page are rare, and
 * so is the walk.
 */
function inDocumentOrder(root: Element, texts: Finding[], elements: Finding[]): Finding[] {
  if (!elements.length) return texts;
  if (!texts.length) return elements;
  const nodeOf = (f: Finding): Node => ('node' in f ? f.node : f.text);
  const order = new Map<Node, number>();
  for (const f of texts) order.set(nodeOf(f), 0);
  for (const f of elements) order.set(nodeOf(f), 0);
  let at = 0;
  walk(root, (node) => {
    if (order.has(node)) order.set(node, ++at);
  });
  const rank = (f: Finding) => order.get(nodeOf(f)) ?? 0;
  return [...texts, ...elements].sort((a, b) => rank(a) - rank(b));
}

/**
 * False when no run of text outside SKIP_TAGS can hold a directive, read from native
 * `textContent` instead of a walk. `root.textContent` is the page's text nodes in document order;
 * the text of each outermost skipped element is one stretch of it. Every place a hint starts
 * inside such a stretch, and fits there, is counted in both, so when the counts are equal no hint
 * lies wholly outside them, and the text runs the walk reads (stretches outside skipped elements)
 * hold none. Classic BBC pages hide their scripts in `<!--` (web-page-parser/bbc_news/
 * 8011268.stm.html), which is why the script text is counted rather than the test just failing.
 */
function mayHoldDirectiveText(root: Element, skipped: readonly Element[]): boolean {
  const all = root.textContent ?? '';
  if (!DIRECTIVE_HINT.test(all)) return false;
  let inSkipped = 0;
  for (const el of skipped) inSkipped += hintStarts(el.textContent ?? '');
  return hintStarts(all) > inSkipped;
}

/**
 * `mayHoldDirectiveText` for a browser's DOM, reading only the text between the skipped elements
 * (one native `Range.toString()` per stretch) rather than the whole page's text and then every
 * script's again: readability-test-pages/bbc-1 (bbc.com 2015) carries 120 of its 147 KB of text in
 * 157 scripts, and the counts took 1.6–3.5 ms of a cold load in Chromium, the stretches 0.5–0.8.
 * A run of text the walk reads lies within one stretch, so a directive in it puts its hint in that
 * stretch; a hint made of two stretches' texts only costs the walk.
 */
function hintBetween(root: Element, skipped: readonly Element[]): boolean {
  const range = root.ownerDocument.createRange();
  for (let i = 0; i <= skipped.length; i++) {
    if (i === 0) range.setStart(root, 0);
    else range.setStartAfter(skipped[i - 1]!);
    if (i === skipped.length) range.setEnd(root, root.childNodes.length);
    else range.setEndBefore(skipped[i]!);
    if (DIRECTIVE_HINT.test(range.toString())) return true;
  }
  return false;
}

function hintStarts(text: string): number {
  if (!DIRECTIVE_HINT.test(text)) return 0;
  return Array.from(text.matchAll(DIRECTIVE_HINT_STARTS)).length;
}

/**
 * The empty ESI elements the walk in `find` would hide, in document order: `candidates` are in
 * no skipped element; one inside another hidden is not hidden again.
 */
function esiFindings(candidates: readonly Element[]): Finding[] {
  if (!candidates.length) return [];
  // Whether each holds text, the last first: a walk stops at a candidate inside it, already
  // judged, so no node is read twice (`textContent` for each was quadratic under a chain of ESI
  // elements, each in the one before: 16,000 took 2.8 s to clean in linkedom). A walk that sees
  // all of its candidate's subtree notes the candidates it stops at as inside that one.
  const isCandidate = new Set(candidates);
  const holdsText = new Set<Element>();
  const insideOf = new Map<Element, Element>();
  for (let i = candidates.length - 1; i >= 0; i--) {
    const el = candidates[i]!;
    let text = false;
    walk(el, (node) => {
      if (text) return false;
      if (node.nodeType === TEXT_NODE || node.nodeType === CDATA_SECTION_NODE) {
        if ((node as CharacterData).data.trim()) text = true;
        return;
      }
      if (node === el || !isCandidate.has(node as Element)) return;
      insideOf.set(node as Element, el);
      if (holdsText.has(node as Element)) text = true;
      return false;
    });
    if (text) holdsText.add(el);
  }
  // An empty one is hidden, and the candidates inside it with it. A walk that stopped early
  // (at text) left some of its candidates' places unnoted, but an element that holds text is in
  // no empty one.
  const out: Finding[] = [];
  const taken = new Set<Element>();
  for (const el of candidates) {
    const outer = insideOf.get(el);
    if (outer && taken.has(outer)) taken.add(el);
    else if (!holdsText.has(el)) {
      taken.add(el);
      out.push(esiFinding(el));
    }
  }
  return out;
}

/** `first` and the text nodes right after it: one run of text. */
function textRun(first: Text): Text[] {
  const run: Text[] = [];
  for (let n: Node | null = first; n && n.nodeType === TEXT_NODE; n = n.nextSibling) {
    run.push(n as Text);
  }
  return run;
}

/**
 * Directives in a run of adjacent text nodes. Parsers may split one stretch of text at
 * character references (linkedom makes `&lt;` a text node of its own), so a directive escaped
 * into the page can span several nodes: the run is matched as one string and the cuts are
 * mapped back to each node.
 */
function findInRun(run: readonly Text[]): Finding[] {
  const joined = run.map((t) => t.data).join('');
  const ranges = directiveRanges(joined);
  if (!ranges.length) return [];
  const out: Finding[] = [];
  let offset = 0;
  for (const text of run) {
    const end = offset + text.data.length;
    const own: [number, number][] = [];
    for (const [a, b] of ranges) {
      const from = Math.max(a, offset);
      const to = Math.min(b, end);
      if (from < to) own.push([from - offset, to - offset]);
    }
    if (own.length) {
      out.push({
        text,
        ranges: own,
        kind: 'directive',
        rule: 'broken-directives/text',
        reason: 'Server-side directive shown as text',
      });
    }
    offset = end;
  }
  return out;
}

/** Sorted, merged [start, end) ranges of directive text in `data`. */
export function directiveRanges(data: string): [number, number][] {
  // Cheap test first: every pattern needs one of these.
  if (!DIRECTIVE_HINT.test(data)) return [];
  const ranges: [number, number][] = [];
  for (const { pattern } of DIRECTIVE_TEXT) {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(data); m; m = pattern.exec(data)) {
      ranges.push([m.index, m.index + m[0].length]);
    }
  }
  ranges.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return merged;
}
