/**
 * Runs the cleanup pipeline: named steps find clutter, this runner hides it (or, in `remove`
 * mode on a private copy, detaches it), records every removal, and can undo exactly.
 */
import type { CleanOptions, CleanReport, LayoutDetection, Removal, RemovalKind } from '../types';
import { REMOVAL_KINDS } from '../types';
import type { CleanContext, CleanStep, Finding } from './step';
import { detectLayout } from '../detect';
import { siteFor } from '../../sites';
import { SHARED_STEPS, TRAILING_STEPS, siteClutterStep } from './steps';
import { CLIP_MAX, clip } from '../text';
import { ELEMENT_NODE, TEXT_NODE, withinWhere } from '../dom';
import { PREFORMATTED, leftOutOfLean, preformattedAbove } from '../lean';
import { spacedText } from '../view';

/** Marks an element Broadsheet hid; the extension's stylesheet keys on it too. */
export const HIDDEN_ATTR = 'data-broadsheet-hidden';
/** On an element Broadsheet hid that had a `style` of its own: that style. */
export const STYLE_ATTR = 'data-broadsheet-style';
/**
 * On the parent of text nodes Broadsheet cut: JSON `[[after, before], …]`, each node's text as
 * the cut left it and as it was.
 */
export const CUT_ATTR = 'data-broadsheet-cut';

export function emptyCounts(): Record<RemovalKind, number> {
  return Object.fromEntries(REMOVAL_KINDS.map((k) => [k, 0])) as Record<RemovalKind, number>;
}

/** The steps that run for a layout, in order. */
export function stepsFor(detection: LayoutDetection): CleanStep[] {
  const site = siteFor(detection.layout);
  return [...SHARED_STEPS, siteClutterStep(site), ...(site.steps ?? []), ...TRAILING_STEPS];
}

/**
 * What cleanup would take out of a page, found without changing it: the elements to hide (in the
 * order found, none inside another), the new text of text nodes that lose directive text, and a
 * record of each removal. `cleanPage` applies a plan to the page; extraction copies the page
 * without what a plan takes (`copyWithout`), so it never has to copy and then delete.
 */
export interface CleanPlan {
  detection: LayoutDetection;
  removals: Removal[];
  counts: Record<RemovalKind, number>;
  /** Elements to hide, with the kind each is hidden as. */
  taken: Map<Element, RemovalKind>;
  /** Text nodes to shorten, with their text after the cut. */
  cuts: Map<Text, string>;
  /** Every node that holds a taken element or a cut text node. */
  holders: Set<Node>;
  /** What each removal took, or the text node it cut, for texts recorded later. */
  subjects: (Element | Text)[];
}

/**
 * Plans the cleanup of `doc` without changing it. Steps run in order and each sees what the
 * earlier ones took, through the context's view (`isTaken`, `holdsTaken`, `textOf`), as a
 * reader would see the page if the earlier steps had already been applied.
 */
export function planCleanup(
  doc: Document,
  url: string,
  options: Omit<CleanOptions, 'mode'> = {},
): CleanPlan {
  const detection = options.detection ?? detectLayout(doc, url);
  const skipKinds = new Set(options.skipKinds ?? []);
  const skipSteps = new Set(options.skipSteps ?? []);
  const roots = siteFor(detection.layout).articleRoots(doc);

  const removals: Removal[] = [];
  const taken = new Map<Element, RemovalKind>();
  /** Nodes that hold a taken element or a cut (so `holdsTaken` is a lookup, not a search). */
  const holders = new Set<Node>();
  const hold = (node: Node) => holdAncestors(holders, node);
  const cuts = new Map<Text, string>();
  const subjects: (Element | Text)[] = [];
  /** Whether a later removal took a holder of an earlier one. */
  let nested = false;

  const protects = (el: Element) => roots.some((root) => root === el || el.contains(root));
  // Asked of every finding: a climb to the top each time was quadratic on a deep page (10,000
  // directives, each in a `<div>` of the one before: 12 s). `taken` only grows here, and tells it.
  const insideTaken = withinWhere((el) => taken.has(el));
  const ctx: CleanContext = {
    doc,
    url,
    detection,
    articleRoots: roots,
    isTaken: (el) => taken.has(el),
    holdsTaken: (el) => holders.has(el),
    textOf: (text) => cuts.get(text) ?? text.data,
  };

  for (const step of stepsFor(detection)) {
    if (skipSteps.has(step.id)) continue;
    let findings: Finding[];
    try {
      findings = step.find(ctx);
    } catch {
      // A step that trips over a strange page must not stop the others.
      continue;
    }
    for (const f of findings) {
      if (skipKinds.has(f.kind)) continue;
      if ('node' in f) {
        if (!f.node.parentNode || insideTaken(f.node) || protects(f.node)) continue;
        // An element holding what earlier steps took (a navigation block around the section
        // links one step found) takes it along: one removal, not one for each part.
        if (holders.has(f.node)) nested = true;
        // Extraction reports only counts and the content script reads the texts when the popup
        // asks: reading the text of half a page's nodes is a good part of a plan's time.
        const text = options.recordTexts === false ? '' : recordText(f.node);
        subjects.push(f.node);
        removals.push({ kind: f.kind, rule: f.rule, reason: f.reason, text });
        taken.set(f.node, f.kind);
        insideTaken.added(f.node);
        hold(f.node);
      } else {
        if (insideTaken(f.text)) continue;
        const before = ctx.textOf(f.text);
        let after = '';
        let cut = '';
        let pos = 0;
        for (const [start, end] of f.ranges) {
          after += before.slice(pos, start);
          cut += before.slice(start, end) + ' ';
          pos = end;
        }
        after += before.slice(pos);
        if (after === before) continue;
        cuts.set(f.text, after);
        hold(f.text);
        removals.push({ kind: f.kind, rule: f.rule, reason: f.reason, text: clip(cut) });
        subjects.push(f.text);
      }
    }
  }

  const plan = { detection, removals, counts: emptyCounts(), taken, cuts, holders, subjects };
  if (nested) withoutNested(plan);
  for (const r of plan.removals) plan.counts[r.kind]++;
  return plan;
}

/** Adds every ancestor of `node` to `holders`, stopping at one already there. */
function holdAncestors(holders: Set<Node>, node: Node): void {
  for (let p = node.parentNode; p && !holders.has(p); p = p.parentNode) holders.add(p);
}

/**
 * Drops from `plan` the removals inside an element it takes, so that each thing hidden is
 * counted and listed once, under the element that holds it, and undo has one thing to restore.
 */
function withoutNested(plan: CleanPlan): void {
  const inTaken = withinWhere((el) => plan.taken.has(el));
  const keep = plan.subjects.map((node) => !inTaken(node.parentNode));
  for (let i = 0; i < plan.subjects.length; i++) {
    if (keep[i]) continue;
    const node = plan.subjects[i]!;
    if (node.nodeType === ELEMENT_NODE) plan.taken.delete(node as Element);
    else plan.cuts.delete(node as Text);
  }
  plan.removals = plan.removals.filter((_, i) => keep[i]);
  plan.subjects = plan.subjects.filter((_, i) => keep[i]);
  plan.holders.clear();
  for (const node of plan.subjects) holdAncestors(plan.holders, node);
}

/**
 * Cleans `doc` in place. Hides (default) rather than deletes, so page scripts keep their nodes
 * and `undo()` restores the exact original serialization.
 */
export function cleanPage(doc: Document, url: string, options: CleanOptions = {}): CleanReport {
  return applyPlan(planCleanup(doc, url, options), options);
}

/**
 * Carries out a plan `planCleanup` made (with the same `options`): `cleanPage`'s second half, for
 * callers that plan on their own terms (src/node/clean.ts plans on an indexed page).
 */
export function applyPlan(
  plan: CleanPlan,
  options: Pick<CleanOptions, 'mode' | 'recordTexts'> = {},
): CleanReport {
  const undoers: (() => void)[] = [];
  const hiding = options.mode !== 'remove';
  /** The cuts under each parent, noted on it once all are made (a run can hold 200,000). */
  const cutsUnder = new Map<Element, [string, string][]>();
  for (const [text, after] of plan.cuts) {
    const before = text.data;
    text.data = after;
    undoers.push(() => {
      text.data = before;
    });
    const parent = hiding ? text.parentElement : null;
    if (parent) {
      const pairs = cutsUnder.get(parent);
      if (pairs) pairs.push([after, before]);
      else cutsUnder.set(parent, [[after, before]]);
    }
  }
  for (const [parent, pairs] of cutsUnder) undoers.push(noteCuts(parent, pairs));
  for (const [el, kind] of plan.taken) {
    undoers.push(hiding ? hideElement(el, kind) : detach(el));
  }
  let undone = false;
  let withTexts: Removal[] | null = options.recordTexts === false ? null : plan.removals;
  return {
    detection: plan.detection,
    removals: plan.removals,
    counts: plan.counts,
    withTexts() {
      withTexts ??= plan.removals.map((r, i) => {
        // A cut's record is the text it cut, kept when it was planned.
        const subject = plan.subjects[i]!;
        return subject.nodeType === ELEMENT_NODE
          ? { ...r, text: recordText(subject as Element) }
          : r;
      });
      return withTexts;
    },
    undo() {
      if (undone) return;
      undone = true;
      for (let i = undoers.length - 1; i >= 0; i--) undoers[i]!();
    },
  };
}

/**
 * Elements whose text a removal's record leaves out (a browser that runs scripts keeps a
 * `<noscript>`'s markup as its text: "<picture><source…" in the popup). Not ./hidden.ts's
 * `INVISIBLE_TAGS`: an icon's SVG `<title>` is the only text some share links have ("Facebook
 * Twitter Email"), and frames' fallback text is never shown.
 */
const UNSEEN = new Set(['script', 'style', 'noscript', 'template', 'noframes', 'iframe']);
const unseen = (el: Element) => UNSEEN.has(el.tagName.toLowerCase());

/**
 * What a reader saw of a removed element, for its record, clipped: its text without what is
 * never shown (scripts, styles, a noscript's markup; an element of those taken whole records
 * nothing), spaced where the page's elements end. A big element (a page-wide wrapper:
 * readability-test-pages/bbc-1, bbc.com 2015) is read only as far as the clip needs.
 */
function recordText(el: Element): string {
  return clip(spacedText(el, unseen, CLIP_MAX + 1));
}

/**
 * Hides `el`, keeping in the page itself what `restoreHidden` needs to show it as it was: the
 * undo function returned here is lost with the script that made it when the extension is
 * updated under an open tab, and its successor restores the page from these marks.
 */
function hideElement(el: Element, kind: RemovalKind): () => void {
  const style = el.getAttribute('style');
  const marker = el.getAttribute(HIDDEN_ATTR);
  const kept = el.getAttribute(STYLE_ATTR);
  el.setAttribute('style', `${style ? styleEnded(style) : ''}display:none !important`);
  el.setAttribute(HIDDEN_ATTR, kind);
  if (style !== null) el.setAttribute(STYLE_ATTR, style);
  return () => {
    restoreAttribute(el, 'style', style);
    restoreAttribute(el, HIDDEN_ATTR, marker);
    restoreAttribute(el, STYLE_ATTR, kept);
  };
}

/**
 * A page's `style` value ended by one `;`, ready for a declaration after it: trailing white space
 * and a last `;` dropped first. (As `/;?\s*$/`, a style of 30,000 spaces took 0.4 s.)
 */
function styleEnded(style: string): string {
  const trimmed = style.trimEnd();
  return (trimmed.endsWith(';') ? trimmed.slice(0, -1) : trimmed) + ';';
}

/** Records on `parent` that text nodes of it now read `after` and read `before`. */
function noteCuts(parent: Element, pairs: [string, string][]): () => void {
  const was = parent.getAttribute(CUT_ATTR);
  const noted = cutsNoted(was);
  for (const pair of pairs) noted.push(pair);
  parent.setAttribute(CUT_ATTR, JSON.stringify(noted));
  return () => restoreAttribute(parent, CUT_ATTR, was);
}

function restoreAttribute(el: Element, name: string, value: string | null): void {
  if (value === null) el.removeAttribute(name);
  else el.setAttribute(name, value);
}

/** The `[after, before]` pairs of a CUT_ATTR value; none from anything else (page-written). */
function cutsNoted(value: string | null): [string, string][] {
  if (!value) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    return [];
  }
  if (!Array.isArray(parsed)) return [];
  return parsed.filter(
    (pair): pair is [string, string] =>
      Array.isArray(pair) &&
      pair.length === 2 &&
      typeof pair[0] === 'string' &&
      typeof pair[1] === 'string',
  );
}

/**
 * Puts back, from the marks `cleanPage` leaves in the page (HIDDEN_ATTR, STYLE_ATTR, CUT_ATTR),
 * everything a cleanup hid or cut, without its report: the page as the site made it, exactly,
 * for a content script that finds a page cleaned by one its extension has since replaced (an
 * update under an open tab). Returns how many elements and text nodes were put back.
 */
export function restoreHidden(root: Document | Element): number {
  let restored = 0;
  for (const parent of Array.from(root.querySelectorAll(`[${CUT_ATTR}]`))) {
    // Each pair puts back one text node, in order: the first child still reading what its cut
    // left (one pass over the children, however many pairs).
    // (A queue per text, read by position: a run of 200,000 cut nodes all left empty.)
    const waiting = new Map<string, { befores: string[]; next: number }>();
    for (const [after, before] of cutsNoted(parent.getAttribute(CUT_ATTR))) {
      const queue = waiting.get(after);
      if (queue) queue.befores.push(before);
      else waiting.set(after, { befores: [before], next: 0 });
    }
    for (let node = parent.firstChild; node && waiting.size; node = node.nextSibling) {
      if (node.nodeType !== TEXT_NODE) continue;
      const after = (node as Text).data;
      const queue = waiting.get(after);
      if (!queue) continue;
      (node as Text).data = queue.befores[queue.next++]!;
      if (queue.next === queue.befores.length) waiting.delete(after);
      restored++;
    }
    parent.removeAttribute(CUT_ATTR);
  }
  for (const el of Array.from(root.querySelectorAll(`[${HIDDEN_ATTR}]`))) {
    restoreAttribute(el, 'style', el.getAttribute(STYLE_ATTR));
    el.removeAttribute(STYLE_ATTR);
    el.removeAttribute(HIDDEN_ATTR);
    restored++;
  }
  return restored;
}

function detach(el: Element): () => void {
  const parent = el.parentNode!;
  const next = el.nextSibling;
  parent.removeChild(el);
  return () => {
    parent.insertBefore(el, next);
  };
}

/**
 * A copy of `doc` without what `plan` takes, and with its cuts made: what `cleanPage` in `remove`
 * mode leaves of a deep copy, built without copying the clutter first. On a BBC page a plan
 * takes about half of the nodes, and linkedom spends most of a copy constructing nodes.
 * Iterative: pages nest 50,000 deep (tests/reliability/size.test.ts).
 *
 * Given a `scope` (an element of the body), the copy's body holds only that element and its
 * ancestors (see `copyAlong`): what the generic reader is handed when the page declares its
 * article (src/sites/generic-scope.ts). A `lean` copy also leaves out what no reader of the
 * article needs (see `CopyOptions`).
 */
export function copyWithout(
  doc: Document,
  plan: CopyPlan,
  scope?: CopyScope | null,
  { lean = false }: CopyOptions = {},
): Document {
  const copy = doc.cloneNode(false) as Document;
  const root = doc.documentElement;
  const path = scope && root ? pathFrom(root, scope.element, plan) : null;
  const how = { plan, lean };
  // The document's own children by list: linkedom gives its doctype no next sibling.
  for (const top of Array.from(doc.childNodes)) {
    if (!path) copySubtree(top, copy, how);
    else if (top === root) copyAlong(path, scope!, copy, how);
    // With a scope, what lies beside the root element (markup after `</html>`) is left out too.
    else if (top.nodeType !== ELEMENT_NODE && top.nodeType !== TEXT_NODE)
      copySubtree(top, copy, how);
  }
  return copy;
}

export interface CopyOptions {
  /**
   * Leave out comments, scripts (JSON-LD kept), styles and the white space between blocks: for
   * the generic reader, which drops the first three before it reads (Readability takes scripts
   * and styles, the reader comments), and to which the white space between two paragraphs says
   * nothing. That is 29% of the nodes of the benchmark's and Readability's pages (README, "How
   * extraction works").
   */
  lean?: boolean;
}

/**
 * The elements from `root` down to `scope`, both included; null when `scope` is not under
 * `root`, or when the plan takes it or one of its ancestors.
 */
function pathFrom(root: Element, scope: Element, plan: CopyPlan): Element[] | null {
  const path: Element[] = [];
  for (let el: Element | null = scope; el; el = el.parentElement) {
    if (plan.taken.has(el)) return null;
    path.push(el);
    if (el === root) return path.reverse();
  }
  return null;
}

/** The part of a page's body a copy is to hold (src/sites/generic-scope.ts finds one). */
export interface CopyScope {
  element: Element;
  /** Elements of the body outside `element` to copy too, whole, before it, in this order. */
  keep: readonly Element[];
  /** The same, after it. */
  after: readonly Element[];
}

/**
 * A copy of the root element holding, of the body, only `path`'s last element (whole, without
 * what the plan takes) and its ancestors (without their other children), with `keep` (whole)
 * at the start of the body and `after` at its end. Everything beside the body (the head) is
 * copied as usual.
 */
function copyAlong(path: Element[], { keep, after }: CopyScope, into: Node, how: CopyHow): void {
  const [root, body] = path;
  const scope = path[path.length - 1]!;
  if (!body || body === scope) {
    copySubtree(root!, into, how);
    return;
  }
  const rootCopy = into.appendChild(root!.cloneNode(false));
  for (let child = root!.firstChild; child; child = child.nextSibling) {
    if (child !== body) copySubtree(child, rootCopy, how);
  }
  const bodyCopy = rootCopy.appendChild(body.cloneNode(false));
  for (const el of keep) if (!takenUnder(el, body, how.plan)) copySubtree(el, bodyCopy, how);
  let parent = bodyCopy;
  for (const el of path.slice(2, -1)) parent = parent.appendChild(el.cloneNode(false));
  copySubtree(scope, parent, how);
  for (const el of after) if (!takenUnder(el, body, how.plan)) copySubtree(el, bodyCopy, how);
}

/** True when the plan takes `el` or one of its ancestors below `top`. */
function takenUnder(el: Element, top: Element, plan: CopyPlan): boolean {
  for (let p: Element | null = el; p && p !== top; p = p.parentElement)
    if (plan.taken.has(p)) return true;
  return false;
}

type CopyPlan = Pick<CleanPlan, 'taken' | 'cuts' | 'holders'>;
type CopyHow = { plan: CopyPlan; lean: boolean };

function copySubtree(top: Node, into: Node, { plan, lean }: CopyHow): void {
  const parents: Node[] = [];
  let parent = into;
  let node: Node | null = top;
  // In a lean copy: how many elements that keep their white space (`<pre>`) hold `node`.
  let preformatted = lean ? preformattedAbove(top) : 0;
  while (node) {
    const cut = node.nodeType === TEXT_NODE ? plan.cuts.get(node as Text) : undefined;
    if (node.nodeType === ELEMENT_NODE && plan.taken.has(node as Element)) {
      // Left out, with everything inside it.
    } else if (lean) {
      // Node by node: the DOM's deep copy cannot leave anything out.
      if (cut !== undefined || !leftOutOfLean(node, preformatted > 0)) {
        const made = node.cloneNode(false);
        if (cut !== undefined) (made as Text).data = cut;
        parent.appendChild(made);
        if (node.firstChild) {
          if (PREFORMATTED.has((node as Element).localName)) preformatted++;
          parents.push(parent);
          parent = made;
          node = node.firstChild;
          continue;
        }
      }
    } else if (cut === undefined && !plan.holders.has(node)) {
      // Nothing to leave out below here: the DOM's own deep copy is the fastest.
      parent.appendChild(node.cloneNode(true));
    } else {
      const made = node.cloneNode(false);
      if (cut !== undefined) (made as Text).data = cut;
      parent.appendChild(made);
      if (node.firstChild) {
        parents.push(parent);
        parent = made;
        node = node.firstChild;
        continue;
      }
    }
    // Next in document order within `top`: a sibling, or an ancestor's sibling.
    while (node !== top && !node.nextSibling) {
      node = node.parentNode!;
      parent = parents.pop()!;
      if (lean && PREFORMATTED.has((node as Element).localName)) preformatted--;
    }
    node = node === top ? null : node.nextSibling;
  }
}
