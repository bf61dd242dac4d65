/**
 * WordPress's `[gallery]`: the gallery it wrote for a post's own photos before its block editor
 * (2008–2018, and in posts written since with the classic editor), `div.gallery.galleryid-412
 * .gallery-columns-3`, with for each photo a `dl.gallery-item` (`dt.gallery-icon` the picture,
 * `dd.gallery-caption` its caption) or, in themes that ask for HTML5, a `figure.gallery-item`.
 * Readability drops the first as a box of several pictures and no paragraph, and the clutter pass
 * any element classed "gallery" that is not a figure. Made a figure of figures, the form of the
 * block editor's gallery, it is kept and read as a gallery (see galleryOf in src/core/blocks.ts).
 */
import { attributeOf } from '../core/attr';

/** Whether `el` is a WordPress `[gallery]`: classed `gallery` and by its number of columns. */
export function isWordPressGallery(el: Element): boolean {
  if (el.localName !== 'div') return false;
  const names = attributeOf(el, 'class');
  if (!names?.includes('gallery-columns-')) return false;
  const words = names.split(/\s+/);
  return words.includes('gallery') && words.some((word) => word.startsWith('gallery-columns-'));
}

/**
 * Makes each of `galleries` (WordPress `[gallery]`s in the reader's private copy) a figure, and
 * each of its `dl.gallery-item`s a figure inside it: the picture's `dt` a `div`, its caption's
 * `dd` a figcaption. Mutates: only for the private copy.
 */
export function galleriesAsFigures(galleries: readonly Element[]): void {
  for (const gallery of galleries) {
    if (!gallery.parentNode) continue;
    for (const item of Array.from(gallery.children)) {
      if (item.localName !== 'dl' || !item.classList.contains('gallery-item')) continue;
      const figure = renamed(item, 'figure');
      for (const part of Array.from(figure.children)) {
        if (part.localName === 'dt') renamed(part, 'div');
        else if (part.localName === 'dd') renamed(part, 'figcaption');
      }
    }
    renamed(gallery, 'figure');
  }
}

/** A `tag` element in `el`'s place, with its attributes and what it held. */
function renamed(el: Element, tag: string): Element {
  const next = el.ownerDocument.createElement(tag);
  for (const { name, value } of Array.from(el.attributes)) next.setAttribute(name, value);
  while (el.firstChild) next.appendChild(el.firstChild);
  el.parentNode!.replaceChild(next, el);
  return next;
}
