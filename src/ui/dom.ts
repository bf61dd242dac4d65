/**
 * A tiny element builder for the extension's pages. Text goes in through text nodes only, so
 * nothing a page wrote (titles, captions, removed text) can ever become markup.
 */

type Child = Node | string | number | null | undefined | false;
export type Children = Child | readonly Children[];

type AttrValue = string | number | boolean | null | undefined;
export type Attrs = {
  [name: string]: AttrValue | ((event: Event) => void);
};

function append(parent: Node, children: Children): void {
  if (children === null || children === undefined || children === false) return;
  if (Array.isArray(children)) {
    for (const child of children as readonly Children[]) append(parent, child);
    return;
  }
  parent.appendChild(
    children instanceof Node ? children : document.createTextNode(String(children)),
  );
}

/**
 * `h('a', { href, rel: 'noopener' }, 'text')`. Attributes: `true` sets an empty attribute,
 * `false`/null/undefined leave it out; a function under an `on…` name becomes an event listener.
 */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs?: Attrs | null,
  ...children: Children[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs ?? {})) {
    if (typeof value === 'function') {
      el.addEventListener(name.replace(/^on/, '').toLowerCase(), value);
    } else if (value === true) {
      el.setAttribute(name, '');
    } else if (value !== false && value !== null && value !== undefined) {
      el.setAttribute(name, String(value));
    }
  }
  append(el, children);
  return el;
}

/** Replaces every child of `parent` with `children`. */
export function replaceChildren(parent: Element, ...children: Children[]): void {
  parent.replaceChildren();
  append(parent, children);
}

let nextId = 0;
/** A document-unique id for label/aria wiring. */
export function uid(prefix: string): string {
  nextId += 1;
  return `${prefix}-${nextId}`;
}

/** (In the core, so the CLI's readers use the same check.) */
export { safeHttpUrl } from '../core/url';

/** A link that opens in a new tab without giving that page a handle on ours. */
export function externalLink(href: string, ...children: Children[]): HTMLAnchorElement {
  return h('a', { href, rel: 'noopener noreferrer', target: '_blank' }, ...children);
}
