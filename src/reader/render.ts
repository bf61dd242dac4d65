/**
 * The reader view, built from an `Article` with DOM APIs only: every string in an Article came
 * from a web page, so it goes into text nodes and checked attributes, never into markup.
 */
import type { Article, Block, FactCheck, RelatedLink } from '../core/types';
import { parseWaybackUrl } from '../core/archive';
import { externalLink, h, safeHttpUrl, uid } from '../ui/dom';
import { t } from '../ui/i18n';
import {
  articleDates,
  formatDate,
  formatNames,
  timeElement,
  type FormatOptions,
} from '../ui/format';
import { readerControls, type ReaderSettings } from '../ui/reader-controls';

/** BCP 47 tags as pages write them (`en`, `en-GB`, `zh-Hant-TW`); anything else is dropped. */
const LANGUAGE_TAG = /^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$/i;

function heading(level: number, text: string): HTMLElement {
  // The article's title is the page's only h1; body headings keep their relative depth below it.
  const n = Math.min(6, Math.max(2, Math.round(level) || 2));
  return h(`h${n}` as 'h2', null, text);
}

function figure(
  src: string,
  alt: string | null,
  caption: string | null,
  credit: string | null,
): HTMLElement | null {
  const safe = safeHttpUrl(src);
  if (!safe) return null;
  const img = h('img', {
    src: safe,
    // An image described by its caption needs no alt text repeating it.
    alt: alt && alt !== caption ? alt : '',
    loading: 'lazy',
    decoding: 'async',
    referrerpolicy: 'no-referrer',
  });
  // The credit closes the caption, in small type, as papers print it.
  const shown = h(
    'figure',
    null,
    img,
    (caption || credit) &&
      h(
        'figcaption',
        null,
        caption,
        caption && credit ? ' ' : null,
        credit && h('small', { class: 'picture-credit' }, credit),
      ),
  );
  // Old stories' pictures are often gone from the servers (and an archive may not have kept
  // them): the browser's broken-image box, with the alt text squeezed into it, gives way to a
  // plain line saying so, with the description the page gave, and the caption stays.
  img.addEventListener('error', () => img.replaceWith(missingPicture(alt, caption)), {
    once: true,
  });
  return shown;
}

/** What stands in for a picture that did not load. */
function missingPicture(alt: string | null, caption: string | null): HTMLElement {
  const described = alt && alt !== caption ? alt : null;
  return h(
    'p',
    { class: 'picture-missing' },
    described ? t('readerPictureMissingAlt', described) : t('readerPictureMissing'),
  );
}

function quote(block: Extract<Block, { type: 'quote' }>): HTMLElement {
  return h(
    'blockquote',
    { class: block.pull ? 'pull-quote' : 'quote' },
    h('p', null, block.text),
    block.cite && h('footer', null, h('cite', null, block.cite)),
  );
}

/**
 * A table of data, in a scrolling wrapper so a wide one does not widen the column. The wrapper is
 * focusable (it scrolls) and named by the caption when there is one.
 */
function table(block: Extract<Block, { type: 'table' }>): HTMLElement {
  const row = (cells: string[], tag: 'td' | 'th') =>
    h(
      'tr',
      null,
      cells.map((cell) => h(tag, tag === 'th' ? { scope: 'col' } : null, cell)),
    );
  const captionId = block.caption ? uid('table-caption') : null;
  return h(
    'div',
    {
      class: 'table-scroll',
      tabindex: '0',
      role: 'region',
      ...(captionId ? { 'aria-labelledby': captionId } : { 'aria-label': t('readerTable') }),
    },
    h(
      'table',
      null,
      block.caption && h('caption', { id: captionId }, block.caption),
      block.head.length > 0 &&
        h(
          'thead',
          null,
          block.head.map((cells) => row(cells, 'th')),
        ),
      h(
        'tbody',
        null,
        block.rows.map((cells) => row(cells, 'td')),
      ),
    ),
  );
}

/** One body block as DOM; null for a block with nothing safe to show. */
export function renderBlock(
  block: Block,
  pictureSource: (src: string) => string = (src) => src,
): HTMLElement | null {
  switch (block.type) {
    case 'paragraph':
      return h('p', null, block.text);
    case 'heading':
      return heading(block.level, block.text);
    case 'quote':
      return quote(block);
    case 'image':
      return figure(pictureSource(block.src), block.alt, block.caption, block.credit);
    case 'list':
      return h(
        block.ordered ? 'ol' : 'ul',
        // Numbered as the page numbered it: `<ol start="6">`, or on after a nested list.
        { start: block.ordered && block.start !== null && block.start !== 1 ? block.start : null },
        block.items.map((item) => h('li', null, item)),
      );
    case 'table':
      return table(block);
    default:
      return null;
  }
}

/**
 * The body's blocks as DOM, with a nested list (level n + 1) put back into the last item of the
 * list of level n before it, and the rest of that list, which the export gives as a list of its
 * own numbered on, back into the same list: the reader shows one list, as the page did.
 */
function renderBody(
  blocks: readonly Block[],
  pictureSource: (src: string) => string,
): HTMLElement[] {
  const shown: HTMLElement[] = [];
  // The list shown at each level of the run of lists being rendered.
  let open: HTMLElement[] = [];
  let previous: Block | null = null;
  for (const block of blocks) {
    const element = renderBlock(block, pictureSource);
    if (block.type !== 'list' || !element) {
      open = [];
      if (element) shown.push(element);
      previous = block;
      continue;
    }
    const same = open[block.level];
    const resumes =
      previous?.type === 'list' &&
      previous.level > block.level &&
      same?.tagName === element.tagName &&
      (!block.ordered ||
        block.start === Number(same.getAttribute('start') ?? 1) + same.children.length);
    if (same && resumes) {
      // One by one: a list of a page's size would overflow the arguments of one call.
      for (const item of Array.from(element.children)) same.append(item);
    } else {
      const parent = block.level > 0 ? open[block.level - 1]?.lastElementChild : null;
      if (parent) parent.append(element);
      else shown.push(element);
      open[block.level] = element;
    }
    open.length = block.level + 1;
    previous = block;
  }
  return shown;
}

/**
 * Drops opening text blocks that repeat the title or standfirst the header already shows, looking
 * past pictures: classic BBC stories open with the picture, then the standfirst again as the
 * first paragraph (8011268.stm, "Obama invites Middle East heads").
 */
function bodyBlocks(article: Article): Block[] {
  const shown = new Set([article.title, article.standfirst].filter(Boolean));
  const blocks = [...article.body];
  let i = 0;
  while (i < blocks.length) {
    const block = blocks[i]!;
    if (block.type === 'image') i++;
    else if ('text' in block && shown.has(block.text)) blocks.splice(i, 1);
    else break;
  }
  return blocks;
}

function relatedItem(link: RelatedLink, format: FormatOptions): HTMLElement | null {
  const href = safeHttpUrl(link.url);
  if (!href || !link.title) return null;
  const date = link.date && formatDate(link.date, format);
  const meta = [date && h('time', { datetime: link.date }, date), link.section].filter(Boolean);
  return h(
    'li',
    null,
    externalLink(href, link.title),
    meta.length > 0 &&
      h(
        'span',
        { class: 'meta' },
        meta.flatMap((m, i) => (i === 0 ? [m] : [' · ', m])),
      ),
  );
}

function related(article: Article, format: FormatOptions): HTMLElement | null {
  const items = article.related.map((link) => relatedItem(link, format)).filter(Boolean);
  if (items.length === 0) return null;
  const id = uid('related');
  return h(
    'section',
    { class: 'related', 'aria-labelledby': id },
    h('h2', { id }, t('relatedHeading')),
    h('ul', null, items),
  );
}

/**
 * The claims a fact-check checks and its verdicts, set out before the body as fact-checkers print
 * them (a "Claim" box, then the rating): the page's markup declares them beside the story.
 */
function factChecks(checks: readonly FactCheck[]): HTMLElement | null {
  if (checks.length === 0) return null;
  const id = uid('fact-check');
  const entry = (label: string, value: HTMLElement | string) => [
    h('dt', null, label),
    h('dd', null, value),
  ];
  return h(
    'section',
    { class: 'fact-checks', 'aria-labelledby': id },
    h('h2', { id }, t('factCheckHeading')),
    checks.map((check) =>
      h(
        'dl',
        null,
        entry(t('factCheckClaim'), check.claim),
        check.claimant ? entry(t('factCheckClaimant'), check.claimant) : null,
        check.rating ? entry(t('factCheckRating'), h('strong', null, check.rating)) : null,
      ),
    ),
  );
}

function source(article: Article, format: FormatOptions): HTMLElement {
  const original = safeHttpUrl(article.canonicalUrl) ?? safeHttpUrl(article.url);
  const archive = article.archive && safeHttpUrl(article.archive.url);
  const captured = article.archive && timeElement(article.archive.capturedAt, format);
  return h(
    'footer',
    { class: 'source' },
    original &&
      h(
        'p',
        null,
        externalLink(original, t('originalLink')),
        ' ',
        h('span', { class: 'host' }, new URL(original).hostname),
      ),
    archive &&
      h(
        'p',
        null,
        externalLink(archive, t('archiveLink')),
        captured && [' · ', t('capturedOn'), ' ', captured],
      ),
  );
}

function header(article: Article, format: FormatOptions): HTMLElement {
  const names = article.authors.map((a) => a.name).filter(Boolean);
  const kicker = [article.siteName, article.section].filter(Boolean).join(' · ');
  const { published, updated } = articleDates(article, format);
  return h(
    'header',
    { class: 'story-head' },
    kicker && h('p', { class: 'kicker' }, kicker),
    h('h1', null, article.title || t('untitled')),
    article.standfirst && h('p', { class: 'standfirst' }, article.standfirst),
    (names.length > 0 || article.dateline) &&
      h(
        'p',
        { class: 'byline' },
        names.length > 0 &&
          h('span', { class: 'author' }, t('bylineBy', formatNames(names, format))),
        article.dateline && h('span', { class: 'dateline' }, article.dateline),
      ),
    (published || updated) &&
      h(
        'p',
        { class: 'dates' },
        published && h('span', null, t('published'), ' ', published),
        updated && h('span', null, t('updated'), ' ', updated),
      ),
  );
}

/** The whole article: header, the claims it checks, body, related links, source links. */
export function renderArticle(article: Article, format: FormatOptions = {}): HTMLElement {
  const lang = article.language && LANGUAGE_TAG.test(article.language) ? article.language : null;
  const pictureSource = picturesFrom(article.archive);
  return h(
    'article',
    { class: 'story', lang },
    header(article, format),
    factChecks(article.factChecks),
    h('div', { class: 'story-body' }, renderBody(bodyBlocks(article), pictureSource)),
    related(article, format),
    source(article, format),
  );
}

/**
 * Where the reader loads an article's pictures from. An Article names each picture by its
 * original address; for one read from a Wayback capture that address is often dead (the BBC's
 * newsimg.bbc.co.uk of the 2000s), while the archive kept the picture with the page: the reader
 * asks the archive for it as of the capture (`im_`, the form the capture itself used).
 */
function picturesFrom(archive: Article['archive']): (src: string) => string {
  const capture = archive?.service === 'wayback' ? parseWaybackUrl(archive.url) : null;
  if (!capture) return (src) => src;
  const origin = new URL(archive!.url).origin;
  return (src) => `${origin}/web/${capture.timestamp}im_/${src}`;
}

/** What the reader says when its article is gone (session storage is cleared with the browser). */
export function renderMissing(): HTMLElement {
  return h(
    'section',
    { class: 'story missing' },
    h('h1', null, t('readerMissingHeading')),
    h('p', null, t('readerMissingBody')),
  );
}

/**
 * The reader's own "Save as JSON": the article it shows, saved as the popup would save it. The
 * status line says when it is saved, or why not.
 */
export function renderSaveAction(save: () => Promise<unknown>): HTMLElement {
  const status = h('p', { class: 'save-status', role: 'status' });
  const button = h(
    'button',
    {
      type: 'button',
      class: 'button save',
      onclick: () => {
        button.disabled = true;
        status.textContent = '';
        save()
          .then(() => (status.textContent = t('savedJson')))
          .catch((err: unknown) => {
            status.textContent = t(
              'actionFailed',
              err instanceof Error ? err.message : String(err),
            );
          })
          .finally(() => (button.disabled = false));
      },
    },
    t('saveJson'),
  );
  return h('div', { class: 'reader-actions' }, button, status);
}

/** The typography toolbar. */
export function renderToolbar(
  reader: ReaderSettings,
  onChange: (next: ReaderSettings) => void,
): HTMLElement {
  return h(
    'form',
    {
      class: 'toolbar',
      'aria-label': t('readerSettingsLabel'),
      onsubmit: (e: Event) => e.preventDefault(),
    },
    readerControls(reader, onChange),
  );
}

/** Applies typography settings to the page (`root` is `<html>`). */
export function applyReaderSettings(root: HTMLElement, reader: ReaderSettings): void {
  root.dataset.theme = reader.theme;
  root.dataset.font = reader.font;
  root.style.setProperty('--reader-size', `${reader.fontSize}px`);
  root.style.setProperty('--reader-measure', `${reader.width}ch`);
}
