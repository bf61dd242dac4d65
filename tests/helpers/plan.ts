/**
 * A cleanup plan made by hand: what it takes, what it cuts, and the holders that follow from
 * those (every ancestor of either), as `planCleanup` records them.
 */
import type { RemovalKind } from '../../src/core/types';

export function planTaking(
  taken: Map<Element, RemovalKind>,
  cuts = new Map<Text, string>(),
): { taken: Map<Element, RemovalKind>; cuts: Map<Text, string>; holders: Set<Node> } {
  const holders = new Set<Node>();
  for (const node of [...taken.keys(), ...cuts.keys()])
    for (let p = node.parentNode; p; p = p.parentNode) holders.add(p);
  return { taken, cuts, holders };
}
