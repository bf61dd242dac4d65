/**
 * Turns an article container into body blocks (paragraph, heading, quote, image, list, table),
 * reading the DOM without changing it. Every extractor uses it, so a site rule only says what is
 * special on its layout through `classify`.
 */
import type { Block } from './types';
import { ELEMENT_NODE, TEXT_NODE, isNonContent } from './dom';
import { collapse } from './text';
import { matches, queryAll, queryOne } from './query';
import {
  childrenOf,
  dataOf,
  lastChildOf,
  lastElementChildOf,
  previousElementSiblingOf,
  previousSiblingOf,
  spacedText,
  textContentOf,
} from './view';

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

const HEADINGS = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'];
/** The heading tags, lower-case. */
export const HEADING_TAGS: ReadonlySet<string> = new Set(HEADINGS);

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
  ...HEADINGS,
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

/** The blocks a `<p>` cannot hold: a `<p>` that wraps one (bad markup) is a container. */
export const NESTED_BLOCK_TAGS: ReadonlySet<string> = new Set([
  'p',
  'div',
  'ul',
  'ol',
  'blockquote',
  ...HEADINGS,
  'figure',
  'table',
]);

const IMG: ReadonlySet<string> = new Set(['img']);

/**
 * The elements inside `el` whose tag is one of `tags`, in document order (as the mask leaves the
 * page): all of them, only the first, or only those not inside another (`outermost`). As
 * `queryAll(el, 'p, div, …')` for a list of tag names. Paragraphs are asked this one by one,
 * and linkedom parses and compiles a selector on every query: in Node that was a fifth of
 * reading a long generic article.
 */
export function descendantsTagged(
  el: Element,
  tags: ReadonlySet<string>,
  which: 'all' | 'first' | 'outermost' = 'all',
): Element[] {
  const found: Element[] = [];
  const stack: Element[] = [];
  const pushChildren = (parent: Element) => {
    for (let c = lastElementChildOf(parent); c; c = previousElementSiblingOf(c)) stack.push(c);
  };
  pushChildren(el);
  while (stack.length) {
    const child = stack.pop()!;
    if (tags.has(child.tagName.toLowerCase())) {
      found.push(child);
      if (which === 'first') break;
      if (which === 'outermost') continue;
    }
    pushChildren(child);
  }
  return found;
}

function firstDescendantTagged(el: Element, tags: ReadonlySet<string>): Element | null {
  return descendantsTagged(el, tags, 'first')[0] ?? null;
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
      if (firstDescendantTagged(el, NESTED_BLOCK_TAGS)) return undefined;
      const imgs = descendantsTagged(el, IMG);
      if (!imgs.length) return { type: 'paragraph', text: inlineText(el) };
      if (!collapse(textContentOf(el))) return pictureBlocks(el, imgs, options);
      return withEdgePictures(el, { type: 'paragraph', text: inlineText(el) }, options);
    }
    case 'h1':
    case 'h2':
    case 'h3':
    case 'h4':
    case 'h5':
    case 'h6':
      return withOwnPictures(
        el,
        { type: 'heading', level: Number(tag[1]), text: headingText(el) },
        options,
      );
    case 'blockquote':
      return withOwnPictures(el, { type: 'quote', text: inlineText(el), pull: false }, options);
    case 'ul':
    case 'ol': {
      const blocks = listBlocks(el, options);
      return blocks.length ? blocks : null;
    }
    case 'figure': {
      const img = queryOne(el, 'img');
      if (!img) return undefined;
      const gallery = galleryOf(el, options);
      if (gallery) return galleryBlocks(gallery);
      const { caption, credit } = figureParts(el);
      return imageBlock(img, caption, options, credit);
    }
    case 'img':
      return imageBlock(el, null, options);
    case 'hr':
      return null;
    case 'pre':
      return { type: 'paragraph', text: (textContentOf(el) ?? '').trim() };
    case 'table':
      // A table of data (standings, results, figures) stays a table; one that lays out the
      // page or its pictures is walked as a container.
      return dataTable(el) ?? undefined;
    default:
      return undefined;
  }
}

const LISTS: ReadonlySet<string> = new Set(['ul', 'ol']);
/**
 * Deepest level a nested list is read at as a list of its own; one deeper is read as its item's
 * text. Lists nest a few levels in articles; a page nesting thousands would otherwise take as
 * many calls on the stack.
 */
export const MAX_LIST_LEVEL = 8;

/**
 * A list as blocks: one list of its items' text, and a list nested in an item as a list of its
 * own one level down, after that item (the outer list goes on after it, numbered on). Read as
 * one item's text, an item's sub-items ran together: "…stage you're in now" and "Assess what
 * you're starting with" of bigbrandsystem.com, firefox-nightly-blog's bugs under one heading.
 * A list nested directly in a list (`<ul><li>…</li><ul>…</ul></ul>`, not valid HTML but
 * common) belongs to the item before it. An outer list whose items hold nothing but lists (a
 * wrapper drawn without its bullet) leaves its lists at its own level.
 *
 * Given the reader's `options`, a picture that opens or closes an item comes before or after
 * it, with the caption the site's `classify` gives its box (see itemPictures); the list goes on
 * after it.
 */
export function listBlocks(list: Element, options?: BlockOptions, level = 0): Block[] {
  const ordered = list.tagName.toLowerCase() === 'ol';
  const blocks: Block[] = [];
  let start = ordered ? listStart(list) : null;
  let items: string[] = [];
  let own = 0;
  const close = () => {
    if (!items.length) return;
    blocks.push({ type: 'list', ordered, start, level, items });
    if (start !== null) start += items.length;
    own += items.length;
    items = [];
  };
  const emit = (inner: readonly Block[]) => {
    if (!inner.length) return;
    close();
    for (const block of inner) blocks.push(block);
  };
  const deepest = level >= MAX_LIST_LEVEL;
  for (const child of childrenOf(list)) {
    if (isNonContent(child) || isHiddenElement(child)) continue;
    const tag = child.tagName.toLowerCase();
    if (LISTS.has(tag) && !deepest) emit(listBlocks(child, options, level + 1));
    if (tag !== 'li' && !(LISTS.has(tag) && deepest)) continue;
    const { nested, imgs } = deepest ? { nested: [], imgs: [] } : itemParts(child);
    const skip = new Set(nested);
    const pictures = options && imgs.length ? itemPictures(child, imgs, skip, options) : null;
    for (const holder of pictures?.holders ?? []) skip.add(holder);
    const text = skip.size ? inlineText(child, (el) => skip.has(el)) : inlineText(child);
    if (pictures) emit(pictures.lead);
    if (text) items.push(text);
    if (pictures) emit(pictures.tail);
    for (const sub of nested) emit(listBlocks(sub, options, level + 1));
  }
  close();
  if (own || !blocks.length) return blocks;
  return blocks.map((b) => (b.type === 'list' ? { ...b, level: b.level - 1 } : b));
}

/**
 * The pictures that open (`lead`) and close (`tail`) a list item, outside its nested lists:
 * WordPress's `<li><div class="wp-caption"><img>…</div></li>` (firefox-nightly-blog's
 * screenshots, which went with the item's text). Each is the block the site's `classify` makes
 * of the outermost element round it inside the item (a captioned box), else of its figure or
 * itself; `holders` are those elements, which the item's text leaves out. Left out as in a
 * paragraph (small, formulas, emoji, icons), and a picture linking to another page: a teaser's
 * thumbnail in a list of stories.
 */
function itemPictures(
  item: Element,
  imgs: readonly Element[],
  skip: ReadonlySet<Element>,
  options: BlockOptions,
): { lead: Block[]; tail: Block[]; holders: Element[] } | null {
  const found = new Map<Element, ImageBlock>();
  for (const img of imgs) {
    if (isInlinePicture(img) || linkedPage(img, item)) continue;
    const picture = itemPicture(img, item, options);
    if (picture) found.set(picture.holder, picture.block);
  }
  if (!found.size) return null;
  const { lead, tail } = edgePictures(item, skip, found);
  const isFirst = firstOfCopies();
  const read = (units: Element[]): Block[] =>
    units.map((holder) => found.get(holder)!).filter(isFirst);
  // One inside the item's text is left out, and its box's words stay in the text.
  return { lead: read(lead), tail: read(tail), holders: [...lead, ...tail] };
}

export type ImageBlock = Extract<Block, { type: 'image' }>;

/** One picture of a list item, as its outermost holder inside the item reads (see above). */
function itemPicture(
  img: Element,
  item: Element,
  options: BlockOptions,
): { block: ImageBlock; holder: Element } | null {
  let found: { block: ImageBlock; holder: Element } | null = null;
  for (let el: Element | null = img; el && el !== item; el = el.parentElement) {
    const verdict = options.classify?.(el);
    if (verdict === 'skip') return null;
    if (verdict && !Array.isArray(verdict) && typeof verdict === 'object') {
      if (verdict.type === 'image') found = { block: verdict, holder: el };
    } else if (el.tagName.toLowerCase() === 'figure') {
      const { caption, credit } = figureParts(el);
      const block = imageBlock(img, caption, options, credit);
      if (block?.type === 'image') found = { block, holder: el };
    }
  }
  if (found) return found;
  const block = imageBlock(img, null, options);
  return block?.type === 'image' ? { block, holder: img } : null;
}

/** The number of an ordered list's first item: its `start`, else 1. */
function listStart(list: Element): number {
  const value = /^\s*(-?\d{1,9})\s*$/.exec(list.getAttribute('start') ?? '');
  return value ? Number(value[1]) : 1;
}

const LISTS_AND_PICTURES: ReadonlySet<string> = new Set([...LISTS, 'img']);

/**
 * In one walk of an item, the lists nested in it (not those inside them) and its pictures
 * outside them, leaving out hidden ones and what is inside them.
 */
function itemParts(item: Element): { nested: Element[]; imgs: Element[] } {
  const nested: Element[] = [];
  const imgs: Element[] = [];
  for (const el of descendantsTagged(item, LISTS_AND_PICTURES, 'outermost')) {
    if (hiddenBelow(el, item)) continue;
    if (el.tagName.toLowerCase() === 'img') imgs.push(el);
    else nested.push(el);
  }
  return { nested, imgs };
}

/** Whether `el` or one of its ancestors below `item` is hidden or not content. */
function hiddenBelow(el: Element, item: Element): boolean {
  for (let p: Element | null = el; p && p !== item; p = p.parentElement)
    if (isNonContent(p) || isHiddenElement(p)) return true;
  return false;
}

/**
 * The pictures of a paragraph that holds no text, each once: photos set side by side in one
 * `<p>` (WordPress galleries pasted as images), not only the first. Copies of one picture (a lazy
 * loader's `<img>` and the `<noscript>` one beside it) give one block; hidden ones none. Nor do
 * pictures that each link to a different page, when there are several: a row of teasers for
 * other posts (theantijunecleaver.com: a recipe's "pin" picture for each of four other recipes).
 */
function pictureBlocks(p: Element, imgs: Element[], options: BlockOptions): Block[] {
  return [...picturesOf(p, imgs, options).values()];
}

/** The blocks pictureBlocks reads of `imgs`, by picture, in their order. */
function picturesOf(p: Element, imgs: Element[], options: BlockOptions): Map<Element, ImageBlock> {
  const blocks = new Map<Element, ImageBlock>();
  const isFirst = firstOfCopies();
  const links = imgs.map((img) => linkedPage(img, p));
  const teasers = new Set(links.filter(Boolean)).size >= 2;
  for (const [i, img] of imgs.entries()) {
    if (isHiddenElement(img) || (teasers && links[i])) continue;
    const block = imageBlock(img, null, options);
    if (block?.type === 'image' && isFirst(block)) blocks.set(img, block);
  }
  return blocks;
}

/**
 * A test true the first time it meets a picture and false for its copies after: the same
 * address, or the same alt text and file name (see pictureIdentity).
 */
function firstOfCopies(): (block: ImageBlock) => boolean {
  const seen = new Set<string>();
  return (block) => {
    const key = pictureIdentity(block.alt, block.src);
    if (seen.has(block.src) || (key !== null && seen.has(key))) return false;
    seen.add(block.src);
    if (key !== null) seen.add(key);
    return true;
  };
}

/**
 * A paragraph of text with the pictures set at its start or its end (WordPress's `<p><img
 * class="alignleft">The story…`, factorio.com's `<p><img><br>Caption</p>`, a product and its
 * photo in a list post): the pictures before the text, the paragraph, the pictures after it. One
 * inside the text is part of the sentence (Wikipedia's formulas as images) and stays out; so do
 * small ones (icons, emoji: a width or height under SMALL_PICTURE pixels), those whose class says
 * math, emoji or icon, and a logo linking to the site's front page.
 */
function withEdgePictures(p: Element, paragraph: Block, options: BlockOptions): Block | Block[] {
  const { lead, tail, ownLine } = edgePictures(p);
  if (ownLine.length) return splitAtPictures(p, [...lead, ...ownLine, ...tail], options);
  if (!lead.length && !tail.length) return paragraph;
  const before = pictureBlocks(p, lead, options);
  const caption = lead.length && !tail.length ? emphasisCaption(p, paragraph) : null;
  const last = before[before.length - 1];
  if (caption && last?.type === 'image' && !last.caption) {
    before[before.length - 1] = { ...last, caption };
    return before;
  }
  return [...before, paragraph, ...pictureBlocks(p, tail, options)];
}

/**
 * A paragraph with pictures on lines of their own inside it, read as the paragraphs between them
 * and the pictures in their places (remember8090.it: twenty offers in one `<p>`, each its name, a
 * `<br>`, its link, a `<br>` and its photo). `pictures` are where it is cut: those, and the ones
 * opening and closing it.
 */
function splitAtPictures(p: Element, pictures: Element[], options: BlockOptions): Block[] {
  const blocks = picturesOf(p, pictures, options);
  const out: Block[] = [];
  for (const run of inlineRuns(p, undefined, new Set(pictures))) {
    if (typeof run !== 'string') {
      const block = blocks.get(run);
      if (block) out.push(block);
    } else if (run) out.push({ type: 'paragraph', text: run });
  }
  return out;
}

/**
 * A heading or a quote read as its text, with the pictures set at its start before it and those at
 * its end after it, as for a paragraph (see withEdgePictures): a photo a page's editor put in a
 * heading (bigbrandsystem.com: each section's `<h3>` is its photo, lazy, in a `<noscript>`) or
 * in a quote's box (jeongdongtheater.com: a show's posters in a `<blockquote>`), which the text
 * alone left out. A heading or quote of a picture and no words is that picture.
 */
function withOwnPictures(el: Element, block: Block, options: BlockOptions): Block | Block[] {
  if (!firstDescendantTagged(el, IMG)) return block;
  const { lead, tail } = edgePictures(el);
  if (!lead.length && !tail.length) return block;
  return [...pictureBlocks(el, lead, options), block, ...pictureBlocks(el, tail, options)];
}

/**
 * The pictures that open `el`'s text (`lead`: no text before them) and those that close it
 * (`tail`), leaving out what `skip` says is not part of it and pictures set in a line of text:
 * small, formulas, emoji, icons, a logo linking home (see withEdgePictures). Given `units`,
 * those elements are the pictures instead (a captioned box counts as one, its words as none).
 */
function edgePictures(
  el: Element,
  skip?: ReadonlySet<Element>,
  units?: ReadonlyMap<Element, unknown>,
): { lead: Element[]; tail: Element[]; ownLine: Element[] } {
  const isPicture = (child: Element) => {
    if (units) return units.has(child);
    if (child.tagName.toLowerCase() !== 'img') return false;
    const link = linkedPage(child, el);
    return !isInlinePicture(child) && !(link && HOME_PAGE.test(link));
  };
  const textBefore = new Map<Element, number>();
  // What the walk meets, in order: a run of text, a line break (a <br>, or the start or end of a
  // block inside), a picture.
  const events: (Element | 'text' | 'break')[] = [];
  let text = 0;
  // null: the end of a block inside `el`.
  const stack: (Node | null)[] = [el];
  while (stack.length) {
    const node = stack.pop()!;
    if (node === null) {
      events.push('break');
      continue;
    }
    if (node.nodeType === TEXT_NODE) {
      if (/\S/.test(dataOf(node as Text))) {
        text++;
        events.push('text');
      }
      continue;
    }
    if (node.nodeType !== ELEMENT_NODE) continue;
    const child = node as Element;
    if (child !== el && (isNonContent(child) || isHiddenElement(child) || skip?.has(child)))
      continue;
    if (child !== el && isPicture(child)) {
      textBefore.set(child, text);
      events.push(child);
      continue;
    }
    const tag = child.tagName.toLowerCase();
    if (tag === 'br') events.push('break');
    else if (child !== el && BLOCK_TAGS.has(tag)) {
      events.push('break');
      stack.push(null);
    }
    for (let c = lastChildOf(child); c; c = previousSiblingOf(c)) stack.push(c);
  }
  const lead: Element[] = [];
  const tail: Element[] = [];
  const ownLine: Element[] = [];
  // Found only when a picture stands inside the text: most paragraphs' pictures open or close it.
  let ownLines: Set<Element> | undefined;
  for (const [picture, before] of textBefore) {
    if (before === 0) lead.push(picture);
    else if (before === text) tail.push(picture);
    else if (!units && (ownLines ??= picturesOnOwnLines(events)).has(picture))
      ownLine.push(picture);
  }
  return { lead, tail, ownLine };
}

/**
 * The pictures among `events` that have a line to themselves, other pictures aside: a line break,
 * not text, is the first thing before each and the first after it. In one pass each way.
 */
function picturesOnOwnLines(events: readonly (Element | 'text' | 'break')[]): Set<Element> {
  const breakBefore: boolean[] = [];
  let last: 'text' | 'break' | null = null;
  for (const event of events) {
    if (typeof event === 'object') breakBefore.push(last === 'break');
    else last = event;
  }
  const found = new Set<Element>();
  let next: 'text' | 'break' | null = null;
  let i = breakBefore.length;
  for (let at = events.length - 1; at >= 0; at--) {
    const event = events[at]!;
    if (typeof event !== 'object') next = event;
    else if (breakBefore[--i] && next === 'break') found.add(event);
  }
  return found;
}

/** Most words of a caption set as a line in italics under its picture. */
const EMPHASIS_CAPTION_WORDS = 12;
/** The end of a sentence, quoted or bracketed or not ("… leadership?”"). */
const SENTENCE_END = /[.!?…]["'”’»)\]]*$/;

/**
 * Whether a line in italics under a picture reads as its caption: a few words (at most
 * EMPHASIS_CAPTION_WORDS) and no sentence.
 */
export function isEmphasisCaption(text: string): boolean {
  return (
    text !== '' && !SENTENCE_END.test(text) && text.split(' ').length <= EMPHASIS_CAPTION_WORDS
  );
}

/**
 * The paragraph's text when it is a caption in italics under its picture (daringfireball.net:
 * `<p><a><img></a><br><em>Portrait by George Del Barrio</em></p>`): all of it in one `<em>` or
 * `<i>` of the paragraph's own, a few words and no sentence. Null otherwise.
 */
function emphasisCaption(p: Element, paragraph: Block): string | null {
  if (paragraph.type !== 'paragraph') return null;
  const text = paragraph.text;
  if (!isEmphasisCaption(text)) return null;
  for (const child of childrenOf(p)) {
    const tag = child.tagName.toLowerCase();
    if ((tag === 'em' || tag === 'i') && inlineText(child) === text) return text;
  }
  return null;
}

/** A site's front page: a picture linking there is the site's logo (gmw.cn, after the byline). */
const HOME_PAGE = /^(?:(?:https?:)?\/\/[^/]+)?\/?$/i;

/** Pixels under which a picture with a stated width or height is an icon, not a photo. */
const SMALL_PICTURE = 100;
const INLINE_PICTURE_CLASS = /math|emoji|smiley|icon/i;

/** A picture set in a line of text: small, or classed as a formula, an emoji or an icon. */
function isInlinePicture(img: Element): boolean {
  if (INLINE_PICTURE_CLASS.test(img.getAttribute('class') ?? '')) return true;
  for (const name of ['width', 'height']) {
    const size = Number.parseInt(img.getAttribute(name) ?? '', 10);
    if (size < SMALL_PICTURE) return true;
  }
  return false;
}

/**
 * What tells copies of one picture apart from other pictures: its alt text and the name of its
 * file, whatever size or host the address asks for (thumbor's `…/2400x1350/…/screen.png` and
 * `…/1200x675/…/screen.png`). Null when the address names no file.
 */
export function pictureIdentity(alt: string | null, address: string | null): string | null {
  const file = address?.split(/[?#]/)[0]!.split('/').pop();
  return file ? `${collapse(alt)}\n${file}` : null;
}

/** An address that names a picture file (a photo's full-size copy), not a page. */
export const PICTURE_FILE = /\.(?:jpe?g|png|gif|webp|avif|svg)(?:[?#]|$)/i;

/** The page a link round `img` inside `within` goes to; null for none or a picture file. */
function linkedPage(img: Element, within: Element): string | null {
  for (let el = img.parentElement; el && el !== within; el = el.parentElement) {
    if (el.localName !== 'a') continue;
    const href = el.getAttribute('href')?.trim();
    return href && !href.startsWith('#') && !PICTURE_FILE.test(href) ? href : null;
  }
  return null;
}

const NUMBER = /^[-+−]?[\d.,]+%?$/;

/**
 * True when a table written without header cells still opens with a row of labels: no cell of
 * the first row is empty or a figure, and some column below it is all figures ("Pos. Piloto
 * Pontos" over "1 Kyle Busch 5040").
 */
function labelsRow(rows: string[][]): boolean {
  const [first, ...rest] = rows;
  if (!first || rest.length < 2 || first.some((cell) => !cell || NUMBER.test(cell))) return false;
  return first.some((_, col) => rest.every((row) => NUMBER.test(row[col] ?? '')));
}

/** Longest cell text a data table is expected to hold; layout cells hold whole stories. */
const MAX_CELL_CHARS = 300;
const LAYOUT_IN_CELL =
  'table, ul, ol, h1, h2, h3, h4, h5, h6, blockquote, figure, form, iframe, p + p';

/**
 * `table` as a table block when it holds data: at least two rows and two columns of short text,
 * no table inside it, no cell holding blocks of its own or only a picture, and not marked as
 * presentation. Null for a layout table.
 */
function dataTable(table: Element): Block | null {
  const role = table.getAttribute('role');
  if (role === 'presentation' || role === 'none') return null;
  const head: string[][] = [];
  const rows: string[][] = [];
  const foot: string[][] = [];
  let caption: string | null = null;
  let columns = 0;
  let cells = 0;
  let filled = 0;
  const readRow = (tr: Element, part: 'thead' | 'tbody' | 'tfoot'): boolean => {
    if (isHiddenElement(tr)) return true;
    const row: string[] = [];
    let allHeaders = true;
    for (const cell of childrenOf(tr)) {
      const tag = cell.tagName.toLowerCase();
      if (tag !== 'td' && tag !== 'th') continue;
      if (tag === 'td') allHeaders = false;
      // Blocks in the cell first: a cell's text holds its nested tables', so reading it first
      // read a chain of tables, each in a cell of the one before, in time growing with its square
      // (16,000 in a BBC story: 80 s to extract).
      if (queryOne(cell, LAYOUT_IN_CELL)) return false;
      const text = inlineText(cell);
      if (text.length > MAX_CELL_CHARS) return false;
      if (!text && queryOne(cell, 'img')) return false;
      row.push(text);
      cells++;
      if (text) filled++;
    }
    if (!row.length) return true;
    columns = Math.max(columns, row.length);
    // Header rows are the <thead>'s, and <th> rows before the first row of data; a <tfoot>
    // (which a page may write before its <tbody>) shows last.
    if (part === 'tfoot') foot.push(row);
    else if (part === 'thead' || (allHeaders && !rows.length)) head.push(row);
    else rows.push(row);
    return true;
  };
  for (const child of childrenOf(table)) {
    const tag = child.tagName.toLowerCase();
    if (tag === 'caption') caption = inlineText(child) || null;
    else if (tag === 'tr') {
      if (!readRow(child, 'tbody')) return null;
    } else if (tag === 'thead' || tag === 'tbody' || tag === 'tfoot') {
      for (const tr of childrenOf(child))
        if (tr.tagName.toLowerCase() === 'tr' && !readRow(tr, tag)) return null;
    }
  }
  // A footer that repeats the header (long tables print it at both ends) is said once.
  const same = (a: string[][], b: string[][]) => a.join('\n') === b.join('\n');
  if (foot.length && !same(foot, head)) rows.push(...foot);
  if (head.length + rows.length < 2 || columns < 2 || filled * 2 < cells) return null;
  if (!head.length && labelsRow(rows)) head.push(rows.shift()!);
  return { type: 'table', caption, head, rows };
}

/**
 * A heading's words as the reader gives them: without its permalink mark or "[edit]", nor a
 * figure set inside it (engadget's "Engadget Score" heading holds the key to its ratings, a
 * `<figure>` of "Poor Uninspiring Good Excellent").
 */
export function headingText(el: Element): string {
  return inlineText(el, notHeadingWords);
}

const notHeadingWords = (el: Element) => isHeadingTool(el) || el.tagName.toLowerCase() === 'figure';

/**
 * What a page prints in a heading as a tool rather than as its words ("History", not
 * "History[edit]"): a link to the heading's own place on the page printed as a mark rather than
 * words (Sphinx's `a.headerlink` "¶" in mercurial's docs, the V8 blog's "#", "§", "🔗", an icon),
 * and MediaWiki's `span.mw-editsection` "[edit]" (Wikipedia's and other wikis' pages).
 * A link to elsewhere on the page that says something ("Methods", a footnote's "1") is the
 * heading's own text.
 */
function isHeadingTool(el: Element): boolean {
  if (matches(el, '.mw-editsection')) return true;
  if (el.tagName.toLowerCase() !== 'a' || !el.getAttribute('href')?.startsWith('#')) return false;
  const text = collapse(textContentOf(el));
  return text.length <= 2 && !/[\p{L}\p{N}]/u.test(text);
}

/**
 * Text of an inline context, with <br> as a space and hidden/non-content children left out, and
 * those `skip` says are not part of it.
 */
export function inlineText(el: Element, skip?: (child: Element) => boolean): string {
  return inlineRuns(el, skip)[0] as string;
}

/**
 * The text of `el` as inlineText reads it, cut at each of `cuts` (pictures, in the order met):
 * the text before the first, the first, the text after it … the text after the last.
 */
function inlineRuns(
  el: Element,
  skip?: (child: Element) => boolean,
  cuts?: ReadonlySet<Element>,
): (string | Element)[] {
  const runs: (string | Element)[] = [];
  let parts: string[] = [];
  // null: the end of a block inside `el`.
  const stack: (Node | null)[] = [el];
  while (stack.length) {
    const node = stack.pop() as Node | null;
    if (node === null) {
      parts.push(' ');
      continue;
    }
    if (node.nodeType === TEXT_NODE) {
      parts.push(dataOf(node as Text));
      continue;
    }
    if (node.nodeType !== ELEMENT_NODE) continue;
    const child = node as Element;
    if (child !== el && (isNonContent(child) || isHiddenElement(child) || skip?.(child))) continue;
    if (cuts?.has(child)) {
      runs.push(collapse(parts.join('')), child);
      parts = [];
      continue;
    }
    const tag = child.tagName.toLowerCase();
    if (tag === 'br') parts.push(' ');
    // A block inside (a quote's paragraphs, an item's nested list) is not run into the text
    // around it: slate.com's quote of two paragraphs read "…a high fantasy.If he is holding…".
    if (child !== el && BLOCK_TAGS.has(tag)) {
      parts.push(' ');
      stack.push(null);
    }
    for (let c = lastChildOf(child); c; c = previousSiblingOf(c)) stack.push(c);
  }
  runs.push(collapse(parts.join('')));
  return runs;
}

export function imageBlock(
  img: Element,
  caption: string | null,
  options: BlockOptions,
  credit: string | null = null,
): Block | null {
  if (isTrackingPixel(img)) return null;
  const src = pictureAddress(img, options.resolve);
  if (!src) return null;
  const alt = collapse(img.getAttribute('alt')) || null;
  // A credit the picture carries as data, where nothing printed names one (engadget, ehow,
  // wapo: `<img data-credit="Devindra Hardawar/AOL">`).
  credit ??= collapse(img.getAttribute('data-credit')) || null;
  return { type: 'image', src, alt, caption: caption || null, credit };
}

/**
 * A picture of one pixel or none, stated so, with no other address a lazy loader would fill in:
 * a counter that tells a server the page was read (AP's hosted stories load
 * `analytics.apnewsregistry.com/…/image.svc/…` at `width="1" height="1"` under the headline).
 */
function isTrackingPixel(img: Element): boolean {
  for (const name of ['width', 'height']) {
    const size = img.getAttribute(name);
    if (size === null || !/^\s*[01](?:px)?\s*$/.test(size)) return false;
  }
  const lazy = (name: string) => img.hasAttribute(name);
  return !LAZY_SOURCES.some(lazy) && !LAZY_SETS.some(lazy);
}

/**
 * Where a lazy-loading page keeps the picture while `src` holds a placeholder that is no web
 * address (thesun.co.uk: `src="data:image/svg+xml,…"`, `data-src` the photo).
 */
const LAZY_SOURCES = ['data-src', 'data-original', 'data-lazy-src'];
const LAZY_SETS = ['srcset', 'data-srcset'];

/**
 * The web address of an `<img>`: its `src`, else where a lazy loader keeps it, else the largest
 * of its source sets. A GIF in `src` gives way to a loader's address: lazy loaders park a blank
 * or spinning GIF there until the picture scrolls into view (msn.com: a 1×1 gif on its CDN for
 * every photo; express.co.uk `preloaderbig.gif`), while a photo in `src` is often the bigger
 * one (space.com's `data-src` is a 320-pixel copy).
 */
export function pictureAddress(img: Element, resolve: BlockOptions['resolve']): string | null {
  let src = resolve(img.getAttribute('src'));
  const placeholder = src !== null && GIF.test(src);
  if (src === null || placeholder) {
    for (const name of LAZY_SOURCES) {
      const lazy = resolve(lazyAddress(img.getAttribute(name)));
      if (lazy && !GIF.test(lazy)) return lazy;
    }
  }
  for (const name of LAZY_SOURCES) src ??= resolve(lazyAddress(img.getAttribute(name)));
  for (const name of LAZY_SETS) src ??= resolve(largestInSrcset(img.getAttribute(name)));
  return src;
}

/** An address that names a GIF file. */
const GIF = /\.gif(?:[?#]|$)/i;

/** The first `"src"` of a loader's settings written as JSON (msn.com `data-src='{"default":…}'`). */
const JSON_SRC = /"src"\s*:\s*"([^"]+)"/;

/** A lazy loader's attribute as an address: as written, or the `src` of its JSON settings. */
function lazyAddress(value: string | null): string | null {
  if (!value?.trimStart().startsWith('{')) return value;
  return JSON_SRC.exec(value)?.[1] ?? null;
}

/**
 * The biggest picture a `srcset` offers ("a.jpg 320w, b.jpg 800w" → b.jpg): the one an archive
 * wants. Candidates are parted by a comma and a space, as pages write them: an address may hold
 * commas of its own (kinja: `c_fill,f_auto,…`).
 */
export function largestInSrcset(set: string | null): string | null {
  let best: string | null = null;
  let bestSize = -1;
  for (const candidate of (set ?? '').split(/,\s+/)) {
    const [url, descriptor] = candidate.trim().split(/\s+/);
    if (!url) continue;
    const size = Number.parseFloat(descriptor ?? '1') || 1;
    if (size > bestSize) [best, bestSize] = [url.replace(/(?<!,),+$/, ''), size];
  }
  return best;
}

/** A picture's caption and credit, read apart. */
export interface FigureParts {
  caption: string | null;
  credit: string | null;
}

/**
 * The caption and credit of a `<figure>`: its figcaption's text without the credit in it. With
 * `scope` `'own'`, only what is the figure's and not a figure's inside it (a gallery's caption,
 * not its photos').
 */
export function figureParts(figure: Element, scope: 'all' | 'own' = 'all'): FigureParts {
  const own = scope === 'own' ? ownElements(figure) : null;
  const captionEl = own
    ? (own.find((el) => el.tagName.toLowerCase() === 'figcaption') ?? null)
    : queryOne(figure, 'figcaption');
  const credit = creditElement(figure, captionEl, own);
  const caption = captionEl
    ? collapse(
        spacedText(captionEl, (e) => e === credit || notSeenByReader(e) || isSlideCount(e)),
      ) || null
    : null;
  if (!credit && caption) return creditAtEnd(caption) ?? { caption, credit: null };
  return { caption, credit: creditText(credit) };
}

/** "(Credit: iStock)", "(Photo Credit : PTI File Photo )", "(All photos: Atlas staff)". */
const CREDIT_IN_BRACKETS =
  /\(\s*(?:all\s+)?(?:(?:photo(?:graph)?|image|picture)s?(?:\s+credits?)?|credits?)\s*:\s*([^()]{1,80}?)\s*\)$/i;
/** "… of deep space travel. Credit: 20th Century Fox", "Credit: Funko", "Photo credit: Jo Li". */
const CREDIT_LINE_AT_END =
  /(^|[.!?…]["”’]?\s+)(?:(?:photo(?:graph)?|image|picture)s?\s+)?credits?\s*:\s*([^():]{1,80})$/i;
/** "Fernando Caudevilla, AKA DoctorX. Photo: Joseph Cox": after a sentence, not a caption's label. */
const PHOTO_LINE_AT_END =
  /([.!?…]["”’]?\s+)(?:photo(?:graph)?|image|picture)s?\s*:\s*([^():.]{1,60})$/i;

/**
 * A caption that ends in its picture's credit, labelled as one, read apart: the words before it
 * and the credit without its label. Null when it ends in none: "Photo by …" stays as printed, and
 * so does a caption that opens with "Photo:" (some pages label a caption so).
 */
export function creditAtEnd(caption: string): FigureParts | null {
  let cut: number;
  let credit: string | undefined;
  const bracketed = CREDIT_IN_BRACKETS.exec(caption);
  if (bracketed) [cut, credit] = [bracketed.index, bracketed[1]];
  else {
    const line = CREDIT_LINE_AT_END.exec(caption) ?? PHOTO_LINE_AT_END.exec(caption);
    if (!line) return null;
    [cut, credit] = [line.index + line[1]!.length, line[2]];
  }
  const text = collapse(credit);
  if (!text) return null;
  return { caption: collapse(caption.slice(0, cut)) || null, credit: text };
}

/** A slideshow's count of its pictures ("1 of 4", "2/4"), not words of a caption. */
const SLIDE_COUNT = /^\s*\d+\s*(?:of|\/)\s*\d+\s*$/i;

/**
 * An element of a caption that is only the slideshow's count (timesunion.com's
 * `<span class="count">1<span>of</span>4</span>` before each photo's caption).
 */
function isSlideCount(el: Element): boolean {
  return SLIDE_COUNT.test(textContentOf(el) ?? '');
}

/** The elements of `figure` that are not inside a figure in it, in document order. */
function ownElements(figure: Element): Element[] {
  const found: Element[] = [];
  const stack: Element[] = [];
  const pushChildren = (parent: Element) => {
    for (let c = lastElementChildOf(parent); c; c = previousElementSiblingOf(c)) stack.push(c);
  };
  pushChildren(figure);
  while (stack.length) {
    const el = stack.pop()!;
    if (el.tagName.toLowerCase() === 'figure') continue;
    found.push(el);
    pushChildren(el);
  }
  return found;
}

/** A figure that shows several pictures, and what it prints for them all. */
export interface Gallery {
  /**
   * Each picture once, in document order, as an image block with the caption and credit of its
   * own figure inside the gallery, if it is in one.
   */
  pictures: { img: Element; block: ImageBlock }[];
  /** The caption and credit of the gallery itself, not of a figure inside it; null for none. */
  caption: FigureParts | null;
  /**
   * The index in `pictures` of the one that caption is printed next to: the last before it, or the
   * first where it comes before them all.
   */
  captionAt: number;
}

/**
 * A figure that shows several pictures rather than one: a gallery (WordPress's
 * `figure.wp-block-gallery`, a figure of its own for each photo) or photos set side by side in one
 * figure. Null for a figure of one picture. What does not count as a picture: one in a caption
 * (fandom.com's teasers: the author's avatar by the headline), hidden, set in a line of text (an
 * icon), with no address, or a copy of one before it (a lazy loader's blurred preview of the
 * photo, see firstOfCopies). One walk of the figure, whatever the depth of figures in it.
 */
export function galleryOf(figure: Element, options: BlockOptions): Gallery | null {
  // Each <img>, with the innermost figure inside the gallery that holds it.
  const imgs: [Element, Element | null][] = [];
  // How many of `imgs` come before the gallery's own caption.
  let captionAfter: number | null = null;
  const stack: [Element, Element | null][] = [];
  const pushChildren = (parent: Element, within: Element | null) => {
    for (let c = lastElementChildOf(parent); c; c = previousElementSiblingOf(c))
      stack.push([c, within]);
  };
  pushChildren(figure, null);
  while (stack.length) {
    const [el, within] = stack.pop()!;
    if (isNonContent(el) || isHiddenElement(el)) continue;
    const tag = el.tagName.toLowerCase();
    if (tag === 'img') {
      if (!isInlinePicture(el)) imgs.push([el, within]);
    } else if (tag === 'figcaption') {
      if (!within && captionAfter === null) captionAfter = imgs.length;
    } else pushChildren(el, tag === 'figure' ? el : within);
  }
  if (imgs.length < 2) return null;
  const isFirst = firstOfCopies();
  const kept: [Element, Element | null, ImageBlock][] = [];
  let keptBeforeCaption = 0;
  for (const [i, [img, within]] of imgs.entries()) {
    const block = imageBlock(img, null, options);
    if (block?.type !== 'image' || !isFirst(block)) continue;
    kept.push([img, within, block]);
    if (i < (captionAfter ?? imgs.length)) keptBeforeCaption++;
  }
  if (kept.length < 2) return null;
  const partsOf = new Map<Element, FigureParts>();
  const pictures = kept.map(([img, within, block]) => {
    if (!within) return { img, block };
    let own = partsOf.get(within);
    if (!own) partsOf.set(within, (own = figureParts(within, 'own')));
    return { img, block: { ...block, caption: own.caption, credit: own.credit ?? block.credit } };
  });
  const parts = figureParts(figure, 'own');
  const caption = parts.caption || parts.credit ? parts : null;
  return { pictures, caption, captionAt: Math.max(keptBeforeCaption - 1, 0) };
}

/**
 * A gallery as image blocks, its caption on the picture it is printed next to (see `captionAt`):
 * after that picture's own caption, if it has one, and its credit where it has none of its own.
 */
export function galleryBlocks(gallery: Gallery): ImageBlock[] {
  const blocks = gallery.pictures.map(({ block }) => block);
  const shared = gallery.caption;
  if (shared) {
    const at = Math.min(gallery.captionAt, blocks.length - 1);
    const block = blocks[at]!;
    const caption = [block.caption, shared.caption].filter(Boolean).join(' ') || null;
    blocks[at] = { ...block, caption, credit: block.credit ?? shared.credit };
  }
  return blocks;
}

/**
 * Class words of text kept for screen readers only ("Image:" before a caption, skynews'
 * `sdc-article-image__visually-hidden`; "Credit" before a credit, nytimes' `visually-hidden`).
 */
const SCREEN_READER_ONLY =
  /(?:^|[\s_-])(?:sr-only|visually-?hidden|screen-?reader-text|off-?screen)(?:$|[\s_-])/i;

/**
 * What a caption, a credit or a related link's title leaves out: not content, hidden, or there
 * for screen readers only.
 */
export function notSeenByReader(el: Element): boolean {
  return (
    isNonContent(el) ||
    isHiddenElement(el) ||
    SCREEN_READER_ONLY.test(el.getAttribute('class') ?? '')
  );
}

/**
 * Class words of a figure's credit: `credit`, `caption__credit`, `Figure-credit`, `credits`,
 * `article-body-image-copyright` (latimes, theguardian, space.com, telegraph, nytimes in the
 * corpora).
 */
const CREDIT_CLASS = /(?:^|[\s_-])(?:credits?|copyright)(?:$|[\s_-])/i;

/**
 * The element of `figure` that credits its picture: one whose class says so, or microdata's
 * `copyrightHolder` (nytimes), else a `<small>` closing the figcaption (forbes: "…(Photo: Getty
 * Images)" + `<small>Getty</small>`). Not the figcaption itself (slate and citylab class a whole
 * caption "…-credit") and not a box holding the picture. Where `own` is given, one of those
 * elements (see ownElements), and `captionEl` is the figcaption the credit may close.
 */
function creditElement(
  figure: Element,
  captionEl: Element | null,
  own: Element[] | null,
): Element | null {
  const candidates = own
    ? own.filter((el) => el.hasAttribute('class') || el.hasAttribute('itemprop'))
    : queryAll(figure, '[class], [itemprop]');
  for (const el of candidates) {
    const credits =
      CREDIT_CLASS.test(el.getAttribute('class') ?? '') ||
      /\bcopyrightHolder\b/.test(el.getAttribute('itemprop') ?? '');
    if (!credits) continue;
    const tag = el.tagName.toLowerCase();
    if (tag === 'figcaption' || tag === 'img' || queryOne(el, 'img, figcaption')) continue;
    return el;
  }
  const last = lastElementChildOf(captionEl ?? figure);
  return last && last.tagName.toLowerCase() === 'small' && last.parentElement !== figure
    ? last
    : null;
}

/**
 * Labels that only say what follows is a credit: "Credit:", "Credit...", "(Image credit: …)",
 * "Image source, ".
 */
const CREDIT_LABEL =
  /^(?:(?:image|photo(?:graph)?)\s+)?(?:credits?|copyright|source)\b\s*(?:[:,]|\.\.\.|…)?\s*|^(?:image|photo(?:graph)?)\s*:\s*/i;

/**
 * A credit's words as a reader sees them, without what only labels it as one ("Credit: EPA" →
 * "EPA", "(Image credit: Blue Origin)" → "Blue Origin", a BBC figure's hidden "Image source, ");
 * "Photo by …" stays as printed.
 */
export function creditText(el: Element | null): string | null {
  if (!el) return null;
  return creditFromText(collapse(spacedText(el, (e) => e !== el && notSeenByReader(e))));
}

/** A credit line's text without its brackets and label ("(Image credit: NASA)" → "NASA"). */
export function creditFromText(line: string): string | null {
  let text = line.replace(/^\((.*)\)$/, '$1').trim();
  // A label twice over: nytimes.com prints "Credit", then "Credit" again for screen readers.
  for (let label = CREDIT_LABEL.exec(text); label?.[0]; label = CREDIT_LABEL.exec(text))
    text = text.slice(label[0].length).trim();
  return text || null;
}

/** Elements the page itself hides (hidden attribute, aria-hidden, inline display:none). */
export function isHiddenElement(el: Element): boolean {
  if (el.hasAttribute('hidden')) return true;
  const style = el.getAttribute('style');
  if (style && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style)) return true;
  return false;
}

/** A block with nothing in it: no text, no items, no rows, an image without an address. */
export function isEmptyBlock(block: Block): boolean {
  switch (block.type) {
    case 'image':
      return !block.src;
    case 'list':
      return block.items.length === 0;
    case 'table':
      return block.rows.length === 0 && block.head.length === 0;
    default:
      return !block.text;
  }
}

/**
 * The article's plain text: blocks separated by a blank line, without images or pull quotes. A
 * table is its caption, then one line per row with the cells separated by tabs.
 */
export function blocksToText(blocks: Block[]): string {
  const parts: string[] = [];
  for (const b of blocks) {
    if (b.type === 'image') continue;
    if (b.type === 'quote' && b.pull) continue;
    if (b.type === 'list') parts.push(b.items.join('\n'));
    else if (b.type === 'table') parts.push(tableText(b));
    else parts.push(b.text);
  }
  return parts.filter(Boolean).join('\n\n');
}

/** A table block as text: its caption, then one line per row, cells separated by tabs. */
export function tableText(table: Extract<Block, { type: 'table' }>): string {
  const lines = [...table.head, ...table.rows].map((row) => row.join('\t'));
  return (table.caption ? [table.caption, ...lines] : lines).join('\n');
}
