/**
 * A figure that shows several pictures (a gallery) is read as every one of its pictures, each with
 * its own caption, and the caption the gallery prints for them all on the picture it is printed
 * next to; a figure of one picture, its copies and icons, stays one picture. The markup is
 * WordPress's gallery block as its editor has written it since 2018: a figure of figures (5.9 on),
 * and before that a list of figures inside the figure.
 */
import { describe, expect, it } from 'vitest';
import { readBlocks } from '../../src/core/blocks';
import { resolveHref } from '../../src/core/archive';
import { parseHtml } from '../../src/node/load';
import type { Block } from '../../src/core/types';

function read(html: string): Block[] {
  const doc = parseHtml(`<!doctype html><html><body><div id="root">${html}</div></body></html>`);
  return readBlocks(doc.getElementById('root')!, {
    resolve: (href) => resolveHref(href, 'https://news.example/story'),
  });
}

const picture = (
  file: string,
  alt: string,
  caption: string | null,
  credit: string | null = null,
) => ({
  type: 'image',
  src: `https://news.example/${file}`,
  alt,
  caption,
  credit,
});

describe('a figure of several pictures', () => {
  it('gives each picture its own figure’s caption, and the gallery’s to the last, after its own', () => {
    const blocks = read(
      '<p>Before.</p>' +
        '<figure class="wp-block-gallery has-nested-images columns-default is-cropped">' +
        '<figure class="wp-block-image size-large"><img src="/quay.jpg" alt="The quay">' +
        '<figcaption class="wp-element-caption">The quay at dawn.</figcaption></figure>' +
        '<figure class="wp-block-image size-large"><img src="/boats.jpg" alt="The boats"></figure>' +
        '<figure class="wp-block-image size-large"><img src="/nets.jpg" alt="The nets">' +
        '<figcaption class="wp-element-caption">Nets drying.</figcaption></figure>' +
        '<figcaption class="blocks-gallery-caption wp-element-caption">The harbour in winter. ' +
        '<span class="credit">Jo Li/Reuters</span></figcaption></figure>' +
        '<p>After.</p>',
    );
    expect(blocks).toEqual([
      { type: 'paragraph', text: 'Before.' },
      picture('quay.jpg', 'The quay', 'The quay at dawn.'),
      picture('boats.jpg', 'The boats', null),
      picture('nets.jpg', 'The nets', 'Nets drying. The harbour in winter.', 'Jo Li/Reuters'),
      { type: 'paragraph', text: 'After.' },
    ]);
  });

  it('reads the older gallery block, a list of figures, the same way', () => {
    expect(
      read(
        '<figure class="wp-block-gallery columns-2 is-cropped"><ul class="blocks-gallery-grid">' +
          '<li class="blocks-gallery-item"><figure><img src="/quay.jpg" alt="The quay">' +
          '<figcaption class="blocks-gallery-item__caption">The quay at dawn.</figcaption></figure></li>' +
          '<li class="blocks-gallery-item"><figure><img src="/boats.jpg" alt="The boats"></figure></li>' +
          '</ul><figcaption class="blocks-gallery-caption">The harbour in winter.</figcaption></figure>',
      ),
    ).toEqual([
      picture('quay.jpg', 'The quay', 'The quay at dawn.'),
      picture('boats.jpg', 'The boats', 'The harbour in winter.'),
    ]);
  });

  it('gives its caption to the picture it is printed by: the one before it, or the first', () => {
    expect(
      read(
        '<figure><figcaption>Left, the pier before the storm; right, after it.</figcaption>' +
          '<img src="/before.jpg" alt="Before"><img src="/after.jpg" alt="After"></figure>',
      ),
    ).toEqual([
      picture('before.jpg', 'Before', 'Left, the pier before the storm; right, after it.'),
      picture('after.jpg', 'After', null),
    ]);
    expect(
      read(
        '<figure><img src="/before.jpg" alt="Before"><figcaption>The pier before the storm.' +
          '</figcaption><img src="/after.jpg" alt="After"></figure>',
      ),
    ).toEqual([
      picture('before.jpg', 'Before', 'The pier before the storm.'),
      picture('after.jpg', 'After', null),
    ]);
  });
});

describe('a figure of one picture', () => {
  it('stays one, whatever else it holds: copies of the picture, an avatar, an icon, a hidden one', () => {
    const one = [picture('pier.jpg', 'The pier', 'The pier.')];
    const figure = (inside: string) =>
      read(`<figure>${inside}<figcaption>The pier.</figcaption></figure>`);
    // A lazy loader's blurred preview first, then the photo: the same file at another size.
    expect(
      read(
        '<figure><img src="/pier.jpg" alt="The pier"><img src="/pier.jpg?w=2400" alt="The pier">' +
          '<figcaption>The pier.</figcaption></figure>',
      ),
    ).toEqual(one);
    // The copy a <noscript> keeps for browsers without scripts.
    expect(
      figure(
        '<img src="/pier.jpg" alt="The pier"><noscript><img src="/other.jpg" alt="Other"></noscript>',
      ),
    ).toEqual(one);
    // A play button or a zoom icon over the photo.
    expect(
      figure('<img src="/pier.jpg" alt="The pier"><img class="zoom-icon" src="/zoom.png" alt="">'),
    ).toEqual(one);
    expect(
      figure(
        '<img src="/pier.jpg" alt="The pier"><img src="/play.png" width="40" height="40" alt="">',
      ),
    ).toEqual(one);
    // A copy the page keeps hidden until the photo is clicked.
    expect(
      figure(
        '<img src="/pier.jpg" alt="The pier"><div hidden><img src="/big.jpg" alt="Big"></div>',
      ),
    ).toEqual(one);
    // The author's avatar in the caption of a teaser (fandom.com).
    expect(
      read(
        '<figure><img src="/pier.jpg" alt="The pier"><figcaption>The pier. ' +
          '<img class="avatar" src="/jo.jpg" alt="Jo"></figcaption></figure>',
      ),
    ).toEqual(one);
  });
});
