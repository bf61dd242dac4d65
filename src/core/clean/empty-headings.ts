/**
 * Headings left standing over nothing: once cleanup has hidden everything under a heading, the
 * heading alone is noise ("Advertisement", "Share this story", "Around the web" over an empty
 * space). A heading is hidden only when Broadsheet hid something in its section and the section
 * shows no text or picture any more. Content the page hides itself (`hidden`, inline
 * `display:none`) counts as not shown but never triggers the rule: readability-test-pages/
 * hidden-nodes keeps "Secondary header" over a `display:none` paragraph, and so do we.
 *
 * Runs after every other step (see TRAILING_STEPS in steps.ts), so it sees what they hid.
 */
import type { CleanContext, CleanStep, Finding } from './step';
import { ELEMENT_NODE, TEXT_NODE, bodyOf } from '../dom';
import { isHiddenElement, isInsideHidden, showsText } from './hidden';
import type { CleanView } from './hidden';
import { HIDDEN_ATTR } from './index';
import { queryAll, queryOne } from '../query';

const HEADING = /^h([2-6])$/;

/** How far a heading's wrapper may climb when the heading is alone in it (`<div><h2/></div><ul/>`). */
const MAX_WRAPPER_CLIMB = 2;

export const emptyHeadings: CleanStep = {
  id: 'empty-headings',
  find(ctx) {
    const { doc } = ctx;
    const out: Finding[] = [];
    const root = bodyOf(doc);
    if (!root) return out;
    /** Ancestors of what an earlier clean of the page hid, looked up once, when first needed. */
    let holdsMarked: Set<Node> | null = null;
    const mayHaveHidden = (heading: Element): boolean => {
      // Whatever section `sectionAfter` settles on, it counts only what was hidden among the
      // siblings of the heading or of a wrapper at most MAX_WRAPPER_CLIMB above it, so something
      // hidden must lie under this ancestor. Most headings have nothing hidden near them, and this
      // lookup spares them the reads of their sections (the step was ~1 ms of a BBC page load).
      let top: Element = heading;
      for (let i = 0; i <= MAX_WRAPPER_CLIMB && top.parentElement; i++) top = top.parentElement;
      if (ctx.holdsTaken(top)) return true;
      holdsMarked ??= ancestorsOf(queryAll(root, `[${HIDDEN_ATTR}]`));
      return holdsMarked.has(top);
    };
    for (const heading of Array.from(queryAll(root, 'h2, h3, h4, h5, h6'))) {
      if (!mayHaveHidden(heading)) continue;
      if (isInsideHidden(heading, ctx) || !showsText(heading, ctx)) continue;
      const level = headingLevel(heading)!;
      const section = sectionAfter(heading, level, ctx);
      if (!section) continue;
      if (section.hiddenCount > 0 && !section.visible) {
        out.push({
          node: section.owner,
          kind: 'other',
          rule: 'empty-headings/orphan',
          reason: 'Heading over content that was hidden',
        });
      }
    }
    return out;
  },
};

/** Every ancestor of `elements` (not the elements themselves). */
function ancestorsOf(elements: readonly Element[]): Set<Node> {
  const out = new Set<Node>();
  for (const el of elements)
    for (let p = el.parentNode; p && !out.has(p); p = p.parentNode) out.add(p);
  return out;
}

function headingLevel(el: Element): number | null {
  const m = HEADING.exec(el.tagName.toLowerCase());
  return m ? Number(m[1]) : null;
}

interface Section {
  /** The heading, or the wrapper that holds nothing but the heading. */
  owner: Element;
  /** Elements of the section Broadsheet hid (or that hold one it hid). */
  hiddenCount: number;
  visible: boolean;
}

/**
 * The content a heading introduces: its following siblings up to the next heading of the same
 * or a higher level. When the heading sits alone in a wrapper, the wrapper's siblings instead.
 * Null when the section runs into something we cannot judge (a sibling that contains a heading
 * of its own level), so the heading is left alone.
 */
function sectionAfter(heading: Element, level: number, ctx: CleanContext): Section | null {
  let owner: Element = heading;
  for (let i = 0; i < MAX_WRAPPER_CLIMB && !owner.nextSibling; i++) {
    const parent = owner.parentElement;
    if (
      !parent ||
      parent === bodyOf(heading.ownerDocument) ||
      !soleVisibleChild(parent, owner, ctx)
    )
      break;
    owner = parent;
  }
  let hiddenCount = 0;
  for (let sib = owner.nextSibling; sib; sib = sib.nextSibling) {
    // Once anything in the section shows, the heading stays whatever follows: stop looking.
    if (sib.nodeType === TEXT_NODE) {
      if (ctx.textOf(sib as Text).trim()) return { owner, hiddenCount, visible: true };
      continue;
    }
    if (sib.nodeType !== ELEMENT_NODE) continue;
    const el = sib as Element;
    const ownLevel = headingLevel(el);
    if (ownLevel !== null && ownLevel <= level) break;
    if (isHiddenElement(el, ctx)) {
      if (ctx.isTaken(el) || el.hasAttribute(HIDDEN_ATTR)) hiddenCount++;
      continue;
    }
    // A sibling that holds a heading of this level or higher starts a new section inside it:
    // too tangled to judge safely.
    if (queryOne(el, sameOrHigher(level))) return null;
    if (showsText(el, ctx) || hasVisibleMedia(el, ctx))
      return { owner, hiddenCount, visible: true };
    if (ctx.holdsTaken(el) || queryOne(el, `[${HIDDEN_ATTR}]`)) hiddenCount++;
  }
  return { owner, hiddenCount, visible: false };
}

function sameOrHigher(level: number): string {
  const tags: string[] = [];
  for (let l = 1; l <= level; l++) tags.push(`h${l}`);
  return tags.join(', ');
}

function soleVisibleChild(parent: Element, child: Element, view: CleanView): boolean {
  for (let n = parent.firstChild; n; n = n.nextSibling) {
    if (n === child) continue;
    if (n.nodeType === TEXT_NODE && view.textOf(n as Text).trim()) return false;
    if (n.nodeType === ELEMENT_NODE && showsText(n, view)) return false;
  }
  return true;
}

const MEDIA_TAGS = ['img', 'picture', 'video', 'audio', 'iframe', 'svg', 'canvas', 'object'];

/** Pictures and players show something even without text. */
function hasVisibleMedia(el: Element, view: CleanView): boolean {
  if (MEDIA_TAGS.includes(el.tagName.toLowerCase())) return true;
  for (const m of Array.from(queryAll(el, MEDIA_TAGS.join(', ')))) {
    if (!isInsideHidden(m, view)) return true;
  }
  return false;
}
