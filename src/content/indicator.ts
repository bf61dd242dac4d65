/**
 * The small note that says cleanup ran ("Broadsheet hid 12 items · Show original"). It lives in
 * a closed shadow root hung off <html> (not <body>), so the page's styles and scripts cannot
 * reach it and it never enters the article text (nor a printout of the page), and it goes away
 * by itself. Its one button undoes the cleanup in one click (and, on the note that follows,
 * cleans again); the note stays while the pointer or the keyboard focus is on it. Its few
 * seconds count only while the page is on screen: a story opened in a background tab, or
 * prerendered by the browser before the reader clicks through to it (Chromium does that for
 * likely next pages and for addresses typed in the address bar), is cleaned before anyone sees
 * it, and its note would otherwise be gone by then.
 */

const SHOW_FOR_MS = 4000;
const FADE_MS = 400;

/** Attribute on the host element, so the content script can tell its own node from the page's. */
export const INDICATOR_ATTR = 'data-broadsheet-indicator';

const STYLE = `
:host { all: initial; }
.note {
  position: fixed; right: 12px; bottom: 12px; z-index: 2147483647;
  display: flex; align-items: center; gap: 8px;
  padding: 6px 6px 6px 10px; border-radius: 16px;
  font: 12px/1.3 system-ui, sans-serif; color: #fff; background: rgba(20, 20, 20, 0.84);
  transition: opacity ${FADE_MS}ms ease;
}
.note.passive { padding-right: 10px; pointer-events: none; }
button {
  all: unset; cursor: pointer; padding: 2px 8px; border-radius: 10px;
  font: inherit; font-weight: 600; color: #fff; background: rgba(255, 255, 255, 0.18);
}
button:hover { background: rgba(255, 255, 255, 0.3); }
button:focus-visible { outline: 2px solid #fff; outline-offset: 1px; }
@media (prefers-reduced-motion: reduce) { .note { transition: none; } }
@media print { .note { display: none; } }
`;

/** A button on the note: its label, and what it does. */
export interface IndicatorAction {
  label: string;
  run(): void;
}

export interface Indicator {
  /** Shows `text`, with a button for `action` when there is one, for a few seconds. */
  show(text: string, action?: IndicatorAction): void;
  /** Takes the note away at once (the cleanup it announced was undone). */
  hide(): void;
  /** Whether `node` is the indicator's own host element. */
  owns(node: Node): boolean;
}

export interface IndicatorOptions {
  /** `open` only for unit tests, which cannot look inside a closed root. */
  shadowMode?: ShadowRootMode;
}

export function createIndicator(doc: Document, options: IndicatorOptions = {}): Indicator {
  let host: HTMLElement | null = null;
  let box: HTMLDivElement | null = null;
  let shadow: ShadowRoot | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  /** While the pointer or the focus is on the note, it stays. */
  let pointerIn = false;
  let focusIn = false;

  /** Listening for the page to come on screen (see waitUntilSeen). */
  let waiting = false;

  /** The page is shown to the reader: its tab is in front, and it is not being prerendered. */
  const seen = () => !doc.hidden && !(doc as { prerendering?: boolean }).prerendering;

  const onSeen = () => {
    if (!seen()) return;
    stopWaiting();
    hideLater();
  };
  const stopWaiting = () => {
    if (!waiting) return;
    waiting = false;
    doc.removeEventListener('visibilitychange', onSeen);
    doc.removeEventListener('prerenderingchange', onSeen);
  };
  /** The note's time starts when the page is seen. */
  const waitUntilSeen = () => {
    if (waiting) return;
    waiting = true;
    doc.addEventListener('visibilitychange', onSeen);
    doc.addEventListener('prerenderingchange', onSeen);
  };

  const hideLater = () => {
    clearTimeout(timer);
    if (pointerIn || focusIn) return;
    if (!seen()) {
      waitUntilSeen();
      return;
    }
    timer = setTimeout(() => {
      box!.style.opacity = '0';
      timer = setTimeout(() => host?.remove(), FADE_MS);
    }, SHOW_FOR_MS);
  };

  const build = () => {
    host = doc.createElement('div');
    host.setAttribute(INDICATOR_ATTR, '');
    shadow = host.attachShadow({ mode: options.shadowMode ?? 'closed' });
    const style = doc.createElement('style');
    style.textContent = STYLE;
    box = doc.createElement('div');
    box.className = 'note';
    const hold = (set: (on: boolean) => void, on: boolean) => () => {
      set(on);
      if (on) {
        clearTimeout(timer);
        box!.style.opacity = '1';
      } else hideLater();
    };
    const pointer = (on: boolean) => (pointerIn = on);
    const focus = (on: boolean) => (focusIn = on);
    box.addEventListener('pointerenter', hold(pointer, true));
    box.addEventListener('pointerleave', hold(pointer, false));
    box.addEventListener('focusin', hold(focus, true));
    box.addEventListener('focusout', hold(focus, false));
    shadow.append(style, box);
  };

  return {
    show(text, action) {
      if (!host || !box) build();
      const status = doc.createElement('span');
      status.setAttribute('role', 'status');
      status.textContent = text;
      const parts: Node[] = [status];
      const button = action ? doc.createElement('button') : null;
      if (button && action) {
        button.type = 'button';
        button.textContent = action.label;
        button.addEventListener('click', () => action.run());
        parts.push(button);
      }
      // A keyboard user who pressed the old button stays on the new one (as in the popup).
      const hadFocus = Boolean(shadow?.activeElement);
      box!.replaceChildren(...parts);
      // A note without a button lets the pointer through to the page beneath it.
      box!.classList.toggle('passive', !button);
      focusIn = false;
      box!.style.opacity = '1';
      if (!host!.isConnected) doc.documentElement.append(host!);
      if (hadFocus && button) button.focus();
      hideLater();
    },
    hide() {
      clearTimeout(timer);
      stopWaiting();
      pointerIn = focusIn = false;
      host?.remove();
    },
    owns(node) {
      return node === host;
    },
  };
}
