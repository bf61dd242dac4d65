/**
 * Page metadata every layout can fall back on: JSON-LD (NewsArticle and friends), Open Graph,
 * Dublin Core / article:* meta, <link rel=canonical>, <html lang>.
 */
import type { Author, FactCheck } from './types';
import { bodyOf, jsonLd, TEXT_NODE } from './dom';
import { koreanFiledDate, parseDateLine, toIsoUtc } from './dates';
import { BY_OPENING, cleanByline, collapse, countWords, splitNames } from './text';
import { closest, matches, queryAll, queryOne } from './query';
import { dataOf, spacedText, textContentOf, walk } from './view';
import { headingText } from './blocks';

export interface PageMetadata {
  /** The headline the page declares (JSON-LD, Open Graph, Dublin Core), else its <title>. */
  title: string | null;
  /**
   * Every headline the page declares, `title`'s first (none when `title` is the <title>): a site
   * may give its name in one (nikkei.com's JSON-LD headline is its <title>, "…の成否 （写真＝ロイター）
   * ：日本経済新聞") and not in another (its og:title, "…の成否（写真＝ロイター）").
   */
  titles: string[];
  /** The title of the page's hAtom post (see hAtomPost), where it marks one. */
  entryTitle: string | null;
  /** The date of that post (see hAtomDate), for shownPublicationDate. */
  entryPublished: string | null;
  /** The page's <title> as written (sites add their name to it). */
  pageTitle: string | null;
  /** The text of the page's first few <h1>s (the headline among them, on most pages). */
  headings: string[];
  description: string | null;
  authors: Author[];
  published: string | null;
  /**
   * The publication date a JSON-LD object for the whole page declares (a WebPage, a fact
   * check's ClaimReview): for the pipeline to fall back on after the `<time>` of a date line
   * (`shownPublicationDate`), before a date printed as text only (`shownDateLine`).
   */
  pagePublished: string | null;
  /**
   * The people a byline beside the headline names (`shownByline`), for a reader that finds no
   * author elsewhere; filled in by the pipeline for the generic reader only.
   */
  shownAuthors: Author[];
  modified: string | null;
  section: string | null;
  siteName: string | null;
  language: string | null;
  canonicalUrl: string | null;
  /** The claims the page's ClaimReview objects say it checks, each once, in page order. */
  factChecks: FactCheck[];
}

const ARTICLE_TYPES =
  /^(?:News|Reportage|Analysis|Opinion|Report|Blog|Scholarly|Tech)?Article$|^BlogPosting$|^LiveBlogPosting$/;

/**
 * What may date the page where no article object or <meta> does: the page itself (Yoast's
 * `@graph` WebPage, healthline.com's MedicalWebPage) or a fact check's ClaimReview (snopes.com).
 */
const PAGE_TYPES = /^(?:Medical)?WebPage$|^ItemPage$|^ClaimReview$/;

/** What a site's template writes where it has no value ("articleSection": "nil"). */
const PLACEHOLDER = /^(?:nil|null|undefined|none|n\/a)$/i;

/**
 * The first string in `value` that says something, looking into arrays in order and into an
 * object's `name` (JSON-LD's `"author": [{"name": "…"}]`). With a stack of its own, not by
 * recursion: a page's JSON-LD may nest arrays 10,000 deep, which overflowed the call stack.
 */
function firstString(value: unknown): string | null {
  const stack: unknown[] = [value];
  while (stack.length) {
    const v = stack.pop();
    if (typeof v === 'string') {
      const text = collapse(v);
      if (text && !PLACEHOLDER.test(text)) return text;
    } else if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push(v[i]);
    } else if (v && typeof v === 'object') stack.push((v as Record<string, unknown>)['name']);
  }
  return null;
}

function authorsFrom(value: unknown): Author[] {
  const list = Array.isArray(value) ? value : value ? [value] : [];
  const names: string[] = [];
  for (const item of list) {
    const name =
      typeof item === 'string' ? item : firstString((item as Record<string, unknown>)?.['name']);
    if (name) names.push(...splitNames(name));
  }
  return [...new Set(names)].map((name) => ({ name }));
}

const ofType = (pattern: RegExp) => (o: Record<string, unknown>) => {
  const t = o['@type'];
  return (Array.isArray(t) ? t : [t]).some((x) => typeof x === 'string' && pattern.test(x));
};

/** The most article-like JSON-LD object of the page, or null. */
export function articleJsonLd(doc: Document): Record<string, unknown> | null {
  return jsonLd(doc).find(ofType(ARTICLE_TYPES)) ?? null;
}

/**
 * The first non-empty `content` of each `<meta>` name, property or itemprop (lower-cased), with
 * its position: one pass over the page's <meta> elements instead of one per name asked for. An
 * attribute may list several names (RDFa: `property="dc:creator twitter:site_name"`), and Dublin
 * Core's `dc:` / `dcterms.` prefixes are filed under `dc.`.
 */
interface MetaEntry {
  position: number;
  value: string;
  /** Every distinct content under the name, in page order (`value` first). */
  values: string[];
}

function metaIndex(doc: Document): Map<string, MetaEntry> {
  const index = new Map<string, MetaEntry>();
  let position = 0;
  for (const meta of Array.from(queryAll(doc, 'meta'))) {
    position++;
    // One <meta> may carry all three (nytimes.com: property="article:published"
    // itemprop="datePublished"): it is filed under each.
    const keys = ['name', 'property', 'itemprop']
      .map((attribute) => meta.getAttribute(attribute) ?? '')
      .join(' ')
      .trim();
    if (!keys) continue;
    const value = collapse(meta.getAttribute('content'));
    if (!value) continue;
    for (const key of keys.toLowerCase().split(/\s+/)) {
      const name = key.replace(/^(?:dc|dcterms)[:.]/, 'dc.');
      if (!name) continue;
      const entry = index.get(name);
      if (!entry) index.set(name, { position, value, values: [value] });
      else if (!entry.values.includes(value)) entry.values.push(value);
    }
  }
  return index;
}

export function readMetadata(
  doc: Document,
  resolve: (href: string | null) => string | null,
): PageMetadata {
  // As dom.ts's metaContent: the first <meta> in page order whose key is one of `names`.
  const index = metaIndex(doc);
  const metaEntry = (...names: string[]): MetaEntry | undefined => {
    let first: MetaEntry | undefined;
    for (const name of names) {
      const found = index.get(name.toLowerCase());
      if (found && (!first || found.position < first.position)) first = found;
    }
    return first;
  };
  const meta = (...names: string[]): string | null => metaEntry(...names)?.value ?? null;
  const objects = jsonLd(doc);
  const ld = objects.find(ofType(ARTICLE_TYPES)) ?? null;
  // For its dates only (a page object's author is as often its publisher as a person), and
  // the first that has one: Yoast writes an undated WebPage beside snopes.com's ClaimReview.
  const pageLd = objects.find((o) => ofType(PAGE_TYPES)(o) && firstString(o['datePublished']));
  const canonicalHref =
    queryOne(doc, 'link[rel~="canonical" i]')?.getAttribute('href') ?? meta('og:url');
  const ldAuthors = ld ? authorsFrom(ld['author']) : [];
  const metaAuthors = (
    metaEntry('author', 'article:author', 'byl', 'dc.creator', 'sailthru.author')?.values ?? []
  ).filter((value) => !/^https?:/.test(value));
  const lang =
    doc.documentElement?.getAttribute('lang') ??
    doc.documentElement?.getAttribute('xml:lang') ??
    meta('language', 'og:locale', 'content-language');
  const pageTitle = collapse(textContentOf(queryOne(doc, 'title'))) || null;
  const headline =
    (ld && firstString(ld['headline'])) ||
    meta('og:title', 'twitter:title', 'headline', 'dc.title');
  const declared = [
    headline,
    ...['og:title', 'twitter:title', 'headline', 'dc.title'].map((name) => meta(name)),
  ];
  const post = hAtomPost(doc);
  return {
    title: headline || pageTitle,
    titles: [...new Set(declared.map(collapse))].filter(Boolean),
    entryTitle: (post && collapse(textContentOf(queryOne(post, '.entry-title')))) || null,
    entryPublished: post && hAtomDate(post),
    pageTitle,
    // As the reader gives them: Sphinx's "¶" after each (mercurial's docs) is no part of the
    // headline the <title> begins with.
    headings: queryAll(doc, 'h1').slice(0, 4).map(headingText).filter(Boolean),
    description:
      meta('description', 'og:description', 'twitter:description') ??
      (ld && firstString(ld['description'])) ??
      null,
    authors: ldAuthors.length
      ? ldAuthors
      : // One <meta> per person when there are several ("Kooman, F.", "Jong, Michiel de": names
        // written surname first); one may list several people ("A, B and C").
        metaAuthors.length > 1
        ? [...new Set(metaAuthors.map(cleanByline).filter(Boolean))].map((name) => ({ name }))
        : authorsFrom(metaAuthors[0]),
    published: toIsoUtc(
      (ld && firstString(ld['datePublished'])) ??
        meta(
          'article:published_time',
          'datePublished',
          'pubdate',
          'publishdate',
          'dc.date',
          'date',
          'sailthru.date',
          'parsely-pub-date',
        ) ??
        parselyPubDate(meta('parsely-page')) ??
        // afpbb.com's Unix time in milliseconds: the instant its story was put out (2018-06-18
        // 01:01 UTC, printed "2018年6月18日 10:01" in Tokyo time), where its cXense tag below
        // writes the Tokyo clock with a "Z", nine hours late (newspaper4k's japanese_article2).
        meta('epoch-publish-date') ??
        // Piano's cXense tag (afpbb.com): the time it recommends the story from.
        meta('cxenseparse:recs:publishtime') ??
        publishedStamp(doc) ??
        // Dublin Core's day of issue, after every value that may give a time of day too
        // (theguardian.com writes DC.date.issued before article:published_time).
        meta('dc.date.issued', 'dc.issued') ??
        // Its date of creation, last: the only date BBC World Service pages of 2012 declare
        // (BBC Chinese, newspaper4k's chinese_article: dcterms.created beside dcterms.modified).
        meta('dc.created'),
    ),
    shownAuthors: [],
    pagePublished: toIsoUtc(pageLd && firstString(pageLd['datePublished'])),
    modified: toIsoUtc(
      (ld && firstString(ld['dateModified'])) ??
        meta('article:modified_time', 'dateModified', 'og:updated_time', 'last-modified') ??
        (pageLd && firstString(pageLd['dateModified'])) ??
        meta('dc.modified'),
    ),
    section:
      meta('article:section', 'section') ?? (ld && firstString(ld['articleSection'])) ?? null,
    siteName:
      // og:site_name first, wherever it stands: msn.com writes an `application-name` before it
      // that is the story's title.
      meta('og:site_name') ??
      meta('application-name') ??
      (ld && firstString((ld['publisher'] as Record<string, unknown> | undefined)?.['name'])) ??
      null,
    language: lang ? collapse(lang).replace('_', '-') || null : null,
    canonicalUrl: resolve(canonicalHref),
    factChecks: factChecksOf(objects),
  };
}

/**
 * The claims a fact-checker's page checks, from its ClaimReview objects: `claimReviewed`, the
 * verdict `reviewRating` gives in words (`alternateName`; its `ratingValue` is a number on a
 * scale each site defines), and the claim's author as `itemReviewed` names it. A review without
 * the claim's words says nothing a reader could use, and is left out.
 */
function factChecksOf(objects: Record<string, unknown>[]): FactCheck[] {
  const found = new Map<string, FactCheck>();
  for (const review of objects.filter(ofType(/^ClaimReview$/))) {
    const claim = firstString(review['claimReviewed']);
    if (!claim || found.has(claim)) continue;
    const rating = objectOf(review['reviewRating']);
    const item = objectOf(review['itemReviewed']);
    found.set(claim, {
      claim,
      rating: rating && (firstString(rating['alternateName']) ?? firstString(rating['name'])),
      claimant: item && firstString(item['author']),
    });
  }
  return [...found.values()];
}

/** `value` when it is a JSON object (the first of an array of them), else null. */
function objectOf(value: unknown): Record<string, unknown> | null {
  const first: unknown = Array.isArray(value) ? value[0] : value;
  return first && typeof first === 'object' && !Array.isArray(first)
    ? (first as Record<string, unknown>)
    : null;
}

/**
 * washingtonpost.com's byline of 2014: an empty `span.timestamp` with `dateTitle="published"`
 * whose `epochTime` (Unix ms) its script printed as the story's time ("January 18, 2014"). Read
 * before Dublin Core's day of issue, which is the next day's paper there (DC.date.issued
 * 2014-01-19; web-page-parser's spec: January 18). The names as the page writes them: linkedom
 * keeps their case (a browser's getAttribute folds the name it is asked for).
 */
function publishedStamp(doc: Document): string | null {
  for (const el of queryAll(doc, '.timestamp'))
    if (el.getAttribute('dateTitle') === 'published') return el.getAttribute('epochTime');
  return null;
}

/**
 * `pub_date` of a Parse.ly `parsely-page` <meta>, whose content is JSON (cleveland.com,
 * arstechnica.com, 2014–2016); null when it is not JSON or has none.
 */
function parselyPubDate(content: string | null): string | null {
  if (!content) return null;
  try {
    const data: unknown = JSON.parse(content);
    const date =
      data && typeof data === 'object' ? (data as Record<string, unknown>)['pub_date'] : null;
    return typeof date === 'string' ? date : null;
  } catch {
    return null;
  }
}

/** A date line that gives the last change, not the publication. */
const UPDATED =
  /\b(?:updated?|modified|edited|revised)\b|atualiza|actualiza|mis à jour|aktualisiert|aggiornat/i;

/**
 * The publication date a page shows in its body rather than its <head>: an element marked
 * `itemprop="datePublished"` with a machine-readable value, else its hAtom post's date
 * (`entryPublished`, as readMetadata read it off the same page), else the first `<time
 * datetime>` when it stands in a date line of its own (a few words beside it at most, not
 * "Updated"). Null when none: a date is never guessed from prose. Read from the whole page (as
 * cleanup leaves it), so that a reader of only the declared article finds the date line above it
 * too.
 */
export function shownPublicationDate(doc: Document, entryPublished: string | null): string | null {
  for (const el of queryAll(doc, '[itemprop~="datePublished"]')) {
    const value = toIsoUtc(el.getAttribute('datetime') ?? el.getAttribute('content'));
    if (value) return value;
  }
  if (entryPublished) return entryPublished;
  const time = queryOne(doc, 'time[datetime]');
  if (!time) return null;
  const line = collapse(textContentOf(time.parentElement));
  if (UPDATED.test(line)) return null;
  // Beside the date, a date line holds a name or a label ("By Mike Conley", "Posted on"), not a
  // sentence ("The second paragraph, which says … is a holiday.").
  const besides = line
    .replace(collapse(textContentOf(time)), ' ')
    .split(/\s+/)
    .filter(Boolean);
  if (besides.length > 6) return null;
  return toIsoUtc(time.getAttribute('datetime'));
}

/**
 * The post in hAtom, the microformat of blogs and of AP's hosted stories: the first entry
 * (`.hentry`) with a title (`.entry-title`) that is not a comment, as blogs mark each comment an
 * entry too (WordPress's `li.comment.hentry`, titled with the commenter's name on Readability's
 * 002 page, untitled on firefox-nightly-blog).
 */
function hAtomPost(doc: Document): Element | null {
  return (
    queryAll(doc, '.hentry').find(
      (entry) => queryOne(entry, '.entry-title') && !closest(entry, COMMENT),
    ) ?? null
  );
}

/**
 * The date of the hAtom post, in the title of its element classed `published`, else `updated`,
 * where people read "Jun 13, 4:03 PM EDT" (`<div class="timestamp updated"
 * title="2016-06-13T1603Z">`).
 */
function hAtomDate(post: Element): string | null {
  for (const selector of ['.published[title]', '.updated[title]']) {
    const value = toIsoUtc(queryOne(post, selector)?.getAttribute('title'));
    if (value) return value;
  }
  return null;
}

/** A reader's comment, or the box of them, as blogs class them. */
const COMMENT = '[class*="comment" i], [id*="comment" i]';

/**
 * A story's meta line, where some pages print the byline and the date: politifact.com's
 * `p.article__meta`, "By …, … on Monday, November 18th, 2019 at 11:08 a.m.", the date in a span
 * of the same name.
 */
const META_LINE = '[class*="meta" i]';

/** Elements a date line is printed in, by their names ("article-publish-date", "datetime"). */
const DATE_LINE = `[class*="date" i], [class*="time" i], [class*="publish" i], [class*="posted" i], ${META_LINE}`;

/** Elements a byline is printed in: by their names, or marked as the author's. */
const BYLINE = '[class*="byline" i], [class*="author" i], [rel~="author"], [itemprop~="author"]';

/**
 * How far up from the headline a date line or byline may stand: in the headline's block
 * ("<header><h1/><div class=byline><span class=date/>…"), not in the page's masthead (rt.com
 * prints the time it was printed there) nor beside a related story further down.
 */
const HEADLINE_BLOCK_DEPTH = 3;

/** Longest date line or byline, in characters. */
const LINE_MAX = 100;

/** Words of paragraph text after the headline by which a story has begun. */
const STORY_BEGUN = 60;

/**
 * The first of the elements matching `selector`, or of those whose line begins as a byline does
 * (`BY_OPENING`), that stand after the page's headline, in its block, before its story begins,
 * for which `read` gives a value. Paragraphs passed on the way are counted: a caption may stand
 * before the line (sportsnet.ca), the story's first paragraphs not. The headline is the page's
 * first <h1>, and any later one that says the same: quantamagazine.org prints it first in a bar
 * that stays at the top of the window, then over the story with its byline and date.
 */
function besideHeadline<T>(
  doc: Document,
  selector: string,
  read: (el: Element, text: string) => T | null,
): T | null {
  const [first, ...others] = queryAll(doc, 'h1');
  if (!first) return null;
  const said = collapse(textContentOf(first));
  for (const headline of [first, ...others.filter((h) => collapse(textContentOf(h)) === said)]) {
    const value = besideOneHeadline(headline, selector, read);
    if (value !== null) return value;
  }
  return null;
}

function besideOneHeadline<T>(
  headline: Element,
  selector: string,
  read: (el: Element, text: string) => T | null,
): T | null {
  let block: Element | null = headline;
  for (let i = 0; i < HEADLINE_BLOCK_DEPTH && block?.parentElement; i++)
    block = block.parentElement;
  if (!block) return null;
  // An element named for nothing is read only where its line begins as a byline does: a
  // stylesheet's hashed class names say nothing ("Written by Rachael Link, MS, RD on November
  // 14, 2019" in healthline.com's `div.css-12r7hj0`).
  const bylines = bylineHolders(block);
  let after = false;
  let words = 0;
  for (const el of queryAll(block, `h1, p, div, span, ${selector}`)) {
    if (el === headline) after = true;
    if (!after || el === headline) continue;
    const named = matches(el, selector);
    if (named || bylines.has(el)) {
      // As a reader sees it: "By Nathan Willis<br>March 25, 2015" is two lines (lwn.net), which
      // `textContent` runs into "WillisMarch". Read no further than a line can be long.
      const text = collapse(spacedText(el, () => false, LINE_MAX));
      const value = text.length <= LINE_MAX ? read(el, text) : null;
      if (value !== null) return value;
    }
    if (el.localName === 'p' && !named) {
      words += countWords(textContentOf(el));
      if (words > STORY_BEGUN) break;
    }
  }
  return null;
}

/** Marked as the time of an update: `class="entry-updated"`, `itemprop="dateModified"`. */
const UPDATE_MARK = '[class*="updated" i], [class*="modified" i], [itemprop*="modified" i]';
const isMarkedUpdated = (el: Element) =>
  matches(el, UPDATE_MARK) || queryOne(el, UPDATE_MARK) !== null;

/**
 * The elements under `block` whose line begins as a byline does (`BY_OPENING`): the parent of a
 * text that starts so, and its parent too where that is a word's emphasis
 * ("<div><em>By </em><a>…"), not a line of its own. Found in one walk over the text, so a page of 50,000 nested elements
 * costs one pass, not one per element.
 */
function bylineHolders(block: Element): Set<Element> {
  const holders = new Set<Element>();
  walk(block, (node) => {
    if (node.nodeType !== TEXT_NODE || !BY_OPENING.test(dataOf(node as Text).trimStart())) return;
    const parent = node.parentElement;
    if (!parent) return;
    holders.add(parent);
    if (INLINE_EMPHASIS.has(parent.localName) && parent.parentElement)
      holders.add(parent.parentElement);
  });
  return holders;
}

const INLINE_EMPHASIS = new Set(['em', 'i', 'b', 'strong', 'small', 'span']);

/**
 * A publication date printed as text, with no machine-readable value: the first element beside
 * the headline (`besideHeadline`) named for a date, or for the author under whose name it is
 * printed ("By Nathan Willis<br>March 25, 2015", lwn.net; sciencealert.com's
 * `div.author-name-name`), whose text is a date line in English ("November 20, 2019 - 11:28
 * AMT", "Published 11:11 PM EST Nov 19, 2019") with a few words of label at most, none saying
 * it is an update. Null when there is none: a date is not taken from prose, nor from a line
 * that may date something else (Wikipedia's "Retrieved 1 May 2016" under its references).
 */
export function shownDateLine(doc: Document): string | null {
  return besideHeadline(doc, `${DATE_LINE}, ${BYLINE}`, (el, text) => {
    if (UPDATED.test(text) || isMarkedUpdated(el)) return null;
    const line = parseDateLine(text);
    if (line && countWords(line.rest) <= 4) return line.date;
    // "By Louis Jacobson on Monday, November 18th, 2019 at 11:04 a.m." (politifact.com)
    return BY_OPENING.test(text) ? (dateAfterByline(text)?.date ?? null) : null;
  });
}

/**
 * When a Korean page says its story was filed ("기사입력 :[ 2018-08-25 15:24 ]", `koreanFiledDate`),
 * anywhere in its body: entermedia.co.kr prints the label as bare text under a headline that is
 * no heading (`dl.newsTitle`), so it is not looked for beside one. Null when the body has none.
 */
export function shownKoreanFiledDate(doc: Document): string | null {
  const body = bodyOf(doc);
  const text = body ? textContentOf(body) : '';
  return text.includes('입력') || text.includes('등록') ? koreanFiledDate(text) : null;
}

/**
 * A word of a name: capitalised ("O'Neil", "McKay", "Jean-Luc", "J."), in a script without
 * capitals (李, محمد), or a particle ("van", "de").
 */
const NAME_WORD = /^(?:[\p{Lu}\p{Lo}][\p{L}\p{M}'’.-]*|de|da|di|del|der|van|von|bin|al|la|le)$/u;

/** Words of a role or an organisation, not of a person's name ("Senior Contributor", "AFP"). */
const NOT_A_NAME =
  /^(?:by|staff|writers?|editors?|contribut\w*|correspondents?|reporters?|columnists?|professor|senior|chief|associate|agency|press|news|desk|team|services?|media|network|online|digital|wires?)$/i;

/**
 * A byline and the date line after it: "By Louis Jacobson on Monday, November 18th, 2019 at
 * 11:04 a.m." (politifact.com) → "By Louis Jacobson" and that date. The date is what follows the
 * first " on ", "|", "-" or "•" after which the rest is a date line (`parseDateLine`) with at most
 * four words of label. Null when no date follows.
 */
function dateAfterByline(text: string): { byline: string; date: string } | null {
  for (const seam of text.matchAll(/\s(?:on|[|•·–—-])\s/gi)) {
    const line = parseDateLine(text.slice(seam.index + seam[0].length));
    if (line && countWords(line.rest) <= 4)
      return { byline: text.slice(0, seam.index), date: line.date };
  }
  return null;
}

/** Marks the element as the author's own: a name alone ("Vortex") is taken only from one. */
const AUTHOR_MARK = '[rel~="author"], [itemprop~="author"], a[href*="/author/"]';

/**
 * The people a byline printed beside the headline names, where the page declares none:
 * "by Olivia Larsen" (blog.givewell.org), "Posted by Vortex" (a `rel=author` link), snopes.com's
 * list of authors. Each name is two to four words, capitalised, none a role's ("Senior
 * Contributor") — one word only where the page marks it as the author's; a line that is
 * anything else (a sentence, a date, "Staff writer", a section's name) names nobody. Empty
 * when there is none.
 */
export function shownByline(doc: Document): Author[] {
  const names = besideHeadline(doc, `${BYLINE}, ${META_LINE}`, (el, text) => {
    // A meta line names people only after "By" (its other lines are dates, sections, counts).
    if (matches(el, META_LINE) && !matches(el, BYLINE) && !BY_OPENING.test(text)) return null;
    const found = splitNames(dateAfterByline(text)?.byline ?? text);
    const marked = matches(el, AUTHOR_MARK) || queryOne(el, AUTHOR_MARK) !== null;
    const named = found.every((name) => {
      // Post-nominals after a comma ("Rachael Link, MS, RD") are not words of the name.
      const words = name.split(',')[0]!.trim().split(/\s+/);
      return (
        words.length <= 4 &&
        (words.length > 1 || marked) &&
        words.every((w) => NAME_WORD.test(w) && !NOT_A_NAME.test(w)) &&
        !/\d/.test(name)
      );
    });
    return found.length && named ? found : null;
  });
  return (names ?? []).map((name) => ({ name }));
}
