/** Articles and page states for the UI tests. */
import type { Article } from '../../src/core/types';
import { REMOVAL_KINDS, type RemovalKind } from '../../src/core/types';
import type { PageState } from '../../src/shared/messages';

export function zeroCounts(): Record<RemovalKind, number> {
  return Object.fromEntries(REMOVAL_KINDS.map((k) => [k, 0])) as Record<RemovalKind, number>;
}

/** A complete Article with every field set; tests override what they are about. */
export function makeArticle(overrides: Partial<Article> = {}): Article {
  return {
    schemaVersion: 1,
    url: 'https://www.bbc.co.uk/news/world-12345678',
    canonicalUrl: null,
    archive: null,
    layout: 'bbc-modern',
    siteName: 'BBC News',
    title: 'A headline',
    standfirst: null,
    authors: [],
    dateline: null,
    published: null,
    modified: null,
    section: null,
    language: 'en-GB',
    images: [],
    body: [{ type: 'paragraph', text: 'The first paragraph.' }],
    text: 'The first paragraph.',
    wordCount: 3,
    related: [],
    factChecks: [],
    removed: zeroCounts(),
    extractor: { name: 'broadsheet', version: '0.0.0' },
    extractedAt: '2024-05-01T12:00:00Z',
    ...overrides,
  };
}

export function makeState(overrides: Partial<PageState> = {}): PageState {
  return {
    url: 'https://www.bbc.co.uk/news/world-12345678',
    layout: 'bbc-modern',
    archive: null,
    signals: [],
    cleaned: true,
    autoClean: true,
    removals: [],
    counts: zeroCounts(),
    article: makeArticle(),
    error: null,
    ...overrides,
  };
}

/** Markup a hostile page could put in any string it controls. */
export const HOSTILE = '<img src=x onerror="window.__pwned=1">';
