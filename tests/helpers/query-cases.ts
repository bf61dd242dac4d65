/**
 * Hand-made markup and selectors for the query engine (src/core/query-index.ts), each selector
 * parsed by the engine (no fallback to the DOM) and covering one feature. tests/core/query.test.ts
 * checks the engine's answers against jsdom, tests/e2e/query-engine.test.ts against Chromium.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { JSDOM } from 'jsdom';
import { BBC_SITES } from '../../src/sites';
import { AD_SELECTORS } from '../../src/core/clean/ads';

export const MARKUP = `<!doctype html><html lang="en-GB"><head><title>t</title>
<meta name="OriginalPublicationDate" content="2009/04/21 20:00:12">
<meta http-equiv="Content-Type" content="text/html; charset=UTF-8">
<script type="application/ld+json">{}</script><script type="Application/LD+JSON">{}</script>
<script src="x.js"></script><link rel="Canonical" href="/c"><link rel="stylesheet ALTERNATE" href="/s"></head>
<body class="Main page">
<div id="a" class="story-body wide" data-component="text-block">
  <h1 class="headline">Head</h1>
  <p class="first intro">One <b>bold</b> <a href="/news/1" rel="published-1234567890123">l</a></p>
  <p lang="en-US" title="x y  z">Two <strong>s</strong></p>
  <ul class="links-list"><li><a href="http://x.test/a">a</a><span class="date" data-seconds="1">d</span></li>
    <li class="hidden"><a class="hidden" href="/b">b</a></li></ul>
  <div class="correspondent-byline"><span class="byline-name">Nope</span></div>
  <span class="byline-name">Yes</span>
  <img src="/start_quote.gif" alt="">
</div>
<div id="a" class="dup"><p>dup id</p></div>
<table><tbody><tr><td class="storybody"><font size="2"><p>cell <i>i</i></p></font></td><td class="sibtbg"><div class="miiib"><a href="/c">c</a></div></td></tr></tbody></table>
<div class="x-CommentsWrapper-1">comments</div>
<div id="dfp-ad--top" class="slot x-CommentsWrapper-2 y-CommentsWrapper-3"><p>ad</p></div>
<span id="dfp-ad-2"></span><div id="xdfp-ad"></div><i class="x-CommentsWrapper-1"></i>
<section><h2>S</h2><p>after</p><p>more</p><div><p>deep</p></div></section>
<p lang="EN-us" dir="RTL" data-kind="Quote" title="X Y">caps</p>
<div class="box"><p>b0</p><div class="box"><p>b1</p><div><p>b2</p></div></div><p>b3</p></div><p>b4</p>
</body></html>`;

/** Hand-made cases: each parses in the engine (no fallback) and covers one feature. */
export const SELECTORS = [
  'p',
  '*',
  'P',
  '#a',
  '.story-body',
  '.story-body.wide',
  'div.story-body p',
  'div > p',
  'h1 + p',
  'h1 ~ p',
  'h2 ~ p',
  'section > div > p',
  'p, h1, li',
  'li, p',
  '[data-component]',
  '[data-component="text-block"]',
  '[data-component=text-block]',
  '[data-component=\'text-block\'], [data-component="subheadline-block"]',
  '[class*="CommentsWrapper"]',
  // Answered from the index's ids and class names (a part with white space is not).
  '[id^="dfp-ad"]',
  'div[id^="dfp-ad"]',
  '[id$="ad"]',
  '[id*="p-a"]',
  '[id="a"]',
  '[class*="y w"]',
  '.slot[class*="Wrapper"]',
  '[class^="x-"]',
  '[class$="-1"]',
  '[class~="intro"]',
  '[lang|="en"]',
  '[title~="y"]',
  '[title~=""]',
  '[title^=""]',
  '[data-component="TEXT-BLOCK" i]',
  'img[src*="start_quote"]',
  'script:not([src])',
  'a:not(.hidden)',
  '.byline-name:not(.correspondent-byline *)',
  '.story-body .byline-name:not(.correspondent-byline *)',
  'li:first-child',
  'li:last-child',
  'b:only-child',
  'a[href]',
  'meta[name="OriginalPublicationDate"]',
  'td.sibtbg div.miiib a[href]',
  'body.main',
  'body.Main',
  '.missing',
  '#missing',
  // Descendant lists searched from the ancestors' side (nested anchors, scopes inside them).
  '.box p',
  '.box .box p',
  'div p',
  'div div p',
  'body p',
  'section p',
  '.box > p',
  '.box p:first-child',
  'div.box div p',
  // Exact values: the elements with that value are the pool (with a tag, that tag's elements).
  '[data-component="text-block"] p',
  '[data-component="text-block"] li a',
  '[data-component="nope"] p',
  'div[data-component="text-block"] a[href]',
  'p[data-component="text-block"]',
  'script[type="application/ld+json"]',
  '[lang="en-US"]',
  '[title="x y  z"]',
  '[data-component="Text-Block"]',
  '[data-component="text-block"][id="a"]',
  '[data-component="text-block"].dup',
  '[class="dup"]',
  '[class="story-body wide"]',
  '[class="story-body"]',
  'div[class="box"] p',
  'meta[name="OriginalPublicationDate"], script[type="application/ld+json"]',
  // Values of the attributes HTML lists (type, rel, lang, dir, http-equiv …) compare without
  // ASCII case unless the selector says `s`; other attributes' values (title, data-*) with case.
  'script[type="APPLICATION/LD+JSON"]',
  'script[type="application/ld+json" s]',
  'script[type="Application/LD+JSON" s]',
  'script[type="application/ld+json" S]',
  '[type*="ld+"]',
  '[type^="APP"]',
  '[type$="json"] ~ script',
  'link[rel="canonical"]',
  'link[rel~="alternate"]',
  'link[rel~="alternate" s]',
  '[lang="en-us"]',
  '[lang|="en"]',
  '[lang|="EN"]',
  '[lang^="en-u"] + p',
  '[dir="rtl"]',
  'meta[http-equiv="content-type"]',
  '[http-equiv="CONTENT-TYPE"]',
  '[data-kind="quote"]',
  '[data-kind="quote" i]',
  '[title="x y"]',
  '[title="x y" i]',
  'p:not([lang="en-us"])',
];

export function tagged(html: string): string {
  let i = 0;
  return html.replace(/<([a-z][a-z0-9]*)(?=[\s>])/gi, (m) => `${m} data-i="${i++}"`);
}

/** String literals handed to the query functions in src/core and src/sites. */
function literalSelectors(): string[] {
  const root = resolve(import.meta.dirname, '../../src');
  const files: string[] = [];
  for (const dir of ['core', 'sites']) {
    const stack = [join(root, dir)];
    while (stack.length) {
      const at = stack.pop()!;
      for (const name of readdirSync(at)) {
        const path = join(at, name);
        if (statSync(path).isDirectory()) stack.push(path);
        else if (path.endsWith('.ts')) files.push(path);
      }
    }
  }
  const found = new Set<string>();
  const call = /\b(?:queryAll|queryOne|matches|closest)\([^,()]+,\s*(['"])((?:(?!\1).)+)\1\)/g;
  // Selector constants: a quoted string assigned to an upper-case name or listed in a table.
  const constant = /\b[A-Z][A-Z_]+\s*=\s*(['"])((?:(?!\1).)+)\1/g;
  for (const file of files) {
    const source = readFileSync(file, 'utf8');
    for (const m of source.matchAll(call)) found.add(m[2]!);
    for (const m of source.matchAll(constant)) found.add(m[2]!);
  }
  // jsdom's parser, as linkedom's takes some strings a browser rejects (a version, "0.1.0").
  const probe = new JSDOM('<p></p>').window.document;
  return [...found].filter((s) => {
    try {
      probe.querySelector(s);
      return true;
    } catch {
      return false; // a regex source or a word, not a selector
    }
  });
}

/** Every selector the core asks: literals, the BBC layouts' clutter tables, the ad selectors. */
export function coreSelectors(): string[] {
  return [
    ...new Set([
      ...literalSelectors(),
      ...BBC_SITES.flatMap((site) => site.clutter.map((rule) => rule.selector)),
      ...AD_SELECTORS,
    ]),
  ];
}
