/**
 * What the content script does to one page: clean it (hiding and recording), undo exactly,
 * re-clean when the page inserts clutter late, and read the article for the popup and the
 * background. The page is only ever changed through core's `cleanPage` report, so "Show original"
 * always has one `undo()` that puts back every attribute and every text node as it was.
 */
import { cleanPage, detectLayout, emptyCounts } from '../core/lite';
import type { Article, CleanReport, LayoutDetection, RemovalKind } from '../core/lite';
import type { PageState } from '../shared/messages';
import { LateClutterWatcher } from './late-clutter';
import type { ArticleReader } from './reader-slot';

/**
 * Pages with more elements than this are not extracted in the page: extraction copies the whole
 * document, and a tab should not freeze because someone opened the popup on a 300 MB log viewer.
 */
const MAX_ELEMENTS_TO_EXTRACT = 150_000;

export type ArticleResult =
  { ok: true; article: Article } | { ok: false; error: NonNullable<PageState['error']> };

export class PageSession {
  private report: CleanReport | null = null;
  private keepKinds: RemovalKind[] = [];
  private detection: LayoutDetection | null = null;
  /** The address `detection` was made for. */
  private detectedAt = '';
  /** The address whose cleanup was last decided on (see `moved`). */
  private decidedAt: string;
  /** The story address the current cleanup was made for (see `storyAddress`). */
  private cleanedAt = '';
  private reader: ArticleReader | null = null;
  private readonly watcher: LateClutterWatcher;

  constructor(
    private readonly doc: Document,
    /**
     * The page's address now: a page that navigates by script (history.pushState, as
     * client-rendered news sites do) keeps this content script but changes address and article.
     */
    private readonly currentUrl: () => string,
    /** Told whenever a clean (first or late) has hidden `total` things. */
    private readonly onCleaned: (total: number, counts: Record<RemovalKind, number>) => void,
    /** Nodes the session must not react to (its own indicator). */
    ownNode: (node: Node) => boolean,
    /**
     * Loads the article reader (extraction, Readability included) into the page: it is not part
     * of the content script, which runs on every BBC page load.
     */
    private readonly loadReader: () => Promise<ArticleReader>,
  ) {
    this.watcher = new LateClutterWatcher(
      doc,
      (afterMove) => {
        // A story that came in after a move is looked at afresh, even at an address the page
        // was already detected at (when the router pushed the address before the story).
        if (afterMove) this.detection = null;
        this.reclean();
      },
      ownNode,
      () => this.report !== null && !this.cleanedHere(),
    );
    this.decidedAt = storyAddress(currentUrl());
  }

  /**
   * Whether the page has moved to another address since this was last asked (or since the session
   * began): a page that navigates by script shows another story in the same document, and its
   * cleanup is decided again, as a page load would decide it. The new address counts as decided.
   * A move within the page (to a `#fragment`) or a rewrite of its query (tracking parameters
   * taken off by the site's script) is not a move: the story is the same.
   */
  moved(): boolean {
    const url = storyAddress(this.currentUrl());
    if (url === this.decidedAt) return false;
    this.decidedAt = url;
    return true;
  }

  get cleaned(): boolean {
    return this.report !== null;
  }

  /** What the current cleanup hid, by kind (all zero when the page is not cleaned). */
  get counts(): Record<RemovalKind, number> {
    return this.report?.counts ?? emptyCounts();
  }

  layout(): LayoutDetection {
    // Detection reads the whole page; late-rendered pages (modern BBC) may only settle after the
    // first look, so a page still `generic` is looked at again, as is one that has moved to
    // another address since.
    const url = this.currentUrl();
    if (!this.detection || this.detection.layout === 'generic' || this.detectedAt !== url) {
      this.detection = detectLayout(this.doc, url);
      this.detectedAt = url;
    }
    return this.detection;
  }

  /** Cleans (again, from the original), keeping `keepKinds`, and watches for late clutter. */
  clean(keepKinds: RemovalKind[] = this.keepKinds): CleanReport {
    this.keepKinds = keepKinds;
    const report = this.reclean();
    this.watcher.start();
    return report;
  }

  /**
   * Cleans the story the page has moved to (see `moved`), unless the late-clutter watch already
   * did as it came in, and watches its late clutter afresh. The story may not be in the page yet
   * (a router can push the address first and render after): then it is cleaned at once as it
   * comes in, not after the watch's usual wait.
   */
  cleanAfterMove(keepKinds: RemovalKind[] = this.keepKinds): void {
    const done = this.cleaned && this.cleanedHere() && keepKinds.join() === this.keepKinds.join();
    this.watcher.stop();
    if (!done) {
      this.keepKinds = keepKinds;
      this.reclean();
    }
    this.watcher.start({ afterMove: true });
  }

  private cleanedHere(): boolean {
    return this.cleanedAt === storyAddress(this.currentUrl());
  }

  /** Restores the page exactly and stops watching it. */
  undo(): void {
    this.watcher.stop();
    this.report?.undo();
    this.report = null;
  }

  /**
   * The article as the CLI would read it from the same page: read from the original page (the
   * cleanup is undone and redone around it, synchronously, so nothing is painted in between),
   * because cleanup cuts directive text the extractor would otherwise find and count.
   */
  async article(now?: Date): Promise<ArticleResult> {
    const tooMany = this.doc.getElementsByTagName('*').length > MAX_ELEMENTS_TO_EXTRACT;
    if (tooMany) {
      return {
        ok: false,
        error: { code: 'too-large', message: 'This page is too large to read in the browser.' },
      };
    }
    let read: ArticleReader;
    try {
      read = this.reader ??= await this.loadReader();
    } catch (err) {
      return unreadable(messageOf(err));
    }
    return this.extractFromOriginal(read, now);
  }

  async state(autoClean: boolean): Promise<PageState> {
    const detection = this.layout();
    const result = await this.article();
    return {
      url: this.currentUrl(),
      layout: detection.layout,
      archive: detection.archive,
      signals: detection.signals,
      cleaned: this.cleaned,
      autoClean,
      removals: this.report?.withTexts() ?? [],
      counts: this.report?.counts ?? emptyCounts(),
      article: result.ok ? result.article : null,
      error: result.ok ? null : result.error,
    };
  }

  /** One synchronous read of the original page. */
  private extractFromOriginal(read: ArticleReader, now?: Date): ArticleResult {
    const wasCleaned = this.cleaned;
    this.report?.undo();
    try {
      const detection = this.layout();
      const article = read(this.doc, this.currentUrl(), { detection, now });
      return { ok: true, article };
    } catch (err) {
      // By name: the reader file has its own copy of the NoArticleError class.
      if (err instanceof Error && err.name === 'NoArticleError') {
        return { ok: false, error: { code: 'no-article', message: err.message } };
      }
      return unreadable(messageOf(err));
    } finally {
      if (wasCleaned) this.report = this.cleanFromOriginal();
    }
  }

  /** Undo the current clean and clean again, so late clutter joins one report, counted once. */
  private reclean(): CleanReport {
    this.report?.undo();
    this.report = this.cleanFromOriginal();
    const total = this.report.removals.length;
    this.onCleaned(total, this.report.counts);
    return this.report;
  }

  private cleanFromOriginal(): CleanReport {
    this.cleanedAt = storyAddress(this.currentUrl());
    // Texts are read when the popup asks (state()), not on every page load.
    return cleanPage(this.doc, this.currentUrl(), {
      detection: this.layout(),
      skipKinds: this.keepKinds,
      recordTexts: false,
    });
  }
}

/**
 * The part of an address that names the story: every BBC era names it by path (`….stm`,
 * `/news/world-12345678`, `/news/articles/c…`, a Wayback capture's path), never by query or
 * fragment.
 */
function storyAddress(url: string): string {
  const end = url.search(/[?#]/);
  return end < 0 ? url : url.slice(0, end);
}

function unreadable(why: string): ArticleResult {
  return {
    ok: false,
    error: { code: 'page-error', message: `This page could not be read: ${why}` },
  };
}

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
