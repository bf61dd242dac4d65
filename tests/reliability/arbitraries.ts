/**
 * fast-check generators for the property tests: random documents built from the markup the core
 * reacts to (BBC layout markers, clutter classes, hidden elements, tricky parser contexts), raw
 * malformed fragments, and mutations of real corpus pages (nodes shuffled, duplicated, removed,
 * moved, wrapped, unwrapped; text cut; the source truncated).
 */
import fc from 'fast-check';

export type GenNode =
  | { text: string }
  | { comment: string }
  | { raw: string }
  | { tag: string; attrs: [string, string][]; children: GenNode[]; unclosed: boolean };

/**
 * Tags: block and inline ones the block reader knows, containers whose parsing rules are odd
 * (table, select, template, svg, math, noscript, frameset), non-content ones, and the MathML and
 * MathJax elements the formula reader reads (src/core/math.ts), nested any way.
 */
const TAGS = [
  'div',
  'p',
  'span',
  'a',
  'b',
  'i',
  'em',
  'strong',
  'br',
  'img',
  'h1',
  'h2',
  'h3',
  'h6',
  'ul',
  'ol',
  'li',
  'blockquote',
  'figure',
  'figcaption',
  'pre',
  'article',
  'main',
  'section',
  'aside',
  'nav',
  'header',
  'footer',
  'table',
  'tr',
  'td',
  'tbody',
  'dl',
  'dt',
  'dd',
  'hr',
  'script',
  'style',
  'noscript',
  'template',
  'iframe',
  'object',
  'form',
  'button',
  'select',
  'option',
  'textarea',
  'svg',
  'math',
  'frameset',
  'frame',
  'center',
  'font',
  'esi:include',
  'mi',
  'mo',
  'mn',
  'mtext',
  'mrow',
  'mfrac',
  'msup',
  'msubsup',
  'mover',
  'msqrt',
  'mroot',
  'mfenced',
  'mtable',
  'mtr',
  'mtd',
  'semantics',
  'annotation',
  'mjx-container',
  'mjx-assistive-mml',
];

/**
 * Attributes the core reads: BBC layout markers (classic `td.storybody`, story-body, modern
 * text blocks), clutter classes and ids from the cleanup tables, hiding, and addresses of every
 * scheme.
 */
const ATTRS: [string, string[]][] = [
  [
    'class',
    [
      'storybody',
      'story-body',
      'story-body__inner',
      'mxb',
      'sh',
      'ds',
      'lu',
      'byl',
      'cap',
      'advert',
      'bbccom_advert',
      'share',
      'share-tools',
      'related',
      'promo',
      'story-feature',
      'caption',
      'gallery',
      'byline',
      'OUTBRAIN',
      'trc_related_container',
      'sharetools',
      'bbc-news-vj-wrapper',
      'embed',
      'hidden',
      'sidebar',
      'post',
      'content',
      'article-body',
      'MathJax',
      'MJX_Assistive_MathML',
      'mwe-math-element',
      'vjs-control-bar',
    ],
  ],
  [
    'id',
    [
      'main-content',
      'story-body',
      'onetrust-consent-sdk',
      'bbccookies',
      'dfp-ad-1',
      'taboola-below',
      'wm-ipp',
      'wm-ipp-base',
      'content',
      'article',
    ],
  ],
  [
    'data-component',
    [
      'text-block',
      'image-block',
      'headline-block',
      'byline-block',
      'links-block',
      'ad-slot',
      'tag-list',
      'caption-block',
    ],
  ],
  [
    'style',
    [
      'display:none',
      'visibility:hidden',
      'display: NONE !important',
      'color:red',
      'x:expression(alert(1))',
    ],
  ],
  ['hidden', ['']],
  // Formulas (src/core/math.ts) and widgets the generic reader takes for controls.
  ['display', ['block', 'true', 'inline']],
  ['mathvariant', ['double-struck', 'bold']],
  ['open', ['[', '', '<b>']],
  ['close', [']', '']],
  ['role', ['button', 'slider', 'progressbar', 'menu', 'tab', 'dialog', 'presentation']],
  ['aria-expanded', ['true', 'false']],
  ['aria-hidden', ['true']],
  [
    'href',
    [
      '/news/world-1',
      'http://news.bbc.co.uk/1/hi/uk/1.stm',
      'javascript:alert(1)',
      ' JaVaScRiPt:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'vbscript:msgbox(1)',
      '/web/20070515000000/http://news.bbc.co.uk/2/hi/europe/6658741.stm',
      '#top',
      '',
      '\u0000',
      'http://[::1',
      'mailto:a@b.c',
    ],
  ],
  [
    'src',
    [
      '/a.jpg',
      'https://ichef.bbci.co.uk/news/976/x.jpg',
      'javascript:alert(1)',
      'data:image/svg+xml,<svg onload=alert(1)>',
      '//evil.example/x.png',
      '',
    ],
  ],
  ['alt', ['A photo', '<img src=x onerror=alert(1)>', '']],
  ['onerror', ['window.__pwned=1']],
  ['lang', ['en', 'ar', 'zh-Hans', '', '"><x']],
  ['dir', ['rtl', 'ltr']],
];

/** Text the core looks at (leaked directives, captions, dates, bylines) and text that is odd. */
const TEXTS = [
  'The minister said the talks would continue next week despite the disagreement.',
  'Russia and the United States failed to agree on missile defence.',
  '<!--#include virtual="/inc/x.inc" -->',
  '<esi:include src="/fragment"/>',
  'Image caption A crowd gathers outside',
  'By James Rodgers BBC News, Moscow',
  'Last Updated: Tuesday, 15 May 2007, 21:20 GMT 22:20 UK',
  'SEE ALSO:',
  'Share this page',
  'مرحبا بالعالم هذا نص عربي طويل بما يكفي ليكون فقرة',
  '北京时间今天上午，新闻发布会在人民大会堂举行。',
  'ภาษาไทยเป็นภาษาที่มีวรรณยุกต์',
  '🎉🔥💥 ',
  'x',
  '−',
  '2',
  '\u2061',
  '\u202e\u200b\u00a0\ufeff',
  '&amp;&lt;&#0;&#x110000;&bogus;',
  ' ',
  '',
];

/** Raw fragments that break the markup around them. */
const RAW = [
  '<p',
  '</div></div></div>',
  '<!--',
  '-->',
  '<![CDATA[x]]>',
  '<table><td>cell',
  '</table>',
  '<svg><p>svg breakout</p></svg>',
  '<math><mi><table><mglyph><style><img src=x onerror=alert(1)>',
  '<select><b>bold in select</b>',
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
  '<template><p>inert</p></template>',
  '<frameset><frame src="x">',
  '\u0000',
  '<p/>',
  '<//>',
  '<a href="x',
  '"',
  "'",
  '<script>window.__pwned=1</script>',
  '</body></html><p>after</p>',
  '<html><body>',
  '<head><title>late</title></head>',
];

const word = fc.constantFrom(...TEXTS);
const textNode = fc.oneof(
  { weight: 6, arbitrary: word.map((text) => ({ text })) },
  {
    weight: 1,
    arbitrary: fc.string({ maxLength: 40, unit: 'grapheme' }).map((text) => ({ text })),
  },
);
const attr: fc.Arbitrary<[string, string]> = fc
  .constantFrom(...ATTRS)
  .chain(([name, values]) => fc.constantFrom(...values).map((v): [string, string] => [name, v]));

export const genNode: fc.Arbitrary<GenNode> = fc.letrec<{ node: GenNode }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { weight: 4, arbitrary: textNode },
    { weight: 1, arbitrary: fc.constantFrom(...RAW).map((raw) => ({ raw })) },
    {
      weight: 1,
      arbitrary: fc
        .constantFrom(' S BO ', ' E BO ', ' BEGIN WAYBACK TOOLBAR INSERT ', 'x', '-- >')
        .map((comment) => ({ comment })),
    },
    {
      weight: 5,
      arbitrary: fc.record({
        tag: fc.constantFrom(...TAGS),
        attrs: fc.array(attr, { maxLength: 3 }),
        children: fc.array(tie('node'), { maxLength: 6 }),
        // One element in ten left unclosed.
        unclosed: fc.nat(9).map((n) => n === 0),
      }),
    },
  ),
})).node;

/** Head furniture: the metadata the core reads, with hostile and broken values. */
const HEAD_PARTS = [
  '<meta name="OriginalPublicationDate" content="2007/05/15 21:20:00">',
  '<meta name="OriginalPublicationDate" content="not a date">',
  '<meta property="og:site_name" content="BBC News">',
  '<meta name="author" content="<script>window.__pwned=1</script>">',
  '<meta property="og:url" content="javascript:alert(1)">',
  '<link rel="canonical" href="data:text/html,x">',
  '<link rel="canonical" href="https://www.bbc.co.uk/news/world-1">',
  '<base href="javascript:alert(1)//">',
  '<base href="https://web.archive.org/web/20090101000000/http://news.bbc.co.uk/">',
  '<script type="application/ld+json">{"@type":"NewsArticle","headline":"<b>h</b>","author":{"name":"<img src=x onerror=alert(1)>"},"publisher":{"name":"BBC News"},"datePublished":"2020-02-30T99:00:00Z"}</script>',
  '<script type="application/ld+json">{"@graph":[{"@graph":[{"@type":"Article"}]}],</script>',
  '<script type="application/ld+json">[[[[[[[[[[[[[[[[[[[[{"@type":"NewsArticle"}]]]]]]]]]]]]]]]]]]]]</script>',
  '<title>A <b>title</b> &lt;script&gt;</title>',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
];

export interface GenDoc {
  head: string[];
  body: GenNode[];
  htmlAttrs: [string, string][];
  doctype: boolean;
}

export const genDoc: fc.Arbitrary<GenDoc> = fc.record({
  head: fc.subarray(HEAD_PARTS),
  body: fc.array(genNode, { maxLength: 8 }),
  htmlAttrs: fc.array(attr, { maxLength: 2 }),
  doctype: fc.boolean(),
});

const escapeText = (s: string) => s.replace(/&(?!\w+;|#)/g, '&amp;');
const escapeAttr = (s: string) => s.replace(/"/g, '&quot;');

/** Renders a generated tree to markup (iteratively: generated trees can be deep). */
export function renderNodes(nodes: GenNode[]): string {
  let out = '';
  const stack: (GenNode | { close: string })[] = [...nodes].reverse();
  while (stack.length) {
    const n = stack.pop()!;
    if ('close' in n) out += n.close;
    else if ('text' in n) out += escapeText(n.text);
    else if ('comment' in n) out += `<!--${n.comment}-->`;
    else if ('raw' in n) out += n.raw;
    else {
      const attrs = n.attrs.map(([k, v]) => ` ${k}="${escapeAttr(v)}"`).join('');
      out += `<${n.tag}${attrs}>`;
      if (!n.unclosed) stack.push({ close: `</${n.tag}>` });
      for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]!);
    }
  }
  return out;
}

export function renderDoc(d: GenDoc): string {
  const htmlAttrs = d.htmlAttrs.map(([k, v]) => ` ${k}="${escapeAttr(v)}"`).join('');
  return `${d.doctype ? '<!DOCTYPE html>' : ''}<html${htmlAttrs}><head>${d.head.join('')}</head><body>${renderNodes(d.body)}</body></html>`;
}

/**
 * Addresses a page can be read from: every BBC era, Wayback captures (one with an impossible
 * timestamp), other sites, saved files. Callers always pass an absolute URL (the tab's address,
 * or the CLI's file: URL), so a string that is not one is not generated.
 */
export const URLS = [
  'http://news.bbc.co.uk/1/hi/world/europe/6658741.stm',
  'https://www.bbc.co.uk/news/world-europe-32271505',
  'https://www.bbc.com/news/articles/cden3j9d1r7o',
  'https://web.archive.org/web/20070515212000/http://news.bbc.co.uk/1/hi/world/europe/6658741.stm',
  'https://web.archive.org/web/2/http:/news.bbc.co.uk/',
  'https://web.archive.org/web/99999999999999im_/x',
  'https://example.com/a',
  'file:///home/user/saved.html',
  'about:blank',
];
export const genUrl = fc.constantFrom(...URLS);

/** One change to a real page's DOM, applied to the element at `a` (and `b`) modulo the count. */
export type Mutation = {
  op: 'shuffle' | 'duplicate' | 'remove' | 'move' | 'wrap' | 'unwrap' | 'cut-text' | 'drop-attrs';
  a: number;
  b: number;
};

export const genMutation: fc.Arbitrary<Mutation> = fc.record({
  op: fc.constantFrom(
    'shuffle',
    'duplicate',
    'remove',
    'move',
    'wrap',
    'unwrap',
    'cut-text',
    'drop-attrs',
  ),
  a: fc.nat(),
  b: fc.nat(),
});

/** Deterministic shuffle of an array by a seed (a small LCG: the case must replay). */
function shuffled<T>(items: T[], seed: number): T[] {
  const out = [...items];
  let s = seed >>> 0 || 1;
  for (let i = out.length - 1; i > 0; i--) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** Applies `m` to `doc` (a page under test, not the caller's). */
export function applyMutation(doc: Document, m: Mutation): void {
  const root = doc.body ?? doc.documentElement;
  if (!root) return;
  const elements = Array.from(root.querySelectorAll('*'));
  if (elements.length === 0) return;
  const el = elements[m.a % elements.length]!;
  const other = elements[m.b % elements.length]!;
  const parent = el.parentNode;
  switch (m.op) {
    case 'shuffle': {
      const kids = Array.from(el.childNodes);
      for (const k of shuffled(kids, m.b)) el.appendChild(k);
      break;
    }
    case 'duplicate':
      parent?.insertBefore(el.cloneNode(true), el.nextSibling);
      break;
    case 'remove':
      parent?.removeChild(el);
      break;
    case 'move':
      // Moving an element into its own subtree is a HierarchyRequestError; that is not a page.
      if (!el.contains(other)) other.appendChild(el);
      break;
    case 'wrap': {
      if (!parent) break;
      const wrapper = doc.createElement(m.b % 2 ? 'div' : 'span');
      parent.insertBefore(wrapper, el);
      wrapper.appendChild(el);
      break;
    }
    case 'unwrap':
      if (!parent) break;
      while (el.firstChild) parent.insertBefore(el.firstChild, el);
      parent.removeChild(el);
      break;
    case 'cut-text': {
      const text = el.textContent ?? '';
      if (text.length > 0 && el.children.length === 0)
        el.textContent = text.slice(0, m.b % text.length);
      break;
    }
    case 'drop-attrs':
      for (const name of el.getAttributeNames()) el.removeAttribute(name);
      break;
  }
}
