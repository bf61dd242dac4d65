/** Dates, numbers and layout names as the UI shows them. */
import type { Layout, RemovalKind } from '../core/types';
import { h } from './dom';
import { t, type MessageKey } from './i18n';

export interface FormatOptions {
  /** BCP 47 language of the UI; the browser's default when absent. */
  locale?: string;
  /** IANA time zone; the user's own when absent. Tests pin it. */
  timeZone?: string;
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * "15 May 2007, 22:20 BST" for a full timestamp, "15 May 2007" for a calendar date (shown as
 * the date it names, not shifted into the reader's time zone). Null when unreadable.
 */
export function formatDate(iso: string, options: FormatOptions = {}): string | null {
  const dateOnly = DATE_ONLY.test(iso);
  const date = new Date(dateOnly ? `${iso}T00:00:00Z` : iso);
  if (Number.isNaN(date.getTime())) return null;
  try {
    return new Intl.DateTimeFormat(options.locale, {
      dateStyle: 'long',
      ...(dateOnly ? { timeZone: 'UTC' } : { timeStyle: 'short', timeZone: options.timeZone }),
    }).format(date);
  } catch {
    // An unknown locale or time zone string: fall back to the browser's defaults.
    return date.toUTCString();
  }
}

/** `<time datetime="ISO">human date</time>`, or null when the date is unreadable. */
export function timeElement(iso: string | null, options: FormatOptions = {}): HTMLElement | null {
  if (!iso) return null;
  const text = formatDate(iso, options);
  return text ? h('time', { datetime: iso }, text) : null;
}

export function formatNumber(n: number, options: FormatOptions = {}): string {
  return new Intl.NumberFormat(options.locale).format(n);
}

const LAYOUT_LABELS: Record<Layout, MessageKey> = {
  'bbc-classic': 'layoutBbcClassic',
  'bbc-story-body': 'layoutBbcStoryBody',
  'bbc-modern': 'layoutBbcModern',
  generic: 'layoutGeneric',
};

export function layoutLabel(layout: Layout): string {
  return t(LAYOUT_LABELS[layout] ?? 'layoutGeneric');
}

const KIND_LABELS: Record<RemovalKind, MessageKey> = {
  directive: 'kindDirective',
  related: 'kindRelated',
  promo: 'kindPromo',
  ad: 'kindAd',
  navigation: 'kindNavigation',
  'archive-toolbar': 'kindArchiveToolbar',
  other: 'kindOther',
};

export function kindLabel(kind: RemovalKind): string {
  return t(KIND_LABELS[kind] ?? 'kindOther');
}

/** "James Rodgers and Jane Doe", joined as the UI language joins lists. */
export function formatNames(names: string[], options: FormatOptions = {}): string {
  try {
    return new Intl.ListFormat(options.locale, { type: 'conjunction' }).format(names);
  } catch {
    return names.join(', ');
  }
}

/**
 * Published and updated dates as `<time>` elements. "Updated" is left out when it reads the same
 * as "Published": classic BBC pages stamp the two seconds apart (8029015.stm: 11:14:14 and 11:14).
 */
export function articleDates(
  article: { published: string | null; modified: string | null },
  options: FormatOptions = {},
): { published: HTMLElement | null; updated: HTMLElement | null } {
  const published = timeElement(article.published, options);
  const updated = timeElement(article.modified, options);
  return {
    published,
    updated: updated && updated.textContent !== published?.textContent ? updated : null,
  };
}
