/**
 * The index behind ./query.ts: selector queries that stay fast on linkedom.
 *
 * Every `querySelectorAll` on linkedom compiles the selector and walks the whole tree, and the
 * extraction of one BBC page asks about a hundred of them (clutter tables, detection, readers):
 * in `npm run bench` that was a third of Broadsheet's time in Node. The pipeline therefore
 * indexes a document it will only read, in one walk (`indexDocument`), and ./query.ts answers the
 * core's queries from that index: candidates by the id, class or tag of a selector's last compound,
 * then a right-to-left match, in document order. A browser's own `querySelectorAll` is native
 * and fast, so on a document nobody indexed every query is the DOM's own, and the content
 * script, which only cleans the live page, does not carry this file (2.2 KB gzipped). A selector
 * this engine does not parse (anything beyond type, universal, id, class, attribute tests,
 * `:not()`, `:first-child`/`:last-child`/`:only-child` and the four combinators) is handed to the
 * DOM too.
 *
 * An index describes the tree at the moment it was built: whoever indexes a document must not
 * change its structure, ids or classes until `release()`. An indexed page can also carry a
 * cleanup plan as a mask (`maskDocument`): its queries then skip what the plan takes, and
 * ./view.ts reads text and children the same way. tests/core/query.test.ts checks the engine
 * against jsdom and linkedom, and whole extractions with the index on and off.
 */
import { attributeOf } from './attr';
import { activeMask, answerFromIndexes, setActiveMask } from './query';
import type { Mask } from './query';

const ELEMENT = 1;
const DOCUMENT = 9;

type AttrOp = '' | '=' | '~=' | '|=' | '^=' | '$=' | '*=';

interface AttrTest {
  name: string;
  op: AttrOp;
  value: string;
  /**
   * Compare ASCII case-insensitively: always (the `i` flag), never (the `s` flag, or an attribute
   * HTML does not list), or in an HTML document only (`html`: no flag, an attribute of `FOLDED`).
   */
  fold: boolean | 'html';
}

/**
 * The attributes whose values a selector compares ASCII case-insensitively in an HTML document
 * when it carries no `i` or `s` flag (HTML, "Case-sensitivity of selectors"): Chromium, jsdom
 * and linkedom all match `script[type="application/ld+json"]` against `type="application/LD+JSON"`,
 * and so must the index. (Chromium rejects the `s` flag; the core writes none.)
 */
const FOLDED = new Set(
  (
    'accept accept-charset align alink axis bgcolor charset checked clear codetype color compact ' +
    'declare defer dir direction disabled enctype face frame hreflang http-equiv lang language ' +
    'link media method multiple nohref noresize noshade nowrap readonly rel rev rules scope ' +
    'scrolling selected shape target text type valign valuetype vlink'
  ).split(' '),
);

type Pseudo = 'first-child' | 'last-child' | 'only-child';

interface Compound {
  tag: string | null;
  ids: string[];
  classes: string[];
  attrs: AttrTest[];
  pseudos: Pseudo[];
  nots: Complex[][];
}

type Combinator = ' ' | '>' | '+' | '~';

interface Complex {
  /** Left to right; `combinators[i]` joins `compounds[i]` and `compounds[i + 1]`. */
  compounds: Compound[];
  combinators: Combinator[];
  /** All but the last compound, when the last is joined by a descendant combinator (lazily). */
  head?: Complex;
}

// ─── Parsing ────────────────────────────────────────────────────────────────────────────────

/** Identifier characters (no escapes: a selector with a backslash goes to the DOM). */
const IDENT = /^-?[_a-zA-Z\u00a0-\uffff][-_a-zA-Z0-9\u00a0-\uffff]*/;
const SPACE = /^\s+/;
const ATTR =
  /^\[\s*([-_a-zA-Z0-9:]+)\s*(?:([~|^$*]?=)\s*(?:"([^"\\]*)"|'([^'\\]*)'|(-?[_a-zA-Z0-9\u00a0-\uffff-]+))\s*(?:([iIsS])\s*)?)?\]/;

class Unsupported extends Error {}

class Parser {
  private at = 0;
  constructor(private readonly src: string) {}

  private rest(): string {
    return this.src.slice(this.at);
  }

  private eat(re: RegExp): RegExpExecArray | null {
    const m = re.exec(this.rest());
    if (m) this.at += m[0].length;
    return m;
  }

  private peek(): string {
    return this.src[this.at] ?? '';
  }

  /** A comma-separated list, up to the end or a closing parenthesis. */
  list(): Complex[] {
    const out: Complex[] = [];
    for (;;) {
      this.eat(SPACE);
      out.push(this.complex());
      this.eat(SPACE);
      if (this.peek() !== ',') return out;
      this.at++;
    }
  }

  parseAll(): Complex[] {
    const list = this.list();
    if (this.at !== this.src.length) throw new Unsupported();
    return list;
  }

  private complex(): Complex {
    const compounds = [this.compound()];
    const combinators: Combinator[] = [];
    for (;;) {
      const space = this.eat(SPACE) !== null;
      const c = this.peek();
      let comb: Combinator;
      if (c === '>' || c === '+' || c === '~') {
        this.at++;
        this.eat(SPACE);
        comb = c;
      } else if (space && c !== '' && c !== ',' && c !== ')') {
        comb = ' ';
      } else {
        return { compounds, combinators };
      }
      combinators.push(comb);
      compounds.push(this.compound());
    }
  }

  private compound(): Compound {
    const c: Compound = { tag: null, ids: [], classes: [], attrs: [], pseudos: [], nots: [] };
    let parts = 0;
    const tag = this.eat(IDENT);
    if (tag) {
      c.tag = tag[0].toLowerCase();
      parts++;
    } else if (this.peek() === '*') {
      this.at++;
      parts++;
    }
    for (;;) {
      const ch = this.peek();
      if (ch === '#' || ch === '.') {
        this.at++;
        const name = this.eat(IDENT);
        if (!name) throw new Unsupported();
        (ch === '#' ? c.ids : c.classes).push(name[0]);
      } else if (ch === '[') {
        const m = this.eat(ATTR);
        if (!m) throw new Unsupported();
        const name = m[1]!.toLowerCase();
        const flag = m[6]?.toLowerCase();
        c.attrs.push({
          name,
          op: (m[2] ?? '') as AttrOp,
          value: m[3] ?? m[4] ?? m[5] ?? '',
          fold: flag === 'i' ? true : flag === 's' || !FOLDED.has(name) ? false : 'html',
        });
      } else if (ch === ':') {
        const pseudo = this.eat(/^:(first-child|last-child|only-child|not\()/);
        if (!pseudo) throw new Unsupported();
        if (pseudo[1] === 'not(') {
          c.nots.push(this.list());
          if (this.peek() !== ')') throw new Unsupported();
          this.at++;
        } else {
          c.pseudos.push(pseudo[1] as Pseudo);
        }
      } else {
        break;
      }
      parts++;
    }
    if (!parts) throw new Unsupported();
    return c;
  }
}

const compiled = new Map<string, Complex[] | null>();

/** The parsed selector list, or null when this engine leaves it to the DOM. Cached. */
function compile(selector: string): Complex[] | null {
  let list = compiled.get(selector);
  if (list === undefined) {
    try {
      list = new Parser(selector).parseAll();
    } catch (err) {
      if (!(err instanceof Unsupported)) throw err;
      list = null;
    }
    compiled.set(selector, list);
  }
  return list;
}

// ─── The index ──────────────────────────────────────────────────────────────────────────────

interface Entry {
  /** Position in document order. */
  pos: number;
  /** Position of the last element inside this one (its own when it has none). */
  end: number;
  tag: string;
  id: string | null;
  /** The class attribute as written, and its names. */
  cls: string | null;
  classes: readonly string[];
  /** Inside an element a mask takes out (see `maskDocument`): no query finds it. */
  masked: boolean;
  /** Other attributes' values, read once each (a long selector list asks for the same ones). */
  attrs: Map<string, string | null> | null;
}

interface DocIndex {
  entries: Map<Element, Entry>;
  all: Element[];
  /** The entry of `all[pos]`, by position: walking a range needs no map lookup per element. */
  entryAt: Entry[];
  byId: Map<string, Element[]>;
  byClass: Map<string, Element[]>;
  byTag: Map<string, Element[]>;
  /** Elements with an attribute, per attribute name: filled on first use. */
  byAttr: Map<string, Element[]>;
  /**
   * Pools of `[class*="part"]` and `[id^="start"]`-like tests, and of exact values (`[name=value]`,
   * with the compound's tag before it): per test, filled on first use.
   */
  byKeyTest: Map<string, Element[]>;
  /**
   * An HTML document, where `FOLDED` attributes compare without case: a browser's XHTML page
   * (`application/xhtml+xml`) is not; linkedom's documents, which have no `contentType`, are.
   */
  html: boolean;
}

/**
 * The documents indexed now (rarely more than two: a page and extraction's copy of it). Elements
 * are looked up in every index rather than by `ownerDocument`: linkedom gives the nodes of a
 * copied document the original's `ownerDocument`.
 */
const live: { doc: Document; index: DocIndex }[] = [];

function indexOfDocument(doc: Document): DocIndex | undefined {
  for (const l of live) if (l.doc === doc) return l.index;
  return undefined;
}

function indexOfElement(el: Element): DocIndex | undefined {
  for (const l of live) if (l.index.entries.has(el)) return l.index;
  return undefined;
}
const NO_CLASSES: readonly string[] = [];
const SPACE_IN_CLASS = /[ \t\n\f\r]/;

function push(map: Map<string, Element[]>, key: string, el: Element): void {
  const list = map.get(key);
  if (list) list.push(el);
  else map.set(key, [el]);
}

function build(doc: Document): DocIndex {
  const index: DocIndex = {
    entries: new Map(),
    all: [],
    entryAt: [],
    byId: new Map(),
    byClass: new Map(),
    byTag: new Map(),
    byAttr: new Map(),
    byKeyTest: new Map(),
    html: ((doc as { contentType?: string }).contentType ?? 'text/html') === 'text/html',
  };
  const visit = (el: Element): Entry => {
    const pos = index.all.length;
    const tag = el.localName.toLowerCase();
    const cls = attributeOf(el, 'class');
    const id = attributeOf(el, 'id');
    const classes = !cls
      ? NO_CLASSES
      : SPACE_IN_CLASS.test(cls)
        ? cls.split(/[ \t\n\f\r]+/).filter(Boolean)
        : [cls];
    const entry: Entry = { pos, end: pos, tag, id, cls, classes, masked: false, attrs: null };
    index.entries.set(el, entry);
    index.all.push(el);
    index.entryAt.push(entry);
    push(index.byTag, tag, el);
    if (id) push(index.byId, id, el);
    for (const c of classes) push(index.byClass, c, el);
    return entry;
  };
  // Depth first by element pointers: a third faster on linkedom than its TreeWalker, which
  // lists every node first (and stops at </html>: linkedom leaves markup after it beside <html>).
  // The document's children by list: linkedom gives the doctype no next sibling.
  const parents: Element[] = [];
  const parentEntries: Entry[] = [];
  for (const top of Array.from(doc.childNodes)) {
    if (top.nodeType !== ELEMENT) continue;
    let el: Element | null = top as Element;
    while (el) {
      const entry = visit(el);
      const child: Element | null = el.firstElementChild;
      if (child) {
        parents.push(el);
        parentEntries.push(entry);
        el = child;
        continue;
      }
      // A leaf; climb to the next element, closing each finished parent.
      while (el !== top && !el.nextElementSibling) {
        el = parents.pop()!;
        parentEntries.pop()!.end = index.all.length - 1;
      }
      el = el === top ? null : el.nextElementSibling;
    }
  }
  return index;
}

/**
 * Indexes `doc` for the queries below until `release()`. The caller promises not to change the
 * document's structure, ids or classes meanwhile. Indexing an indexed document is a no-op
 * whose release leaves the first index in place.
 */
export function indexDocument(doc: Document): { release(): void } {
  if (disabled > 0 || indexOfDocument(doc)) return { release() {} };
  const entry = { doc, index: build(doc) };
  live.push(entry);
  return {
    release() {
      const at = live.indexOf(entry);
      if (at >= 0) live.splice(at, 1);
    },
  };
}

let disabled = 0;

/**
 * Runs `fn` with indexing switched off, so that every query is the DOM's own: the tests compare
 * extraction both ways on every corpus page.
 */
export function withoutIndexes<T>(fn: () => T): T {
  disabled++;
  try {
    return fn();
  } finally {
    disabled--;
  }
}

// ─── Matching ───────────────────────────────────────────────────────────────────────────────

/** An attribute's value: `class` and `id` from the index entry, others from the element. */
function attrOf(entry: Entry | undefined, el: Element, name: string): string | null {
  if (entry && name === 'class') return entry.cls;
  if (entry && name === 'id') return entry.id;
  return attributeOf(el, name);
}

/**
 * `attrOf`, with other attributes read once per element and kept on its entry: a long selector
 * list asks the same element for the same attribute once per part.
 */
function attrValue(entry: Entry | undefined, el: Element, name: string): string | null {
  if (!entry || name === 'class' || name === 'id') return attrOf(entry, el, name);
  entry.attrs ??= new Map();
  let value = entry.attrs.get(name);
  if (value === undefined) {
    value = attributeOf(el, name);
    entry.attrs.set(name, value);
  }
  return value;
}

function attrMatches(index: DocIndex, entry: Entry | undefined, el: Element, t: AttrTest): boolean {
  const raw = attrValue(entry, el, t.name);
  return raw !== null && valueMatches(raw, t, folds(index, t, el));
}

/**
 * Whether `t` compares `el`'s value ASCII case-insensitively in this document. HTML says a listed
 * attribute's value folds on HTML elements of an HTML document, and the engine answers so, as
 * Chromium 156.0.8078.114 does (tests/e2e/query-engine.test.ts; the Chromium 150 of earlier runs,
 * jsdom and linkedom fold it on SVG and MathML elements too). An element is taken for HTML unless
 * its namespace says SVG or MathML: linkedom files `<mi>` under HTML's.
 */
function folds(index: DocIndex, t: AttrTest, el: Element): boolean {
  if (t.fold !== 'html') return t.fold;
  if (!index.html) return false;
  const ns = el.namespaceURI;
  return ns !== SVG_NAMESPACE && ns !== MATHML_NAMESPACE;
}

const SVG_NAMESPACE = 'http://www.w3.org/2000/svg';
const MATHML_NAMESPACE = 'http://www.w3.org/1998/Math/MathML';

const ASCII_UPPER = /[A-Z]+/g;

/** ASCII lower case, as selectors fold (`toLowerCase` also folds `İ`, `K` and the like). */
function asciiLower(s: string): string {
  return s.replace(ASCII_UPPER, (run) => run.toLowerCase());
}

/** Whether an attribute's value `raw` passes `t`, compared ASCII case-insensitively if `fold`. */
function valueMatches(raw: string, t: AttrTest, fold: boolean): boolean {
  if (t.op === '') return true;
  const value = fold ? asciiLower(raw) : raw;
  const want = fold ? asciiLower(t.value) : t.value;
  switch (t.op) {
    case '=':
      return value === want;
    case '~=':
      return want !== '' && !/\s/.test(want) && value.split(/[ \t\n\f\r]+/).includes(want);
    case '|=':
      return value === want || value.startsWith(want + '-');
    case '^=':
      return want !== '' && value.startsWith(want);
    case '$=':
      return want !== '' && value.endsWith(want);
    case '*=':
      return want !== '' && value.includes(want);
  }
}

function compoundMatches(index: DocIndex, el: Element, c: Compound): boolean {
  const entry = index.entries.get(el);
  if (c.tag !== null && (entry ? entry.tag : el.localName.toLowerCase()) !== c.tag) return false;
  for (const id of c.ids) if (attrValue(entry, el, 'id') !== id) return false;
  if (c.classes.length) {
    const classes = entry ? entry.classes : (el.getAttribute('class') ?? '').split(/\s+/);
    for (const name of c.classes) if (!classes.includes(name)) return false;
  }
  for (const a of c.attrs) if (!attrMatches(index, entry, el, a)) return false;
  for (const p of c.pseudos) {
    const first = el.previousElementSibling === null;
    const last = el.nextElementSibling === null;
    if (p === 'first-child' ? !first : p === 'last-child' ? !last : !(first && last)) return false;
    // :first-child of the root element: a root has no parent element but is still first.
  }
  for (const list of c.nots) if (listMatches(index, el, list)) return false;
  return true;
}

/** Does `el` match `cx.compounds[i]`, with the compounds left of it matched by its context? */
function matchesFrom(index: DocIndex, el: Element, cx: Complex, i: number): boolean {
  if (!compoundMatches(index, el, cx.compounds[i]!)) return false;
  if (i === 0) return true;
  switch (cx.combinators[i - 1]!) {
    case '>': {
      const p = el.parentElement;
      return p !== null && matchesFrom(index, p, cx, i - 1);
    }
    case ' ':
      for (let p = el.parentElement; p; p = p.parentElement)
        if (matchesFrom(index, p, cx, i - 1)) return true;
      return false;
    case '+': {
      const s = el.previousElementSibling;
      return s !== null && matchesFrom(index, s, cx, i - 1);
    }
    case '~':
      for (let s = el.previousElementSibling; s; s = s.previousElementSibling)
        if (matchesFrom(index, s, cx, i - 1)) return true;
      return false;
  }
}

function listMatches(index: DocIndex, el: Element, list: Complex[]): boolean {
  for (const cx of list) if (matchesFrom(index, el, cx, cx.compounds.length - 1)) return true;
  return false;
}

/** The indexed elements that could match compound `c`, by its id, class, tag or attribute. */
function pool(index: DocIndex, c: Compound): Element[] {
  if (c.ids.length) return index.byId.get(c.ids[0]!) ?? [];
  if (c.classes.length) {
    // The rarest of its classes.
    let best: Element[] | undefined;
    for (const name of c.classes) {
      const list = index.byClass.get(name) ?? [];
      if (!best || list.length < best.length) best = list;
    }
    return best!;
  }
  const keyed = c.attrs.find(isKeyTest);
  if (keyed) return keyTestPool(index, keyed);
  const exact = c.attrs.find(isValueTest);
  if (exact) return valuePool(index, c.tag, exact);
  if (c.tag !== null) return index.byTag.get(c.tag) ?? [];
  const attr = c.attrs[0];
  if (attr) return attrPool(index, attr.name);
  return index.all;
}

/** The elements with attribute `name`, in document order: filled on first use. */
function attrPool(index: DocIndex, name: string): Element[] {
  let list = index.byAttr.get(name);
  if (!list) {
    // This reads the attribute of every element, once: by position, as a lookup of each
    // element's entry cost more than reading the attribute.
    list = [];
    const { all, entryAt } = index;
    for (let k = 0; k < all.length; k++) {
      if (attrOf(entryAt[k], all[k]!, name) !== null) list.push(all[k]!);
    }
    index.byAttr.set(name, list);
  }
  return list;
}

/**
 * `[data-component="links-block"]`: an exact value names a few elements of a page, where the
 * attribute's pool (every `data-component`, a hundred on a 2020s BBC page) names many. A small
 * pool also lets `searchComplex` look inside the boxes rather than climb from every `li` of the
 * page. With a tag (`script[type="application/ld+json"]`) the tag's pool is filtered instead,
 * rather than reading the attribute of every element of the page.
 */
function isValueTest(t: AttrTest): boolean {
  return t.op === '=';
}

/** The elements of `tag` (any when null) passing an exact value test, in document order. */
function valuePool(index: DocIndex, tag: string | null, t: AttrTest): Element[] {
  const key = `${tag ?? ''}[${t.name}=${t.value} ${t.fold}]`;
  let list = index.byKeyTest.get(key);
  if (!list) {
    const from = tag !== null ? (index.byTag.get(tag) ?? []) : attrPool(index, t.name);
    list = from.filter((el) => attrMatches(index, index.entries.get(el), el, t));
    index.byKeyTest.set(key, list);
  }
  return list;
}

/**
 * Tests the index's keys can answer: `[id^="dfp-ad"]` and the like (an id is one key of `byId`),
 * and `[class*="part"]` for a part without white space (it lies inside one class name). A page
 * has hundreds of ids and class names against thousands of elements with the attribute, which
 * the attribute pool would test one by one.
 */
function isKeyTest(t: AttrTest): boolean {
  if (t.fold !== false || t.value === '') return false;
  if (t.name === 'id') return t.op === '=' || t.op === '^=' || t.op === '$=' || t.op === '*=';
  return t.name === 'class' && t.op === '*=' && !SPACE_IN_CLASS.test(t.value);
}

/** The elements passing a key test, in document order. */
function keyTestPool(index: DocIndex, t: AttrTest): Element[] {
  const key = `${t.name}${t.op}${t.value}`;
  let list = index.byKeyTest.get(key);
  if (list) return list;
  const found = new Set<Element>();
  const byKey = t.name === 'id' ? index.byId : index.byClass;
  for (const [name, elements] of byKey)
    if (t.name === 'id' ? valueMatches(name, t, false) : name.includes(t.value))
      for (const el of elements) found.add(el);
  list = [...found].sort((a, b) => index.entries.get(a)!.pos - index.entries.get(b)!.pos);
  index.byKeyTest.set(key, list);
  return list;
}

/** `*` alone: a compound that tests nothing. */
function isUniversal(c: Compound): boolean {
  return (
    c.tag === null &&
    !c.ids.length &&
    !c.classes.length &&
    !c.attrs.length &&
    !c.pseudos.length &&
    !c.nots.length
  );
}

/** First position in `list` (document order) at or after `pos`. */
function lowerBound(index: DocIndex, list: Element[], pos: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (index.entries.get(list[mid]!)!.pos < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

interface Scope {
  index: DocIndex;
  /** Positions strictly inside the scope: (from, to]. */
  from: number;
  to: number;
}

function scopeOf(node: ParentNode): Scope | null {
  if (!live.length) return null;
  const n = node as Node;
  if (n.nodeType === DOCUMENT) {
    const index = indexOfDocument(n as Document);
    return index ? { index, from: -1, to: index.all.length - 1 } : null;
  }
  // Not indexed (made after the index, or a fragment): the DOM answers.
  const index = n.nodeType === ELEMENT ? indexOfElement(n as Element) : undefined;
  const entry = index?.entries.get(n as Element);
  if (!index || !entry) return null;
  // Inside what a mask takes: as if gone, nothing is found in it.
  return entry.masked
    ? { index, from: entry.pos, to: entry.pos }
    : { index, from: entry.pos, to: entry.end };
}

function run(scope: Scope, list: Complex[], firstOnly: boolean): Element[] {
  const { index, from } = scope;
  const found: Element[] = [];
  let to = scope.to;
  for (const cx of list) {
    const before = found.length;
    searchComplex(index, cx, from, to, firstOnly, found);
    // The next part of the list only matters before this match.
    if (firstOnly && found.length > before)
      to = index.entries.get(found[found.length - 1]!)!.pos - 1;
  }
  if (firstOnly) return found.length ? [found[found.length - 1]!] : [];
  if (list.length === 1) return found;
  const unique = [...new Set(found)];
  unique.sort((a, b) => index.entries.get(a)!.pos - index.entries.get(b)!.pos);
  return unique;
}

/** Appends the elements at positions in (from, to] that match `cx`, in document order. */
function searchComplex(
  index: DocIndex,
  cx: Complex,
  from: number,
  to: number,
  firstOnly: boolean,
  found: Element[],
): void {
  const n = cx.compounds.length;
  const last = cx.compounds[n - 1]!;
  const lastPool = pool(index, last);
  if (n >= 2 && cx.combinators[n - 2] === ' ') {
    // `.story-related .related-links a`: rather than climb from each of a page's links looking
    // for the boxes, look inside the boxes, when there are far fewer of them.
    const head = (cx.head ??= {
      compounds: cx.compounds.slice(0, n - 1),
      combinators: cx.combinators.slice(0, n - 2),
    });
    const anchors = pool(index, head.compounds[n - 2]!);
    if (anchors.length * 4 < lastPool.length) {
      let done = from;
      for (const anchor of anchors) {
        const a = index.entries.get(anchor)!;
        if (a.pos > to) break;
        // Nothing left to search inside it, or gone with its contents under the mask.
        if (a.end <= done || a.masked) continue;
        if (!matchesFrom(index, anchor, head, n - 2)) continue;
        const end = Math.min(a.end, to);
        for (
          let k = lowerBound(index, lastPool, Math.max(a.pos, done) + 1);
          k < lastPool.length;
          k++
        ) {
          const el = lastPool[k]!;
          const entry = index.entries.get(el)!;
          if (entry.pos > end) break;
          if (!entry.masked && compoundMatches(index, el, last)) {
            found.push(el);
            if (firstOnly) return;
          }
        }
        done = end;
      }
      return;
    }
  }
  if (lastPool === index.all) {
    // The whole range is the pool: positions are indexes into it.
    const universal = n === 1 && isUniversal(last);
    for (let k = from + 1; k <= to && k < index.all.length; k++) {
      const el = index.all[k]!;
      if (index.entryAt[k]!.masked) continue;
      if (!universal && !matchesFrom(index, el, cx, n - 1)) continue;
      found.push(el);
      if (firstOnly) return;
    }
    return;
  }
  const start = from < 0 ? 0 : lowerBound(index, lastPool, from + 1);
  for (let k = start; k < lastPool.length; k++) {
    const el = lastPool[k]!;
    const entry = index.entries.get(el)!;
    if (entry.pos > to) break;
    if (!entry.masked && matchesFrom(index, el, cx, n - 1)) {
      found.push(el);
      if (firstOnly) return;
    }
  }
}

// ─── Masks ──────────────────────────────────────────────────────────────────────────────────

/**
 * Puts `mask` on `doc`, which must be indexed, until `release()`. The same promise as for the
 * index holds: the page must not change meanwhile.
 */
export function maskDocument(doc: Document, mask: Mask): { release(): void } {
  const index = indexOfDocument(doc);
  if (!index) throw new Error('maskDocument: the document is not indexed');
  if (activeMask()) throw new Error('maskDocument: a mask is already on');
  const marked: Entry[] = [];
  for (const el of mask.taken.keys()) {
    const entry = index.entries.get(el);
    if (!entry) continue;
    for (let pos = entry.pos; pos <= entry.end; pos++) {
      const inside = index.entryAt[pos]!;
      if (!inside.masked) {
        inside.masked = true;
        marked.push(inside);
      }
    }
  }
  setActiveMask(mask);
  return {
    release() {
      for (const entry of marked) entry.masked = false;
      if (activeMask() === mask) setActiveMask(null);
    },
  };
}

/** True while `node` (a document or an element) is indexed (between `indexDocument` and `release()`). */
function isIndexed(node: Node): boolean {
  return node.nodeType === DOCUMENT
    ? indexOfDocument(node as Document) !== undefined
    : node.nodeType === ELEMENT && indexOfElement(node as Element) !== undefined;
}

// The core's queries (./query.ts) ask the index first from the moment this file is loaded.
answerFromIndexes({
  query(scope, selector, firstOnly) {
    const at = scopeOf(scope);
    const list = at && compile(selector);
    return at && list ? run(at, list, firstOnly) : null;
  },
  matches(el, selector) {
    const index = live.length ? indexOfElement(el) : undefined;
    const list = index && compile(selector);
    return index && list ? listMatches(index, el, list) : null;
  },
  isIndexed,
});
