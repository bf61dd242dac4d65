/**
 * DOM helpers the core uses with any `Document` (browser, jsdom, linkedom). This is the one
 * audited place where HTML sinks would live; the core has none: it builds nothing from
 * page HTML.
 */
import { collapse } from './text';
import { queryAll } from './query';
import { firstElementChildOf, nextElementSiblingOf, textContentOf, walk } from './view';

export const ELEMENT_NODE = 1;
export const TEXT_NODE = 3;
/** `textContent` counts its text too. */
export const CDATA_SECTION_NODE = 4;
export const COMMENT_NODE = 8;

/**
 * The document's `<body>` (or `<frameset>`), read without changing anything. linkedom's
 * `document.body` and `document.head` getters insert the element when the markup has none (and
 * throw on a document without a root), so a page saved without `<head>` came out of extraction
 * with one added: the caller's document changed (found by tests/reliability/property.test.ts).
 */
export function bodyOf(doc: Document): HTMLElement | null {
  return rootChild(doc, 'body') ?? rootChild(doc, 'frameset');
}

/** The document's `<head>`, read without changing anything (see `bodyOf`). */
export function headOf(doc: Document): HTMLElement | null {
  return rootChild(doc, 'head');
}

function rootChild(doc: Document, name: string): HTMLElement | null {
  const root = doc.documentElement;
  if (!root) return null;
  for (let el = firstElementChildOf(root); el; el = nextElementSiblingOf(el))
    if (el.localName.toLowerCase() === name) return el as HTMLElement;
  return null;
}

/** The element's text with white space collapsed (textContent, so hidden text counts). */
export function textOf(node: Node | null | undefined): string {
  return node ? collapse(textContentOf(node)) : '';
}

/** The `content` of the first `<meta>` whose name or property matches one of `names` (case-insensitive). */
export function metaContent(doc: Document, ...names: string[]): string | null {
  const wanted = new Set(names.map((n) => n.toLowerCase()));
  for (const meta of Array.from(queryAll(doc, 'meta'))) {
    const key = (
      meta.getAttribute('name') ??
      meta.getAttribute('property') ??
      meta.getAttribute('itemprop') ??
      ''
    ).toLowerCase();
    if (key && wanted.has(key)) {
      const value = collapse(meta.getAttribute('content'));
      if (value) return value;
    }
  }
  return null;
}

/** withinWhere's question, and for a growing set the way to tell it the set grew. */
export interface WithinWhere {
  (node: Node | null): boolean;
  /**
   * For a test that holds for more elements as time goes on (membership of a growing set): it
   * now holds for `el` too. Ask about `el` first (the answer gives its depth).
   */
  added(el: Element): void;
}

/**
 * A test of whether a node or one of its ancestors is an element `test` holds for, that
 * remembers the answer for every node it climbs through, so each climb stops at the first node
 * an earlier one passed: asked of every node of a deep chain, it climbs the chain once, where a
 * climb to the top each time (or `closest()`) is quadratic. A "yes" holds for good. A "no" holds
 * until an element is `added` at the node's depth or above: only such an element can be an
 * ancestor of it. (Believing a "no" only until anything was added made each of 16,000 ad frames,
 * each in a `<div>` of the one before, climb to the top: 8 s to clean in linkedom.)
 */
export function withinWhere(test: (el: Element) => boolean): WithinWhere {
  /** Per remembered node: INSIDE, or how many elements had been added when it was outside. */
  const known = new Map<Node, number>();
  /** Per node remembered outside: its depth (the number of nodes above it). */
  const depths = new Map<Node, number>();
  /** The depth of each element added, in order. */
  const added: number[] = [];
  let lastNode: Node | null = null;
  let lastDepth = 0;
  const within = ((node: Node | null) => {
    const climbed: Node[] = [];
    let inside = false;
    let steps = 0;
    /** The depth of the remembered node the climb stopped at, if it stopped at one outside. */
    let stopDepth = -1;
    let p = node;
    for (; p; p = p.parentNode) {
      // The first levels are climbed as they are: no real page is deeper, and a page load pays
      // nothing for the memory.
      if (++steps > UNREMEMBERED_LEVELS) {
        const seen = known.get(p);
        if (seen === INSIDE) {
          inside = true;
          break;
        }
        if (seen !== undefined) {
          // Still outside unless an element added since lies at its depth or above.
          const depth = depths.get(p)!;
          let i = seen;
          while (i < added.length && added[i]! > depth) i++;
          if (i === added.length) {
            known.set(p, i);
            stopDepth = depth;
            break;
          }
        }
        climbed.push(p);
      }
      if (p.nodeType === ELEMENT_NODE && test(p as Element)) {
        inside = true;
        break;
      }
    }
    if (inside) {
      for (const n of climbed) known.set(n, INSIDE);
      return true;
    }
    // The node at step i of the climb (the first is 1) lies at depth `base - i`.
    const base = p ? stopDepth + steps : steps;
    for (let j = 0; j < climbed.length; j++) {
      known.set(climbed[j]!, added.length);
      depths.set(climbed[j]!, base - (UNREMEMBERED_LEVELS + 1 + j));
    }
    lastNode = node;
    lastDepth = base - 1;
    return false;
  }) as WithinWhere;
  within.added = (el) => {
    let depth = lastDepth;
    if (el !== lastNode) {
      depth = 0;
      for (let p = el.parentNode; p; p = p.parentNode) depth++;
    }
    added.push(depth);
  };
  return within;
}

/** Levels withinWhere climbs before it remembers: the corpus's deepest page is 51. */
const UNREMEMBERED_LEVELS = 64;

/** withinWhere's mark of a node inside: below any count of additions. */
const INSIDE = -1;

/** Every comment node under `root`, in document order, without recursion (deep pages). */
export function commentsUnder(root: Node): Comment[] {
  const out: Comment[] = [];
  walk(root, (node) => {
    if (node.nodeType === COMMENT_NODE) out.push(node as Comment);
  });
  return out;
}

/** Every text node under `root`, in document order. */
export function textNodesUnder(root: Node): Text[] {
  const out: Text[] = [];
  walk(root, (node) => {
    if (node.nodeType === TEXT_NODE) out.push(node as Text);
  });
  return out;
}

// `walk` lives with the view: it reads children through the cleanup mask when one is on.
export { walk };

/** True for elements a reader never sees as text. */
export function isNonContent(el: Element): boolean {
  const tag = el.tagName.toLowerCase();
  return (
    tag === 'script' ||
    tag === 'style' ||
    tag === 'noscript' ||
    // Shown only by browsers without frames: a frameset page's "your browser does not support
    // frames" was read as its article (tests/reliability/odd-pages.test.ts).
    tag === 'noframes' ||
    tag === 'template' ||
    tag === 'iframe' ||
    tag === 'object' ||
    tag === 'embed' ||
    tag === 'svg' ||
    tag === 'button' ||
    tag === 'form' ||
    tag === 'select' ||
    tag === 'input' ||
    tag === 'textarea'
  );
}

/**
 * A JSON-LD script's data, or undefined when it is not JSON. Some sites (Medium, NBC News) wrap
 * it in `<![CDATA[ … ]]>` or an HTML comment, old XHTML habits a browser's JSON reader does not
 * take: the wrapper is dropped. Hand-written templates make the slips `mendJson` mends.
 */
function parseJsonLd(text: string): unknown {
  const strict = parsedOrUndefined(text);
  if (strict !== undefined) return strict;
  const opened = text.replace(WRAPPER_OPENING, '');
  const trimmed = opened.trimEnd();
  const close = WRAPPER_CLOSING.exec(trimmed);
  const unwrapped = close ? trimmed.slice(0, close.index) : opened;
  return (
    (unwrapped === text ? undefined : parsedOrUndefined(unwrapped)) ??
    parsedOrUndefined(mendJson(unwrapped))
  );
}

/**
 * The opening and closing of such a wrapper, a JavaScript comment mark allowed before each
 * (`//<![CDATA[`, or the opening inside a block comment of its own), written so that no run of white space can be split two ways: a script's text
 * can be megabytes, and the first form of these (`\s*(?:\/\/)?\s*`) took 11 s on 6 KB of tabs.
 * The closing is looked for in the text without its trailing white space.
 */
const WRAPPER_OPENING = /^\s*(?:(?:\/\/|\/\*)\s*)?(?:<!\[CDATA\[|<!--)(?:\s*\*\/)?/;
const WRAPPER_CLOSING = /(?:(?:\/\/|\/\*)\s*)?(?:\]\]>|-->)(?:\s*\*\/)?$/;

function parsedOrUndefined(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * JSON as hand-written JSON-LD templates get it wrong, mended where what was meant is plain: a
 * line break or tab typed inside a string (smithsonianmag.com's, moneycontrol.com's
 * descriptions) is escaped; `//` and `/* … *\/` comments (a template's note, a value commented
 * out) are dropped; a comma before `]` or `}`, left by a template's loop, is dropped. Nothing
 * else is changed, and nothing inside a string but its control characters. One pass.
 */
export function mendJson(text: string): string {
  const out: string[] = [];
  // The index in `out` of the last piece outside strings and comments that is not white space.
  let last = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '"') {
      // A string, to its closing quote: escapes kept, control characters escaped.
      let j = i + 1;
      let s = '"';
      for (; j < text.length && text[j] !== '"'; j++) {
        const d = text[j]!;
        if (d === '\\') {
          s += d + (text[j + 1] ?? '');
          j++;
        } else {
          const code = d.charCodeAt(0);
          s += code < 0x20 ? `\\u${code.toString(16).padStart(4, '0')}` : d;
        }
      }
      out.push(s + '"');
      last = out.length - 1;
      i = j;
    } else if (c === '/' && text[i + 1] === '/') {
      const end = text.indexOf('\n', i);
      i = end < 0 ? text.length : end - 1;
    } else if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? text.length : end + 1;
    } else {
      if ((c === ']' || c === '}') && last >= 0 && out[last] === ',') out[last] = '';
      out.push(c);
      if (!/\s/.test(c)) last = out.length - 1;
    }
  }
  return out.join('');
}

/** Whether a `<script>` holds JSON-LD (its type read as loosely as any reader of it does). */
export function isJsonLd(script: Element): boolean {
  return (script.getAttribute('type') ?? '').trim().toLowerCase() === 'application/ld+json';
}

/** Parses JSON-LD blocks, tolerating broken ones; flattens `@graph` arrays. */
export function jsonLd(doc: Document): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  for (const script of Array.from(queryAll(doc, 'script[type="application/ld+json"]'))) {
    const data = parseJsonLd(textContentOf(script) ?? '');
    if (data === undefined) continue;
    // A read index instead of shift(), and one push per item instead of a spread: a page's
    // JSON-LD array of 200,000 entries would overflow the call stack through `push(...items)`
    // and take quadratic time through shift() (found by tests/reliability/size.test.ts).
    const queue: unknown[] = [data];
    for (let i = 0; i < queue.length; i++) {
      const item = queue[i];
      if (Array.isArray(item)) for (const x of item) queue.push(x);
      else if (item && typeof item === 'object') {
        const obj = item as Record<string, unknown>;
        out.push(obj);
        const graph = obj['@graph'];
        if (Array.isArray(graph)) for (const x of graph as unknown[]) queue.push(x);
      }
    }
  }
  return out;
}
