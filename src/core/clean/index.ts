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
 * Cleans `doc` in place. Hides (default) rather than deletes, so page scripts keep their nodes
 * and `undo()` restores the exact original serialization.
 */
export function cleanPage(doc: Document, url: string, options: CleanOptions = {}): CleanReport {
  const detection = options.detection ?? detectLayout(doc, url);
  const mode = options.mode ?? 'hide';
  const skipKinds = new Set(options.skipKinds ?? []);
  const skipSteps = new Set(options.skipSteps ?? []);
  const ctx: CleanContext = { doc, url, detection };
  const roots = siteFor(detection.layout).articleRoots(doc);

  const removals: Removal[] = [];
  const undoers: (() => void)[] = [];
  const taken = new Set<Node>();

  const protects = (el: Element) => roots.some((root) => root === el || el.contains(root));
  const insideTaken = (node: Node) => {
    for (let p: Node | null = node; p; p = p.parentNode) if (taken.has(p)) return true;
    return false;
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
        removals.push({
          kind: f.kind,
          rule: f.rule,
          reason: f.reason,
          text: recordText(f.node),
        });
        undoers.push(hideElement(f.node, f.kind));
        taken.add(f.node);
      } else {
        if (insideTaken(f.text)) continue;
        const before = f.text.data;
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
        f.text.data = after;
        removals.push({ kind: f.kind, rule: f.rule, reason: f.reason, text: clip(cut) });
        undoers.push(() => {
          f.text.data = before;
        });
      }
    }
  }

  // `remove` mode takes nodes out only after every step has run, so each step sees the same
  // page in both modes (empty-headings judges what earlier steps hid).
  if (mode === 'remove') for (const node of taken) undoers.push(detach(node as Element));

  const counts = emptyCounts();
  for (const r of removals) counts[r.kind]++;
  let undone = false;
  return {
    detection,
    removals,
    counts,
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
