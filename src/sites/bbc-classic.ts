/**
 * Layout family `bbc-classic`: news.bbc.co.uk story pages of 1999–2010 (`…/1/hi/<section>/<id>.stm`),
 * as they were served then and as the BBC kept serving them in its archive afterwards.
 *
 * Two templates share it, both marking the story with `<!-- S BO -->` … `<!-- E BO -->` comments
 * and the `OriginalPublicationDate` / `Headline` / `Section` metas:
 * - v3 (2006 stories; bbc_news/6072486.stm.html): the headline in `div.mxb > div.sh`, the story in
 *   a 416-pixel table cell as `<font size="2"><!-- S BO --><B>intro</B><P>…`, the sidebar in the
 *   203-pixel cell beside it;
 * - v4 (2008–2009 stories, and older stories re-served in it; 7745137, 8011268, 8029015, 8040164,
 *   8063681): `div.mxb > h1`, `td.storybody`, `td.storyextra`.
 * The story opens with its intro in bold (`<!-- S SF --><p class="first"><b>…`), pictures are
 * `<!-- S IIMA -->` tables with a `div.cap` caption, pull quotes and link boxes are
 * `<!-- S IBOX -->` tables (`td.sibtbg`), the byline is `<!-- S IBYL -->` `span.byl` + `span.byd`,
 * and crossheads are paragraphs holding one short bold phrase.
 *
 * Tested on: tests/fixtures/bbc-classic--2007-no-breakthrough (reconstructed 2007 story) and the six
 * classic pages of web-page-parser/bbc_news (http://news.bbc.co.uk/1/hi/england/bradford/6072486.stm,
 * /1/hi/uk/7745137.stm, /1/hi/world/middle_east/8011268.stm,
 * /1/hi/programmes/from_our_own_correspondent/8029015.stm, /1/hi/northern_ireland/8040164.stm,
 * /1/hi/magazine/8063681.stm).
 */
import type { Block, RelatedLink, RemovalKind } from '../core/types';
import type { ClutterRule, ExtractContext, SiteReader, SiteRule } from './site';
import type { CleanStep, Finding } from '../core/clean/step';
import type { Classification } from '../core/blocks';
import { inlineText, readBlocks } from '../core/blocks';
import { COMMENT_NODE, ELEMENT_NODE, TEXT_NODE, bodyOf, metaContent, walk } from '../core/dom';
import { parseBbcUpdated, parseSlashDateTime } from '../core/dates';
import { collapse, countWords } from '../core/text';
import { firstImgTag } from '../core/noscript';
import {
  recordedAddress,
  relatedLink,
  showsOnlyTextIn,
  splitByline,
  uniqueLinks,
} from './bbc-parts';
import { closest, matches, queryAll, queryOne } from '../core/query';
import {
  childrenOf,
  dataOf,
  firstChildOf,
  nextElementSiblingOf,
  nextSiblingOf,
  previousSiblingOf,
  textContentOf,
} from '../core/view';

/** The metas every classic story page carries (all six corpus pages and the fixture). */
const PUBLICATION_META = 'meta[name="OriginalPublicationDate"]';

/** Structural signals of the classic template, each with where it is seen. */
const DETECT: readonly [selector: string, signal: string][] = [
  ['td.storybody', 'td.storybody'], // v4, 2008–2009 (8011268)
  ['div.mxb h1, div.mxb div.sh', 'div.mxb headline'], // both templates (6072486, 8011268)
  ['.ds span.lu', 'span.lu "Last Updated"'], // both templates
];

/** Story containers, most specific first; the v3 fallback is found by its S BO marker. */
const ROOT_SELECTOR = 'td.storybody';

/** The comment markers of the story body. */
const BODY_START = /^\s*S BO\s*$/;
const BODY_END = /^\s*E BO\s*$/;

function rule(name: string, selector: string, kind: RemovalKind, reason: string): ClutterRule {
  return { id: `bbc-classic/${name}`, selector, kind, reason };
}

/** The reader-comment form under a story: its address is the BBC's mail-a-form script (8063681). */
const COMMENT_FORM = 'form[action*="cgiemail"]';
/** The link to the BBC's terms in the moderation notice under that form (8063681). */
const TERMS_LINK = 'a[href$="bbc.co.uk/terms/"]';

export const CLASSIC_CLUTTER: ClutterRule[] = [
  // Mastheads and navigation.
  rule('skip-links', 'ul.bbcpageHide', 'navigation', 'Skip and access-key links'), // 6072486
  rule('toolbar', '#toolbarContainer', 'navigation', 'BBC toolbar with search'), // 6072486
  rule(
    'edition-switch',
    '#ift-banner',
    'navigation',
    'UK / International version switch', // 6072486
  ),
  rule(
    'barlesque',
    '#blq-mast, #blq-nav, #blq-acc, #blq-foot, .blq-toplink, #blq-accesslinks, #blq-nav-container, #blq-footer',
    'navigation',
    'bbc.co.uk masthead, access links, "Explore the BBC" and footer', // 8040164, 8011268, 7745137
  ),
  rule(
    'no-style-notice',
    '#blq-obit',
    'other',
    '"This page is best viewed … with style sheets (CSS) enabled"', // 7745137, 8011268
  ),
  rule(
    'left-nav',
    'div.lhs, div.lhsad, div.relatedbbcsites, div.siteVersion, div.lang, ul#languages',
    'navigation',
    'Left-hand section navigation, RELATED BBC SITES, site versions and languages', // 6072486, 8040164, 7745137
  ),
  rule(
    'footer',
    '#footer1, #footList, #serviceBar',
    'navigation',
    'Copyright and help footer', // 6072486
  ),
  rule(
    'regional-nav',
    'map#world_map, map[name="world_map"]',
    'navigation',
    'World regions image map: Americas, Africa, Europe…', // 6072486, 8040164
  ),
  // The banner's live video link: "watch One-Minute World News" (2007 reference story),
  // "BBC NEWS CHANNEL" (6072486, 8040164).
  rule(
    'banner-video',
    'td.banmain, td.banaddition',
    'promo',
    'Banner video and services links', // 6072486, 8040164
  ),
  // Page tools.
  rule(
    'page-tools',
    'div.mvtb',
    'other',
    '"E-mail this to a friend" / "Printable version"', // all classic pages
  ),
  rule('bookmarks', '#socialBookMarks, div.sharesb', 'other', '"Bookmark with" links'), // 8011268
  // Promotions around the story.
  rule(
    'puffbox',
    'div.puffbox',
    'promo',
    'Sidebar promo boxes: KEY STORIES, local sites', // 6072486, 8011268
  ),
  rule(
    'most-popular',
    '#nav1, div.statsStory, div.mostpopular',
    'promo',
    'MOST POPULAR STORIES NOW', // all classic pages
  ),
  rule(
    'features',
    'div.promotopbg, div.promobottombg',
    'promo',
    'FEATURES, VIEWS, ANALYSIS strip', // 6072486, 8040164
  ),
  rule(
    'services',
    'div.serviceStripStory2, div.servicev4',
    'promo',
    'PRODUCTS & SERVICES strip', // 6072486, 8040164
  ),
  rule(
    'have-your-say',
    'div.qboxflr',
    'promo',
    'HAVE YOUR SAY reader-comment box in the story', // 7745137
  ),
  rule(
    'comment-form',
    `td.storybody ${COMMENT_FORM}`,
    'other',
    'Reader comment form under the story', // 8063681
  ),
  rule('web-bug', '#bbccomWebBug, .bbccomWebBug', 'ad', 'bbc.com advert slot'), // 6072486
];

/**
 * Sidebar boxes have no wrapper: a heading `div` and its links are siblings, so they are found by
 * the heading's words (or, on older pages, the heading image's alt text).
 */
const BOX_HEADING = '.seeAlsoH, .nlp, .topStoryH';

const SIDEBAR_BOXES: readonly {
  name: string;
  heading: RegExp;
  kind: RemovalKind;
  /** The RelatedLink kind of its links, or null when they are not related to the story. */
  links: string | null;
  reason: string;
}[] = [
  {
    name: 'see-also',
    heading: /^see also$/i,
    kind: 'related',
    links: 'story',
    reason: 'SEE ALSO related stories', // 7745137, 8029015
  },
  {
    name: 'internet-links',
    heading: /^related internet links$/i,
    kind: 'related',
    links: 'external',
    reason: 'RELATED INTERNET LINKS and the BBC disclaimer', // 6072486, 7745137
  },
  {
    name: 'video-audio',
    heading: /^(?:related )?video and audio(?: news)?$/i,
    kind: 'related',
    links: 'media',
    reason: 'VIDEO AND AUDIO links', // 8011268, 8040164
  },
  {
    name: 'bbc-links',
    heading: /^related bbc links$/i,
    kind: 'related',
    links: 'external',
    reason: 'RELATED BBC LINKS: programme and site pages', // 8063681
  },
  {
    name: 'top-stories',
    heading: /^top .+ stories$/i,
    kind: 'navigation',
    links: null,
    reason: 'TOP <SECTION> STORIES', // 6072486, 7745137
  },
];

/** Members of a sidebar box after its heading: link rows, the disclaimer, spacers. */
const BOX_MEMBER = 'div.arr, div.di, div.wideav, a, br, img, span.sad';

/** Elements of the story container that are never story text. */
const BODY_SKIP = [
  'div.mvtb, #socialBookMarks, div.sharesb', // page tools after E BO (8011268)
  'div.qboxflr, div.mostpopular', // HAVE YOUR SAY (7745137), most popular include (6072486)
  'div.cap, p.caption', // captions are read with their picture
  'span.di', // "The BBC may edit your comments…" under the comment form (8063681)
].join(', ');

/**
 * Calls for readers' comments written as story paragraphs, above the comment form:
 * "Add your comments on this story, using the form below." (8063681).
 */
const COMMENT_CALL = /^(?:add|send us|send|have) your (?:comments|views|say)\b/i;

/** Picture and box tables: an IIMA picture has a caption `div.cap`; an IBOX has `td.sibtbg`. */
const QUOTE_MARK = 'img[src*="start_quote"]'; // v3 quote-mark image (8011268, 8029015, 8063681)
const SPACER = /\/(?:o|999999|ffffff|inline_dashed_line)\.gif$|start_quote|end_quote/;

/** A crosshead is one bold phrase of at most this many words in its own paragraph (8029015). */
const CROSSHEAD_MAX_WORDS = 10;
/** The bold intro is a sentence; fewer words than this is a crosshead or a label. */
const INTRO_MIN_WORDS = 6;

export const bbcClassic: SiteRule = {
  layout: 'bbc-classic',

  detect(doc) {
    if (!queryOne(doc, PUBLICATION_META)) return null;
    const signals = ['meta[name=OriginalPublicationDate]'];
    for (const [selector, signal] of DETECT) if (queryOne(doc, selector)) signals.push(signal);
    const root = queryOne(doc, ROOT_SELECTOR);
    if (root && hasMarkerChild(root)) signals.push('<!-- S BO -->');
    return signals.length > 1 ? signals : null;
  },

  clutter: CLASSIC_CLUTTER,

  steps: [sidebarBoxStep(), inStoryStep()],

  articleRoots(doc) {
    const root = storyRoot(doc);
    return root ? [root] : [];
  },
};

/** How the layout's article is read (see SiteReader: apart from the rule above). */
export const bbcClassicReader: SiteReader = {
  layout: 'bbc-classic',

  related(doc, ctx) {
    return readRelated(doc, ctx);
  },

  extract(doc, ctx) {
    const story = storyOf(doc);
    if (!story) return null;
    const { root } = story;
    const byl = queryOne(root, 'span.byl');
    const byline = byl
      ? splitByline(
          textContentOf(byl),
          textContentOf(byl.parentElement ? queryOne(byl.parentElement, 'span.byd') : null),
        )
      : { authors: [], dateline: null };
    const intro = findIntro(root);
    const recorded = recordedAddress(doc, ctx);
    return {
      title: readTitle(doc),
      standfirst: intro ? inlineText(intro) || null : null,
      authors: byline.authors,
      dateline: byline.dateline,
      published: parseSlashDateTime(metaContent(doc, 'OriginalPublicationDate')),
      modified: parseBbcUpdated(textContentOf(queryOne(doc, '.ds'))),
      section: metaContent(doc, 'Section'),
      siteName: 'BBC News',
      language: readLanguage(doc, recorded?.path ?? null),
      canonicalUrl: recorded?.url ?? null,
      body: readBlocks(root, { resolve: ctx.resolve, classify: classifier(story, intro, ctx) }),
    };
  },
};

function hasMarkerChild(el: Element): boolean {
  for (let c = firstChildOf(el); c; c = nextSiblingOf(c))
    if (c.nodeType === COMMENT_NODE && BODY_START.test((c as Comment).data)) return true;
  return false;
}

/** The story's container, and what in it lies outside its markers (see `storyOf`). */
interface Story {
  root: Element;
  /** Elements under `root` before `<!-- S BO -->` or after `<!-- E BO -->`: not the story. */
  outside: Set<Element>;
}

/**
 * The story container: `td.storybody` (v4), else the element holding the `<!-- S BO -->` marker
 * with the most text before its `<!-- E BO -->`. The v3 template also wraps the most-popular
 * include and the features strip in S BO / E BO (6072486), so the first marker is not always the
 * story's.
 */
function storyRoot(doc: Document): Element | null {
  return storyOf(doc)?.root ?? null;
}

/**
 * The story (see `storyRoot`). The v3 template opens its story in `<font size="2">` and leaves
 * the last `<P>` open when it closes the font (6072486): a browser's parser (the HTML standard's
 * adoption agency) then moves that paragraph, and the E BO marker with it, out of the font to
 * after it, where a lenient parser such as the CLI's leaves it inside. So the container is the
 * nearest element holding both markers, and what it holds outside them is left out.
 */
function storyOf(doc: Document): Story | null {
  const td = queryOne(doc, ROOT_SELECTOR);
  if (td) return { root: td, outside: new Set() };
  const body = bodyOf(doc);
  if (!body) return null;
  const markers: Comment[] = [];
  walk(body, (node) => {
    if (node.nodeType !== COMMENT_NODE) return;
    const data = (node as Comment).data;
    if (BODY_START.test(data) || BODY_END.test(data)) markers.push(node as Comment);
  });
  let start: Comment | null = null;
  let end: Comment | null = null;
  let bestLength = 0;
  // From the last marker back, so each S BO knows the E BO after it.
  let itsEnd: Comment | null = null;
  for (let i = markers.length - 1; i >= 0; i--) {
    const marker = markers[i]!;
    if (BODY_END.test(marker.data)) itsEnd = marker;
    if (!BODY_START.test(marker.data) || !marker.parentElement) continue;
    let length = 0;
    for (let n = nextSiblingOf(marker); n && n !== itsEnd; n = nextSiblingOf(n))
      length += visibleLength(n);
    // Ties go to the earlier marker, as when the markers were read first to last.
    if (length >= bestLength && length > 0) [start, end, bestLength] = [marker, itsEnd, length];
  }
  let root = start?.parentElement;
  if (!start || !root) return null;
  if (!end || root.contains(end)) return { root, outside: new Set() };
  while (root.parentElement && !root.contains(end)) root = root.parentElement;
  const outside = new Set<Element>();
  const note = (n: Node | null) => n?.nodeType === ELEMENT_NODE && outside.add(n as Element);
  for (let n: Node = start; n !== root && n.parentNode; n = n.parentNode)
    for (let s = previousSiblingOf(n); s; s = previousSiblingOf(s)) note(s);
  for (let n: Node = end; n !== root && n.parentNode; n = n.parentNode)
    for (let s = nextSiblingOf(n); s; s = nextSiblingOf(s)) note(s);
  return { root, outside };
}

/** Characters of text a reader sees under `node` (the v3 most-popular include is all script). */
function visibleLength(node: Node): number {
  let length = 0;
  walk(node, (n) => {
    if (n.nodeType === ELEMENT_NODE && matches(n as Element, 'script, noscript, style'))
      return false;
    if (n.nodeType === TEXT_NODE) length += collapse(dataOf(n as Text)).length;
  });
  return length;
}

function readTitle(doc: Document): string | null {
  // meta Headline first: 8040164's <h1> is empty in the saved page.
  return (
    metaContent(doc, 'Headline') ||
    collapse(textContentOf(queryOne(doc, 'div.mxb h1, div.mxb div.sh'))) ||
    collapse(textContentOf(queryOne(doc, 'title'))?.split('|').pop()) ||
    null
  );
}

/** `<html lang>` (2008+); older pages have none but every /1/ and /2/ edition page is English. */
function readLanguage(doc: Document, ukfs: string | null): string | null {
  const lang =
    doc.documentElement?.getAttribute('lang') ?? doc.documentElement?.getAttribute('xml:lang');
  if (lang) return collapse(lang) || null;
  return ukfs && /^\/[12]\/hi\//.test(ukfs) ? 'en-GB' : null;
}

/** Boxes inside the story that a walk for the intro or the body must pass over. */
function isBox(el: Element): boolean {
  return (
    matches(el, BODY_SKIP) ||
    matches(el, 'table, object, script, noscript, style, form') ||
    (matches(el, 'div') && !!queryOne(el, 'span.byl')) ||
    matches(el, 'div.videoInStoryA, div.videoInStoryB, div.videoInStoryC')
  );
}

/**
 * The bold intro that opens the story: `p.first` (2008–2009), else the first text of the story
 * when it is all bold (`<B>…</B>` before the first `<P>` in 6072486, `<p><b>…</b></p>` in
 * 8029015). Null when the story opens in plain text.
 */
function findIntro(root: Element): Element | null {
  const first = queryOne(root, 'p.first');
  if (first) return queryOne(first, 'b, strong') ?? first;
  let found: Element | null = null;
  let done = false;
  walk(root, (node) => {
    if (done) return false;
    if (node.nodeType === ELEMENT_NODE && node !== root && isBox(node as Element)) return false;
    if (node.nodeType !== TEXT_NODE || !collapse(dataOf(node as Text))) return;
    done = true;
    const bold = node.parentElement ? closest(node.parentElement, 'b, strong') : null;
    if (bold && root.contains(bold) && countWords(inlineText(bold)) >= INTRO_MIN_WORDS)
      found = bold;
    return false;
  });
  return found;
}

/** The `classify` hook for the elements under the story's root. */
function classifier(
  { root, outside }: Story,
  intro: Element | null,
  ctx: ExtractContext,
): (el: Element) => Classification {
  const skip = (el: Element) => matches(el, BODY_SKIP);
  const video = (el: Element) =>
    matches(el, 'div.videoInStoryA, div.videoInStoryB, div.videoInStoryC');
  const bylineBoxes = divsHolding(root, 'span.byl');
  return (el) => {
    if (outside.has(el) || skip(el)) return 'skip';
    // S IBYL, read as the byline
    if (bylineBoxes.has(el)) return 'skip';
    if (video(el)) return videoBlock(el, ctx);
    return classify(el, intro, ctx);
  };
}

/**
 * The `<div>`s under `root` that contain an element matching `selector`, found from those
 * elements upwards: asking each div `querySelector` made 50,000 nested divs cost 50,000²
 * steps (tests/reliability/size.test.ts). A walk stops at a div already counted.
 */
function divsHolding(root: Element, selector: string): Set<Element> {
  const out = new Set<Element>();
  for (const hit of Array.from(queryAll(root, selector))) {
    for (let p = hit.parentElement; p && p !== root; p = p.parentElement) {
      if (out.has(p)) break;
      if (p.tagName.toLowerCase() === 'div') out.add(p);
    }
  }
  return out;
}

/** An element of the body that is not skipped nor a video (see classifier). */
function classify(el: Element, intro: Element | null, ctx: ExtractContext): Classification {
  const tag = el.tagName.toLowerCase();
  if (tag === 'table') return boxTable(el, ctx);
  if (tag === 'p' && COMMENT_CALL.test(inlineText(el))) return 'skip';
  if (tag === 'p' && el !== intro && !el.contains(intro)) {
    const heading = crosshead(el);
    if (heading) return { type: 'heading', level: 2, text: heading };
  }
  return undefined;
}

/** A paragraph that is one short bold phrase: "New Cold War?", "Hurtling taxis" (8029015). */
function crosshead(p: Element): string | null {
  const elements = childrenOf(p).filter((c) => c.tagName.toLowerCase() !== 'br');
  if (elements.length !== 1 || !matches(elements[0]!, 'b, strong')) return null;
  const text = inlineText(p);
  if (!text || text !== inlineText(elements[0]!)) return null;
  if (countWords(text) > CROSSHEAD_MAX_WORDS || /[.:,;]$/.test(text)) return null;
  return text;
}

/**
 * Tables inside the story are pictures (IIMA: an <img> and a `div.cap` caption) or side boxes
 * (IBOX, `td.sibtbg`): a pull quote between quote-mark images (8011268, 8029015), a graphic
 * (7745137 "How tasers work"), links to other stories (8040164) or a promo (8063681 FIND OUT MORE).
 * Only the quote and the pictures are the story's.
 */
function boxTable(table: Element, ctx: ExtractContext): Classification {
  if (queryOne(table, 'span.byl')) return 'skip';
  const box = queryOne(table, 'td.sibtbg');
  if (box) {
    if (queryOne(box, QUOTE_MARK)) {
      const parts = Array.from(queryAll(box, 'div.mva'));
      const quote = (parts[0] ? queryOne(parts[0], 'b, strong') : null) ?? parts[0];
      const text = quote ? inlineText(quote) : '';
      if (!text) return 'skip';
      const cite = parts[1] ? inlineText(parts[1]) || null : null;
      return { type: 'quote', text, pull: true, cite };
    }
    if (queryOne(box, '.sih, a[href]')) return 'skip'; // link lists and headed promo boxes
  }
  const images = pictures(table, ctx);
  // Neither: a table of data (read as a table block) or one that only lays out the story.
  if (!images.length) return box ? 'skip' : undefined;
  const caption = collapse(textContentOf(queryOne(table, 'div.cap'))) || null;
  return images.map((img) => ({ ...img, caption }));
}

function pictures(root: Element, ctx: ExtractContext): Extract<Block, { type: 'image' }>[] {
  const out: Extract<Block, { type: 'image' }>[] = [];
  for (const img of Array.from(queryAll(root, 'img'))) {
    const src = ctx.resolve(img.getAttribute('src'));
    if (!src || SPACER.test(src)) continue;
    out.push({
      type: 'image',
      src,
      alt: collapse(img.getAttribute('alt')) || null,
      caption: null,
      credit: null,
    });
  }
  return out;
}

/**
 * An embedded video (2008–2009 `div.videoInStoryB/C`, 7745137, 8011268): its holding picture and
 * the caption under it, so the caption never reads as the story's first paragraph.
 */
function videoBlock(el: Element, ctx: ExtractContext): Classification {
  const holding = queryOne(el, 'param[name="holding"]')?.getAttribute('value');
  const src = ctx.resolve(holding);
  if (!src) return 'skip';
  // The fallback picture's alt text, from an <img> element or, where a browser with scripting on
  // parsed the <noscript> as text, from the tag written in it.
  const noscript = queryOne(el, 'noscript');
  const fallback = noscript ? queryOne(noscript, 'img') : null;
  const alt = fallback
    ? fallback.getAttribute('alt')
    : noscript && firstImgTag(noscript)?.get('alt');
  return {
    type: 'image',
    src,
    alt: collapse(alt) || null,
    caption: collapse(textContentOf(queryOne(el, 'p.caption'))) || null,
    credit: null,
  };
}

interface SidebarBox {
  box: (typeof SIDEBAR_BOXES)[number];
  nodes: Element[];
}

/** The heading's words, or its image's alt text on pages that drew headings as pictures. */
function headingText(el: Element): string {
  return collapse(textContentOf(el)) || collapse(queryOne(el, 'img[alt]')?.getAttribute('alt'));
}

/** Every known sidebar box: its heading and the siblings up to the next heading. */
function sidebarBoxes(doc: Document): SidebarBox[] {
  const out: SidebarBox[] = [];
  for (const heading of Array.from(queryAll(doc, BOX_HEADING))) {
    const text = headingText(heading);
    const box = SIDEBAR_BOXES.find((b) => b.heading.test(text));
    if (!box) continue;
    const nodes = [heading];
    for (let sib = nextElementSiblingOf(heading); sib; sib = nextElementSiblingOf(sib)) {
      if (matches(sib, BOX_HEADING) || queryOne(sib, BOX_HEADING)) break;
      if (matches(sib, 'script')) continue;
      if (!matches(sib, BOX_MEMBER)) break;
      nodes.push(sib);
    }
    out.push({ box, nodes });
  }
  return out;
}

function sidebarBoxStep(): CleanStep {
  return {
    id: 'bbc-classic/sidebar-boxes',
    find({ doc }) {
      const out: Finding[] = [];
      for (const { box, nodes } of sidebarBoxes(doc))
        for (const node of nodes)
          out.push({ node, kind: box.kind, rule: `bbc-classic/${box.name}`, reason: box.reason });
      return out;
    },
  };
}

/**
 * Inside the story: an IBOX (`td.sibtbg`) that holds nothing but link lists (`div.miiib`,
 * 7745137, 8040164) is related links, hidden with its table (the reader keeps the links as
 * data); and around the comment form (hidden by `comment-form`), the call for comments above it
 * and the moderation notice (`span.di`) under it (8063681). An IBOX with a quote or facts stays.
 */
function inStoryStep(): CleanStep {
  return {
    id: 'bbc-classic/in-story',
    find({ articleRoots: [root] }) {
      // The story root (articleRoots), already found for this plan.
      if (!root) return [];
      const out: Finding[] = [];
      for (const box of Array.from(queryAll(root, 'td.sibtbg'))) {
        const table = closest(box, 'table');
        if (!queryOne(box, 'div.miiib') || !table || !root.contains(table)) continue;
        if (!showsOnlyTextIn(box, 'div.miiib')) continue;
        out.push({
          node: table,
          kind: 'related',
          rule: 'bbc-classic/in-story-links',
          reason: 'Box of related story links inside the story', // 7745137, 8040164
        });
      }
      if (queryOne(root, COMMENT_FORM)) {
        for (const p of Array.from(queryAll(root, 'p'))) {
          const text = collapse(textContentOf(p));
          const notice = queryOne(p, 'span.di');
          if (!COMMENT_CALL.test(text) && !notice) continue;
          // The notice's "Terms & Conditions" row is a div inside the paragraph, which a
          // browser's parser closes before it: the row then follows the paragraph.
          const next = notice ? nextElementSiblingOf(p) : null;
          const terms =
            next && matches(next, 'div.arr') && queryOne(next, TERMS_LINK) ? next : null;
          for (const node of terms ? [p, terms] : [p])
            out.push({
              node,
              kind: 'other',
              rule: 'bbc-classic/comment-form',
              reason: 'Call for comments and moderation notice around the comment form', // 8063681
            });
        }
      }
      return out;
    },
  };
}

/**
 * Related links: the sidebar's SEE ALSO, VIDEO AND AUDIO and RELATED INTERNET LINKS rows
 * (`div.arr` with `span.sad` "23 Feb 07 | Americas"), then link boxes inside the story
 * (`div.miiib`, 7745137, 8040164).
 */
function readRelated(doc: Document, ctx: ExtractContext): RelatedLink[] {
  const links: (RelatedLink | null)[] = [];
  for (const { box, nodes } of sidebarBoxes(doc)) {
    if (!box.links) continue;
    for (const node of nodes) {
      const a = matches(node, 'a[href]')
        ? node
        : matches(node, 'div.arr')
          ? queryOne(node, 'a[href]')
          : null;
      if (!a) continue;
      const sad = queryOne(node, 'span.sad');
      const link = relatedLink(a, ctx, box.links, sad);
      if (link && sad) link.section = collapse(textContentOf(sad).split('|')[1]) || null;
      links.push(link);
    }
  }
  const root = storyRoot(doc);
  for (const a of Array.from(root ? queryAll(root, 'td.sibtbg div.miiib a[href]') : []))
    links.push(relatedLink(a, ctx, 'story'));
  return uniqueLinks(links);
}
