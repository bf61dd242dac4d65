/**
 * The small note that says cleanup ran ("Broadsheet hid 12 items"). It lives in a closed shadow
 * root hung off <html> (not <body>), so the page's styles and scripts cannot reach it and it
 * never enters the article text; it ignores the pointer and goes away by itself.
 */

const SHOW_FOR_MS = 4000;
const FADE_MS = 400;

/** Attribute on the host element, so the content script can tell its own node from the page's. */
export const INDICATOR_ATTR = 'data-broadsheet-indicator';

const STYLE = `
:host { all: initial; }
div {
  position: fixed; right: 12px; bottom: 12px; z-index: 2147483647;
  padding: 6px 10px; border-radius: 14px;
  font: 12px/1.3 system-ui, sans-serif; color: #fff; background: rgba(20, 20, 20, 0.78);
  pointer-events: none; transition: opacity ${FADE_MS}ms ease;
}
@media (prefers-reduced-motion: reduce) { div { transition: none; } }
`;

export interface Indicator {
  show(text: string): void;
  /** Takes the note away at once (the cleanup it announced was undone). */
  hide(): void;
  /** Whether `node` is the indicator's own host element. */
  owns(node: Node): boolean;
}

export function createIndicator(doc: Document): Indicator {
  let host: HTMLElement | null = null;
  let box: HTMLDivElement | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const build = () => {
    host = doc.createElement('div');
    host.setAttribute(INDICATOR_ATTR, '');
    const shadow = host.attachShadow({ mode: 'closed' });
    const style = doc.createElement('style');
    style.textContent = STYLE;
    box = doc.createElement('div');
    box.setAttribute('role', 'status');
    shadow.append(style, box);
  };

  return {
    show(text) {
      if (!host || !box) build();
      box!.textContent = text;
      box!.style.opacity = '1';
      if (!host!.isConnected) doc.documentElement.append(host!);
      clearTimeout(timer);
      timer = setTimeout(() => {
        box!.style.opacity = '0';
        timer = setTimeout(() => host?.remove(), FADE_MS);
      }, SHOW_FOR_MS);
    },
    hide() {
      clearTimeout(timer);
      host?.remove();
    },
    owns(node) {
      return node === host;
    },
  };
}
