/**
 * Turns an article container into body blocks (paragraph, heading, quote, image, list), reading
 * the DOM without changing it. Every extractor uses it, so a site rule only says what is special
 * on its layout through `classify`.
 */
import type { Block } from './types';
import { ELEMENT_NODE, TEXT_NODE, isNonContent } from './dom';
import { collapse } from './text';
import { queryOne } from './query';
import { childrenOf, dataOf, lastChildOf, previousSiblingOf, textContentOf } from './view';

/**
 * What a site says about one element met during the walk:
 * - a block (or blocks) to emit in its place, children not visited;
 * - `'skip'`: drop it and its children;
 * - `'descend'`: treat as a plain container;
 * - `undefined`: default handling.
 */
export type Classification = Block | Block[] | 'skip' | 'descend' | undefined;

export interface BlockOptions {
  classify?: (el: Element) => Classification;
  /** Resolves image and link addresses (relative, archived) to absolute originals. */
  resolve: (href: string | null) => string | null;
}

const BLOCK_TAGS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'center',
  'dd',
  'details',
  'dialog',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'hr',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
  'caption',
]);

export function isBlockElement(el: Element): boolean {
  return BLOCK_TAGS.has(el.tagName.toLowerCase());
}

/** Reads `root` into blocks. Paragraph text is collapsed; empty blocks are dropped. */
export function readBlocks(root: Element, options: BlockOptions): Block[] {
  const blocks: Block[] = [];
  let inline: string[] = [];
  const flush = () => {
    const text = collapse(inline.join(''));
    inline = [];
    if (text) blocks.push({ type: 'paragraph', text });
  };
  const emit = (b: Block | Block[]) => {
    flush();
    for (const block of Array.isArray(b) ? b : [b]) if (!isEmptyBlock(block)) blocks.push(block);
  };

  // Iterative walk: a frame is an element whose children we are visiting.
  type Frame = { node: Node; flushAfter: boolean };
  const stack: Frame[] = [];
  const pushChildren = (node: Node) => {
    for (let c = lastChildOf(node); c; c = previousSiblingOf(c))
      stack.push({ node: c, flushAfter: false });
  };
  pushChildren(root);
  while (stack.length) {
    const { node, flushAfter } = stack.pop()!;
    if (flushAfter) {
      flush();
      continue;
    }
    if (node.nodeType === TEXT_NODE) {
      inline.push(dataOf(node as Text));
      continue;
    }
    if (node.nodeType !== ELEMENT_NODE) continue;
    const el = node as Element;
    if (isNonContent(el) || isHiddenElement(el)) continue;
    const verdict = options.classify?.(el);
    if (verdict === 'skip') continue;
    if (verdict && verdict !== 'descend') {
      emit(verdict);
      continue;
    }
    const tag = el.tagName.toLowerCase();
    if (verdict !== 'descend') {
      const block = defaultBlock(el, tag, options);
      if (block !== undefined) {
        if (block) emit(block);
        else flush();
        continue;
      }
    }
    if (tag === 'br') {
      // Two <br> in a row end a paragraph on pages that never used <p>.
      const prev = inline.length ? inline[inline.length - 1] : '';
      if (prev === '\n') flush();
      else inline.push('\n');
      continue;
    }
    const isBlock = isBlockElement(el);
    if (isBlock) {
      flush();
      stack.push({ node: el, flushAfter: true });
    }
    pushChildren(el);
  }
  flush();
  return blocks;
}

/**
 * Default readings of the usual tags. `undefined`: not a leaf, walk its children;
 * `null`: nothing to emit (the element ends the current paragraph).
 */
function defaultBlock(
  el: Element,
  tag: string,
  options: BlockOptions,
): Block | Block[] | null | undefined {
  switch (tag) {
    case 'p': {
      // A <p> that wraps real blocks (bad markup) is a container, not a paragraph.
      if (queryOne(el, 'p, div, ul, ol, blockquote, h1, h2, h3, h4, h5, h6, figure, table'))
        return undefined;
      if (queryOne(el, 'img') && !collapse(textContentOf(el)))
        return imageBlock(queryOne(el, 'img')!, null, options);
      return { type: 'paragraph', text: inlineText(el) };
    }
    case 'h1':
    case 'h2':
    case 'h3':
    case 'h4':
    case 'h5':
    case 'h6':
      return { type: 'heading', level: Number(tag[1]), text: inlineText(el) };
    case 'blockquote':
      return { type: 'quote', text: inlineText(el), pull: false };
    case 'ul':
    case 'ol': {
      const items = childrenOf(el)
        .filter((li) => li.tagName.toLowerCase() === 'li')
        .map((li) => inlineText(li))
        .filter(Boolean);
      return items.length ? { type: 'list', ordered: tag === 'ol', items } : null;
    }
    case 'figure': {
      const img = queryOne(el, 'img');
      if (!img) return undefined;
      const caption = collapse(textContentOf(queryOne(el, 'figcaption'))) || null;
      return imageBlock(img, caption, options);
    }
    case 'img':
      return imageBlock(el, null, options);
    case 'hr':
      return null;
    case 'pre':
      return { type: 'paragraph', text: (textContentOf(el) ?? '').trim() };
    default:
      return undefined;
  }
}

/** Text of an inline context, with <br> as a space and hidden/non-content children left out. */
export function inlineText(el: Element): string {
  const parts: string[] = [];
  const stack: Node[] = [el];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.nodeType === TEXT_NODE) {
      parts.push(dataOf(node as Text));
      continue;
    }
    if (node.nodeType !== ELEMENT_NODE) continue;
    const child = node as Element;
    if (child !== el && (isNonContent(child) || isHiddenElement(child))) continue;
    if (child.tagName.toLowerCase() === 'br') parts.push(' ');
    for (let c = lastChildOf(child); c; c = previousSiblingOf(c)) stack.push(c);
  }
  return collapse(parts.join(''));
}

export function imageBlock(
  img: Element,
  caption: string | null,
  options: BlockOptions,
): Block | null {
  const src = options.resolve(
    img.getAttribute('src') ?? img.getAttribute('data-src') ?? img.getAttribute('data-original'),
  );
  if (!src) return null;
  const alt = collapse(img.getAttribute('alt')) || null;
  return { type: 'image', src, alt, caption: caption || null };
}

/** Elements the page itself hides (hidden attribute, aria-hidden, inline display:none). */
export function isHiddenElement(el: Element): boolean {
  if (el.hasAttribute('hidden')) return true;
  const style = el.getAttribute('style');
  if (style && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style)) return true;
  return false;
}

function isEmptyBlock(block: Block): boolean {
  switch (block.type) {
    case 'image':
      return !block.src;
    case 'list':
      return block.items.length === 0;
    default:
      return !block.text;
  }
}

/** The article's plain text: blocks separated by a blank line, without images or pull quotes. */
export function blocksToText(blocks: Block[]): string {
  const parts: string[] = [];
  for (const b of blocks) {
    if (b.type === 'image') continue;
    if (b.type === 'quote' && b.pull) continue;
    if (b.type === 'list') parts.push(b.items.join('\n'));
    else parts.push(b.text);
  }
  return parts.filter(Boolean).join('\n\n');
}
