/**
 * The popup's views, as pure functions from data to DOM: no `browser.*` here, so every state can
 * be rendered and checked in a unit test. `main.ts` gathers the data and wires the handlers.
 */
import type { PageState } from '../shared/messages';
import { isBbcNewsAddress } from '../content/bbc-address';
import { REMOVAL_KINDS, type Removal, type RemovalKind } from '../core/types';
import { accessOffer } from '../ui/access-offer';
import { h, uid } from '../ui/dom';
import { t, type MessageKey } from '../ui/i18n';
import {
  articleDates,
  formatNames,
  formatNumber,
  kindLabel,
  layoutLabel,
  timeElement,
  type FormatOptions,
} from '../ui/format';
import type { RestrictedReason } from './restricted';

export type PopupView =
  | { kind: 'checking' }
  /** `message`: the browser's own refusal, when only the injection could tell. */
  | { kind: 'restricted'; reason: RestrictedReason; message?: string }
  /** The tab is still loading and its content script has not answered yet. */
  | { kind: 'loading' }
  /** Broadsheet could not talk to the page, or the page's script failed (`inPage`). */
  | { kind: 'failed'; message: string; inPage?: boolean }
  | {
      kind: 'page';
      state: PageState;
      /** The per-site switch: whether this host is missing from `disabledSites`. */
      siteAutoClean: boolean;
      /** The global option; when off, the switch has no effect and the popup says so. */
      globalAutoClean: boolean;
      /**
       * Whether the browser lets the extension run on this page as it loads (its host
       * permission, which a person can withhold); without it the popup offers to ask for it.
       */
      siteAccess: boolean;
    };

export interface PopupHandlers {
  readerView(): void;
  saveJson(): void;
  /** "Show original" when the page is cleaned, "Clean page" when it is not. */
  toggleClean(): void;
  setSiteAutoClean(on: boolean): void;
  /** Asks the browser for access to BBC News sites (from the click itself: a user gesture). */
  allowSiteAccess(): void;
  retry(): void;
}

const RESTRICTED_MESSAGES: Record<RestrictedReason, MessageKey> = {
  'browser-page': 'restrictedBrowserPage',
  store: 'restrictedStore',
  pdf: 'restrictedPdf',
  'view-source': 'restrictedViewSource',
  file: 'restrictedFile',
  refused: 'restrictedRefused',
  other: 'restrictedOther',
};

const PAGE_ERRORS: Record<
  NonNullable<PageState['error']>['code'],
  { heading: MessageKey; body: MessageKey }
> = {
  'no-article': { heading: 'noArticleHeading', body: 'noArticleBody' },
  'too-large': { heading: 'tooLargeHeading', body: 'tooLargeBody' },
  'page-error': { heading: 'pageErrorHeading', body: 'errorDetails' },
};

/** A heading and a sentence: the shape of every state that is not an article. */
function notice(heading: string, body: string, ...extra: HTMLElement[]): HTMLElement {
  return h('section', { class: 'notice' }, h('h1', null, heading), h('p', null, body), ...extra);
}

function retryButton(handlers: PopupHandlers): HTMLButtonElement {
  return h(
    'button',
    { type: 'button', class: 'button', onclick: () => handlers.retry() },
    t('popupRetry'),
  );
}

/** The detected layout and, for an archived page, what the capture is of and when it was taken. */
function facts(state: PageState, format: FormatOptions): HTMLElement {
  const captured = state.archive && timeElement(state.archive.capturedAt, format);
  return h(
    'div',
    { class: 'facts' },
    h('dl', null, h('dt', null, t('layoutLabel')), h('dd', null, layoutLabel(state.layout))),
    state.archive &&
      h(
        'p',
        { class: 'archive' },
        t('waybackCapture', state.archive.originalUrl),
        captured && [h('br'), t('capturedOn'), ' ', captured],
      ),
  );
}

function articleHeader(state: PageState, format: FormatOptions): HTMLElement {
  const article = state.article;
  const names = article?.authors.map((a) => a.name).filter(Boolean) ?? [];
  const { published, updated } = article ? articleDates(article, format) : {};
  const dates: HTMLElement[] = [];
  if (published) dates.push(h('dt', null, t('published')), h('dd', null, published));
  if (updated) dates.push(h('dt', null, t('updated')), h('dd', null, updated));
  return h(
    'header',
    { class: 'article-head' },
    h('h1', null, article?.title || t('untitled')),
    names.length > 0 && h('p', { class: 'byline' }, t('bylineBy', formatNames(names, format))),
    article?.dateline && h('p', { class: 'dateline' }, article.dateline),
    dates.length > 0 && h('dl', { class: 'dates' }, dates),
    article && h('p', { class: 'words' }, t('wordCount', formatNumber(article.wordCount, format))),
  );
}

function actions(state: PageState, handlers: PopupHandlers): HTMLElement {
  return h(
    'div',
    { class: 'actions', role: 'group', 'aria-label': t('actionsLabel') },
    state.article &&
      h(
        'button',
        { type: 'button', class: 'button primary', onclick: () => handlers.readerView() },
        t('readerView'),
      ),
    state.article &&
      h(
        'button',
        { type: 'button', class: 'button', onclick: () => handlers.saveJson() },
        t('saveJson'),
      ),
    h(
      'button',
      { type: 'button', class: 'button', onclick: () => handlers.toggleClean() },
      state.cleaned ? t('showOriginal') : t('cleanPage'),
    ),
  );
}

function siteSwitch(view: Extract<PopupView, { kind: 'page' }>, handlers: PopupHandlers) {
  const id = uid('site-auto');
  const noteId = uid('site-auto-note');
  return h(
    'div',
    { class: 'switch' },
    h('input', {
      id,
      type: 'checkbox',
      role: 'switch',
      checked: view.siteAutoClean,
      'aria-describedby': view.globalAutoClean ? null : noteId,
      onchange: (e: Event) => handlers.setSiteAutoClean((e.target as HTMLInputElement).checked),
    }),
    h('label', { for: id }, t('cleanSiteAutomatically')),
    !view.globalAutoClean && h('p', { id: noteId, class: 'note' }, t('autoCleanOffGlobally')),
  );
}

/**
 * One item per reason, where its first removal was: the reason, how many it hid, and the text
 * of each (the same text once). A classic page hides a box row by row ("MOST POPULAR STORIES
 * NOW", five rows), a story-body page has 17 empty advertisement slots: each is one item.
 */
function removalItems(removals: Removal[], format: FormatOptions): HTMLElement[] {
  const byReason = new Map<string, { count: number; texts: Set<string> }>();
  for (const { reason, text } of removals) {
    const group =
      byReason.get(reason) ?? byReason.set(reason, { count: 0, texts: new Set() }).get(reason)!;
    group.count++;
    if (text) group.texts.add(text);
  }
  return [...byReason].map(([reason, { count, texts }]) =>
    h(
      'li',
      { 'data-count': count },
      h(
        'p',
        { class: 'reason' },
        count > 1 ? t('removedReasonCount', reason, formatNumber(count, format)) : reason,
      ),
      texts.size > 0
        ? [...texts].map((text) => h('p', { class: 'removed-text' }, text))
        : h('p', { class: 'removed-text empty' }, t('removedNoText')),
    ),
  );
}

/** Counts by kind, each opening (`<details>`) onto the items with their reason and text. */
export function renderRemovals(
  counts: Record<RemovalKind, number>,
  removals: Removal[],
  format: FormatOptions = {},
): HTMLElement {
  const headingId = uid('removed');
  const total = REMOVAL_KINDS.reduce((n, kind) => n + (counts[kind] ?? 0), 0);
  const groups = REMOVAL_KINDS.filter((kind) => (counts[kind] ?? 0) > 0).map((kind) => {
    const items = removals.filter((r) => r.kind === kind);
    return h(
      'details',
      { class: 'removal-group', 'data-kind': kind },
      h(
        'summary',
        null,
        t('removedKindCount', kindLabel(kind), formatNumber(counts[kind], format)),
      ),
      items.length > 0 && h('ul', { class: 'removal-items' }, removalItems(items, format)),
    );
  });
  return h(
    'section',
    { class: 'removed', 'aria-labelledby': headingId },
    h('h2', { id: headingId }, t('removedHeading')),
    h(
      'p',
      { class: 'removed-total' },
      total > 0 ? t('removedTotal', formatNumber(total, format)) : t('removedNothing'),
    ),
    groups,
  );
}

function pageView(
  view: Extract<PopupView, { kind: 'page' }>,
  handlers: PopupHandlers,
  format: FormatOptions,
): HTMLElement {
  const { state } = view;
  const error = state.article ? null : state.error;
  const problem = error ? PAGE_ERRORS[error.code] : null;
  return h(
    'div',
    { class: 'page' },
    problem && error
      ? h(
          'section',
          { class: 'notice' },
          h('h1', null, t(problem.heading)),
          h(
            'p',
            null,
            error.code === 'page-error' ? t('errorDetails', error.message) : t(problem.body),
          ),
        )
      : articleHeader(state, format),
    facts(state, format),
    // A page too large to read was left untouched: there is nothing to show or switch back.
    error?.code !== 'too-large' && actions(state, handlers),
    // Pages are cleaned on load only at BBC News addresses (the content script's matches);
    // elsewhere a switch would promise what never happens.
    !isBbcNewsAddress(state.url)
      ? h('p', { class: 'note site-note' }, t('autoCleanBbcOnly'))
      : view.siteAccess
        ? siteSwitch(view, handlers)
        : // In the switch's place: where the browser withholds access it would do nothing.
          accessOffer('note', () => handlers.allowSiteAccess()),
    error?.code !== 'too-large' && renderRemovals(state.counts, state.removals, format),
  );
}

/** The popup's content for `view`. */
export function renderPopup(
  view: PopupView,
  handlers: PopupHandlers,
  format: FormatOptions = {},
): HTMLElement {
  switch (view.kind) {
    case 'checking':
      return h('p', { class: 'checking' }, t('popupChecking'));
    case 'restricted':
      return notice(
        t('popupRestrictedHeading'),
        view.message || t(RESTRICTED_MESSAGES[view.reason]),
      );
    case 'loading':
      return notice(t('popupLoadingHeading'), t('popupLoadingBody'), retryButton(handlers));
    case 'failed':
      return notice(
        t(view.inPage ? 'pageErrorHeading' : 'popupFailedHeading'),
        t('errorDetails', view.message),
        retryButton(handlers),
      );
    case 'page':
      return pageView(view, handlers, format);
  }
}
