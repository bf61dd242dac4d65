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
  let watcher: LateClutterWatcher;
  let own: HTMLElement;

  beforeEach(() => {
    vi.useFakeTimers();
    const story = document.createElement('p');
    story.textContent = 'Story';
    document.body.replaceChildren(story);
    own = document.createElement('div');
    runs = 0;
    watcher = new LateClutterWatcher(
      document,
      () => runs++,
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
});
