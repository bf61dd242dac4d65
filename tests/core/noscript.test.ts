/**
 * Pictures kept in `<noscript>`, read alike whichever way the page was parsed: as elements (the
 * CLI's linkedom, a browser with scripting off) or as one text (a browser with scripting on,
 * every reader's). jsdom parses `<noscript>` as text when it runs scripts, as a browser does, so
 * the scripting-on pages here are jsdom's; they hold no scripts of their own.
 */
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/core';
import {
  decodeAttributeValue,
  imgTagsIn,
  noscriptImagesAsElements,
  noscriptText,
} from '../../src/core/noscript';
import { parseHtml } from '../../src/node/load';

const URL = 'https://example.org/2024/05/a-story';

/** `html` as a browser with scripting on parses it. */
function scriptingOn(html: string): Document {
  return new JSDOM(html, { url: URL, runScripts: 'dangerously' }).window.document;
}

describe('imgTagsIn', () => {
  it("reads each <img> tag's attributes: quoted either way or bare, names in lower case", () => {
    const tags = imgTagsIn(
      `<span><IMG SRC="a.jpg" alt='It said "no" > yes' width=640 loading></span><img src=b.png>`,
    );
    expect(tags.map((t) => Object.fromEntries(t))).toEqual([
      { src: 'a.jpg', alt: 'It said "no" > yes', width: '640', loading: '' },
      { src: 'b.png' },
    ]);
  });

  it('resolves character references in values, and keeps the first of two same-named', () => {
    const [tag] = imgTagsIn(
      '<img src="/p.jpg?w=1&amp;h=2" alt="Rock &#x27;n&#39; roll &copy; &#0;" src="second.jpg">',
    );
    expect(tag?.get('src')).toBe('/p.jpg?w=1&h=2');
    // Only the references markup in the wild writes in attributes are resolved; others stay.
    expect(tag?.get('alt')).toBe("Rock 'n' roll &copy; &#0;");
  });

  it('finds nothing in text without an <img> tag', () => {
    expect(imgTagsIn('<picture><source srcset="a.webp"></picture> an image')).toEqual([]);
    expect(imgTagsIn('imgs <imgur>')).toEqual([]);
  });

  it('decodes a value with references side by side, and a number past Unicode as written', () => {
    expect(decodeAttributeValue('&lt;b&gt;&quot;x&quot;&apos;&#128512;&#x110000;')).toBe(
      `<b>"x"'😀&#x110000;`,
    );
  });
});

describe('noscriptImagesAsElements', () => {
  const figure =
    '<figure><img src="placeholder.gif" class="lazy"><noscript><img src="photo.jpg" alt="A photo" width="800"></noscript></figure>';

  it("gives a browser's text-only <noscript> the <img> elements its text writes", () => {
    const doc = scriptingOn(`<body>${figure}</body>`);
    const noscript = doc.querySelector('noscript')!;
    // The browser's parse: one text node, the markup as written.
    expect(noscriptText(noscript)).toBe('<img src="photo.jpg" alt="A photo" width="800">');
    noscriptImagesAsElements(doc.body);
    const img = noscript.querySelector('img');
    expect(img?.getAttribute('src')).toBe('photo.jpg');
    expect(img?.getAttribute('alt')).toBe('A photo');
    expect(img?.getAttribute('width')).toBe('800');
    expect(noscript.childNodes).toHaveLength(1);
  });

  it('leaves a <noscript> alone that holds words, or elements (a parse with scripting off)', () => {
    const words = scriptingOn(
      '<body><noscript><p>Turn on JavaScript to see</p><img src="x.jpg"></noscript></body>',
    );
    const before = words.body.innerHTML;
    noscriptImagesAsElements(words.body);
    expect(words.body.innerHTML).toBe(before);

    const off = parseHtml(`<html><body>${figure}</body></html>`);
    const serialized = off.body.outerHTML;
    expect(noscriptText(off.querySelector('noscript')!)).toBeNull();
    noscriptImagesAsElements(off.body);
    expect(off.body.outerHTML).toBe(serialized);
  });
});

describe('a lazy-loading page read in a browser and in the CLI', () => {
  // As Medium and The Verge write them: a tiny blurred placeholder, the photo in <noscript>.
  const page = `<!doctype html><html lang="en"><head><title>Night trains return to Europe</title></head><body>
    <article><h1>Night trains return to Europe</h1>
    <p>Sleeper services that closed a decade ago are running again, and this time they are full.
    Operators say demand has doubled since the routes reopened, with most berths sold weeks ahead.</p>
    <figure><img src="https://cdn.example.org/max/60/train.jpg?q=20" width="60"><noscript><img src="https://cdn.example.org/max/2000/train.jpg" alt="A sleeper train at dawn"></noscript>
    <figcaption>The Vienna to Brussels sleeper</figcaption></figure>
    <p>The new trains have private cabins with showers, and passengers can bring bicycles on board.
    Tickets cost less than a night in a hotel, which is why many travellers now choose them.</p>
    <p>Rail companies plan six more routes by next year, including lines to Barcelona and Rome.
    Governments have promised money for new carriages as part of their climate plans.</p>
    </article></body></html>`;

  it('gives the photo, not the placeholder, either way', () => {
    const cli = extractArticle(parseHtml(page), URL);
    const browser = extractArticle(scriptingOn(page), URL);
    expect(cli.images.map((i) => i.src)).toEqual(['https://cdn.example.org/max/2000/train.jpg']);
    expect(browser.images).toEqual(cli.images);
    expect(browser.body).toEqual(cli.body);
  });

  it('leaves the page itself as it was (the pictures are made on the private copy)', () => {
    const doc = scriptingOn(page);
    const before = doc.documentElement.outerHTML;
    extractArticle(doc, URL);
    expect(doc.documentElement.outerHTML).toBe(before);
  });
});

describe('a hostile <noscript>', () => {
  it('is not read when longer than any picture fallback: its tags cost time squared', () => {
    const hostile = '<img "'.repeat(200_000);
    const started = performance.now();
    expect(imgTagsIn(hostile)).toEqual([]);
    const doc = scriptingOn('<body><noscript></noscript></body>');
    doc.querySelector('noscript')!.textContent = hostile;
    noscriptImagesAsElements(doc.body);
    expect(noscriptText(doc.querySelector('noscript')!)).toBe(hostile);
    // Read, the text would take minutes; refused, it takes nothing.
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});
