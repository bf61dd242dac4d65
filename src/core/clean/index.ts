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
import { CLIP_MAX, clip, collapse } from '../text';
import { ELEMENT_NODE, TEXT_NODE } from '../dom';

/** Marks an element Broadsheet hid; the extension's stylesheet keys on it too. */
export const HIDDEN_ATTR = 'data-broadsheet-hidden';

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
  /** The element each removal took (null for a cut), for texts recorded later. */
  subjects: (Element | null)[];
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
  const hold = (node: Node) => {
    for (let p = node.parentNode; p && !holders.has(p); p = p.parentNode) holders.add(p);
  };
  const cuts = new Map<Text, string>();
  const subjects: (Element | null)[] = [];

  const protects = (el: Element) => roots.some((root) => root === el || el.contains(root));
  const insideTaken = (node: Node) => {
    for (let p: Node | null = node; p; p = p.parentNode) if (taken.has(p as Element)) return true;
    return false;
  };
  const ctx: CleanContext = {
    doc,
    url,
    detection,
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
        // Extraction reports only counts and the content script reads the texts when the popup
        // asks: reading the text of half a page's nodes is a good part of a plan's time.
        const text = options.recordTexts === false ? '' : recordText(f.node);
        subjects.push(f.node);
        removals.push({ kind: f.kind, rule: f.rule, reason: f.reason, text });
        taken.set(f.node, f.kind);
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
        subjects.push(null);
      }
    }
  }

  const counts = emptyCounts();
  for (const r of removals) counts[r.kind]++;
  return { detection, removals, counts, taken, cuts, holders, subjects };
}

/**
 * Cleans `doc` in place. Hides (default) rather than deletes, so page scripts keep their nodes
 * and `undo()` restores the exact original serialization.
 */
export function cleanPage(doc: Document, url: string, options: CleanOptions = {}): CleanReport {
  const plan = planCleanup(doc, url, options);
  const undoers: (() => void)[] = [];
  for (const [text, after] of plan.cuts) {
    const before = text.data;
    text.data = after;
    undoers.push(() => {
      text.data = before;
    });
  }
  for (const [el, kind] of plan.taken) {
    undoers.push(options.mode === 'remove' ? detach(el) : hideElement(el, kind));
  }
  let undone = false;
  let withTexts: Removal[] | null = options.recordTexts === false ? null : plan.removals;
  return {
    detection: plan.detection,
    removals: plan.removals,
    counts: plan.counts,
    withTexts() {
      withTexts ??= plan.removals.map((r, i) => {
        const subject = plan.subjects[i];
        return subject ? { ...r, text: recordText(subject) } : r;
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

/** Raw text read per try when a removed element's text is long: enough for most reports. */
const RECORD_TEXT_CHUNK = 2_000;

/**
 * `clip(el.textContent)` without collapsing all of a big element's text: a page-wide wrapper
 * (readability-test-pages/bbc-1, bbc.com 2015) made the records of one cleanup collapse white
 * space over hundreds of kilobytes. Once the collapsed head of the text is longer than a record,
 * the record is the head's clip: collapsing a head gives a prefix of the whole text collapsed
 * (at most its trailing space trimmed), and clip reads no further than that.
 */
function recordText(el: Element): string {
  const text = el.textContent ?? '';
  for (let size = RECORD_TEXT_CHUNK; size < text.length; size *= 2) {
    const head = text.slice(0, size);
    if (collapse(head).length > CLIP_MAX + 1) return clip(head);
  }
  return clip(text);
}

function hideElement(el: Element, kind: RemovalKind): () => void {
  const style = el.getAttribute('style');
  const marker = el.getAttribute(HIDDEN_ATTR);
  el.setAttribute('style', `${style ? style.replace(/;?\s*$/, ';') : ''}display:none !important`);
  el.setAttribute(HIDDEN_ATTR, kind);
  return () => {
    if (style === null) el.removeAttribute('style');
    else el.setAttribute('style', style);
    if (marker === null) el.removeAttribute(HIDDEN_ATTR);
    else el.setAttribute(HIDDEN_ATTR, marker);
  };
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
 */
export function copyWithout(doc: Document, plan: CopyPlan): Document {
  const copy = doc.cloneNode(false) as Document;
  // The document's own children by list: linkedom gives its doctype no next sibling.
  for (const top of Array.from(doc.childNodes)) copySubtree(top, copy, plan);
  return copy;
}

type CopyPlan = Pick<CleanPlan, 'taken' | 'cuts' | 'holders'>;

function copySubtree(top: Node, into: Node, plan: CopyPlan): void {
  const parents: Node[] = [];
  let parent = into;
  let node: Node | null = top;
  while (node) {
    const cut = node.nodeType === TEXT_NODE ? plan.cuts.get(node as Text) : undefined;
    if (node.nodeType === ELEMENT_NODE && plan.taken.has(node as Element)) {
      // Left out, with everything inside it.
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
    }
    node = node === top ? null : node.nextSibling;
  }
}
