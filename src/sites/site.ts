/**
 * The contract every layout family implements. One file per family in src/sites/, registered in
 * order in src/sites/index.ts.
 */
import type { Block, Layout, RelatedLink, RemovalKind, Author } from '../core/types';
import type { CleanStep } from '../core/clean/step';
import type { CopyScope } from '../core/clean';
import type { PageMetadata } from '../core/metadata';

/** A selector for clutter known on a layout: hidden at document_start and by cleanup. */
export interface ClutterRule {
  /** `<layout>/<name>`, reported as the rule that fired. */
  id: string;
  selector: string;
  kind: RemovalKind;
  /**
   * Why, in words a reader understands: the popup shows it. The pages a rule was read from are
   * cited in a comment beside it, not here.
   */
  reason: string;
}

/** What every extractor gets besides the document. */
export interface ExtractContext {
  /** The original page's address (not the archive's). */
  url: string;
  /** The address the document was loaded from (may be a Wayback capture). */
  pageUrl: string;
  /** Absolute http(s) original address for an href or src, or null. */
  resolve(href: string | null | undefined): string | null;
}

/** The facts a site extractor reads; the pipeline fills in the rest of the Article. */
export interface ExtractedParts {
  title: string | null;
  standfirst?: string | null;
  authors?: Author[];
  dateline?: string | null;
  published?: string | null;
  modified?: string | null;
  section?: string | null;
  siteName?: string | null;
  language?: string | null;
  canonicalUrl?: string | null;
  body: Block[];
}

export interface SiteRule {
  layout: Layout;
  /**
   * Cheap structural test (it runs on every matched page load): the signals that matched, or
   * null. Must not depend on the URL alone: saved and archived pages come from any address.
   */
  detect(doc: Document, url: URL | null): string[] | null;
  /** Clutter selectors of this layout. */
  clutter: ClutterRule[];
  /** Extra cleanup steps only this layout needs (run after the shared ones). */
  steps?: CleanStep[];
  /** Elements holding the article body: cleanup never hides one of these, or an ancestor. */
  articleRoots(doc: Document): Element[];
}

/**
 * How a layout family's article is read: beside its SiteRule in the same file, but a separate
 * object, so that the content script, which detects and cleans on every page load, carries the
 * rules and not the readers (src/sites/readers.ts registers these; the extension loads them on
 * demand).
 */
export interface SiteReader {
  layout: Layout;
  /** Related links, read from the page as it is, before the cleanup plan is put on it. */
  related?(doc: Document, ctx: ExtractContext): RelatedLink[];
  /**
   * Reads the article from the page as cleanup would leave it: the pipeline has put the cleanup
   * plan on it as a mask (src/core/query-index.ts), so the core's queries skip what cleanup takes, and
   * text and children must be read through src/core/view.ts. Only reads: the page is the
   * caller's. Null: no article here.
   */
  extract(doc: Document, ctx: ExtractContext): ExtractedParts | null;
}

/**
 * Reads the article of a page no site rule reads (src/sites/generic.ts, Readability underneath).
 * Not a SiteRule member: the registry, cleanup and the content script that runs on every BBC page
 * load must not carry Readability, so the pipeline is handed the reader (src/core/pipeline.ts).
 */
export interface GenericReader {
  /**
   * What of the page's body the reader needs in its copy, when not all of it: read from the page
   * itself, with the pipeline's mask on (as `SiteRule.extract` reads). Null: the whole page.
   */
  scope(body: Element): CopyScope | null;
  /**
   * Reads the article from a private copy of the page, made without what cleanup takes (and
   * holding only what `scope` said), given the page metadata the pipeline has already read.
   */
  read(doc: Document, ctx: ExtractContext, meta: PageMetadata): ExtractedParts | null;
}
