/**
 * Pieces the 2010s `story-body` and the 2020+ BBC layouts share: reading captions without their
 * visually-hidden prefixes and credits, bylines split into a name and a role line, images that
 * hide behind lazy-loading placeholders, and related links as data.
 */
import type { Author, Block, RelatedLink } from '../core/types';
import type { ExtractContext } from './site';
import { creditText, notSeenByReader, pictureAddress } from '../core/blocks';
import { collapse } from '../core/text';
import { hostOf } from '../core/url';
import { printedDay, toIsoUtc, type TimeSpan } from '../core/dates';
import { TEXT_NODE, metaContent } from '../core/dom';
import { firstImgTag } from '../core/noscript';
import { closest, matches, queryAll, queryOne } from '../core/query';
import { dataOf, spacedText, textContentOf, walk } from '../core/view';

/**
 * Visually-hidden labels screen readers hear before a caption or credit. They are not part of
 * the caption a reader sees.
 * - "Image caption, …" / "Image source, …": 2020+ figures (bbc_news/cden3j9d1r7o.html).
 * - "image caption" / "image copyright": 2020 figures (bbc_news/54528983.html).
 * - "Image copyright" / "Image caption" / "Media caption": 2015–2019 (benchmark c7e39ac4…, bbc-1).
 */
const CAPTION_PREFIX = /^(?:image|media|video)\s+(?:caption|source|copyright)\s*,?\s*/i;

/**
 * A figure's picture credit: 2015–2019 `span.story-image-copyright` "EPA" (c7e39ac4…); 2020+
 * `span.…-StyledFigureCopyright` "image copyright" (hidden) + "Getty Images" (54528983), "Image
 * source, " (hidden) + "Reuters" (cden3j9d1r7o). The hidden labels of every era (`.off-screen`
 * 2015–2019, `…-VisuallyHidden` 2020+, `.visually-hidden` 2022+) are left out of captions and
 * credits as on any page (`notSeenByReader`).
 */
const FIGURE_CREDIT = '.story-image-copyright, [class*="StyledFigureCopyright"]';

/**
 * The address a 1999–2014 BBC News page records of itself, a path in `<meta name="UKFS_URL">`:
 * "/1/hi/england/10249066.stm" on news.bbc.co.uk (the classic site, and the first `story-body`
 * pages of 2010, which have no canonical link: web-page-parser/bbc_news/10249066.stm.html),
 * "/news/business-11125504" on www.bbc.co.uk (2010–2014, beside a canonical link saying the same).
 * A page saved to disk is still known by it.
 */
export function recordedAddress(
  doc: Document,
  ctx: Pick<ExtractContext, 'resolve'>,
): { path: string; url: string | null } | null {
  const path = metaContent(doc, 'UKFS_URL');
  if (!path?.startsWith('/')) return null;
  const host = path.startsWith('/news/') ? 'http://www.bbc.co.uk/' : 'http://news.bbc.co.uk/';
  return { path, url: ctx.resolve(new URL(path, host).href) };
}

/** A caption's visible words: hidden labels and credits left out, "Image caption, " cut. */
export function captionText(el: Element | null | undefined): string | null {
  if (!el) return null;
  const text = collapse(spacedText(el, notCaption)).replace(CAPTION_PREFIX, '');
  return text || null;
}

const notCaption = (el: Element): boolean => notSeenByReader(el) || matches(el, FIGURE_CREDIT);

/**
 * The picture of a figure: a real <img> (possibly inside <noscript>, as the 2020+ server render
 * ships it, 54528983), or a lazy-load placeholder `div.js-delayed-image-load[data-src]`
 * (2015–2019, c7e39ac4…). Skips 1-pixel spacers.
 */
export function figureImage(
  figure: Element,
  ctx: Pick<ExtractContext, 'resolve'>,
): { src: string; alt: string | null } | null {
  const lazy = queryOne(figure, '.js-delayed-image-load[data-src]');
  if (lazy) {
    const src = ctx.resolve(lazy.getAttribute('data-src'));
    if (src) return { src, alt: collapse(lazy.getAttribute('data-alt')) || null };
  }
  for (const img of Array.from(queryAll(figure, 'img'))) {
    const src = pictureAddress(img, ctx.resolve);
    if (!src || /\/(?:grey-placeholder|transparent|spacer)\.(?:png|gif)/i.test(src)) continue;
    return { src, alt: collapse(img.getAttribute('alt')) || null };
  }
  const noscript = queryOne(figure, 'noscript');
  return noscript ? noscriptImage(noscript, ctx) : null;
}

/**
 * The picture a `<noscript>` writes as text (a browser with scripting on parses it so; see
 * core/noscript.ts): its first `<img>` tag's address and alt text.
 */
export function noscriptImage(
  noscript: Element,
  ctx: Pick<ExtractContext, 'resolve'>,
): { src: string; alt: string | null } | null {
  const tag = firstImgTag(noscript);
  const src = ctx.resolve(tag?.get('src') ?? null);
  return tag && src ? { src, alt: collapse(tag.get('alt')) || null } : null;
}

/**
 * Pictures the BBC uses as furniture, not illustration: grey rules ("line", "Presentational grey
 * line") and section banners ("Banner image reading 'more about coronavirus'") — benchmark
 * 70cb2d5b…, 32275608-2020, 54622059, 54528983.
 */
export const PRESENTATIONAL_ALT = /^(?:line|presentational\b|banner\b)/i;

/** An image block for `figure`, with its caption attached, or null when it holds no picture. */
export function figureBlock(
  figure: Element,
  captionEl: Element | null,
  ctx: Pick<ExtractContext, 'resolve'>,
): Block | null {
  const image = figureImage(figure, ctx);
  if (!image) return null;
  const caption = captionText(captionEl);
  if (!caption && image.alt && PRESENTATIONAL_ALT.test(image.alt)) return null;
  const credit = creditText(queryOne(figure, FIGURE_CREDIT));
  return { type: 'image', src: image.src, alt: image.alt, caption, credit };
}

/**
 * A byline as the BBC writes it: a name line ("By Jane Doe", "Jane Doe and John Roe") and a role
 * line ("BBC News, Washington", "Health reporter"). The role goes to the dateline, never into a
 * name.
 */
export function splitByline(
  nameText: string | null | undefined,
  roleText?: string | null,
): { authors: Author[]; dateline: string | null } {
  let name = collapse(nameText).replace(/^by\s+/i, '');
  let role = collapse(roleText) || null;
  // "Jane Doe, BBC News, Washington" in one line: the name is the part before the first comma
  // when what follows reads as a role.
  if (!role) {
    const comma = name.indexOf(',');
    if (comma > 0 && ROLE_WORDS.test(name.slice(comma + 1))) {
      role = collapse(name.slice(comma + 1));
      name = collapse(name.slice(0, comma));
    }
  }
  const authors = collapse(name)
    .split(/ (?:and|&) | ?, ?/)
    .map((n) => collapse(n))
    .filter((n) => n && n.length < 80 && !ROLE_WORDS.test(n))
    .map((n) => ({ name: n }));
  return { authors, dateline: role };
}

/** Words that mark a role line, not a person: "BBC News", "correspondent", "reporter"… */
const ROLE_WORDS =
  /\b(?:BBC|News|correspondent|reporter|editor|analyst|producer|journalist|team|staff|Reality Check|Verify)\b/i;

/**
 * The labels a link to a video or live page carries inside it: an icon, not words of the title.
 * 2010–2014: "Moment Obama won" + `<span class="gvl3-icon gvl3-icon-boxedwatch"> Watch</span>`
 * (web-page-parser 20230333.stm), " Live"; 2015–2019: `<span class="icon-new
 * icon-new--video-square-red"><span class="off-screen"> Video</span></span>` before the title
 * (readability-test-pages/bbc-1, benchmark c7e39ac4…).
 */
const LINK_ICON = '.gvl3-icon, .icon-new';
const VIDEO_ICON = /\b(?:gvl3-icon-\S*watch|icon-new--video\S*)\b/;

/**
 * A related link from an anchor: title, absolute original URL, and the date shown beside it.
 * The title leaves out that date when the anchor holds it (2015: "Election Live - 12 April" +
 * "12 April 2015", 32271505) and the anchor's icons; a video icon makes the link media. A date
 * printed without its year or as an age is read against `printedAt`, when the page was printed
 * (core/dates.ts `printedDay`).
 */
export function relatedLink(
  a: Element,
  ctx: ExtractContext,
  kind: string,
  dateEl?: Element | null,
  printedAt: TimeSpan | null = null,
): RelatedLink | null {
  const url = ctx.resolve(a.getAttribute('href'));
  let video = false;
  const title = collapse(
    spacedText(a, (el) => {
      if (el === a) return false;
      if (el === dateEl || notSeenByReader(el)) return true;
      if (!matches(el, LINK_ICON)) return false;
      video ||= VIDEO_ICON.test(el.getAttribute('class') ?? '');
      return true;
    }),
  )
    .replace(/(?<!\s)\s*Published\s.*$/, '')
    .trim();
  if (!url || !title) return null;
  if (video && kind === 'story') kind = 'media';
  let date: string | null = null;
  const seconds = dateEl?.getAttribute('data-seconds');
  const datetime = dateEl?.getAttribute('datetime') ?? dateEl?.getAttribute('dateTime');
  if (seconds) date = toIsoUtc(seconds)?.slice(0, 10) ?? null;
  else if (datetime) date = toIsoUtc(datetime)?.slice(0, 10) ?? null;
  else if (dateEl) date = printedDay(textContentOf(dateEl), printedAt);
  const isBbc = /(?:^|\.)bbc\.(?:co\.uk|com)$/i.test(hostOf(url));
  return {
    title,
    url,
    date,
    section: null,
    kind: !isBbc && kind === 'story' ? 'external' : kind,
  };
}

/** Drops repeats (same URL) keeping the first. */
export function uniqueLinks(links: (RelatedLink | null)[]): RelatedLink[] {
  const seen = new Set<string>();
  const out: RelatedLink[] = [];
  for (const link of links) {
    if (!link || seen.has(link.url)) continue;
    seen.add(link.url);
    out.push(link);
  }
  return out;
}

/**
 * Whether every word `box` shows lies inside an element of it matching `owners` (script and style
 * text shows nowhere): a box of links and nothing else, say, as against a quote or facts.
 */
export function showsOnlyTextIn(box: Element, owners: string): boolean {
  let only = true;
  walk(box, (node) => {
    if (!only) return false;
    if (node.nodeType !== TEXT_NODE || !collapse(dataOf(node as Text))) return;
    const owner = closest(node.parentElement!, `${owners}, script, style`);
    if (!owner || !box.contains(owner)) only = false;
  });
  return only;
}
