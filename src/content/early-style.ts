/**
 * The anti-flash `<style>`: put in at document_start, taken out at DOM ready once cleanup has hidden
 * (and recorded) the same clutter inline, or has decided to leave the page alone. Cleanup, not
 * this stylesheet, is what stays: it never hides an article root, and "Show original" undoes it.
 */

/** Marks the `<style>` element so the DOM-ready script finds it (both run in the same page). */
export const EARLY_STYLE_ATTR = 'data-broadsheet-early-style';

/** Adds the stylesheet; before `<html>` exists, as soon as it does. */
export function injectEarlyStyle(doc: Document, css: string): void {
  if (!css) return;
  const style = doc.createElement('style');
  style.setAttribute(EARLY_STYLE_ATTR, '');
  style.textContent = css;
  const place = () => (doc.head ?? doc.documentElement)?.append(style);
  if (doc.documentElement) {
    place();
    return;
  }
  const waiting = new MutationObserver(() => {
    if (!doc.documentElement) return;
    waiting.disconnect();
    place();
  });
  waiting.observe(doc, { childList: true });
}

export function removeEarlyStyle(doc: Document): void {
  for (const style of Array.from(doc.querySelectorAll(`style[${EARLY_STYLE_ATTR}]`)))
    style.remove();
}
