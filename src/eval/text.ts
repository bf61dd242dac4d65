/**
 * Plain text of an extractor's HTML output, for scoring. Block elements end a line, so words of
 * adjacent paragraphs never fuse into one token (`textContent` of `<p>end</p><p>Start</p>` is
 * `endStart`, which would cost every tool shingles it did extract).
 */
import { isBlockElement } from '../core/blocks';
import { ELEMENT_NODE, TEXT_NODE, isNonContent } from '../core/dom';

export function elementText(root: Node): string {
  const parts: string[] = [];
  // Iterative walk; a `null` entry marks the end of a block element.
  const stack: (Node | null)[] = [root];
  while (stack.length) {
    const node = stack.pop();
    if (node === null) {
      parts.push('\n');
      continue;
    }
    if (!node) continue;
    if (node.nodeType === TEXT_NODE) {
      parts.push((node as Text).data);
      continue;
    }
    if (node.nodeType === ELEMENT_NODE) {
      const el = node as Element;
      if (isNonContent(el)) continue;
      const tag = el.tagName.toLowerCase();
      if (tag === 'br') {
        parts.push('\n');
        continue;
      }
      if (isBlockElement(el)) {
        parts.push('\n');
        stack.push(null);
      }
    } else if (node.nodeType !== 9 && node.nodeType !== 11) {
      continue; // comments, doctypes
    }
    for (let c = node.lastChild; c; c = c.previousSibling) stack.push(c);
  }
  return parts
    .join('')
    .split('\n')
    .map((line) => line.replace(/[\s\u00a0]+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
}
