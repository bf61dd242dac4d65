/**
 * Pictures kept in `<noscript>`. Lazy-loading pages put a placeholder in the story and the real
 * picture in a `<noscript>` beside it (BBC pages since 2020, Medium, The Verge, Snopes). A
 * browser with scripting on (every reader's) parses a `<noscript>`'s content as one text node,
 * while the CLI's parser, like a browser with scripting off, makes elements of it; readers that
 * looked for `<img>` elements there found the picture in the CLI and the placeholder, or nothing,
 * in the browser. Here the text's `<img>` tags are read for their attributes: never parsed as
 * HTML, so no page markup reaches a parser or an HTML sink.
 */
import { queryAll } from './query';
import { firstElementChildOf, textContentOf } from './view';

/** An `<img …>` tag; quoted attribute values may hold `>`. */
const IMG_TAG = /<img\b((?:[^>"']|"[^"]*"|'[^']*')*)>/gi;
/** Any tag or comment, quoted attribute values and all. */
const ANY_TAG = /<!--[\s\S]*?-->|<\/?[a-z](?:[^>"']|"[^"]*"|'[^']*')*>/gi;
/** One attribute of a tag: a name, then maybe `=` and a value, quoted or not. */
const ATTRIBUTE = /([^\s"'<>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

/**
 * The longest text read for pictures. A picture's fallback is short (the longest in the corpus,
 * with its srcset: 3,493 characters); the tag patterns cost time in proportion to the square of a
 * text of many unclosed tags, so a longer text (a hostile page's) is not read.
 */
const MAX_MARKUP = 10_000;

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** An attribute value as written in markup, its character references resolved. */
export function decodeAttributeValue(value: string): string {
  return value.replace(
    /&(?:#(\d+)|#x([0-9a-f]+)|(amp|lt|gt|quot|apos));?/gi,
    (ref, dec, hex, name) => {
      if (name) return NAMED[(name as string).toLowerCase()] ?? ref;
      const code = dec ? Number.parseInt(dec as string, 10) : Number.parseInt(hex as string, 16);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : ref;
    },
  );
}

/**
 * The attributes of every `<img>` tag written in `markup`, names in lower case, in order; none
 * for a markup longer than MAX_MARKUP.
 */
export function imgTagsIn(markup: string): Map<string, string>[] {
  const out: Map<string, string>[] = [];
  if (markup.length > MAX_MARKUP) return out;
  for (const [, inside] of markup.matchAll(IMG_TAG)) {
    const attributes = new Map<string, string>();
    for (const [, name, dq, sq, bare] of (inside ?? '').matchAll(ATTRIBUTE)) {
      const key = name!.toLowerCase();
      // As a parser does: the first of two attributes of one name wins.
      if (!attributes.has(key)) attributes.set(key, decodeAttributeValue(dq ?? sq ?? bare ?? ''));
    }
    out.push(attributes);
  }
  return out;
}

/**
 * The markup a `<noscript>` holds as text (parsed with scripting on), or null when it holds
 * elements (parsed with scripting off): then its pictures are `<img>` elements.
 */
export function noscriptText(noscript: Element): string | null {
  return firstElementChildOf(noscript) ? null : textContentOf(noscript);
}

/** The attributes of the first `<img>` tag a `<noscript>` holding text writes, if any. */
export function firstImgTag(noscript: Element): Map<string, string> | null {
  const text = noscriptText(noscript);
  return (text && imgTagsIn(text)[0]) || null;
}

/**
 * On a private copy of a page: every `<noscript>` under `root` (`noscripts`, when the caller's
 * own walk of the copy found them) that holds its markup as text, and in it only pictures
 * (`<img>` tags, maybe in wrappers, no words), gets them as `<img>` elements (built with
 * createElement, attributes set one by one) in place of the text, as a parser with scripting off
 * would have made them, so that a reader of the copy (Readability's own noscript handling
 * included) finds the same pictures in the browser as in the CLI.
 */
export function noscriptImagesAsElements(
  root: Element,
  noscripts: readonly Element[] = Array.from(queryAll(root, 'noscript')),
): void {
  const doc = root.ownerDocument;
  for (const noscript of noscripts) {
    const text = noscriptText(noscript);
    if (!text || text.length > MAX_MARKUP || !/<img\b/i.test(text)) continue;
    if (text.replace(ANY_TAG, '').trim()) continue;
    const images = imgTagsIn(text).map((attributes) => {
      const img = doc.createElement('img');
      for (const [name, value] of attributes) {
        try {
          img.setAttribute(name, value);
        } catch {
          // A name no DOM takes ("2x", say): left out, as it does not name a picture.
        }
      }
      return img;
    });
    while (noscript.firstChild) noscript.removeChild(noscript.firstChild);
    for (const img of images) noscript.appendChild(img);
  }
}

/**
 * The description of a lazy-loaded picture, kept for the real one: a page puts a placeholder
 * `<img alt="…">` before a `<noscript>` holding the real `<img>` with no alt (appleinsider.com:
 * a white pixel with the description, then the photo without), and Readability, which puts the
 * `<noscript>`'s picture in the placeholder's place, keeps only the placeholder's addresses.
 * For the generic reader's private copy, after `noscriptImagesAsElements` (and given the same
 * `noscripts`, when it was).
 */
export function keepPlaceholderAlt(
  root: Element,
  noscripts: readonly Element[] = Array.from(root.getElementsByTagName('noscript')),
): void {
  for (const noscript of noscripts) {
    const images = noscript.getElementsByTagName('img');
    const real = images.length === 1 ? images[0]! : null;
    if (!real || real.getAttribute('alt')?.trim()) continue;
    const before = noscript.previousElementSibling;
    const placeholders = !before
      ? []
      : before.localName === 'img'
        ? [before]
        : Array.from(before.getElementsByTagName('img'));
    const alt = placeholders.length === 1 ? placeholders[0]!.getAttribute('alt')?.trim() : null;
    if (alt) real.setAttribute('alt', alt);
  }
}
