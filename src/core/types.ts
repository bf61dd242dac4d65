/**
 * The data Broadsheet works with. `Article` is the export format (schemaVersion 1); its JSON
 * Schema is src/export/article.schema.json and a test keeps the two in step.
 */

/** Layout families Broadsheet knows. `generic` is every page that is not a BBC layout. */
export type Layout = 'bbc-classic' | 'bbc-story-body' | 'bbc-modern' | 'generic';

/** Kinds of clutter that cleanup removes, used in reports, counts and options. */
export type RemovalKind =
  'directive' | 'related' | 'promo' | 'ad' | 'navigation' | 'archive-toolbar' | 'other';

export const REMOVAL_KINDS: readonly RemovalKind[] = [
  'directive',
  'related',
  'promo',
  'ad',
  'navigation',
  'archive-toolbar',
  'other',
];

/** A Wayback Machine (or similar) capture wrapping the original page. */
export interface ArchiveInfo {
  service: 'wayback';
  /** The address of the capture itself (web.archive.org/web/<timestamp>/<original>). */
  url: string;
  /** The original page's address, as the capture names it. */
  originalUrl: string;
  /** When the capture was taken, ISO 8601 UTC, or null when the timestamp is unreadable. */
  capturedAt: string | null;
}

export interface LayoutDetection {
  layout: Layout;
  archive: ArchiveInfo | null;
  /** Human-readable reasons for the verdict, e.g. `meta[name=OriginalPublicationDate]`. */
  signals: string[];
}

export interface ImageRef {
  src: string;
  alt: string | null;
  caption: string | null;
  /** Who the picture is by or from, as the page credits it ("Getty Images", "Reuters"). */
  credit: string | null;
}

export type Block =
  | { type: 'paragraph'; text: string }
  | { type: 'heading'; level: number; text: string }
  | { type: 'quote'; text: string; pull: boolean; cite?: string | null }
  | {
      type: 'image';
      src: string;
      alt: string | null;
      caption: string | null;
      credit: string | null;
    }
  | {
      type: 'list';
      ordered: boolean;
      /** The number of the first item of an ordered list; null for a bulleted one. */
      start: number | null;
      /** 0 for a list of its own; n + 1 for one nested in the last item of the list of level n before it. */
      level: number;
      items: string[];
    }
  | {
      type: 'table';
      caption: string | null;
      /** Header rows (the table's <thead>, or its leading rows of <th> cells). */
      head: string[][];
      rows: string[][];
    };

export interface RelatedLink {
  title: string;
  url: string;
  /** YYYY-MM-DD where the page gives a date for the link, else null. */
  date: string | null;
  section: string | null;
  /** `story`, `media`, `external`, `topic`, … as the page groups them. */
  kind: string;
}

export interface Author {
  name: string;
}

/**
 * A claim the page checks, as its fact-check markup (schema.org's ClaimReview, which snopes.com,
 * polygraph.info and other fact-checkers write for search engines) declares it.
 */
export interface FactCheck {
  /** The claim checked, in the words the page quotes it in. */
  claim: string;
  /** The verdict in words ("False", "Unproven"), or null where the page gives only a number. */
  rating: string | null;
  /** Who made the claim, as the page names them, or null. */
  claimant: string | null;
}

/**
 * Where an archived page was read from: a Wayback Machine capture (`url` is the capture's
 * address), or a record of a WARC file the CLI read (`url` is the record's WARC-Record-ID).
 */
export interface ArticleArchive {
  service: 'wayback' | 'warc';
  url: string;
  /** When the capture was taken, ISO 8601 UTC, or null when unreadable. */
  capturedAt: string | null;
}

export interface Article {
  schemaVersion: 1;
  url: string;
  canonicalUrl: string | null;
  archive: ArticleArchive | null;
  layout: Layout;
  siteName: string | null;
  title: string | null;
  standfirst: string | null;
  authors: Author[];
  dateline: string | null;
  published: string | null;
  modified: string | null;
  section: string | null;
  language: string | null;
  images: ImageRef[];
  body: Block[];
  text: string;
  wordCount: number;
  related: RelatedLink[];
  factChecks: FactCheck[];
  removed: Record<RemovalKind, number>;
  extractor: { name: 'broadsheet'; version: string };
  extractedAt: string;
}

/** One thing cleanup hid (or, in `remove` mode, took out). */
export interface Removal {
  kind: RemovalKind;
  /** The id of the rule that fired, e.g. `bbc-classic/see-also`. */
  rule: string;
  /** Why, in words a reader understands. */
  reason: string;
  /** The text that was removed, whitespace-collapsed, at most 500 characters. */
  text: string;
}

export interface CleanOptions {
  /** `hide` (default) leaves nodes in place, hidden, so undo is exact; `remove` detaches them. */
  mode?: 'hide' | 'remove';
  /** Kinds to leave alone. */
  skipKinds?: RemovalKind[];
  /** Step ids to skip. */
  skipSteps?: string[];
  /** A detection already made for this document, to avoid detecting twice. */
  detection?: LayoutDetection;
  /**
   * Record each removed element's text in `removals` now (default). Off, the texts are left
   * empty and read only when `withTexts()` is asked: the content script cleans on every page
   * load, and the texts are for the popup.
   */
  recordTexts?: boolean;
}

export interface CleanReport {
  detection: LayoutDetection;
  removals: Removal[];
  counts: Record<RemovalKind, number>;
  /** `removals` with every text recorded (read from the page now if the clean did not). */
  withTexts(): Removal[];
  /** Restores the page exactly as it was before this clean. Idempotent. */
  undo(): void;
}

export interface ExtractOptions {
  /** Override for `extractedAt`, so outputs can be compared byte for byte. */
  now?: Date;
  detection?: LayoutDetection;
}

/** Thrown by extractArticle when a page has no article to extract. */
export class NoArticleError extends Error {
  readonly code = 'no-article';
  constructor(message: string) {
    super(message);
    this.name = 'NoArticleError';
  }
}
