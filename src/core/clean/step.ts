/** The shape of one cleanup step. Each step lives in its own file and only finds; the runner hides. */
import type { LayoutDetection, RemovalKind } from '../types';

export interface CleanContext {
  doc: Document;
  url: string;
  detection: LayoutDetection;
  /** The layout's article roots (`SiteRule.articleRoots`), found once per plan. */
  articleRoots: readonly Element[];
  /**
   * The page as the earlier steps left it. Steps only find and the runner applies nothing until
   * all have run (src/core/clean/index.ts), so a step that judges what is still shown asks here.
   */
  /** An earlier step took this element (it will be hidden). */
  isTaken(el: Element): boolean;
  /** An earlier step took an element inside this one. */
  holdsTaken(el: Element): boolean;
  /** The text node's text after earlier steps' cuts. */
  textOf(text: Text): string;
}

/** An element to hide whole. */
export interface ElementFinding {
  node: Element;
  kind: RemovalKind;
  rule: string;
  reason: string;
}

/** Part of a text node to cut (directives that leaked into running text). */
export interface TextFinding {
  text: Text;
  /** Half-open [start, end) character ranges of `text.data` to cut; non-overlapping, ascending. */
  ranges: [number, number][];
  kind: RemovalKind;
  rule: string;
  reason: string;
}

export type Finding = ElementFinding | TextFinding;

export interface CleanStep {
  /** Stable id, used in options (`skipSteps`) and reports, e.g. `broken-directives`. */
  id: string;
  find(ctx: CleanContext): Finding[];
}
