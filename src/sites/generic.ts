/**
 * Every page that is not a BBC layout. The pipeline has already made a private copy of the page
 * without its clutter (of only its declared article, when it has one: ./generic-scope.ts); here
 * @mozilla/readability finds the article in it, and its element (never an HTML string) is read
 * into our blocks, with the post-filters below taking out what Readability keeps but readers do
 * not count as the story.
 */
import { Readability } from '@mozilla/readability';
import type { ExtractContext, ExtractedParts, GenericReader } from './site';
import type { PageMetadata } from '../core/metadata';
import type { Author, Block } from '../core/types';
import {
  blocksToText,
  creditAtEnd,
  creditFromText,
  creditText,
  figureParts,
  galleryBlocks,
  galleryOf,
  imageBlock,
  isEmphasisCaption,
  notSeenByReader,
  pictureAddress,
  pictureIdentity,
  readBlocks,
  type BlockOptions,
  type FigureParts,
  type Gallery,
} from '../core/blocks';
import { galleriesAsFigures, isWordPressGallery } from './generic-galleries';
import { bodyOf, COMMENT_NODE, ELEMENT_NODE, TEXT_NODE, walk } from '../core/dom';
import { MONTH_NAME, toIsoUtc } from '../core/dates';
import { hostOf } from '../core/url';
import { cleanByline, collapse, countWords, splitNames } from '../core/text';
import { spacedText } from '../core/view';
import {
  captionsRepeatingAlt,
  filterBlocks,
  linkOnlyMarker,
  dropNewsletterBoxes,
  isInterfaceControl,
  isNewsletterBox,
  stripClutter,
  type LinkOnly,
} from './generic-filters';
import { articleScope } from './generic-scope';
import { flattenBelow } from './generic-depth';
import { keepPlaceholderAlt, noscriptImagesAsElements } from '../core/noscript';
import { formulasAsText, isFormula } from '../core/math';
import { attributeOf } from '../core/attr';

const readGenericArticle: GenericReader['read'] = (doc, ctx, meta) => {
  // linkedom builds no <html>/<body> for a page that has none (newspaper4k's
  // google_meta_refresh.html is scripts and a <noscript>), and Readability needs a body.
  // A frameset page has no body either (its frames are other documents): linkedom's `doc.body`
  // would add an empty one, on which Readability threw a TypeError (tests/reliability/odd-pages).
  const page = bodyOf(doc);
  if (doc.documentElement?.tagName.toLowerCase() !== 'html' || page?.localName !== 'body')
    return null;
  // Markup after `</html>` belongs in <body> (a browser's parser puts it there); linkedom leaves
  // it beside <html>, where Readability's walk up from a candidate never meets BODY and threw a
  // TypeError (tests/reliability/property.test.ts, full run). This is the private copy.
  // (Comments stay: browsers keep those after </html> too, and Wayback writes its footer there.)
  for (let n = doc.documentElement.nextSibling; n;) {
    const next = n.nextSibling;
    if (n.nodeType !== COMMENT_NODE) page.appendChild(n);
    n = next;
  }
  // Readability walks and measures text recursively, once per ancestor: past a few hundred
  // levels it takes minutes and then overflows the stack. Such a page is read whole instead,
  // flattened below that depth first (./generic-depth.ts).
  const found = firstLook(page);
  if (!found) {
    flattenBelow(page, MAX_READABILITY_DEPTH);
    return readWhole(page, ctx, meta);
  }
  unwrapEmbeddedPosts(page, found.posts);
  withoutOtherPosts(page);
  galleriesAsFigures(found.galleries);
  // Pictures a browser with scripting on left as <noscript> text: elements, as in the CLI.
  noscriptImagesAsElements(page, found.noscripts);
  keepPlaceholderAlt(page, found.noscripts);
  // One walk of the copy for three things Readability would keep and should not, and two it
  // would drop and should not. Comments: it gathers a <div>'s loose text into paragraphs and ends
  // one at any node that is not text or inline, and React's empty `<!-- -->` between the parts of
  // one line cut nytimes.com's "A version of this article appears in print on , on Page A22 …"
  // into seven paragraphs. Newsletter boxes: see dropNewsletterBoxes. Controls: see
  // isInterfaceControl. Subheads: see keepHeaderClassedHeading. Formulas: see formulasAsText.
  const comments: Node[] = [];
  const boxes: Element[] = [];
  const controls: Element[] = [];
  const formulas: Element[] = [];
  walk(page, (node) => {
    if (node.nodeType === COMMENT_NODE) comments.push(node);
    else if (node.nodeType === ELEMENT_NODE) {
      if (isFormula(node as Element)) {
        // Read whole: what it holds is the formula's, formulas inside it included.
        formulas.push(node as Element);
        return false;
      } else if (isNewsletterBox(node as Element)) boxes.push(node as Element);
      else if (isInterfaceControl(node as Element)) controls.push(node as Element);
      else keepHeaderClassedHeading(node as Element);
    }
  });
  for (const node of [...comments, ...controls]) node.parentNode?.removeChild(node);
  formulasAsText(formulas, page);
  dropNewsletterBoxes(page, boxes);
  const pictures = newPictures();
  readPictures(page, pictures, { resolve: ctx.resolve });
  // `meta` was read before Readability runs: it takes the <script> elements (and so the
  // JSON-LD) out.
  // Classes kept: the post-filters read them (caption, gallery, share …).
  let result: ReturnType<Readability<Node>['parse']>;
  try {
    result = new Readability(doc, {
      serializer: (el: Node) => el,
      keepClasses: true,
    }).parse();
  } catch (error) {
    // A stack smaller than Node's (a browser tab) can overflow below our depth limit.
    if (error instanceof RangeError) return readWhole(page, ctx, meta);
    throw error;
  }
  const root = result?.content as Element | null | undefined;
  if (!result || !root || root.nodeType !== 1) return null;

  const title = printedHeadline(
    withoutNamedSite(
      entryHeadline(meta) ??
        (withoutSiteName(collapse(result.title), meta.titles, meta.headings, meta.pageTitle) ||
          meta.title),
      [meta.siteName, collapse(result.siteName)],
      ctx.url,
    ),
    meta,
  );
  const byline = meta.authors.length ? meta.authors : authorsFromByline(collapse(result.byline));
  const authors = byline.length ? byline : meta.shownAuthors;
  const read = readFiltered(root, title, ctx, pictures, authors);
  const { standfirst, body } = withStandfirst(meta.description, read);
  return {
    title,
    standfirst,
    authors,
    published: meta.published ?? toIsoUtc(result.publishedTime ?? null),
    modified: meta.modified,
    section: meta.section,
    siteName: meta.siteName ?? (collapse(result.siteName) || null),
    language: meta.language ?? (collapse(result.lang) || null),
    canonicalUrl: meta.canonicalUrl,
    body,
  };
};

/**
 * The generic reader the pipeline is handed (src/core/extract.ts): Readability on a copy of the
 * page's declared article when it has one (./generic-scope.ts), of the whole page otherwise.
 */
export const genericReader: GenericReader = { scope: articleScope, read: readGenericArticle };

/**
 * The page's title without the site's name after it ("Disney+ glitches blamed on heavy demand -
 * Los Angeles Times", "… Julian Assange -- Sott.net", "… 临床用药需求-新华网"): when the headline the
 * page declares (JSON-LD, og:title) is the title up to a separator, the declared headline is the
 * title. So is another headline it declares, or the text of one of the page's first <h1>s, when
 * the title or the page's own <title> (which Readability may have cut at a colon) is that text, a
 * separator and a tail shorter than it of at most six words: a site's name printed in an <h1>
 * before the story's title ("The Verge | Apple launches …") is never taken for the title.
 */
function withoutSiteName(
  title: string,
  declared: readonly string[],
  headings: readonly string[],
  pageTitle: string | null,
): string {
  const [headline = '', ...others] = declared;
  if (tailAfter(title, headline) !== null) return headline;
  // A tail as long as the headline still names the site when the page prints it as another
  // <h1>: Sphinx's docs head each page with the project's name ("evolve extension for
  // Mercurial", as long as mercurial's "Evolve: Shared Mutable History").
  const siteNameAfter = (heading: string, full: string) => {
    const tail = tailAfter(full, heading);
    return (
      !!tail &&
      countWords(tail) <= 6 &&
      (tail.length < heading.length || headings.some((h) => h !== heading && h === tail))
    );
  };
  for (const heading of [...others, ...headings].filter((h) => h.length >= MIN_HEADLINE))
    if (siteNameAfter(heading, title) || siteNameAfter(heading, collapse(pageTitle)))
      return heading;
  return title;
}

/**
 * The headline the page prints, its first <h1>, where another headline it declares is the same
 * words and `title` is neither: nytimes.com declares a headline for search engines in its JSON-LD
 * ("What Teachers' Unions Are Fighting For as Schools Plan a New Year") and prints another, which
 * its og:title repeats ("Teachers Are Wary of Returning to Class, and Online Instruction Too"):
 * the reader's headline is the one two of them give.
 */
function printedHeadline(title: string | null, meta: PageMetadata): string | null {
  const printed = meta.headings[0];
  if (!title || !printed || printed.length < MIN_HEADLINE || sameWords(printed, title))
    return title;
  const repeats = (declared: string) => sameWords(declared.replace(PUBLISHED_NOTE, ''), printed);
  return meta.titles.some(repeats) ? printed : title;
}

/**
 * The year nytimes.com adds to an old story's og:title: "Ignoring Deadline to Quit, G.O.P.
 * Senate Candidate Defies His Party Leaders (Published 2012)". `(?<!\s)`: a match starts only
 * at the first of a run of spaces, so the run is not read again from each (quadratic on a long
 * one); the same guard is on the other end-of-text patterns here.
 */
const PUBLISHED_NOTE = /(?<!\s)\s+\(Published (?:19|20)\d\d\)$/;

const sameWords = (a: string, b: string) =>
  straightQuotes(collapse(a)) === straightQuotes(collapse(b));

/**
 * The title of the page's hAtom post (`.hentry .entry-title`) on a page that declares no
 * headline and prints no <h1>, whose <title> is then often the site's alone: every AP story a
 * newspaper hosted was "News from The Associated Press" (newspaper4k's ap_meta_refresh), its
 * headline a `span.headline.entry-title`.
 */
function entryHeadline(meta: PageMetadata): string | null {
  if (meta.titles.length || meta.headings.length) return null;
  const entry = meta.entryTitle;
  return entry && entry.length >= MIN_HEADLINE ? entry : null;
}

/**
 * The title without its last part when that part names the site, whatever else the page
 * declares (a site's og:title may carry its name too): "Mozilla - Wikipedia" at
 * en.wikipedia.org, "… Are Here — And They're Not Great - Digg" where og:site_name is "Digg",
 * "Friday Facts #282 - 0.17 in sight | Factorio" at factorio.com. The part must be the site's
 * declared name or a word of its address, whole (letters and digits compared without case):
 * "Lorem ipsum – My website" keeps its tail, as a last part that is any other words may be the
 * headline's own ("Minecraft 1.8 - The Bountiful Update").
 */
function withoutNamedSite(
  title: string | null,
  siteNames: readonly (string | null)[],
  url: string,
): string | null {
  const parts = title ? LAST_PART.exec(title) : null;
  if (!parts) return title;
  const head = parts[1]!;
  const tail = parts[2]!;
  // "Factorio.com" names factorio.com as "Factorio" does.
  const key = (name: string) =>
    name
      .toLowerCase()
      .replace(/\.(?:com|org|net)$/, '')
      .replace(/[^\p{L}\p{N}]+/gu, '');
  const names = [
    ...siteNames.map((name) => key(name ?? '')),
    ...hostOf(url)
      .split('.')
      .slice(0, -1)
      .filter((label) => label !== 'www'),
  ];
  const named = key(tail);
  return named.length >= 3 && names.includes(named) ? head : title;
}

/**
 * A title's last part after a spaced separator, and what stands before it. Each run of spaces can
 * be read only one way (the parts end and start with a letter), or a long run is quadratic.
 */
const LAST_PART = /^(.*?\S)\s+(?:--|[-–—|·•»~/])\s+([^-–—|·•»~/\s][^-–—|·•»~/]*)$/;

/** What follows `headline` and a separator in `title`, or null when `title` is not that. */
function tailAfter(title: string, headline: string): string | null {
  if (!headline) return null;
  const end = startEnd(straightQuotes(title), straightQuotes(headline));
  if (end < 0 || end >= title.length) return null;
  const rest = title.slice(end);
  const tail = rest.replace(SITE_SEPARATOR, '');
  if (tail === rest || !tail) return null;
  const spaced = /^\s/.test(rest) && /\s$/.test(rest.slice(0, rest.length - tail.length));
  return spaced || CJK_END.test(headline) ? tail : null;
}

/**
 * Where `start` ends in `text` when `text` begins with it, white space aside (-1 when it does
 * not): nikkei.com's og:title "…の成否（写真＝ロイター）" begins its <title> "…の成否 （写真＝ロイター）
 * ：日本経済新聞", with a space more (U+3000 on the page). Quotes are compared straightened, curly and
 * straight alike: an <h1> may print ‘A Terrorist’ where the title has 'A Terrorist'
 * (theintercept.com); one character for one, so the positions still line up.
 */
function startEnd(text: string, start: string): number {
  let at = 0;
  for (const char of start) {
    if (/\s/.test(char)) continue;
    while (at < text.length && /\s/.test(text[at]!)) at += 1;
    if (!text.startsWith(char, at)) return -1;
    at += char.length;
  }
  return at;
}

/** Shorter than this, an <h1> is a section's or a site's name, not a headline. */
const MIN_HEADLINE = 8;

const straightQuotes = (text: string) => text.replace(/[‘’‚‛]/g, "'").replace(/[“”„‟]/g, '"');
/**
 * A separator between a headline and a site's name, with the spaces around it: full-width ones
 * ("：日本経済新聞", "｜…") and "_" ("_科技_腾讯网") too, which Chinese and Japanese sites use.
 */
const SITE_SEPARATOR = /^\s*(?:--|[-–—|·•:»~/_：｜])\s*/;
/**
 * A headline ending in Chinese, Japanese or Korean, which sites follow with their name spaced or
 * not ("-新华网", " _探索者 _光明网", " ：日本経済新聞").
 */
const CJK_END = /[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uff01-\uff60]$/;

/**
 * Takes other posts out of a WordPress post's page: the theme marks the page of post N
 * `body.postid-N` and each post it prints `.post-M`, so an element marked with another number is
 * another post, a teaser of it in a rail or, where the markup leaves the post's `<article>`
 * unclosed, inside the post itself (mensagensreflexao.com.br: six teasers, each an excerpt of
 * whole sentences, nested in the story's `<article>`). An element holding the page's own post is
 * left. `page` is the private copy.
 */
function withoutOtherPosts(page: Element): void {
  const id = /(?:^|\s)postid-(\d+)(?:\s|$)/.exec(page.getAttribute('class') ?? '')?.[1];
  if (!id) return;
  const own = `post-${id}`;
  const others = Array.from(page.querySelectorAll('[class*="post-"]')).filter((el) => {
    const number = (el.getAttribute('class') ?? '').split(/\s+/).find((c) => /^post-\d+$/.test(c));
    return number !== undefined && number !== own;
  });
  for (const el of others) if (!el.getElementsByClassName(own).length) el.remove();
}

/**
 * What the steps before Readability look for in the copy, found in one walk of it (linkedom
 * answers each query with a walk of its own): its embedded posts, its `<noscript>`s and its
 * WordPress `[gallery]`s, in document order. Null when the copy nests deeper than MAX_READABILITY_DEPTH, which ends the walk.
 * Between the walk and the lists' use only the posts' wrappers and other posts leave the copy,
 * for good, so a listed element is still in it or in nothing that is read again.
 */
function firstLook(
  page: Element,
): { posts: Element[]; noscripts: Element[]; galleries: Element[] } | null {
  const posts: Element[] = [];
  const noscripts: Element[] = [];
  const galleries: Element[] = [];
  let depth = 0;
  for (let el = page.firstElementChild; el; el = nextElement(el, page, () => depth--)) {
    if (++depth > MAX_READABILITY_DEPTH) return null;
    if (el.localName === 'noscript') noscripts.push(el);
    else if (el.localName === 'blockquote' && isEmbeddedPost(el)) posts.push(el);
    else if (isWordPressGallery(el)) galleries.push(el);
  }
  return { posts, noscripts, galleries };
}

/**
 * The element after `el` in document order under `root` (its first child, else the next sibling
 * of it or of its nearest ancestor below `root` that has one), or null. `leave` is told of each
 * element the walk is done with on its way there, innermost first.
 */
function nextElement(el: Element, root: Element, leave: (done: Element) => void): Element | null {
  if (el.firstElementChild) return el.firstElementChild;
  for (let at = el; at !== root; at = at.parentElement!) {
    leave(at);
    if (at.nextElementSibling) return at.nextElementSibling;
  }
  return null;
}

/** Posts a story quotes from social networks, as their embed codes write them. */
const EMBEDDED_POST_CLASSES = ['twitter-tweet', 'instagram-media', 'tiktok-embed'];

const isEmbeddedPost = (blockquote: Element) =>
  EMBEDDED_POST_CLASSES.some((name) => blockquote.classList.contains(name));

/**
 * Takes embedded posts out of the wrappers sites put them in (nj.com's
 * `div.social-media-embed`): Readability drops such a wrapper as a share bar by its name, or as
 * link-heavy by its links, and the tweet the story quotes goes with it. A wrapper holding little
 * but the post is replaced by the post. `page` is the private copy.
 *
 * A blank line in a post (`<br><br>`) becomes one line break: Readability turns a run of breaks
 * inside a paragraph into paragraphs of their own, makes the post's `<p>` a `<div>`, and then
 * drops that as short and linky ("on. meth. dot. com.<br><br>meth.<br><br>we're. on. it. <a>…",
 * nj.com: two of its five tweets lost their words, keeping only "— name (@handle) date").
 */
function unwrapEmbeddedPosts(page: Element, posts: readonly Element[]): void {
  for (const post of posts) {
    for (const br of Array.from(post.getElementsByTagName('br'))) {
      let next = br.nextSibling;
      while (next && next.nodeType === TEXT_NODE && !next.nodeValue?.trim())
        next = next.nextSibling;
      if (next?.nodeType === ELEMENT_NODE && (next as Element).localName === 'br') br.remove();
    }
    const own = collapse(post.textContent).length;
    let outer: Element = post;
    for (let el = post.parentElement; el && el !== page; el = el.parentElement) {
      if (el.localName !== 'div' || collapse(el.textContent).length > own + 40) break;
      outer = el;
    }
    if (outer !== post) outer.replaceWith(post);
  }
}

/**
 * Deepest nesting handed to Readability. Measured on linkedom (tests/reliability/size.test.ts):
 * 1,000 nested divs took Readability 6.5 s, 5,000 took 259 s and then overflowed the stack. The
 * deepest page of the corpus is 51 levels (article-extraction-benchmark 42aad16b…), so 256
 * leaves five times that room for real pages.
 */
export const MAX_READABILITY_DEPTH = 256;

/**
 * Readability drops, before it scores anything, every element whose class or id says "header"
 * (among other words) unless it also says "article", "body", "content"…: cnn.com classes each
 * subhead of a story `h2.subheader`, and all five of a story's went (newspaper4k's cnn_002). A
 * subhead (`<h2>`–`<h6>`) so classed is the story's far more often than the page's masthead (on
 * the corpus: four pages, each gaining only its own subheads), so in the private copy "header" in
 * its class reads "heading", which Readability has no rule for; the post-filters know neither
 * word. Readability still scores the subhead's surroundings as it would any other.
 */
function keepHeaderClassedHeading(el: Element): void {
  if (!SUBHEADS.has(el.localName)) return;
  const className = el.getAttribute('class');
  if (!className) return;
  const renamed = className.replace(HEADER_WORD, 'heading');
  if (renamed !== className) el.setAttribute('class', renamed);
}

const SUBHEADS = new Set(['h2', 'h3', 'h4', 'h5', 'h6']);
/** Every "header" in a class (global: only ever used to replace, never to test). */
const HEADER_WORD = /header/gi;

/** Readability's element, or the whole body, read into blocks with the post-filters applied. */
function readFiltered(
  root: Element,
  title: string | null,
  ctx: ExtractContext,
  pictures: Pictures,
  authors: readonly Author[],
): Block[] {
  // Captions and credits are read before the clutter goes: it takes every figcaption and
  // `.credit` (in the text, outside a picture, they are clutter), and with them what a picture's
  // figure says of it.
  readPictures(root, pictures, { resolve: ctx.resolve });
  stripClutter(root);
  const linkOnly: LinkOnly = new Set();
  const markLinkOnly = linkOnlyMarker(linkOnly);
  const options: BlockOptions = {
    resolve: ctx.resolve,
    classify: (el) => {
      const tag = el.tagName.toLowerCase();
      const img =
        tag === 'figure'
          ? el.querySelector('img')
          : (pictures.holders.get(el) ?? (tag === 'p' ? captionedPicture(el, pictures) : null));
      const gallery = tag === 'figure' && img ? galleryOf(el, options) : null;
      if (gallery) return galleryBlocks(asReadBefore(gallery, el, pictures));
      const parts = img && pictures.parts.get(img);
      if (!parts) return pictures.captionLines.has(el) ? 'skip' : markLinkOnly(el);
      return imageBlock(img, parts.caption, options, parts.credit) ?? undefined;
    },
  };
  const names = authors.map((a) => a.name);
  const blocks = filterBlocks(readBlocks(root, options), title, linkOnly, names);
  return captionsRepeatingAlt(withoutCaptionWords(blocks, pictures));
}

/**
 * A figure found to be a gallery after the clutter went, and its figcaptions with it: each picture
 * with the caption and credit read before (see readPictures), and the gallery's own as read then.
 */
function asReadBefore(gallery: Gallery, figure: Element, pictures: Pictures): Gallery {
  const before = pictures.galleries.get(figure);
  return {
    pictures: gallery.pictures.map(({ img, block }) => {
      const parts = pictures.parts.get(img);
      if (!parts) return { img, block };
      return {
        img,
        block: { ...block, caption: parts.caption, credit: parts.credit ?? block.credit },
      };
    }),
    caption: before ? before.caption : gallery.caption,
    captionAt: before ? before.captionAt : gallery.captionAt,
  };
}

/**
 * The picture a paragraph of no text holds, when its caption was read: Readability makes a
 * `<p>` of the box that held the picture and its caption (wapo.com: `div.inline-photo` with the
 * photo, a `<br>` and `span.pb-caption`), and the caption has left the text since.
 */
function captionedPicture(p: Element, pictures: Pictures): Element | null {
  const img = onePicture(Array.from(p.querySelectorAll('img')));
  const parts = img && pictures.parts.get(img);
  if (!parts || (!parts.caption && !parts.credit) || collapse(p.textContent)) return null;
  return img;
}

/** What the page says of its pictures, by <img>. */
interface Pictures {
  /** Caption and credit of each picture that has them. */
  parts: Map<Element, FigureParts>;
  /** Figures that show several pictures, as read before the clutter went (see galleryOf). */
  galleries: Map<Element, Gallery>;
  /** An element that holds nothing but a picture with a loose caption, and that picture. */
  holders: Map<Element, Element>;
  /** Lines that are a picture's caption and nothing else (see readEmphasisCaptions). */
  captionLines: Set<Element>;
  /** The words of elements classed as captions that hold no picture (see withoutCaptionWords). */
  captionWords: Set<string>;
}

function newPictures(): Pictures {
  return {
    parts: new Map(),
    galleries: new Map(),
    holders: new Map(),
    captionLines: new Set(),
    captionWords: new Set(),
  };
}

/** A text without its spaces and case, to know a caption again in a paragraph. */
const wordsKey = (text: string) => text.replace(/\s+/g, '').toLowerCase();

/**
 * Takes out the paragraphs that are the words of an element the page classed as a caption,
 * wherever they stand: the clutter pass takes such elements by their class, but Readability makes
 * a `<p>` without it of a caption `<div>` holding only text (cnbc.com: the caption of a lazy
 * picture whose placeholder holds no image, `div.InlineImage-imageEmbedCaption`, came through as
 * a paragraph of the story).
 */
function withoutCaptionWords(blocks: Block[], pictures: Pictures): Block[] {
  if (!pictures.captionWords.size) return blocks;
  return blocks.filter(
    (b) => b.type !== 'paragraph' || !pictures.captionWords.has(wordsKey(b.text)),
  );
}

/**
 * The caption and credit of each picture's figure under `root`, by its <img>, unless already
 * read, and of pictures captioned outside a figure (see readPictureBox, readLooseCaption). Read on
 * the page before Readability too: it rewrites a `<div class="credit">` as a plain `<p>`
 * (space.com), and the class that said it was a credit is gone. A figure that shows several
 * pictures (see galleryOf) gives each the caption of its own figure inside it, and keeps the
 * caption it prints for them all for the block reader.
 */
function readPictures(root: Element, pictures: Pictures, options: BlockOptions): void {
  const { figures, captions, imgs } = picturesUnder(root);
  // A gallery is the outermost figure that shows several pictures: looked for once in a figure
  // holding two <img> or more, not again in a figure inside one looked at (figures nested in
  // one another would each walk all those inside them), and read whole.
  let lookedTo = 0;
  let galleryTo = 0;
  for (const { figure, img, from, to } of figures) {
    if (!img || from < galleryTo) continue;
    if (to - from >= 2 && from >= lookedTo) {
      lookedTo = to;
      const gallery = galleryOf(figure, options);
      if (gallery) {
        galleryTo = to;
        for (const { img: pic, block } of gallery.pictures)
          if (!pictures.parts.has(pic))
            pictures.parts.set(pic, { caption: block.caption, credit: block.credit });
        pictures.galleries.set(figure, gallery);
        continue;
      }
    }
    if (!pictures.parts.has(img)) pictures.parts.set(img, figureParts(figure));
  }
  // Elements classed as captions, in document order: a box holding its picture comes before the
  // caption line inside it, which then finds its picture read.
  for (const el of captions) {
    if (!CAPTION_CLASS.test(el.getAttribute('class') ?? '') || el.closest('figure')) continue;
    const imgs = Array.from(el.querySelectorAll('img'));
    if (imgs.length) readPictureBox(el, imgs, pictures);
    else {
      readLooseCaption(el, pictures);
      const words = collapse(el.textContent);
      if (words && countWords(words) <= BOX_CAPTION_WORDS)
        pictures.captionWords.add(wordsKey(words));
    }
  }
  readEmphasisCaptions(imgs, pictures);
}

/** A figure under `root`, its first <img> (or null), and the range of `imgs` inside it. */
interface FigureFound {
  figure: Element;
  img: Element | null;
  from: number;
  to: number;
}

/**
 * In one walk of the elements under `root` (linkedom answers each query with a walk of its own),
 * in document order: each figure with the first <img> inside it and where its pictures start and
 * end in `imgs`, the elements whose class has "aption" in it (`caption`, `Caption`:
 * CAPTION_CLASS tells), and every <img>.
 */
function picturesUnder(root: Element): {
  figures: FigureFound[];
  captions: Element[];
  imgs: Element[];
} {
  const figures: FigureFound[] = [];
  const captions: Element[] = [];
  const imgs: Element[] = [];
  // The figures the walk is in, outermost first, as indexes of `figures`; those from `waiting`
  // on have no picture yet (a picture is the first of every figure it is in that has none).
  const open: number[] = [];
  let waiting = 0;
  const leave = (done: Element) => {
    if (done.localName !== 'figure') return;
    figures[open.pop()!]!.to = imgs.length;
    waiting = Math.min(waiting, open.length);
  };
  for (let el = root.firstElementChild; el; el = nextElement(el, root, leave)) {
    if (el.localName === 'figure') {
      open.push(figures.length);
      figures.push({ figure: el, img: null, from: imgs.length, to: imgs.length });
    } else if (el.localName === 'img') {
      imgs.push(el);
      for (; waiting < open.length; waiting++) figures[open[waiting]!]!.img = el;
    }
    if (attributeOf(el, 'class')?.includes('aption')) captions.push(el);
  }
  return { figures, captions, imgs };
}

/** Most words of the caption a picture's box holds: past this it is a wrapper of more. */
const BOX_CAPTION_WORDS = 80;

/**
 * A box that holds a picture and its caption, outside a figure, named for the caption: WordPress's
 * `div.wp-caption` (the photo, then `p.wp-caption-text`), Blogger's `table.tr-caption-container`
 * (the photo's row, then `td.tr-caption`), `span.wf_caption` (the photo, then a bare `<span>` of
 * caption and credit: reuters.com). The box is read as the picture with the box's words as its
 * caption, so that none of them is story text, and the credit an element in it is classed with.
 */
function readPictureBox(box: Element, imgs: Element[], pictures: Pictures): void {
  const img = onePicture(imgs);
  if (!img || box.querySelector('h1, h2, h3, h4, h5, h6')) return;
  const words = collapse(box.textContent);
  if (countWords(words) > BOX_CAPTION_WORDS) return;
  const known = pictures.parts.get(img);
  if (!known?.caption && !known?.credit) {
    pictures.parts.set(img, captionParts(box, creditWithin(box), img));
  }
  // The box, and a paragraph or wrapper holding nothing else (reuters.com: `<p><span
  // class="wf_caption">`, which the block reader would read as a paragraph of text).
  pictures.holders.set(box, img);
  for (let up = box.parentElement; up && BOX_WRAPPERS.has(up.localName); up = up.parentElement) {
    if (up.childElementCount !== 1 || collapse(up.textContent) !== words) break;
    pictures.holders.set(up, img);
  }
}

/** What may wrap a picture's box alone and be read with it. */
const BOX_WRAPPERS = new Set(['p', 'div', 'span', 'a', 'center']);

/** The element of a picture's box classed as its credit (`span.credit`, `div.photo-credit`). */
function creditWithin(box: Element): Element | null {
  for (const el of Array.from(box.querySelectorAll('[class]'))) {
    if (CREDIT_CLASS_WORD.test(el.getAttribute('class') ?? '') && !el.querySelector('img'))
      return el;
  }
  return null;
}

/**
 * Captions set as a line in italics under the picture, with no class to say so (inexhibit.com:
 * `<p><a><img></a></p>` then `<p><em>Parabolic Lightcloud by amigo &amp; amigo</em></p>`): a
 * paragraph that is one `<em>` or `<i>` and no sentence (see isEmphasisCaption), right after an
 * element that holds one picture without a caption and no text. The picture gets it as its
 * caption, and the line is not read as story text.
 */
function readEmphasisCaptions(imgs: readonly Element[], pictures: Pictures): void {
  for (const img of imgs) {
    if (pictures.parts.has(img)) continue;
    let holder: Element = img;
    while (holder.parentElement && !holder.nextElementSibling && !holder.previousElementSibling)
      holder = holder.parentElement;
    const line = holder.nextElementSibling;
    if (line?.localName !== 'p' || line.childElementCount !== 1) continue;
    if (holder !== img && collapse(holder.textContent)) continue;
    const only = line.firstElementChild!;
    if (only.localName !== 'em' && only.localName !== 'i') continue;
    const caption = collapse(line.textContent);
    if (caption !== collapse(only.textContent) || !isEmphasisCaption(caption)) continue;
    pictures.parts.set(img, { caption, credit: null });
    pictures.holders.set(holder, img);
    pictures.captionLines.add(line);
  }
}

/**
 * A class that names a caption: `caption`, `article-captions`, `newsCaption`, MediaWiki's
 * `thumbcaption`; not one that says there is none (`nocaption`, `no_caption`: buzzfeed.com's box
 * of a headline and a photo).
 */
const CAPTION_CLASS =
  /(?:(?:^|[\s_-])(?<!(?:^|[\s_-])no[_-])(?:thumbc|[cC])|(?<!(?:^|[\s_-])n)\p{Ll}C)aptions?(?:$|[\s_-]|\p{Lu})/u;
/** A credit set in a caption's first or last element: "(Image: GETTY )", "© John Brecher". */
const CREDIT_LINE = /^(?:\(?\s*(?:image|photo(?:graph)?|picture|credit)s?\s*:|©)/i;
/** The class of a caption's credit element (msn.com `span.attribution`). */
const CREDIT_CLASS_WORD = /(?:^|[\s_-])(?:credits?|attribution|copyright)(?:$|[\s_-])/i;

/** The element of a loose caption that credits the picture: its first or last, if either says so. */
function looseCredit(caption: Element): Element | null {
  for (const el of [caption.firstElementChild, caption.lastElementChild]) {
    if (!el) continue;
    if (CREDIT_CLASS_WORD.test(el.getAttribute('class') ?? '')) return el;
    if (CREDIT_LINE.test(collapse(el.textContent))) return el;
  }
  return null;
}

/**
 * A caption set beside a picture, not in a figure (express.co.uk: `div.photo > p > picture` then
 * `span.newsCaption` "China has warned… " + `span.caption` "(Image: GETTY )"; msn.com: `span.image`
 * then `span.caption` with `span.attribution` "© John Brecher" first): an element whose class
 * says caption, outside any figure, right after an element that holds one picture and no text.
 * The clutter pass takes the caption out of the text; the picture gets it here, with the credit
 * its first or last element carries.
 */
function readLooseCaption(el: Element, pictures: Pictures): void {
  // The picture before it, past a line break (wapo.com: the photo, `<br>`, the caption).
  let holder = el.previousElementSibling;
  while (holder?.localName === 'br') holder = holder.previousElementSibling;
  if (!holder || collapse(holder.textContent)) return;
  const imgs =
    holder.tagName.toLowerCase() === 'img' ? [holder] : Array.from(holder.querySelectorAll('img'));
  const img = onePicture(imgs);
  if (!img) return;
  const known = pictures.parts.get(img);
  if (known?.caption || known?.credit) {
    // Read on the page already; Readability may since have wrapped the picture (WordPress's
    // `div.wp-caption > img` becomes `div > p > img`), and the wrapper is its holder now.
    pictures.holders.set(holder, img);
    return;
  }
  // A figure of its own that says nothing of the picture leaves the caption beside it to say it.
  const parts = captionParts(el, looseCredit(el), img);
  if (!parts.caption && !parts.credit) return;
  pictures.parts.set(img, parts);
  pictures.holders.set(holder, img);
}

/**
 * A caption's words and credit: the credit from `credit`, the element of the caption that gives
 * it, else from the words themselves when they are only a credit line ("Photo: Hiramine, Boykin:
 * Getty Images (2); King: AP", theintercept.com). The credit the picture carries as data and the
 * caption prints again at its end goes from the words (ehow.com: "Glass cloche terrariums (Lucy
 * Akins)", or only "Kane Skennar/Photodisc/Getty Images").
 */
function captionParts(caption: Element, credit: Element | null, img: Element): FigureParts {
  const text = collapse(spacedText(caption, (e) => e === credit || notSeenByReader(e)));
  const words = withoutEnding(text, collapse(img.getAttribute('data-credit')));
  if (!credit && words && CREDIT_LINE.test(words))
    return { caption: null, credit: creditFromText(words)?.replace(/^©\s*/, '') || null };
  const split = !credit && words ? creditAtEnd(words) : null;
  if (split) return split;
  return { caption: words, credit: creditText(credit)?.replace(/^©\s*/, '') || null };
}

/** `text` without `ending` (bare or in parentheses) at its end; null when nothing is left. */
function withoutEnding(text: string, ending: string): string | null {
  if (ending) {
    for (const tail of [`(${ending})`, ending]) {
      if (text.endsWith(tail)) return collapse(text.slice(0, -tail.length)) || null;
    }
  }
  return text || null;
}

/**
 * The first of `imgs` when they all show one picture: one `<img>`, or copies of it with the same
 * alt text and file (theverge.com: the picture, its zoomed copy in a hidden layer, and both again
 * in `<noscript>`, then the caption below them all). Null for none or for different pictures.
 */
function onePicture(imgs: Element[]): Element | null {
  if (imgs.length <= 1) return imgs[0] ?? null;
  const keys = new Set(imgs.map(pictureKey));
  return keys.size === 1 && !keys.has(null) ? imgs[0]! : null;
}

/** See pictureIdentity; a `data:` placeholder names no file. */
function pictureKey(img: Element): string | null {
  const address = pictureAddress(img, (href) => (href && !/^\s*data:/i.test(href) ? href : null));
  return pictureIdentity(img.getAttribute('alt'), address);
}

/**
 * A page too deep for Readability, read whole from the cleaned copy: the iterative block reader
 * and the same post-filters, with the facts from the page's metadata.
 */
function readWhole(body: Element, ctx: ExtractContext, meta: PageMetadata): ExtractedParts {
  const authors = meta.authors.length ? meta.authors : meta.shownAuthors;
  const read = readFiltered(body, meta.title, ctx, newPictures(), authors);
  const { standfirst, body: blocks } = withStandfirst(meta.description, read);
  return {
    title: meta.title,
    standfirst,
    authors,
    published: meta.published,
    modified: meta.modified,
    section: meta.section,
    siteName: meta.siteName,
    language: meta.language,
    canonicalUrl: meta.canonicalUrl,
    body: blocks,
  };
}

/**
 * The standfirst (see standfirstOf) and the body without it where the page prints it as the
 * heading over the story (smithsonianmag.com: an `<h2>` holding the description's words, above
 * the first paragraph): it is the article's standfirst, not a section's heading, and the reader
 * shows it once.
 */
function withStandfirst(
  description: string | null,
  read: Block[],
): { standfirst: string | null; body: Block[] } {
  const standfirst = standfirstOf(description, read);
  const at = read.findIndex((b) => b.type !== 'image');
  const opening = read[at];
  if (!standfirst || opening?.type !== 'heading' || opening.text !== standfirst)
    return { standfirst, body: read };
  return { standfirst, body: read.filter((_, i) => i !== at) };
}

/**
 * The page's own summary (meta description, og:description or JSON-LD description) as the
 * standfirst, unless it only repeats the opening of the body: many sites fill the description
 * with the first sentence, which is a lede, not a standfirst.
 */
function standfirstOf(description: string | null, body: Block[]): string | null {
  const summary = collapse(description);
  if (!summary) return null;
  const first = body.find((b) => b.type === 'paragraph');
  const head = summary.replace(CUT_OFF, '').trim();
  if (first && first.type === 'paragraph' && first.text.startsWith(head)) return null;
  // A description cut off mid-flow is a machine's excerpt of the page, not a summary; so is one
  // longer than any standfirst that the story's opening holds. A short one it holds may be a
  // summary the story repeats.
  if ((head !== summary || head.length > LONGEST_STANDFIRST) && copiedFromOpening(head, body))
    return null;
  return summary;
}

/**
 * Characters no standfirst reaches: a description longer than this is the story's first
 * paragraphs when its opening holds it (sfgate.com: 1,588; chron.com: 1,504; the Independent:
 * 419 and 566). The longest kept in the corpus is 373.
 */
const LONGEST_STANDFIRST = 400;

/** The mark an automatic excerpt ends with: "…", "...", WordPress's "[…]". */
const CUT_OFF = /(?<!\s)\s*(?:\[(?:…|\.\.\.)\]|\.\.\.|…)$/;

/** Words as the excerpt check compares them: runs of letters and digits, lower-cased. */
function wordsOf(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/**
 * True when `summary` is mostly the body's opening words: an excerpt the site cut automatically
 * (WordPress takes the first 55 words, with whatever a widget printed before them, and adds
 * "[…]"), not a summary written for the story. Four in five of its word triples must be there.
 */
function copiedFromOpening(summary: string, body: Block[]): boolean {
  const words = wordsOf(summary);
  if (words.length < 8) return false;
  const opening = wordsOf(blocksToText(body.slice(0, 40)).slice(0, 6000));
  const triples = new Set<string>();
  for (let i = 0; i + 2 < opening.length; i++)
    triples.add(`${opening[i]} ${opening[i + 1]} ${opening[i + 2]}`);
  let found = 0;
  for (let i = 0; i + 2 < words.length; i++)
    if (triples.has(`${words[i]} ${words[i + 1]} ${words[i + 2]}`)) found++;
  return found >= 0.8 * (words.length - 2);
}

/**
 * Where the date, time or handle a byline element also holds begins: "Nathan Willis\n March 25,
 * 2015", "Last Updated: January 7, 2025", "Jeff Foust, Monday, November 18", "Glenn Greenwald
 * @ggreenwald" — also glued on where the page's spans had no space between them: "Lucas
 * Nolan22 Dec 2016", "Carrie ArnoldNovember 15, 2019", "Jeff FoustMonday".
 */
const BYLINE_TAIL = [
  /\d|\s@\w/,
  // The writer's address after an envelope icon: "Matthew Cole✉matthew.cole@theintercept.com"
  // (theintercept.com); who else worked on it: "Written by Rob Ewaschuk Edited by Betsy Beyer"
  // (Google's SRE book), "Photos by …".
  /\u2709|\s(?:edited|photos?|photographs|pictures|illustrations?|graphics|video) by\s/i,
  /(?<=[a-z])(?:Edited|Photos?|Photographs|Pictures|Illustrations?|Graphics|Video) by\s/,
  // A month's name or short form, not a name that starts like one ("Tom Novak 3 hours ago").
  new RegExp(String.raw`\b${MONTH_NAME}\.?\s+\d`, 'i'),
  /\b(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|(?:last )?updated|published|posted)\b/i,
  /(?<=[a-z])(?:January|February|March|April|May|June|July|August|September|October|November|December|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)\b/,
];

function withoutTail(byline: string): string {
  let at = byline.length;
  for (const tail of BYLINE_TAIL) {
    const found = byline.search(tail);
    if (found >= 0 && found < at) at = found;
  }
  return at === byline.length
    ? byline
    : byline.slice(0, at).replace(/(?<![\s|,–—-])[\s|,–—-]+$/, '');
}

/**
 * "By Jane Doe and John Roe" → two authors. The date a byline element often carries after the
 * names is cut off; a byline that is only a date or an address is none.
 */
function authorsFromByline(byline: string): Author[] {
  const whole = cleanByline(byline);
  if (/^https?:/.test(whole)) return [];
  const cleaned = cleanByline(withoutTail(whole));
  if (!cleaned || cleaned.length > 120) return [];
  return splitNames(cleaned).map((name) => ({ name }));
}
