// @vitest-environment jsdom
/**
 * The note a cleaned page shows (src/content/indicator.ts): what it says, its one-click button,
 * and how long it stays. Its shadow root is opened for the test (the content script's is closed).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createIndicator, INDICATOR_ATTR } from '../../src/content/indicator';

const hostOf = () => document.querySelector<HTMLElement>(`[${INDICATOR_ATTR}]`);
const noteOf = () => hostOf()?.shadowRoot?.querySelector<HTMLElement>('.note') ?? null;

beforeEach(() => {
  vi.useFakeTimers();
  const story = document.createElement('p');
  story.textContent = 'The story.';
  document.body.replaceChildren(story);
});
afterEach(() => {
  hostOf()?.remove();
  vi.useRealTimers();
});

describe('the note on a cleaned page', () => {
  it('says what was done, outside the page body, and lets the pointer through', () => {
    const indicator = createIndicator(document, { shadowMode: 'open' });
    indicator.show('Broadsheet hid 32 items');
    expect(hostOf()!.parentElement).toBe(document.documentElement);
    expect(document.body.textContent).toBe('The story.');
    expect(noteOf()!.querySelector('[role="status"]')!.textContent).toBe('Broadsheet hid 32 items');
    expect(noteOf()!.querySelector('button')).toBeNull();
    expect(noteOf()!.classList.contains('passive')).toBe(true);
    vi.advanceTimersByTime(4400);
    expect(hostOf()).toBeNull();
  });

  it('undoes in one click, then offers to clean again', () => {
    const indicator = createIndicator(document, { shadowMode: 'open' });
    const undone = vi.fn(() =>
      indicator.show('Showing the original page', { label: 'Clean page', run: cleaned }),
    );
    const cleaned = vi.fn();
    indicator.show('Broadsheet hid 32 items', { label: 'Show original', run: undone });
    const button = noteOf()!.querySelector('button')!;
    expect(button.textContent).toBe('Show original');
    expect(noteOf()!.classList.contains('passive')).toBe(false);

    button.click();
    expect(undone).toHaveBeenCalledOnce();
    expect(noteOf()!.querySelector('[role="status"]')!.textContent).toBe(
      'Showing the original page',
    );
    noteOf()!.querySelector('button')!.click();
    expect(cleaned).toHaveBeenCalledOnce();
  });

  it('stays while the pointer or the focus is on it, and goes a few seconds after', () => {
    const indicator = createIndicator(document, { shadowMode: 'open' });
    indicator.show('Broadsheet hid 3 items', { label: 'Show original', run: () => {} });
    const note = noteOf()!;
    note.dispatchEvent(new Event('pointerenter'));
    vi.advanceTimersByTime(60_000);
    expect(hostOf()).not.toBeNull();
    note.dispatchEvent(new Event('pointerleave'));
    vi.advanceTimersByTime(3000);
    expect(hostOf()).not.toBeNull();
    vi.advanceTimersByTime(1500);
    expect(hostOf()).toBeNull();

    indicator.show('Broadsheet hid 3 items', { label: 'Show original', run: () => {} });
    noteOf()!.querySelector('button')!.focus();
    vi.advanceTimersByTime(60_000);
    expect(hostOf()).not.toBeNull();
    noteOf()!.querySelector('button')!.blur();
    vi.advanceTimersByTime(4500);
    expect(hostOf()).toBeNull();
  });

  it('keeps a keyboard user on the button when the note changes under it', () => {
    const indicator = createIndicator(document, { shadowMode: 'open' });
    const next = () =>
      indicator.show('Showing the original page', { label: 'Clean page', run: () => {} });
    indicator.show('Broadsheet hid 3 items', { label: 'Show original', run: next });
    const first = noteOf()!.querySelector('button')!;
    first.focus();
    first.click();
    const second = noteOf()!.querySelector('button')!;
    expect(second.textContent).toBe('Clean page');
    expect(hostOf()!.shadowRoot!.activeElement).toBe(second);
  });

  describe('on a page nobody is looking at yet', () => {
    /** Makes the document report `hidden` and `prerendering` as the browser would. */
    function pageState(state: { hidden: boolean; prerendering: boolean }) {
      Object.defineProperty(document, 'hidden', { configurable: true, get: () => state.hidden });
      Object.defineProperty(document, 'prerendering', {
        configurable: true,
        get: () => state.prerendering,
      });
      return state;
    }
    afterEach(() => {
      // Back to jsdom's own getters on Document.prototype.
      delete (document as { hidden?: boolean }).hidden;
      delete (document as { prerendering?: boolean }).prerendering;
    });

    it('in a background tab: its seconds start when the tab is brought to the front', () => {
      const state = pageState({ hidden: true, prerendering: false });
      createIndicator(document, { shadowMode: 'open' }).show('Broadsheet hid 3 items', {
        label: 'Show original',
        run: () => {},
      });
      vi.advanceTimersByTime(10 * 60_000);
      expect(hostOf()).not.toBeNull();
      state.hidden = false;
      document.dispatchEvent(new Event('visibilitychange'));
      vi.advanceTimersByTime(3000);
      expect(noteOf()!.style.opacity).toBe('1');
      vi.advanceTimersByTime(1500);
      expect(hostOf()).toBeNull();
    });

    it('prerendered: its seconds start when the reader arrives on the page', () => {
      const state = pageState({ hidden: false, prerendering: true });
      createIndicator(document, { shadowMode: 'open' }).show('Broadsheet hid 3 items');
      vi.advanceTimersByTime(60_000);
      expect(hostOf()).not.toBeNull();
      // Still prerendering: a visibility change alone does not start them.
      document.dispatchEvent(new Event('visibilitychange'));
      vi.advanceTimersByTime(60_000);
      expect(hostOf()).not.toBeNull();
      state.prerendering = false;
      document.dispatchEvent(new Event('prerenderingchange'));
      vi.advanceTimersByTime(4500);
      expect(hostOf()).toBeNull();
    });

    it('taken away at once by an undo, whether seen or not', () => {
      const state = pageState({ hidden: true, prerendering: false });
      const indicator = createIndicator(document, { shadowMode: 'open' });
      indicator.show('Broadsheet hid 3 items');
      indicator.hide();
      expect(hostOf()).toBeNull();
      state.hidden = false;
      document.dispatchEvent(new Event('visibilitychange'));
      vi.advanceTimersByTime(10_000);
      expect(hostOf()).toBeNull();
    });
  });
});
