/**
 * Size and depth: pages far past anything real (20 MB, 200,000 nodes, 50,000 levels, 5,000
 * iframes, page-sized lists where the core reads lists) go through detectLayout, cleanPage + undo
 * (and cleanPage + restoreHidden)
 * and extractArticle in bounded time, without a crash or a stack overflow, and still give the
 * story (or a clear "no article").
 *
 * Bounds are about three times what was measured on the project machine (2 shared cores, Node 20,
 * linkedom), the figure written beside each, at full size. Full size is the full
 * reliability run (`npm run test:reliability`, BROADSHEET_RELIABILITY_FULL=1); `npm test` runs the
 * six heaviest at a quarter of their size (SCALE) and everything else at full size.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanPage, detectLayout, restoreHidden } from '../../src/core';
import { cleanParsedPage } from '../../src/node/clean';
import { parseHtml } from '../../src/node/load';
import { MAX_READABILITY_DEPTH } from '../../src/sites/generic';
import { describeCrash, schemaErrors, serialize, tryExtract, type Outcome } from './helpers';

const FULL = process.env.BROADSHEET_RELIABILITY_FULL === '1';
const SCALE = FULL ? 1 : 0.25;
const scaled = (n: number) => Math.round(n * SCALE);
const BIG_MB = scaled(20);
const count = (n: number) => scaled(n).toLocaleString('en');

const CLASSIC_URL = 'http://news.bbc.co.uk/1/hi/world/europe/6658741.stm';
/** The reconstructed 2007 classic story (see its SOURCE.md): a real BBC template to stuff. */
const CLASSIC = readFileSync(
  resolve(import.meta.dirname, '../fixtures/bbc-classic--2007-no-breakthrough/page.html'),
  'latin1',
);
/** Its opening line, which any extraction of the stuffed page must still find. */
const CLASSIC_LEDE = 'Russia and the United States have defined their differences.';

const STORY_LINE = 'The minister said the talks would continue next week despite the disagreement.';
const para = (i: number) => `<p>Paragraph ${i}. ${STORY_LINE}</p>`;

/** A story page whose `<article>` holds `inner`. */
const genericPage = (inner: string) =>
  `<!DOCTYPE html><html lang="en"><head><title>Stress</title></head><body><header><nav><a href="/">Home</a></nav></header><article><h1>Stress</h1>${inner}</article></body></html>`;

/** The classic story with `extra` put inside its story cell, just before the body ends. */
const classicWith = (extra: string) => CLASSIC.replace('<!-- E BO -->', `${extra}<!-- E BO -->`);

interface Run {
  ms: { parse: number; detect: number; clean: number; extract: number };
  outcome: Outcome;
}

/**
 * The whole core on `html`: every step timed, undo checked exact, the Article checked. `cleanWith`
 * is core's `cleanPage` (the content script's) unless a case is about the CLI's `cleanParsedPage`.
 */
function runCore(html: string, url: string, cleanWith = cleanPage): Run {
  let t = performance.now();
  const lap = () => {
    const now = performance.now();
    const ms = Math.round(now - t);
    t = now;
    return ms;
  };
  const doc = parseHtml(html);
  const parse = lap();
  const before = serialize(doc);
  lap();
  detectLayout(doc, url);
  const detect = lap();
  const report = cleanWith(doc, url);
  report.undo();
  let clean = lap();
  expect(serialize(doc) === before, 'undo restores the exact page').toBe(true);
  lap();
  // Put back from the page's own marks instead (after an update of the extension).
  cleanWith(doc, url);
  restoreHidden(doc);
  clean += lap();
  expect(serialize(doc) === before, 'the marks restore the exact page').toBe(true);
  lap();
  const outcome = tryExtract(doc, url);
  const extract = lap();
  if (outcome.kind === 'crash') throw new Error(describeCrash(outcome.error));
  if (outcome.kind === 'article') expect(schemaErrors(outcome.article)).toBe('');
  expect(serialize(doc) === before, 'extraction leaves the page alone').toBe(true);
  return { ms: { parse, detect, clean, extract }, outcome };
}

const total = (r: Run) => r.ms.parse + r.ms.detect + r.ms.clean + r.ms.extract;
const textOf = (r: Run) => (r.outcome.kind === 'article' ? r.outcome.article.text : '');

describe('size', { timeout: 120_000 }, () => {
  // Measured at 20 MB: parse 2.0 s, detect 0.2 s, clean + undo 0.5 s, extract 23.5 s
  // (3.2 million words; Readability scores 190,000 paragraphs). Bound: 75 s (20 MB), 25 s (5 MB).
  it(
    `a ${BIG_MB} MB story page`,
    () => {
      const parts: string[] = [];
      for (let i = 0, size = 0; size < BIG_MB * 1e6; i++) {
        parts.push(para(i));
        size += parts[i]!.length;
      }
      const run = runCore(genericPage(parts.join('')), 'https://example.com/big');
      expect(textOf(run)).toContain(`Paragraph 0. ${STORY_LINE}`);
      expect(textOf(run)).toContain(`Paragraph ${parts.length - 1}. ${STORY_LINE}`);
      expect(total(run)).toBeLessThan(FULL ? 75_000 : 25_000);
    },
    FULL ? 180_000 : 60_000,
  );

  // Measured: parse 1.1 s, detect 0.1 s, clean + undo 0.3 s, extract 5–7 s. Bound: 25 s.
  it('200,000 nodes in one story', () => {
    const nodes: string[] = [];
    for (let i = 0; i < 200_000; i++) nodes.push(i % 20 === 0 ? para(i) : '<span>x</span>');
    const run = runCore(genericPage(nodes.join('')), 'https://example.com/nodes');
    expect(textOf(run)).toContain(`Paragraph 199980. ${STORY_LINE}`);
    expect(total(run)).toBeLessThan(25_000);
  });

  // Measured: 8.5 MB; parse 1.9 s, detect 0.3 s, clean + undo 1.6 s, extract 3.3 s. Bound: 25 s.
  it(`a classic BBC story with ${count(150_000)} related links (2 nodes each) beside it`, () => {
    const links: string[] = [];
    for (let i = 0; i < scaled(150_000); i++)
      links.push(`<li><a href="/1/hi/world/${i}.stm">Other story ${i}</a></li>`);
    const run = runCore(
      CLASSIC.replace(/<\/body>/i, `<ul>${links.join('')}</ul></body>`),
      CLASSIC_URL,
    );
    expect(run.outcome.kind === 'article' && run.outcome.article.layout).toBe('bbc-classic');
    expect(textOf(run)).toContain(CLASSIC_LEDE);
    expect(textOf(run)).not.toContain('Other story 1');
    expect(total(run)).toBeLessThan(25_000);
  });

  // Measured: parse 0.07 s, extract 0.26 s. Bound: 5 s.
  it('5,000 iframes in a story', () => {
    const inner: string[] = [];
    for (let i = 0; i < 5_000; i++) {
      inner.push(`<iframe src="https://ads.example/${i}" width="300" height="250"></iframe>`);
      if (i % 100 === 0) inner.push(para(i));
    }
    const run = runCore(genericPage(inner.join('')), 'https://example.com/iframes');
    expect(textOf(run)).toContain(`Paragraph 4900. ${STORY_LINE}`);
    expect(textOf(run)).not.toContain('ads.example');
    expect(total(run)).toBeLessThan(5_000);
  });

  it('5,000 iframes in a classic BBC story', () => {
    const frames = '<iframe src="http://ad.doubleclick.net/x"></iframe>'.repeat(5_000);
    const run = runCore(classicWith(frames), CLASSIC_URL);
    expect(textOf(run)).toContain(CLASSIC_LEDE);
    expect(total(run)).toBeLessThan(10_000);
  });
});

describe('depth', { timeout: 120_000 }, () => {
  const nested = (depth: number, tag: string, inner: string) =>
    `<${tag}>`.repeat(depth) + inner + `</${tag}>`.repeat(depth);

  /**
   * The classic story with a chain of `depth` (`open` … `close`) around a paragraph put in its
   * story cell, through the whole core: its lede and that paragraph must still be read.
   */
  const classicChain = (open: string, close: string, depth: number): Run => {
    const run = runCore(
      classicWith(open.repeat(depth) + para(1) + close.repeat(depth)),
      CLASSIC_URL,
    );
    expect(textOf(run)).toContain(CLASSIC_LEDE);
    expect(textOf(run)).toContain(`Paragraph 1. ${STORY_LINE}`);
    return run;
  };

  // Before the depth limit, Readability took 6.5 s at 1,000 levels, 259 s at 5,000 and then
  // overflowed the stack; 50,000 crashed extraction (RangeError). Measured now: parse 2.4 s,
  // detect 0.05 s, clean + undo 0.1 s, extract 0.5 s. Bound: 15 s.
  it('50,000 nested divs around the story', () => {
    const story = [0, 1, 2, 3, 4].map(para).join('');
    const run = runCore(genericPage(nested(50_000, 'div', story)), 'https://example.com/deep');
    for (const i of [0, 4]) expect(textOf(run)).toContain(`Paragraph ${i}. ${STORY_LINE}`);
    expect(total(run)).toBeLessThan(15_000);
  });

  it('50,000 nested inline elements (no block boundary at all)', () => {
    const run = runCore(genericPage(nested(50_000, 'b', STORY_LINE)), 'https://example.com/deep-b');
    expect(run.outcome.kind === 'crash').toBe(false);
    expect(total(run)).toBeLessThan(15_000);
  });

  // Before the fixes (matcherUnder, bbc-classic byline boxes) this took 127 s; measured now:
  // extract 0.3 s at 10,000 levels, about 2 s at 50,000. Bound: 15 s.
  it('50,000 nested divs inside a classic BBC story', () => {
    const run = runCore(classicWith(nested(50_000, 'div', para(1))), CLASSIC_URL);
    expect(textOf(run)).toContain(CLASSIC_LEDE);
    expect(textOf(run)).toContain(`Paragraph 1. ${STORY_LINE}`);
    expect(total(run)).toBeLessThan(15_000);
  });

  // The generic reader keeps the lead picture of an article's <header> (keepFigures): its walk
  // down asked each level for a picture below it, and overflowed the stack after 9 s at 50,000
  // levels (32 s with the checks around it). Measured now: 2.4 s in all. Bound: 15 s.
  it('the lead picture 50,000 levels deep in the article header', () => {
    const figure =
      '<figure><img src="/lead.jpg" alt=""><figcaption>The lead picture</figcaption></figure>';
    const header = `<header>${nested(50_000, 'div', figure)}</header>`;
    const run = runCore(
      genericPage(header + [0, 1, 2].map(para).join('')),
      'https://example.com/deep-header',
    );
    expect(run.outcome.kind).toBe('article');
    if (run.outcome.kind !== 'article') return;
    expect(run.outcome.article.images.map((i) => i.caption)).toEqual(['The lead picture']);
    expect(textOf(run)).toContain(`Paragraph 2. ${STORY_LINE}`);
    expect(total(run)).toBeLessThan(15_000);
  });

  // Before the fixes, 19.8 s: detection and cleanup asked every article for a `main` above it
  // (2.6 s, 6.5 s), and the generic reader asked every article for the articles below it,
  // looking for teasers (10.5 s). Measured now: 0.35 s in all. Bound: 15 s.
  it('20,000 articles nested in one another, the story in the last', () => {
    const story = [0, 1, 2].map(para).join('');
    const articles = nested(
      20_000,
      'article',
      '<h2><a href="/other">Another story</a></h2>' + story,
    );
    const run = runCore(genericPage(articles), 'https://example.com/deep-articles');
    expect(textOf(run)).toContain(`Paragraph 2. ${STORY_LINE}`);
    expect(total(run)).toBeLessThan(15_000);
  });

  // linkedom matches `main#main-content aside` (a bbc.com clutter rule) by climbing from each
  // <aside> to the top of the page, so cleaning asides nested in one another was quadratic (here,
  // with core's cleanPage: clean, twice with undo, 18.4 s). A browser matches it without the climb
  // (Chromium: 0.8 ms for 50,000), and the CLI plans its cleanup on an index of the page, as
  // extraction does (src/node/clean.ts). Measured now: clean (twice, with undo) 0.34 s, extract
  // 0.08 s, parse 0.1 s. Bound: clean 5 s, in all 15 s.
  it('20,000 <aside>s nested in a bbc.com story, cleaned by the CLI', () => {
    const asides = nested(20_000, 'aside', '<p>Explore more</p>');
    const html =
      '<!DOCTYPE html><html lang="en-GB"><head><title>Stress</title>' +
      '<meta property="og:site_name" content="BBC News"></head><body>' +
      `<main id="main-content"><article><h1>Stress</h1><div data-component="text-block">${para(1)}</div></article>` +
      `${asides}</main></body></html>`;
    const run = runCore(html, 'https://www.bbc.com/news/world-00000000', cleanParsedPage);
    expect(run.outcome.kind).toBe('article');
    if (run.outcome.kind !== 'article') return;
    expect(run.outcome.article.layout).toBe('bbc-modern');
    expect(textOf(run)).toBe(`Paragraph 1. ${STORY_LINE}`);
    expect(run.ms.clean).toBeLessThan(5_000);
    expect(total(run)).toBeLessThan(15_000);
  });

  // Each figure's picture was asked of the figure, a walk down to it for every one of figures
  // nested in one another: 41 s in all (extract 39 s). One walk now gives every figure its first
  // picture. Measured now: 2.4 s in all (parse 1.6 s, extract 0.3 s). Bound: 15 s.
  it('50,000 figures nested in one another around a picture', () => {
    const figures = nested(50_000, 'figure', '<img src="/deep.jpg" alt="Deep down">');
    const run = runCore(
      genericPage(figures + [0, 1, 2].map(para).join('')),
      'https://example.com/deep-figures',
    );
    expect(run.outcome.kind).toBe('article');
    if (run.outcome.kind !== 'article') return;
    expect(run.outcome.article.images.map((i) => i.alt)).toEqual(['Deep down']);
    expect(textOf(run)).toContain(`Paragraph 2. ${STORY_LINE}`);
    expect(total(run)).toBeLessThan(15_000);
  });

  // Past MAX_READABILITY_DEPTH a page is read whole, and the whole-page reading looks at each
  // element's subtree once per level: a picture's caption box, a paragraph's pictures, the
  // declared article's share of the paragraphs. Before the page was flattened below that depth
  // (generic-depth.ts) and paragraphs in paragraphs counted once (generic-scope.ts), 20,000
  // levels took 348 s (caption tables), 48 s (<p><em>) and 15 s (caption divs). Measured now, at
  // the sizes here: extract 0.35 s, 0.46 s, 0.73 s; parse 1.9 s, 4.9 s, 1.7 s. Bound: extract
  // 5 s, in all 30 s.
  const deepCases: [string, string, string][] = [
    [
      '20,000 picture-caption tables nested in one another',
      '<table class="tr-caption-container"><tr><td>',
      '</td></tr></table>',
    ],
    ['50,000 levels of <p><em>', '<p><em>', '</em></p>'],
    ['50,000 caption boxes nested in one another', '<div class="caption">', '</div>'],
  ];
  for (const [name, open, close] of deepCases) {
    it(name, () => {
      const depth = name.startsWith('20,000') ? 20_000 : 50_000;
      const chain =
        open.repeat(depth) +
        '<img src="/deep.jpg" alt="Deep down">Last words' +
        close.repeat(depth);
      const run = runCore(
        genericPage(chain + [0, 1, 2].map(para).join('')),
        'https://example.com/deep-captions',
      );
      expect(run.outcome.kind).toBe('article');
      if (run.outcome.kind !== 'article') return;
      expect(textOf(run)).toContain(`Paragraph 0. ${STORY_LINE}`);
      expect(textOf(run)).toContain(`Paragraph 2. ${STORY_LINE}`);
      expect(run.outcome.article.images.map((i) => i.alt)).toContain('Deep down');
      expect(run.ms.extract).toBeLessThan(5_000);
      expect(total(run)).toBeLessThan(30_000);
    });
  }

  // A figure that shows several pictures is read as a gallery, each picture with its own figure's
  // caption: looked for once, in the outermost figure, and in one walk of it. Measured at 20,000:
  // figures nested in one another, each with a picture and a caption, parse 0.6 s and extract
  // 1.1 s; one figure of as many pictures, parse 0.2 s and extract 4.4 s. Bound: 15 s.
  const pictures = scaled(20_000);
  const last = pictures - 1;
  const galleries: [string, string, string, string][] = [
    [
      `${count(20_000)} figures nested in one another, each with a picture and a caption`,
      Array.from(
        { length: pictures },
        (_, i) =>
          `<figure><img src="/p${i}.jpg" alt="Picture ${i}"><figcaption>Caption ${i}</figcaption>`,
      ).join('') + '</figure>'.repeat(pictures),
      `Picture ${last}`,
      `Caption ${last}`,
    ],
    [
      `a figure of ${count(20_000)} pictures`,
      '<figure>' +
        Array.from(
          { length: pictures },
          (_, i) => `<div><img src="/q${i}.jpg" alt="Photo ${i}"></div>`,
        ).join('') +
        '<figcaption>All of them</figcaption></figure>',
      `Photo ${last}`,
      'All of them',
    ],
  ];
  for (const [name, gallery, alt, caption] of galleries) {
    it(name, () => {
      const run = runCore(
        genericPage(gallery + [0, 1, 2].map(para).join('')),
        'https://example.com/deep-gallery',
      );
      expect(run.outcome.kind).toBe('article');
      if (run.outcome.kind !== 'article') return;
      const { images } = run.outcome.article;
      expect(images).toHaveLength(pictures);
      expect(images.at(-1)).toMatchObject({ alt, caption });
      expect(textOf(run)).toContain(`Paragraph 2. ${STORY_LINE}`);
      expect(textOf(run)).not.toContain(caption);
      expect(total(run)).toBeLessThan(15_000);
    });
  }

  // Cleanup asked each finding whether an element it had taken held it, and the directive step
  // asked each hinted text whether a script held it, each by a climb to the top of the page: on a
  // BBC page with directives nested in one another, that was quadratic (10,000: 12 s to clean a
  // bbc.com story in linkedom; 20,000 in the classic story here: clean 37 s, extract 17 s). Both
  // climbs now stop at the first element an earlier one passed (dom.ts, withinWhere). Measured
  // now: clean (twice, with undo) 0.7 s, extract 0.25 s, parse 0.35 s. Bound: clean 5 s, in all
  // 15 s.
  it('20,000 broken directives, each in a <div> of the one before, in a classic BBC story', () => {
    const directive = '[an error occurred while processing this directive]';
    const run = classicChain(`<div>${directive}`, '</div>', 20_000);
    expect(textOf(run)).not.toContain('an error occurred');
    expect(run.ms.clean).toBeLessThan(5_000);
    expect(total(run)).toBeLessThan(15_000);
  });

  // The directive step looks for text outside scripts, styles and <noscript>s, and asked each one
  // it met whether it lay inside the last one kept (`contains()`, a climb): linkedom parses a
  // <noscript>'s markup into elements, so a chain of them nested was quadratic (50,000 in the
  // classic story here: clean 10.8 s, extract 4.7 s). Measured now: clean (twice, with undo)
  // 1.6 s, extract 0.3 s, parse 3.5 s. Bound: clean 5 s, in all 15 s.
  it('50,000 <noscript> pictures, each in a <div> of the one before, in a classic BBC story', () => {
    const run = classicChain(
      '<div><noscript><img src="/n.jpg" alt=""></noscript>',
      '</div>',
      50_000,
    );
    expect(run.ms.clean).toBeLessThan(5_000);
    expect(total(run)).toBeLessThan(15_000);
  });

  // Share-tools judges each box on a share link's way up by walking all below it, so a chain of
  // share boxes was judged in time growing with its square (here: clean, twice with undo, 132 s,
  // in linkedom; Chromium's parser nests no deeper than 512 levels, so on page load only a tree a
  // page's script builds goes deeper). The walk now stops past the most a share bar shows besides
  // its links. Measured now: clean (twice, with undo) 1.6 s, extract 0.75 s, parse 0.85 s. Bound:
  // clean 5 s, in all 15 s.
  it('20,000 share boxes, each in the one before, in a classic BBC story', () => {
    const box =
      '<div class="share"><a href="https://twitter.com/intent/tweet?url=1">Tweet</a>' +
      '<a href="https://www.facebook.com/sharer.php?u=1">Share</a>';
    const run = classicChain(box, '</div>', 20_000);
    expect(run.ms.clean).toBeLessThan(5_000);
    expect(total(run)).toBeLessThan(15_000);
  });

  // An ESI element is hidden when it holds no text, and each one's text was read whole
  // (`textContent`), so a chain of them was read in time growing with its square (here: clean,
  // twice with undo, 36.4 s; extract 27.1 s). Each walk now stops at the ESI element inside it,
  // already judged. Measured now: clean (twice, with undo) 0.53 s, extract 0.23 s, parse 1.1 s.
  // Bound: clean 5 s, in all 15 s.
  it('50,000 ESI elements, each in the one before, around a paragraph of the story', () => {
    const run = classicChain('<esi:try>', '</esi:try>', 50_000);
    expect(run.ms.clean).toBeLessThan(5_000);
    expect(total(run)).toBeLessThan(15_000);
  });

  // A table is read as data only when no cell holds blocks (a table among them), and each cell's
  // text was read before that test: a chain of tables, each in a cell of the one before, was read
  // in time growing with its square by a BBC reader (16,000 in the classic story: extract 80 s).
  // Measured now: extract 0.19 s, clean (twice, with undo) 0.44 s, parse 0.5 s. Bound: extract
  // 5 s, in all 15 s.
  it('20,000 tables, each in a cell of the one before, in a classic BBC story', () => {
    const run = classicChain('<table><tr><td>', '</td></tr></table>', 20_000);
    expect(run.ms.extract).toBeLessThan(5_000);
    expect(total(run)).toBeLessThan(15_000);
  });

  // Cleanup asks of each finding whether it lies in an element taken before, remembering what
  // the climbs passed; a "no" was believed only until anything more was taken, so each of a chain
  // of ad frames, each in a <div> of the one before, climbed to the top (here: clean, twice with
  // undo, 23.8 s; extract 12.9 s). A "no" now holds until something is taken at its depth or
  // above. Measured now: clean (twice, with undo) 0.66 s, extract 0.21 s, parse 0.35 s. Bound:
  // clean 5 s, in all 15 s.
  it('20,000 ad frames, each in a <div> of the one before, in a classic BBC story', () => {
    const frame = '<div><iframe src="https://ad.doubleclick.net/slot"></iframe>';
    const run = classicChain(frame, '</div>', 20_000);
    expect(run.ms.clean).toBeLessThan(5_000);
    expect(total(run)).toBeLessThan(15_000);
  });

  // Lists are read nested to MAX_LIST_LEVEL, each level a call; deeper ones as text. Without
  // that bound this overflowed the stack. Measured: parse 0.7 s, clean + undo 0.5 s, extract
  // 0.2 s (linkedom takes 10 s to parse 50,000 levels, so 10,000 here). Bound: 15 s.
  it('10,000 nested lists inside a classic BBC story', () => {
    const lists = '<ul><li>item'.repeat(10_000) + '</li></ul>'.repeat(10_000);
    const run = runCore(classicWith(para(1) + lists), CLASSIC_URL);
    expect(run.outcome.kind === 'crash').toBe(false);
    expect(textOf(run)).toContain(`Paragraph 1. ${STORY_LINE}`);
    expect(textOf(run)).toContain('item item item');
    expect(total(run)).toBeLessThan(15_000);
  });

  // Formulas are read as text before Readability runs, one replacement each (src/core/math.ts).
  // Measured: 20,000 formulas of seven elements each, and one formula of 100 nested formulas
  // (200 levels, below the depth at which a page is read whole, MAX_READABILITY_DEPTH): parse
  // 1.0 s, extract 4.5 s (1.6 s with the formulas as plain text: the page's elements, not their
  // reading, cost the rest; formulasAsText is 5% of it). Bound: 15 s.
  it(`${count(20_000)} formulas in a story, and formulas nested in formulas`, () => {
    const formula = (i: number) =>
      `<math><msup><mi>x</mi><mn>${i % 10}</mn></msup><mo>+</mo><mfrac><mn>1</mn><mi>y</mi></mfrac></math>`;
    const many = Array.from(
      { length: scaled(20_000) },
      (_, i) => `<p>Step ${i}: ${formula(i)} holds.</p>`,
    );
    const nestedMath = '<math><mrow>'.repeat(100) + '<mi>z</mi>' + '</mrow></math>'.repeat(100);
    const run = runCore(
      genericPage(para(0) + many.join('') + `<p>${nestedMath}</p>` + para(1)),
      'https://example.com/formulas',
    );
    expect(textOf(run)).toContain('Step 0: x⁰ + 1/y holds.');
    expect(textOf(run)).toMatch(/^z$/m);
    expect(textOf(run)).toContain(`Paragraph 1. ${STORY_LINE}`);
    expect(total(run)).toBeLessThan(15_000);
  });

  // JSON.parse takes any depth; reading a value of it by recursion overflowed the stack at
  // 10,000 levels (a headline, an author, a fact-check's claim: metadata.ts's firstString).
  // Measured: 0.1 s. Bound: 5 s.
  it('JSON-LD values nested 100,000 arrays deep', () => {
    const deep = (value: string) =>
      '['.repeat(100_000) + JSON.stringify(value) + ']'.repeat(100_000);
    const ld = [
      `{"@type":"NewsArticle","headline":${deep('The headline, deep down')}}`,
      `{"@type":"ClaimReview","claimReviewed":${deep('The claim, deep down')}}`,
    ];
    const html = genericPage(para(1)).replace(
      '</head>',
      `${ld.map((l) => `<script type="application/ld+json">${l}</script>`).join('')}</head>`,
    );
    const run = runCore(html, 'https://example.com/deep-ld');
    expect(run.outcome.kind).toBe('article');
    if (run.outcome.kind !== 'article') return;
    expect(run.outcome.article.factChecks.map((f) => f.claim)).toEqual(['The claim, deep down']);
    expect(textOf(run)).toContain(STORY_LINE);
    expect(total(run)).toBeLessThan(5_000);
  });

  it(`just past the Readability limit (${MAX_READABILITY_DEPTH + 1} levels): read whole, quickly`, () => {
    const story = [0, 1].map(para).join('');
    const run = runCore(
      genericPage(nested(MAX_READABILITY_DEPTH + 1, 'div', story)),
      'https://example.com/limit',
    );
    expect(textOf(run)).toContain(`Paragraph 1. ${STORY_LINE}`);
    expect(run.ms.extract).toBeLessThan(3_000);
  });
});

describe('page-sized lists where the core reads lists', { timeout: 120_000 }, () => {
  // Each overflowed the call stack through `push(...list)` before the fix (commit "no spread of
  // page-sized lists").
  // Measured: 0.3 s. Bound: 10 s.
  it('a JSON-LD array of 200,000 entries', () => {
    const entries = Array.from({ length: 200_000 }, (_, i) => `{"@type":"Thing","n":${i}}`);
    const html = genericPage(para(1)).replace(
      '</head>',
      `<script type="application/ld+json">[${entries.join(',')}]</script></head>`,
    );
    const run = runCore(html, 'https://example.com/ld');
    expect(textOf(run)).toContain(STORY_LINE);
    expect(total(run)).toBeLessThan(10_000);
  });

  // Measured (200,000, 7.6 MB of directives): parse 4.2 s, clean 3.4 s, extract 8.7 s, alone on
  // the machine. Bound: 60 s.
  it(`${count(200_000)} escaped server-side include directives in one run of text`, () => {
    const leaked = '&lt;!--#include virtual="/x.inc" --&gt;'.repeat(scaled(200_000));
    const run = runCore(classicWith(`<p>${leaked}</p>`), CLASSIC_URL);
    expect(textOf(run)).toContain(CLASSIC_LEDE);
    expect(textOf(run)).not.toContain('#include');
    expect(total(run)).toBeLessThan(60_000);
  }, 120_000);

  // The directive step gives its text cuts and its ESI tags in one list, in document order, and
  // sorted them by compareDocumentPosition: a call into the DOM per comparison, each walking the
  // tags' shared list of siblings (here: clean, twice with undo, 33.4 s; extract 17.7 s; in
  // Chromium the sort alone took 0.6 s). One walk now numbers them. Measured now: clean (twice,
  // with undo) 0.43 s, extract 0.07 s, parse 0.08 s. Bound: clean 5 s, in all 15 s.
  it('20,000 empty ESI tags beside a directive in a classic BBC story', () => {
    const tags = '<esi:include src="/fragment"></esi:include>'.repeat(20_000);
    const run = runCore(classicWith(tags), CLASSIC_URL);
    expect(textOf(run)).toContain(CLASSIC_LEDE);
    expect(textOf(run)).not.toContain('an error occurred');
    expect(run.ms.clean).toBeLessThan(5_000);
    expect(total(run)).toBeLessThan(15_000);
  });

  // Measured: parse 1.1 s, clean 2.2 s, extract 3.4 s. Bound: 30 s.
  it(`${count(200_000)} elements between Wayback toolbar markers`, () => {
    const html = genericPage(para(1)).replace(
      '<body>',
      `<body><!-- BEGIN WAYBACK TOOLBAR INSERT -->${'<div>toolbar</div>'.repeat(scaled(200_000))}<!-- END WAYBACK TOOLBAR INSERT -->`,
    );
    const run = runCore(
      html,
      'https://web.archive.org/web/20200101000000/https://example.com/story',
    );
    expect(textOf(run)).toContain(STORY_LINE);
    expect(total(run)).toBeLessThan(30_000);
  });
});
