/** A clean that leaves the removal texts for later reads them from the page when asked. */
import { describe, expect, it } from 'vitest';
import { cleanPage } from '../../src/core';
import { clip } from '../../src/core/text';
import { parseHtml } from '../../src/node/load';

const html =
  '<!doctype html><html><head><title>t</title></head><body><p>Story text.</p>' +
  '<div class="advert">Buy now</div><p>[an error occurred while processing this directive]More.</p>' +
  '</body></html>';

describe('removal texts', () => {
  it('are the same read at the clean or later, and counted the same', () => {
    const eager = cleanPage(parseHtml(html), 'https://example.com/a');
    const lazy = cleanPage(parseHtml(html), 'https://example.com/a', { recordTexts: false });
    expect(lazy.counts).toEqual(eager.counts);
    expect(lazy.removals.find((r) => r.kind === 'ad')?.text).toBe('');
    expect(lazy.withTexts()).toEqual(eager.removals);
    expect(eager.withTexts()).toBe(eager.removals);
    expect(eager.removals.map((r) => r.text)).toEqual([
      '[an error occurred while processing this directive]',
      'Buy now',
    ]);
  });

  it('read as a reader saw them: no script, style or noscript markup, words kept apart', () => {
    const doc = parseHtml(
      '<!doctype html><html><head><title>t</title></head><body><p>Story text.</p>' +
        '<div class="advert"><style>.promo { color: red }</style><h2>Sponsored</h2>' +
        '<p>Buy <b>n</b>ow<span>Published</span><time>4 days ago</time></p>' +
        '<noscript>&lt;img src="pixel.gif"&gt;</noscript><script>track()</script>' +
        '<span>Live</span>. <a href="/a">Shop</a></div></body></html>',
    );
    const [ad] = cleanPage(doc, 'https://example.com/a').removals;
    expect(ad?.text).toBe('Sponsored Buy now Published 4 days ago Live. Shop');
  });

  it('of a script or stylesheet taken out whole are empty', () => {
    const doc = parseHtml(
      '<!doctype html><html><head><title>t</title>' +
        '<script src="https://web-static.archive.org/_static/js/bundle-playback.js"></script>' +
        '<script>__wm.init("https://web.archive.org/web");</script></head>' +
        '<body><p>Story text.</p></body></html>',
    );
    const report = cleanPage(
      doc,
      'https://web.archive.org/web/20090101000000/http://news.bbc.co.uk/1/hi/uk/1.stm',
    );
    const scripts = report.removals.filter((r) => r.kind === 'archive-toolbar');
    expect(scripts.length).toBeGreaterThan(0);
    expect(scripts.map((r) => r.text)).toEqual(scripts.map(() => ''));
  });

  it('of a big element are what a record of its whole text would be', () => {
    const words = Array.from({ length: 20_000 }, (_, i) => `word${i}`);
    const items = words.map((w) => `<li>${w}</li>`).join('');
    const doc = parseHtml(
      `<!doctype html><html><body><p>Story.</p><div class="advert"><ul>${items}</ul></div></body></html>`,
    );
    const [ad] = cleanPage(doc, 'https://example.com/a').removals;
    expect(ad?.text).toBe(clip(words.join(' ')));
    expect(ad?.text).toMatch(/^word0 word1 word2 .*…$/);
  });
});
