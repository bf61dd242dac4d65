/**
 * Where the block reader finds a picture's address: its `src`, else where a lazy-loading page
 * keeps it while `src` holds a placeholder (thesun.co.uk, kinja's readability-test-pages
 * lazy-image-2, msn.com's GIF and JSON settings), the biggest of a `srcset`.
 */
import { describe, expect, it } from 'vitest';
import { largestInSrcset, readBlocks } from '../../src/core/blocks';
import { resolveHref } from '../../src/core/archive';
import { parseHtml } from '../../src/node/load';

function sources(html: string): (string | null)[] {
  const doc = parseHtml(`<!doctype html><html><body><div id="root">${html}</div></body></html>`);
  return readBlocks(doc.getElementById('root')!, {
    resolve: (href) => resolveHref(href, 'https://news.example/story'),
  }).map((b) => (b.type === 'image' ? b.src : null));
}

const PIXEL = 'data:image/gif;base64,R0lGODlhAQABAAAAACH5BAEKAAEALAAAAAABAAEAAAICTAEAOw==';

describe('a picture’s address', () => {
  it('is its src when that is a web address, lazy attributes or not', () => {
    expect(sources('<figure><img src="/a.jpg" data-src="/big.jpg"></figure>')).toEqual([
      'https://news.example/a.jpg',
    ]);
  });

  it('is none for a counter of one pixel, but a lazy photo sized so keeps its loader’s', () => {
    // AP's hosted stories: a 1×1 counter under the headline, alone in its <div>.
    expect(
      sources(
        '<div><img src="http://analytics.apnewsregistry.com/analytics/v2/image.svc/AP/RWS/a" ' +
          'height="1" width="1" alt=""></div><figure><img src="/t.gif" width="0" height="0"></figure>' +
          `<figure><img src="${PIXEL}" width="1" height="1" data-src="/photo.jpg"></figure>` +
          '<figure><img src="/thin-rule.png" width="600" height="1"></figure>',
      ),
    ).toEqual(['https://news.example/photo.jpg', 'https://news.example/thin-rule.png']);
  });

  it('is where a lazy loader keeps it when src is a placeholder', () => {
    expect(
      sources(
        `<figure><img src="${PIXEL}" data-src="/photo.jpg"></figure>` +
          `<figure><img src="data:image/svg+xml,%3Csvg%3E%3C/svg%3E" data-original="/b.jpg"></figure>` +
          `<figure><img src="${PIXEL}" data-srcset="/s.jpg 320w, /m.jpg 640w, /l.jpg 1280w"></figure>`,
      ),
    ).toEqual([
      'https://news.example/photo.jpg',
      'https://news.example/b.jpg',
      'https://news.example/l.jpg',
    ]);
  });

  it('is where a lazy loader keeps it when src is a GIF, the placeholder such loaders park there', () => {
    const msn =
      `{"default":{"load":"default","w":"80","h":"53","src":"//img.example/photo.img?h=533&amp;w=799"},` +
      `"size3column":{"src":"//img.example/small.img"}}`;
    expect(
      sources(
        `<figure><img src="https://cdn.example/sc/9b/e151e5.gif" data-src='${msn}'></figure>` +
          `<figure><img src="/preloaderbig.gif" data-src="/photo.jpg"></figure>` +
          // A GIF with no other address, or only another GIF, stays: it may be the picture.
          `<figure><img src="/map.gif"></figure>` +
          `<figure><img src="/anim.gif" data-src="/anim-large.gif"></figure>`,
      ),
    ).toEqual([
      'https://img.example/photo.img?h=533&w=799',
      'https://news.example/photo.jpg',
      'https://news.example/map.gif',
      'https://news.example/anim.gif',
    ]);
  });

  it('is no picture when nothing names a web address', () => {
    expect(sources(`<figure><img src="${PIXEL}" alt="Nothing"></figure>`)).toEqual([]);
  });
});

describe('largestInSrcset', () => {
  it('takes the widest or densest candidate, wherever it stands', () => {
    expect(largestInSrcset('a.jpg 800w, b.jpg 320w')).toBe('a.jpg');
    expect(largestInSrcset('a.jpg, b.jpg 2x')).toBe('b.jpg');
    expect(largestInSrcset('only.jpg')).toBe('only.jpg');
    expect(largestInSrcset('')).toBeNull();
    expect(largestInSrcset(null)).toBeNull();
  });

  it('keeps the commas inside an address (kinja: c_fill,f_auto,…)', () => {
    expect(
      largestInSrcset(
        'https://i.kinja-img.com/upload/c_fill,f_auto,w_80/x.jpg 80w, ' +
          'https://i.kinja-img.com/upload/c_scale,f_auto,w_800/x.jpg 800w',
      ),
    ).toBe('https://i.kinja-img.com/upload/c_scale,f_auto,w_800/x.jpg');
  });
});

describe('the pictures of a paragraph without text', () => {
  it('are every picture in it, each once', () => {
    expect(
      sources(
        '<p><img src="/a.jpg" alt="A"> <img src="/b.jpg" alt="B"><br><a href="/c-big.jpg"><img src="/c.jpg"></a></p>' +
          // A lazy loader's placeholder with the picture's address, and the <noscript> copy.
          `<p><img src="${PIXEL}" data-src="/d.jpg" alt="D"><img src="/d.jpg" alt="D"></p>` +
          // Hidden: not a picture the reader sees.
          '<p><img src="/e.jpg"><img src="/f.jpg" hidden></p>',
      ),
    ).toEqual([
      'https://news.example/a.jpg',
      'https://news.example/b.jpg',
      'https://news.example/c.jpg',
      'https://news.example/d.jpg',
      'https://news.example/e.jpg',
    ]);
  });

  it('are none that each link to another page, when there are several: a row of teasers', () => {
    expect(
      sources(
        '<p><a href="/2016/pie/"><img src="/pie-pin.jpg"></a> <a href="/2015/jam/"><img src="/jam-pin.jpg"></a></p>' +
          // One picture linking to a page is the story's; so are pictures linking to their files.
          '<p><a href="/2016/pie/"><img src="/pie.jpg"></a></p>' +
          '<p><a href="/g.jpg"><img src="/g-small.jpg"></a><a href="/h.jpg"><img src="/h-small.jpg"></a></p>',
      ),
    ).toEqual([
      'https://news.example/pie.jpg',
      'https://news.example/g-small.jpg',
      'https://news.example/h-small.jpg',
    ]);
  });
});

describe('the pictures of a paragraph of text', () => {
  it('are read before it when they open it and after it when they close it', () => {
    expect(
      sources(
        '<p><img class="alignleft" src="/lead.jpg" width="300">The story begins here.</p>' +
          '<p>The paragraph ends with a photo.<br><a href="/end-big.jpg"><img src="/end.jpg"></a></p>' +
          '<p><img src="/gif.gif"><br>A caption the page prints under it.</p>',
      ),
    ).toEqual([
      'https://news.example/lead.jpg',
      null,
      null,
      'https://news.example/end.jpg',
      'https://news.example/gif.gif',
      null,
    ]);
  });

  it('on lines of their own inside it, cut it into the paragraphs around them', () => {
    // remember8090.it: offers in one <p>, each its name, its link and its photo on lines of their own.
    const doc = parseHtml(
      '<!doctype html><html><body><div id="root"><p>1) A racing track<br>' +
        '<a href="https://amzn.example/1">amzn.example/1</a><br><strong><a href="/1.jpg">' +
        '<img src="/1-300x300.jpg" width="300" height="300" alt=""></a></strong><br>' +
        '2) A box of films<br><a href="https://amzn.example/2">amzn.example/2</a><br>' +
        '<img src="/2-300x300.jpg" width="300" height="300" alt=""> <img src="/2b.jpg" alt=""><br>' +
        // A picture in a line of words stays in its sentence.
        '3) The <img src="/3.jpg" alt="three"> game</p></div></body></html>',
    );
    expect(
      readBlocks(doc.getElementById('root')!, {
        resolve: (href) => resolveHref(href, 'https://news.example/story'),
      }).map((b) => (b.type === 'image' ? b.src : b.type === 'paragraph' ? b.text : b.type)),
    ).toEqual([
      '1) A racing track amzn.example/1',
      'https://news.example/1-300x300.jpg',
      '2) A box of films amzn.example/2',
      'https://news.example/2-300x300.jpg',
      'https://news.example/2b.jpg',
      '3) The game',
    ]);
  });

  it('are none inside the sentence, small, classed as a formula, emoji or icon, or a logo', () => {
    expect(
      sources(
        '<p>The matrix <img class="mwe-math-fallback-image-inline" src="/a.svg"> is Hermitian <img src="/b.svg">.</p>' +
          '<p><img src="/share.png" width="16" height="16"> Share this story</p>' +
          '<p><img class="emoji" src="/smile.png"> Hello there</p>' +
          '<p><img class="wp-math" src="/f.png"> holds for every x.</p>' +
          '<p><strong>Author: Chun</strong> <a href="http://www.news.example"><img src="/logo.png"></a></p>',
      ),
    ).toEqual([null, null, null, null, null]);
  });

  it('take a line in italics after the picture, in its own paragraph, as its caption', () => {
    const doc = parseHtml(
      '<!doctype html><html><body><div id="root">' +
        '<p><a href="/big.jpg"><img src="/me.jpg" alt="The author."></a><br><em>Portrait by Jo Bloggs</em></p>' +
        // A sentence in italics is text; so is a line only partly in italics.
        '<p><img src="/a.jpg"><br><i>The lights stay on every night until January.</i></p>' +
        '<p><img src="/b.jpg"><br><em>Light a Wish</em> by OGE Group</p>' +
        '<p><img src="/c.jpg"><br><em>“Pamela, why are we talking about leadership?”</em></p>' +
        '</div></body></html>',
    );
    const blocks = readBlocks(doc.getElementById('root')!, {
      resolve: (href) => resolveHref(href, 'https://news.example/story'),
    });
    expect(blocks.map((b) => (b.type === 'image' ? `${b.src} | ${b.caption}` : b.type))).toEqual([
      'https://news.example/me.jpg | Portrait by Jo Bloggs',
      'https://news.example/a.jpg | null',
      'paragraph',
      'https://news.example/b.jpg | null',
      'paragraph',
      'https://news.example/c.jpg | null',
      'paragraph',
    ]);
  });
});

describe('the pictures of a heading or a quote', () => {
  const blocks = (html: string) => {
    const doc = parseHtml(`<!doctype html><html><body><div id="root">${html}</div></body></html>`);
    return readBlocks(doc.getElementById('root')!, {
      resolve: (href) => resolveHref(href, 'https://news.example/story'),
    });
  };
  const image = (file: string, alt: string) => ({
    type: 'image',
    src: `https://news.example/${file}`,
    alt,
    caption: null,
    credit: null,
  });

  it('are read before it when they open it and after it when they close it', () => {
    expect(
      blocks(
        // bigbrandsystem.com: a section's photo as its heading, lazy, with its <noscript> copy.
        '<h3><img src="/lens.jpg" alt="A camera lens"></h3>' +
          // wikia: a heading's photo after its words, linking to the full-size picture.
          '<h2>Special editions <a href="/han-full"><img src="/han.jpg" alt="Han Solo"></a></h2>' +
          // jeongdongtheater.com: a show's posters in a quote's box, before its words.
          '<blockquote><p><img src="/poster-1.jpg" alt="Poster one"></p>' +
          '<p><img src="/poster-2.jpg" alt="Poster two"></p><p>The show opens in May.</p></blockquote>',
      ),
    ).toEqual([
      image('lens.jpg', 'A camera lens'),
      { type: 'heading', level: 2, text: 'Special editions' },
      image('han.jpg', 'Han Solo'),
      image('poster-1.jpg', 'Poster one'),
      image('poster-2.jpg', 'Poster two'),
      { type: 'quote', text: 'The show opens in May.', pull: false },
    ]);
  });

  it('are none set in its line: an icon or an emoji stays out, as in a paragraph', () => {
    expect(
      blocks(
        '<h2><img class="emoji" src="/party.png" alt="🎉"> Results</h2>' +
          '<blockquote>Read the <img src="/logo.png" width="16" height="16" alt=""> report.</blockquote>',
      ).filter((b) => b.type === 'image'),
    ).toEqual([]);
  });
});

describe('a figure’s caption that ends in its credit', () => {
  const parts = (caption: string) => {
    const doc = parseHtml(
      `<!doctype html><html><body><div id="root"><figure><img src="/a.jpg" alt="A">` +
        `<figcaption>${caption}</figcaption></figure></div></body></html>`,
    );
    const [block] = readBlocks(doc.getElementById('root')!, {
      resolve: (href) => resolveHref(href, 'https://news.example/story'),
    });
    return block?.type === 'image' ? [block.caption, block.credit] : block;
  };

  it('gives the credit apart, without its label', () => {
    // phys.org, spacenews.com
    expect(parts('A habitation module for a crewed Mars mission. Credit: ESA')).toEqual([
      'A habitation module for a crewed Mars mission.',
      'ESA',
    ]);
    // therealdeal.com, an Indian wire story
    expect(parts('WeWork chairman Marcelo Claure (Credit: Getty Images)')).toEqual([
      'WeWork chairman Marcelo Claure',
      'Getty Images',
    ]);
    expect(parts('Patients on oxygen. (Photo Credit : PTI File Photo )')).toEqual([
      'Patients on oxygen.',
      'PTI File Photo',
    ]);
    // theguardian.com
    expect(parts('Mariah Carey (left) and Nicki Minaj. Photograph: Michael Becker/AP')).toEqual([
      'Mariah Carey (left) and Nicki Minaj.',
      'Michael Becker/AP',
    ]);
    // A caption that is only the credit.
    expect(parts('Credit: Riot Games, ONE Esports')).toEqual([null, 'Riot Games, ONE Esports']);
  });

  it('keeps a caption that names its photographer or is labelled a photo as printed', () => {
    expect(parts('Photo by Sam Roe')).toEqual(['Photo by Sam Roe', null]);
    expect(parts('Photo: The new bridge at dusk')).toEqual(['Photo: The new bridge at dusk', null]);
    expect(parts('Credit cards: how to pay less')).toEqual(['Credit cards: how to pay less', null]);
  });
});
