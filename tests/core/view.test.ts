/**
 * Reading through a cleanup mask (src/core/view.ts, src/core/query-index.ts `maskDocument`): what a
 * reader sees of the masked page is what it would see of a copy cleaned in `remove` mode, and
 * the readers read only through the view, so that this holds on every page, not just the ones
 * tested.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { descendantsTagged } from '../../src/core/blocks';
import { copyWithout } from '../../src/core/clean';
import { queryAll, queryOne } from '../../src/core/query';
import { indexDocument, maskDocument } from '../../src/core/query-index';
import {
  childrenOf,
  dataOf,
  firstChildOf,
  lastChildOf,
  nextElementSiblingOf,
  nextSiblingOf,
  previousElementSiblingOf,
  spacedText,
  textContentOf,
} from '../../src/core/view';
import { parseHtml } from '../../src/node/load';
import type { RemovalKind } from '../../src/core/types';
import { planTaking } from '../helpers/plan';

const HTML =
  '<!doctype html><html><head><title>t</title></head><body><div id="story">' +
  '<p id="p1">[an error occurred while processing this directive]First.</p>' +
  '<div id="promo" class="box"><p class="inner">Promo</p></div>' +
  '<p id="p2">Second <span id="ad">AD</span>end.</p>' +
  '</div></body></html>';

function masked() {
  const doc = parseHtml(HTML);
  const text = doc.getElementById('p1')!.firstChild as Text;
  const taken = new Map<Element, RemovalKind>([
    [doc.getElementById('promo')!, 'promo'],
    [doc.getElementById('ad')!, 'ad'],
  ]);
  const plan = planTaking(taken, new Map([[text, 'First.']]));
  return { doc, plan, text };
}

describe('a masked page reads like its cleaned copy', () => {
  it('text, children and queries leave out what the mask takes, and make its cuts', () => {
    const { doc, plan, text } = masked();
    const copy = copyWithout(doc, plan as never);
    const index = indexDocument(doc);
    const mask = maskDocument(doc, plan);
    try {
      const story = doc.getElementById('story')!;
      expect(textContentOf(story)).toBe(copy.getElementById('story')!.textContent);
      expect(textContentOf(story)).toBe('First.Second end.');
      expect(dataOf(text)).toBe('First.');
      expect(childrenOf(story).map((e) => e.id)).toEqual(['p1', 'p2']);
      expect(nextElementSiblingOf(doc.getElementById('p1')!)?.id).toBe('p2');
      expect(previousElementSiblingOf(doc.getElementById('p2')!)?.id).toBe('p1');
      const p2 = doc.getElementById('p2')!;
      const kids: string[] = [];
      for (let c = firstChildOf(p2); c; c = nextSiblingOf(c)) kids.push(c.textContent ?? '');
      expect(kids).toEqual(['Second ', 'end.']);
      expect(lastChildOf(p2)?.textContent).toBe('end.');
      expect(queryAll(doc, 'p').map((p) => p.id)).toEqual(['p1', 'p2']);
      expect(queryOne(doc, '.inner')).toBeNull();
      expect(queryAll(doc.getElementById('promo')!, 'p')).toEqual([]);
      expect(descendantsTagged(story, new Set(['p', 'span'])).map((e) => e.id)).toEqual([
        'p1',
        'p2',
      ]);
      expect(spacedText(story, () => false)).toBe(' First. Second end.');
    } finally {
      mask.release();
      index.release();
    }
  });

  it('is the plain DOM again once released, and never changed the page', () => {
    const { doc, plan } = masked();
    const before = doc.toString();
    const index = indexDocument(doc);
    maskDocument(doc, plan).release();
    index.release();
    const story = doc.getElementById('story')!;
    expect(textContentOf(story)).toBe(story.textContent);
    expect(childrenOf(story)).toHaveLength(3);
    expect(queryAll(doc, 'p')).toHaveLength(3);
    expect(descendantsTagged(story, new Set(['p', 'span']))).toHaveLength(4);
    expect(doc.toString()).toBe(before);
  });

  it('needs an index and allows one mask at a time', () => {
    const { doc, plan } = masked();
    expect(() => maskDocument(doc, plan)).toThrow(/not indexed/);
    const index = indexDocument(doc);
    const mask = maskDocument(doc, plan);
    expect(() => maskDocument(doc, plan)).toThrow(/already/);
    mask.release();
    index.release();
  });
});

/**
 * The files that read pages under the mask. Reading `textContent`, a text node's `data` or a child
 * pointer directly would see what cleanup took; they go through src/core/view.ts instead. Comment
 * nodes' `data` is allowed (cuts only touch text nodes).
 */
const READERS = [
  'src/sites/bbc-classic.ts',
  'src/sites/bbc-story-body.ts',
  'src/sites/bbc-modern.ts',
  'src/sites/bbc-parts.ts',
  'src/core/blocks.ts',
  'src/core/metadata.ts',
  'src/core/dom.ts',
];
const RAW_READ =
  /\.(?:textContent|innerText|childNodes|children|firstChild|lastChild|nextSibling|previousSibling|firstElementChild|lastElementChild|nextElementSibling|previousElementSibling)\b|as (?:Text|CharacterData)\)\.data\b/;

describe('spacedText', () => {
  const read = (html: string, skip: (el: Element) => boolean = () => false) =>
    spacedText(
      parseHtml(`<!doctype html><body><div>${html}</div></body>`).querySelector('div')!,
      skip,
    );

  it("runs a parser's pieces of one text together, as a browser has them", () => {
    const doc = parseHtml(
      `<!doctype html><body><p>Mr McKinnon&#039;s &quot;zombified&quot; son</p>`,
    );
    const p = doc.querySelector('p')!;
    expect(p.childNodes.length).toBeGreaterThan(1); // linkedom: one node per entity
    expect(spacedText(p, () => false)).toBe(' Mr McKinnon\'s "zombified" son');
  });

  it('spaces where elements end, not inside words or before punctuation', () => {
    expect(read('<h2>More on this story</h2><a href="/a">Is it <b>w</b>orse?</a>')).toBe(
      ' More on this story Is it worse?',
    );
    expect(read('<span>Published</span><time>4 days ago</time><span>Live</span>.')).toBe(
      ' Published 4 days ago Live.',
    );
  });

  it('leaves out what `skip` says, the element itself too', () => {
    const skipSpan = (el: Element) => el.tagName === 'SPAN';
    expect(read('Photo<span>EPA</span> caption', skipSpan)).toBe(' Photo caption');
    expect(read('text', (el) => el.tagName === 'DIV')).toBe('');
  });

  it('stops once the text is longer than enough, and reads all of it otherwise', () => {
    const items = Array.from({ length: 5_000 }, (_, i) => `<li>word${i}</li>`).join('');
    const ul = parseHtml(`<!doctype html><body><ul>${items}</ul></body>`).querySelector('ul')!;
    const whole = spacedText(ul, () => false);
    expect(whole).toContain('word4999');
    const part = spacedText(ul, () => false, 600);
    expect(part.length).toBeLessThan(whole.length / 2);
    expect(whole.startsWith(part)).toBe(true);
    expect(part.replace(/\s+/g, ' ').trim().length).toBeGreaterThan(600);
  });
});

describe('site readers read through the view', () => {
  it.each(READERS)('%s has no direct text or child read', (file) => {
    const source = readFileSync(resolve(import.meta.dirname, '../..', file), 'utf8');
    const raw = source
      .split('\n')
      .map((line, i) => [i + 1, line.replace(/\/\/.*$/, '')] as const)
      .filter(([, line]) => !/^\s*\*/.test(line) && RAW_READ.test(line))
      .map(([n, line]) => `${n}: ${line.trim()}`);
    expect(raw).toEqual([]);
  });
});
