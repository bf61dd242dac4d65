/** Support for the clean-*.test.ts files: what a reader sees, and the benchmark's shingle metric. */
import { stepsFor } from '../../src/core';
import { SHARED_STEPS, TRAILING_STEPS } from '../../src/core/clean/steps';
import type { LayoutDetection } from '../../src/core';
import { visibleText } from '../../src/core/clean/hidden';
import { walk } from '../../src/core/dom';

export { visibleText };

/** Step ids of the layout's own rules, so a test can run the shared steps alone. */
export function siteStepIds(detection: LayoutDetection): string[] {
  const shared = new Set([...SHARED_STEPS, ...TRAILING_STEPS].map((s) => s.id));
  return stepsFor(detection)
    .map((s) => s.id)
    .filter((id) => !shared.has(id));
}

/** Word tokens as the benchmark's evaluation counts them (`\w+`, Unicode). */
export function tokens(text: string): string[] {
  return text.match(/[\p{L}\p{N}_]+/gu) ?? [];
}

/** Multiset of 4-token shingles (a text of fewer than 4 tokens is one shingle). */
export function shingles(text: string): Map<string, number> {
  const t = tokens(text);
  const out = new Map<string, number>();
  const add = (s: string) => out.set(s, (out.get(s) ?? 0) + 1);
  if (t.length > 0 && t.length < 4) add(t.join(' '));
  for (let i = 0; i + 4 <= t.length; i++) add(t.slice(i, i + 4).join(' '));
  return out;
}

/**
 * Share of the truth's shingles that a reader could see before cleanup and no longer sees
 * after: article text the cleanup took away.
 */
export function lostShare(
  truth: Map<string, number>,
  before: Map<string, number>,
  after: Map<string, number>,
): { lost: number; total: number; examples: string[] } {
  let lost = 0;
  let total = 0;
  const examples: string[] = [];
  for (const [s, n] of truth) {
    total += n;
    const had = Math.min(n, before.get(s) ?? 0);
    const has = Math.min(n, after.get(s) ?? 0);
    if (had > has) {
      lost += had - has;
      if (examples.length < 5) examples.push(s);
    }
  }
  return { lost, total, examples };
}

/** What a reader sees, as one line: visible text nodes joined by spaces, white space collapsed. */
export function readerText(root: Node): string {
  const parts: string[] = [];
  walk(root, (node) => {
    if (node.nodeType === 3) {
      parts.push((node as Text).data);
      return;
    }
    if (node.nodeType === 1 && !visibleText(node).trim()) return false;
  });
  return parts.join(' ').replace(/\s+/g, ' ').trim();
}

/** Every node of the document, in order (to prove nothing was detached). */
export function allNodes(doc: Document): Node[] {
  const out: Node[] = [];
  walk(doc, (n) => {
    out.push(n);
  });
  return out;
}

/** How many of `before` are no longer the node at the same place in `after` (0: nothing moved). */
export function nodesMoved(before: Node[], after: Node[]): number {
  let moved = Math.abs(before.length - after.length);
  for (let i = 0; i < Math.min(before.length, after.length); i++) {
    if (before[i] !== after[i]) moved++;
  }
  return moved;
}

/** The document's full serialization (linkedom: doctype, html and the comments after it). */
export function serialize(doc: Document): string {
  return String(doc);
}
