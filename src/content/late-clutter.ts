/**
 * Watches for clutter the page inserts after DOM ready. Today's BBC pages are a client-side app
 * that hydrates server-rendered HTML and loads components as modules (web-page-parser
 * bbc_news/cden3j9d1r7o.html: `window.__INITIAL_DATA__`, a dozen async `bundle-*.js` chunks),
 * so nodes arrive and are re-inserted after the first clean; but a watcher that re-cleans on
 * every mutation would tax pages that never settle (live pages, tickers). So it is bounded in
 * every direction, by the limits below.
 */

export const LATE_CLUTTER_LIMITS = {
  /** Wait this long after the first of a run of insertions, gathering the rest, before cleaning again. */
  debounceMs: 250,
  /** At most this many re-cleans in any minute. */
  maxRunsPerMinute: 6,
  /** Stop watching this long after cleanup started: late content has arrived by then. */
  watchForMs: 90_000,
  /** A re-clean slower than this means the page is too heavy to keep watching. */
  maxRunMs: 150,
  /**
   * After a move to another story, the first batch of insertions within this long is cleaned at
   * once: a router that pushes the story's address before it renders the story (in a later task)
   * would otherwise have the story painted, clutter and all, for the batch's wait.
   */
  storyAfterMoveMs: 2_000,
} as const;

const MINUTE_MS = 60_000;

/**
 * Inserted elements that show nothing, so cannot be clutter: bbc.com 2015
 * (readability-test-pages/bbc-1) appends a `<script>` to `<body>` after load, and that alone cost
 * every load a full re-clean (7–8 ms in Chromium).
 */
const SHOWS_NOTHING = new Set(['script', 'style', 'link', 'meta', 'base', 'title', 'template']);

export class LateClutterWatcher {
  private observer: MutationObserver | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private stopTimer: ReturnType<typeof setTimeout> | undefined;
  private runs: number[] = [];
  /** Until when (Date.now()) the next batch is a moved page's story, to clean at once. */
  private storyDueUntil = 0;

  constructor(
    private readonly doc: Document,
    /** Cleans again; `afterMove` when the page now shows another story than it was cleaned with. */
    private readonly run: (afterMove: boolean) => void,
    private readonly ignore: (node: Node) => boolean,
    /**
     * Whether the page is now at another address than its cleanup was made for. A page that
     * moves to another story by script puts the story in and changes its address in one task, so
     * the re-clean then runs at once, before the story is painted, not after the wait.
     */
    private readonly moved: () => boolean = () => false,
  ) {}

  /**
   * Watches for the next `watchForMs`. `afterMove`: the page has just moved to another story and
   * was cleaned for its address; the story itself may still be to come (see `storyAfterMoveMs`).
   */
  start({ afterMove = false } = {}): void {
    if (afterMove) this.storyDueUntil = Date.now() + LATE_CLUTTER_LIMITS.storyAfterMoveMs;
    if (this.observer || !this.doc.documentElement) return;
    this.observer = new MutationObserver((records) => this.onMutations(records));
    // childList only: cleanup itself changes attributes and text, which must not wake us.
    this.observer.observe(this.doc.documentElement, { childList: true, subtree: true });
    this.stopTimer = setTimeout(() => this.stop(), LATE_CLUTTER_LIMITS.watchForMs);
  }

  stop(): void {
    this.observer?.disconnect();
    this.observer = null;
    clearTimeout(this.timer);
    clearTimeout(this.stopTimer);
    this.timer = undefined;
    this.storyDueUntil = 0;
  }

  private onMutations(records: MutationRecord[]): void {
    const inserted = records.some((r) =>
      Array.from(r.addedNodes).some(
        (n) => n.nodeType === 1 && !SHOWS_NOTHING.has((n as Element).localName) && !this.ignore(n),
      ),
    );
    if (!inserted) return;
    if (this.moved() || this.storyDue()) {
      // One per move, so outside the per-minute budget (a page churning at one address is not).
      clearTimeout(this.timer);
      this.timer = undefined;
      this.runTimed(true);
      return;
    }
    // A batch already waiting will see these nodes too. (Not a debounce: a page that inserts
    // something every 100 ms would put a debounced re-clean off for ever.)
    if (this.timer !== undefined) return;
    this.schedule(LATE_CLUTTER_LIMITS.debounceMs);
  }

  /** Whether this batch is the story a move announced (once per move). */
  private storyDue(): boolean {
    if (!this.storyDueUntil) return false;
    const due = Date.now() < this.storyDueUntil;
    this.storyDueUntil = 0;
    return due;
  }

  private schedule(ms: number): void {
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.runIfAllowed();
    }, ms);
  }

  private runIfAllowed(): void {
    const now = Date.now();
    this.runs = this.runs.filter((t) => now - t < MINUTE_MS);
    if (this.runs.length >= LATE_CLUTTER_LIMITS.maxRunsPerMinute) {
      // Over budget: one run when the oldest leaves the window, not one per mutation.
      this.schedule(MINUTE_MS - (now - this.runs[0]!));
      return;
    }
    this.runs.push(now);
    this.runTimed(false);
  }

  private runTimed(afterMove: boolean): void {
    const started = performance.now();
    try {
      this.run(afterMove);
    } catch {
      // A failing re-clean must not throw into the page; the next batch may succeed.
    }
    if (performance.now() - started > LATE_CLUTTER_LIMITS.maxRunMs) this.stop();
  }
}
