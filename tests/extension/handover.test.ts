// @vitest-environment jsdom
/**
 * The handover between a content script cut off from its extension (updated or reloaded since)
 * and the one that replaces it (src/content/handover.ts). The end-to-end case, a real update in
 * Chromium, is tests/e2e/update.test.ts.
 */
import { describe, expect, it, vi } from 'vitest';
import { announceStart, HANDOVER_EVENT, retireOnHandover } from '../../src/content/handover';

describe('handing the page over', () => {
  it('an earlier script cut off from its extension retires, once, before the announcement returns', () => {
    let connected = true;
    const retire = vi.fn();
    retireOnHandover(document, () => connected, retire);
    connected = false;
    announceStart(document);
    expect(retire).toHaveBeenCalledTimes(1);
    announceStart(document);
    expect(retire).toHaveBeenCalledTimes(1);
  });

  it('a script still connected to its extension ignores the event, whoever sends it', () => {
    const retire = vi.fn();
    retireOnHandover(document, () => true, retire);
    announceStart(document);
    // A page can dispatch the same event: it must not undo a working script's cleanup.
    document.dispatchEvent(new Event(HANDOVER_EVENT));
    expect(retire).not.toHaveBeenCalled();
  });
});
