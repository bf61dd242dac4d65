/**
 * Layout family `bbc-story-body`: BBC News articles of 2010–2019.
 *
 * Three generations share it:
 * - 2010 news.bbc.co.uk pages: `#meta-information h1`, `div#story-body` with `p.introduction`,
 *   `div.story-feature` side boxes (bbc_news/10249066.stm.html, 10341015.stm.html);
 * - 2010–2014 bbc.co.uk/news: `div.story-body` with `h1.story-header`, `span.cross-head`,
 *   `span.date` + `span.time` (11125504, 21528631, 20230333…);
 * - 2015–2019 bbc.co.uk and bbc.com: `div.story-body > div.story-body__inner`, `h1.story-body__h1`,
 *   `div.date[data-seconds]`, `figure.media-landscape` (31014941, 32271505, readability bbc-1,
 *   benchmark 70cb2d5b… and c7e39ac4…).
 */
import type { Block, RelatedLink } from '../core/types';
import type { ClutterRule, ExtractContext, SiteReader, SiteRule } from './site';
import type { CleanStep, Finding } from '../core/clean/step';
import type { Classification } from '../core/blocks';
import { inlineText, readBlocks } from '../core/blocks';
import { metaContent } from '../core/dom';
import { parseBbcUpdated, parseSlashDateTime, toIsoUtc } from '../core/dates';
import { articleJsonLd } from '../core/metadata';
import { collapse } from '../core/text';
import {
  captionText,
  figureBlock,
  recordedAddress,
  relatedLink,
  showsOnlyTextIn,
  splitByline,
  uniqueLinks,
} from './bbc-parts';
import { closest, matches, queryAll, queryOne } from '../core/query';
import {
  firstChildOf,
  lastElementChildOf,
  nextSiblingOf,
  previousElementSiblingOf,
  textContentOf,
} from '../core/view';

/**
 * Structural signals, strongest first. The BEM names of 2015–2019 are the BBC's own; the bare
 * `div.story-body` / `h1.story-header` of 2010–2014 are also used by other papers (readability
 * test pages nytimes-1, nytimes-2, herald-sun-1), so those count only on a page with BBC
 * furniture (see BBC_EVIDENCE).
 */
const DETECT: readonly [selector: string, signal: string, needsBbcEvidence: boolean][] = [
  ['.story-body__inner', '.story-body__inner', false], // 2015–2019 (32271505, bbc-1)
  ['h1.story-body__h1', 'h1.story-body__h1', false],
  ['div.story-body', 'div.story-body', true], // 2010–2014 (21528631)
  ['#meta-information ~ #main-content #story-body', '#story-body', true], // 2010 (10249066.stm)
];

/**
 * BBC furniture of 2010–2014 pages: the OriginalPublicationDate meta, the Barlesque masthead
 * (`#blq-container`, 10249066.stm, 21528631) or the later Orb masthead.
 */
const BBC_EVIDENCE =
  'meta[name="OriginalPublicationDate"], #blq-container, #blq-mast, #orb-header, #orb-banner';

/** The body container, most specific first. */
const ROOT_SELECTORS = ['.story-body__inner', 'div.story-body', '#story-body'];

export const STORY_BODY_CLUTTER: ClutterRule[] = [
  // Share tools.
  rule('share-help', '.share-help', 'other', 'Share-this-page links'), // 21528631
  rule('bookmark-list', '.bookmark-list', 'other', '"Bookmark with" links'), // 10249066.stm
  rule(
    'story-actions',
    '#blq_content .story-actions',
    'other',
    'E-mail and print links', // 10249066.stm, 10341015.stm
  ),
  rule(
    'sharetools',
    '.sharetools, .share-tools--event-tag, .share.share--lightweight',
    'other',
    'Share buttons', // c7e39ac4…, 32271505
  ),
  // Related boxes.
  rule('story-related', '.story-related', 'related', '"More on This Story" box'), // 21528631
  rule(
    'story-more',
    '.story-more, .see-also',
    'related',
    '"Related Stories" / "Related Internet links"', // 31014941
  ),
  rule(
    'related-links-menu',
    '.nested-menus',
    'related',
    '"Related internet links" menu', // 10249066.stm
  ),
  rule(
    'embedded-hyper',
    '.embedded-hyper',
    'related',
    'In-story "hyperpuff" of related stories', // 21528631
  ),
  rule(
    'story-feature-links',
    '.story-feature ul.links-list',
    'related',
    '"Read more from…" links in side boxes', // 19957138.stm
  ),
  rule(
    'continue-reading',
    'a.hidden[href^="#story_continues"], a.hidden[href^="#skip_feature"]',
    'navigation',
    '"Continue reading the main story" skip links', // 21528631, 10249066.stm
  ),
  rule('topic-tags', '#topic-tags, .tags-container', 'related', 'Topic tags'), // c7e39ac4…
  // Index promos around the story.
  rule(
    'top-stories',
    '.top-stories-promo, .top-index-stories, #top-stories, [class*="top-stories-range"]',
    'promo',
    'Top Stories', // 21528631, 31014941
  ),
  rule(
    'features',
    '.features-and-analysis, #features, [class*="features-header"]',
    'promo',
    'Features and analysis', // 31014941
  ),
  rule(
    'most-popular',
    '#most-popular, .most-popular, .livestats, [class*="livestats"]',
    'promo',
    'Most popular / most read', // 21528631
  ),
  rule(
    'more-from-index',
    '#comp-small-promo-group, .small-promo-group, .container-more-from-this-index',
    'promo',
    'More from this index', // 31014941, bbc-1
  ),
  rule(
    'guide-card',
    '.story-body__inner article.pullout',
    'promo',
    'Election "guide card" promo', // 32271505
  ),
  rule('market-data', '.market-data', 'promo', 'Market data widget'), // 13293006
  rule(
    'comment-form',
    '.comment-introduction, form#comment-form',
    'promo',
    '"Send us your comments using the form below" call-out and form', // 20230333.stm
  ),
  rule(
    'twitter-module',
    '.sps-twitter_module, .twitter-module',
    'promo',
    'Live tweets module', // 21528631, 19957138.stm
  ),
  // Ads and navigation.
  rule(
    'ads',
    '.bbccom_slot, .bbccom_advert, .mpu-ad, .outbrain-ad, #bbccom_leaderboard_container, a.bbccom_text',
    'ad',
    'Adverts, and "is sponsored by" beside the section name', // 32271505, c7e39ac4…, bbc-1
  ),
  rule(
    'navigation',
    '#blq-nav, #blq-acc, #blq-foot, #orb-header, #orb-footer, .navigation-panel, #navigation, .secondary-navigation',
    'navigation',
    'BBC masthead, site navigation and footer',
  ),
  rule(
    'masthead',
    '#blq-mast, #blq-local-nav, #blq_content > a.skip, #servicesV4 > a.skip',
    'navigation',
    'bbc.co.uk masthead with search, section navigation, "Skip to top"', // 10249066.stm, 21528631
  ),
  rule(
    'news-navigation',
    '.navigation--primary, .navigation--wide, .secondary-navigation--wide, #navigation--top, .navigation--footer',
    'navigation',
    'News navigation above and below the story', // 31014941, 32271505, bbc-1
  ),
  rule(
    'services',
    '#related-services, #servicesV4, .blue-tit',
    'navigation',
    'News services and "About BBC News" links', // 21528631, 10249066.stm, 31014941, 70cb2d5b…
  ),
  rule(
    'banner-video',
    '#banner li.av',
    'promo',
    '"Live BBC News Channel" in the banner', // 10249066.stm
  ),
  rule(
    'sidebar-promos',
    '#featured-content, #secondary-content .hyperpuff, #comp-elsewhere-on-the-bbc, .trust-project',
    'promo',
    'FEATURES, VIEWS, ANALYSIS, the topic box beside the story, "Elsewhere on the BBC", "Why you can trust BBC News"', // 10249066.stm, 70cb2d5b…
  ),
  rule(
    'comments',
    '.dna-comments_module, #comp-comments-button',
    'other',
    'Readers\' comments and "View comments"', // 19957138.stm, bbc-1
  ),
  rule(
    'media-unsupported',
    '.player-with-placeholder__caption, .media-player-wrapper',
    'other',
    '"Media playback is unsupported on your device"', // c7e39ac4…
  ),
];

function rule(
  name: string,
  selector: string,
  kind: ClutterRule['kind'],
  reason: string,
): ClutterRule {
  return { id: `bbc-story-body/${name}`, selector, kind, reason };
}

/** Elements of the body container that are never story text. */
const BODY_SKIP = [
  'h1', // the headline sits inside div.story-body (21528631)
  '.story-date, .date, .mini-info-list, .story-body__mini-info-list-and-share, .with-extracted-share-icons',
  '.byline', // read for the authors, not body text
  '.videoInStoryA, .videoInStoryB, .videoInStoryC, .emp', // 2010–2014 video players (10249066.stm)
  '.media-placeholder, .media-with-caption, .player-with-placeholder, figure.media-player', // 2015–2019 video
  'p.caption', // caption of a video player (10249066.stm, 21528631)
  '.off-screen',
  '.embedded-hyper, .hyperpuff, .market-data, .sps-twitter_module, .twitter-module',
  '.bbccom_slot, .mpu-ad, .share-help, .bookmark-list',
  'article.pullout', // guide card (32271505)
  'a.hidden',
].join(', ');

export const bbcStoryBody: SiteRule = {
  layout: 'bbc-story-body',

  detect(doc) {
    let bbc: boolean | undefined;
    for (const [selector, signal, needsBbcEvidence] of DETECT) {
      if (!queryOne(doc, selector)) continue;
      bbc ??= queryOne(doc, BBC_EVIDENCE) !== null;
      if (!needsBbcEvidence || bbc)
        return needsBbcEvidence ? [signal, 'BBC masthead or meta'] : [signal];
    }
    return null;
  },

  clutter: STORY_BODY_CLUTTER,

  steps: [linkBoxStep()],

  articleRoots(doc) {
    const root = bodyRoot(doc);
    return root ? [root] : [];
  },
};

/**
 * A `div.story-feature` beside the story that is a heading and story links and nothing else
 * ("Related Stories", "US election - the essentials": 19957138.stm, 20230333.stm). A box with a
 * quote, facts, an analysis or a teaser paragraph stays: only its "Read more" list goes
 * (`story-feature-links`). The reader keeps the links as data either way.
 */
function linkBoxStep(): CleanStep {
  return {
    id: 'bbc-story-body/link-boxes',
    find({ doc }) {
      const out: Finding[] = [];
      for (const box of Array.from(queryAll(doc, 'div.story-feature'))) {
        if (queryAll(box, 'a[href]:not(.hidden)').length < 2) continue;
        if (!showsOnlyTextIn(box, 'a[href], h2, h3')) continue;
        out.push({
          node: box,
          kind: 'related',
          rule: 'bbc-story-body/link-box',
          reason: 'Box of related story links beside the story', // 19957138.stm, 20230333.stm
        });
      }
      return out;
    },
  };
}

/** How the layout's article is read (see SiteReader: apart from the rule above). */
export const bbcStoryBodyReader: SiteReader = {
  layout: 'bbc-story-body',

  related(doc, ctx) {
    return readRelated(doc, ctx);
  },

  extract(doc, ctx) {
    const root = bodyRoot(doc);
    if (!root) return null;
    const ld = articleJsonLd(doc);
    const byline = readByline(doc);
    const intro = queryOne(root, '.story-body__introduction, p.introduction');
    const footer = brandFooter(root);
    const classify = classifier(root, ctx);
    return {
      title: readTitle(doc),
      standfirst: intro ? inlineText(intro) || null : null,
      authors: byline.authors,
      dateline: byline.dateline,
      published: readPublished(doc, ld),
      modified: toIsoUtc(metaContent(doc, 'LastModifiedDate') ?? stringOf(ld?.['dateModified'])),
      section:
        collapse(textContentOf(queryOne(doc, '.mini-info-list__section'))) ||
        metaContent(doc, 'Section', 'article:section') ||
        null,
      siteName: 'BBC News',
      language: readLanguage(doc),
      canonicalUrl: recordedAddress(doc, ctx)?.url ?? null,
      body: readBlocks(root, {
        resolve: ctx.resolve,
        classify: (el) => (footer.has(el) ? 'skip' : classify(el)),
      }),
    };
  },
};

function bodyRoot(doc: Document): Element | null {
  for (const selector of ROOT_SELECTORS) {
    const el = queryOne(doc, selector);
    if (el) return el;
  }
  return null;
}

/**
 * A programme's sign-off at the foot of the story: a picture panel (a grey rule, the brand's
 * logo) followed only by italic call-outs. Newsbeat closes every story with "Follow Newsbeat on
 * Instagram, Facebook…" / "Listen to Newsbeat live…" under its logo (benchmark 70cb2d5b…, whose
 * human ground truth leaves them out). Returns the elements of that run, or none.
 */
function brandFooter(root: Element): Set<Element> {
  const run: Element[] = [];
  for (let el = lastElementChildOf(root); el; el = previousElementSiblingOf(el)) {
    const tag = el.tagName.toLowerCase();
    if (tag === 'script' || tag === 'style') continue;
    if (tag === 'p' && isItalicCallout(el)) run.unshift(el);
    else if (tag === 'figure' && !queryOne(el, 'figcaption') && run.length) run.unshift(el);
    else break;
  }
  const firstParagraph = run.findIndex((el) => el.tagName.toLowerCase() === 'p');
  // The panel must open with a picture: italic lines alone may be the story's own ending.
  return firstParagraph > 0 ? new Set(run) : new Set();
}

/** A paragraph whose own words (links aside) are all in italics. */
function isItalicCallout(p: Element): boolean {
  let italic = 0;
  let plain = 0;
  for (let node = firstChildOf(p); node; node = nextSiblingOf(node)) {
    const text = collapse(textContentOf(node)).replace(/^[.,;:]$/, '');
    if (!text) continue;
    const tag = node.nodeType === 1 ? (node as Element).tagName.toLowerCase() : '';
    if (tag === 'i' || tag === 'em') italic += text.length;
    else if (tag !== 'a') plain += text.length;
  }
  return italic > 0 && plain === 0;
}

/** The `classify` hook for the elements under `root`. */
function classifier(root: Element, ctx: ExtractContext): (el: Element) => Classification {
  const skip = (el: Element) => matches(el, BODY_SKIP);
  // Crossheads: `span.cross-head` 2011–2014 (21528631), `h2.story-body__crosshead` 2015–2019.
  const crosshead = (el: Element) => matches(el, '.cross-head, .crosshead, .story-body__crosshead');
  const feature = (el: Element) => matches(el, '.story-feature');
  const caption = (el: Element) => matches(el, '.caption');
  return (el) => {
    if (skip(el)) return 'skip';
    const tag = el.tagName.toLowerCase();
    if (crosshead(el)) return { type: 'heading', level: 2, text: inlineText(el) };
    if (feature(el)) return storyFeature(el, ctx);
    if (tag === 'figure') {
      const block = figureBlock(
        el,
        queryOne(el, 'figcaption .media-caption__text, figcaption'),
        ctx,
      );
      return block ?? 'skip';
    }
    // 2010–2014 pictures: `span.caption` / `div.caption` wrapping an <img>, caption text beside
    // it.
    if (caption(el) && queryOne(el, 'img')) {
      const img = queryOne(el, 'img')!;
      const src = ctx.resolve(img.getAttribute('src'));
      return src
        ? {
            type: 'image',
            src,
            alt: collapse(img.getAttribute('alt')) || null,
            caption: captionText(el),
            credit: null,
          }
        : 'skip';
    }
    return undefined;
  };
}

/**
 * `div.story-feature`: a box beside the story ("Continue reading the main story" skips it). It
 * holds a pull quote (10249066.stm), a captioned picture (10249066.stm), links to related
 * stories, live tweets, or a correspondent's analysis (21528631). The quote and the picture are
 * kept; links and tweets are clutter; the analysis box is a sidebar, not the story.
 */
function storyFeature(el: Element, ctx: ExtractContext): Classification {
  const out: Block[] = [];
  const quote = queryOne(el, 'blockquote');
  if (quote) {
    const cite = queryOne(el, '.quote_credit, .quote-credit');
    out.push({
      type: 'quote',
      text: inlineText(quote).replace(/^["“]|["”]$/g, ''),
      pull: true,
      cite: cite ? inlineText(cite) || null : null,
    });
  }
  if (!queryOne(el, '.correspondent-byline')) {
    const images = Array.from(queryAll(el, 'img')).filter(
      (img) => !closest(img, '.byline-picture, .tweet-item, .sps-twitter_module'),
    );
    if (images.length === 1) {
      const img = images[0]!;
      const src = ctx.resolve(img.getAttribute('src'));
      // The picture's caption is the box's one paragraph (10249066.stm: "Police are still
      // trying to establish a motive for the killings").
      const paras = Array.from(queryAll(el, 'p')).filter((p) => !closest(p, 'blockquote'));
      const caption =
        paras.length === 1 ? inlineText(paras[0]!) || null : captionText(closest(img, '.caption'));
      if (src)
        out.push({
          type: 'image',
          src,
          alt: collapse(img.getAttribute('alt')) || null,
          caption,
          credit: null,
        });
    }
  }
  return out.length ? out : 'skip';
}

function readTitle(doc: Document): string | null {
  const h1 = queryOne(doc, 'h1.story-body__h1, h1.story-header, #meta-information h1');
  const pageTitle = collapse(textContentOf(queryOne(doc, 'title')));
  return (
    collapse(textContentOf(h1)) ||
    metaContent(doc, 'Headline', 'og:title') ||
    headlineBeginning(doc, pageTitle) ||
    pageTitle.replace(/^BBC News\s*-\s*/, '') ||
    null
  );
}

/**
 * The page's first <h1> when the <title> is it, then the service's name and more: BBC World
 * Service pages of 2012 print the headline as a bare <h1> and title the page "港特首梁振英就住宅违建事件道歉
 * - BBC中文网 - 两岸三地" (headline, BBC Chinese, section; newspaper4k's chinese_article).
 */
function headlineBeginning(doc: Document, pageTitle: string): string | null {
  const headline = collapse(textContentOf(queryOne(doc, 'h1')));
  return headline && pageTitle.startsWith(`${headline} - `) ? headline : null;
}

function readPublished(doc: Document, ld: Record<string, unknown> | null): string | null {
  // OriginalPublicationDate is UTC (checked against the corpus index); data-seconds is Unix time.
  return (
    parseSlashDateTime(metaContent(doc, 'OriginalPublicationDate')) ??
    toIsoUtc(
      queryOne(doc, '.story-body [data-seconds], .date[data-seconds]')?.getAttribute(
        'data-seconds',
      ),
    ) ??
    toIsoUtc(stringOf(ld?.['datePublished'])) ??
    parseBbcUpdated(textContentOf(queryOne(doc, '#meta-information .published, .story-date'))) ??
    null
  );
}

/**
 * 2015–2019 bylines: `span.byline > span.byline__name` ("By Jane Doe") and `span.byline__title`
 * ("BBC News, Washington").
 */
function readByline(doc: Document): ReturnType<typeof splitByline> {
  const name = queryOne(
    doc,
    '.story-body .byline__name, .story-body .byline-name:not(.correspondent-byline *)',
  );
  if (!name) return { authors: [], dateline: null };
  const byline = closest(name, '.byline');
  const role = byline ? queryOne(byline, '.byline__title, .byline-title') : null;
  return splitByline(textContentOf(name), textContentOf(role));
}

function readLanguage(doc: Document): string | null {
  const lang =
    doc.documentElement?.getAttribute('lang') ?? doc.documentElement?.getAttribute('xml:lang');
  return lang ? collapse(lang) || null : 'en-GB';
}

function stringOf(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

/** Where each era keeps its related links, and what kind they are. */
const RELATED_BOXES: readonly [selector: string, kind: string][] = [
  // 2015–2019 "Related Stories" / "Related Internet links" groups (31014941).
  ['.story-more .related-links--external a.unit__link-wrapper', 'external'],
  ['.story-more .more-on-this-story a.unit__link-wrapper', 'story'],
  // 2011–2014 "More on This Story" (21528631): story headlines, then external links.
  ['.story-related .hyper-related-assets a', 'story'],
  ['.story-related .related-links a', 'external'],
  ['.story-related .newstracker-list a', 'external'],
  // 2010: links in side boxes, and the "Related internet links" menu (10249066.stm).
  ['#story-body .story-feature a:not(.hidden)', 'story'],
  ['.nested-menus .related-links a', 'external'],
  // In-story link lists of side boxes (21528631 "What happened on the night?").
  ['.story-feature ul.links-list a', 'story'],
];

function readRelated(doc: Document, ctx: ExtractContext): RelatedLink[] {
  const links: (RelatedLink | null)[] = [];
  for (const [selector, kind] of RELATED_BOXES) {
    for (const a of Array.from(queryAll(doc, selector))) {
      if (closest(a, '.correspondent-byline')) continue;
      const link = relatedLink(
        a,
        ctx,
        /\/av\/|\/video/.test(a.getAttribute('href') ?? '') ? 'media' : kind,
        itemDate(a),
      );
      // 2011–2014 story links carry their publication time as rel="published-<ms>".
      const rel = /published-(\d{12,13})/.exec(a.getAttribute('rel') ?? '');
      if (link && rel && !link.date) link.date = toIsoUtc(rel[1]!)?.slice(0, 10) ?? null;
      links.push(link);
    }
  }
  return uniqueLinks(links);
}

/** The date element of the list item a related link sits in. */
function itemDate(a: Element): Element | null {
  const item = closest(a, 'li');
  return item ? queryOne(item, '.date[data-seconds]') : null;
}
