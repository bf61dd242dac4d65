/**
 * The page handed over from a content script its extension has left to the one that replaces
 * it. When Chromium updates or reloads the extension, the content scripts already in open tabs
 * keep running, cut off from it: no message reaches them, so the popup injects a new one. That
 * one found the page cleaned by the old one, took the hidden clutter for the page as the site
 * made it, and its "Show original" put back only its own hiding: the page stayed cleaned.
 *
 * Each content script now announces itself when it starts, with an event on the document (the
 * DOM is shared by every script world of the page). An earlier one that is cut off from its
 * extension hears it and puts the page back as the site made it, synchronously, before the
 * announcement returns: the new script starts on the original page and records all of it.
 */

/** The document event a starting content script announces itself with. */
export const HANDOVER_EVENT = 'broadsheet:handover';

/** Tells any earlier content script of the extension in this page that a new one has started. */
export function announceStart(doc: Document): void {
  doc.dispatchEvent(new Event(HANDOVER_EVENT));
}

/**
 * Calls `retire` (once) when a later content script announces itself while this one is cut off
 * from its extension (`connected()` false). While it is connected, an announcement is ignored: a
 * page can send the event too, and must not be able to undo the cleanup of a working script.
 */
export function retireOnHandover(
  doc: Document,
  connected: () => boolean,
  retire: () => void,
): void {
  const listener = () => {
    if (connected()) return;
    doc.removeEventListener(HANDOVER_EVENT, listener);
    retire();
  };
  doc.addEventListener(HANDOVER_EVENT, listener);
}
