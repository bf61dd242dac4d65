/** A clean that leaves the removal texts for later reads them from the page when asked. */
import { describe, expect, it } from 'vitest';
import { cleanPage } from '../../src/core';
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
});
