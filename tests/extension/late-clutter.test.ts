// @vitest-environment jsdom
/**
 * The late-clutter watcher re-cleans when the page inserts something a reader could see, and not
 * for elements that show nothing: bbc.com 2015 (readability-test-pages/bbc-1) appends a
 * `<script>` after load, which used to cost every load a full re-clean.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LATE_CLUTTER_LIMITS, LateClutterWatcher } from '../../src/content/late-clutter';

describe('LateClutterWatcher', () => {
  let runs = 0;
  let afterMoves = 0;
  let watcher: LateClutterWatcher;
  let own: HTMLElement;

  beforeEach(() => {
    vi.useFakeTimers();
    const story = document.createElement('p');
    story.textContent = 'Story';
    document.body.replaceChildren(story);
    own = document.createElement('div');
    runs = 0;
    afterMoves = 0;
    watcher = new LateClutterWatcher(
      document,
      (afterMove) => {
        runs++;
        if (afterMove) afterMoves++;
      },
      (node) => node === own,
    );
    watcher.start();
  });

  afterEach(() => {
    watcher.stop();
    vi.useRealTimers();
  });

  /** Lets the observer's callback run, then the throttle's wait pass. */
  async function settle(): Promise<void> {
    await Promise.resolve();
    vi.advanceTimersByTime(LATE_CLUTTER_LIMITS.debounceMs + 1);
  }

  it('re-cleans once for a batch of inserted elements', async () => {
    document.body.append(document.createElement('aside'), document.createElement('div'));
    await settle();
    expect(runs).toBe(1);
  });

  it('does not re-clean for inserted scripts, styles and links', async () => {
    for (const tag of ['script', 'style', 'link', 'meta'])
      document.body.append(document.createElement(tag));
    document.head.append(document.createElement('script'));
    await settle();
    expect(runs).toBe(0);
  });

  it('does not re-clean for its own indicator or for text alone', async () => {
    document.documentElement.append(own);
    document.body.append('more text');
    await settle();
    expect(runs).toBe(0);
  });

  it('re-cleans when a visible element comes in the same batch as a script', async () => {
    document.body.append(document.createElement('script'), document.createElement('section'));
    await settle();
    expect(runs).toBe(1);
  });

  it('re-cleans at once, before the next paint, when the page has moved to another address', async () => {
    watcher.stop();
    let moved = false;
    watcher = new LateClutterWatcher(
      document,
      (afterMove) => {
        runs++;
        if (afterMove) afterMoves++;
      },
      (node) => node === own,
      () => moved,
    );
    watcher.start();

    // Late clutter at the same address waits for the batch.
    document.body.append(document.createElement('aside'));
    await Promise.resolve();
    expect(runs).toBe(0);
    vi.advanceTimersByTime(LATE_CLUTTER_LIMITS.debounceMs + 1);
    expect(runs).toBe(1);

    // Another story, at another address: cleaned in the observer's own callback (a microtask, so
    // before the browser renders), and the batch that was waiting is not run again.
    document.body.append(document.createElement('aside'));
    await Promise.resolve();
    moved = true;
    document.body.replaceChildren(document.createElement('article'));
    await Promise.resolve();
    expect([runs, afterMoves]).toEqual([2, 1]);
    vi.advanceTimersByTime(LATE_CLUTTER_LIMITS.debounceMs + 1);
    expect(runs).toBe(2);
  });

  it('after a move, cleans the story at once when it comes in after the address, once', async () => {
    // A router that pushes the story's address first, cleaned for it then (the old story still
    // in the page), and renders the story in a later task.
    watcher.stop();
    watcher.start({ afterMove: true });
    vi.advanceTimersByTime(50);
    document.body.replaceChildren(document.createElement('article'));
    await Promise.resolve();
    expect([runs, afterMoves]).toEqual([1, 1]);
    // What comes after it is late clutter of that story, gathered as usual.
    document.body.append(document.createElement('aside'));
    await Promise.resolve();
    expect(runs).toBe(1);
    vi.advanceTimersByTime(LATE_CLUTTER_LIMITS.debounceMs + 1);
    expect([runs, afterMoves]).toEqual([2, 1]);
  });

  it('after a move, gathers as usual what comes in once the story is overdue', async () => {
    watcher.stop();
    watcher.start({ afterMove: true });
    vi.advanceTimersByTime(LATE_CLUTTER_LIMITS.storyAfterMoveMs + 1);
    document.body.append(document.createElement('aside'));
    await Promise.resolve();
    expect(runs).toBe(0);
    vi.advanceTimersByTime(LATE_CLUTTER_LIMITS.debounceMs + 1);
    expect([runs, afterMoves]).toEqual([1, 0]);
  });

  it('forgets a move it was told of when it stops', async () => {
    watcher.stop();
    watcher.start({ afterMove: true });
    watcher.stop();
    watcher.start();
    document.body.append(document.createElement('aside'));
    await Promise.resolve();
    expect(runs).toBe(0);
  });
});
