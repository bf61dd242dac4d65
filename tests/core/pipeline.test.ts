import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../src/node/load';
import { extractArticle, cleanPage, NoArticleError } from '../../src/core';

const PAGE = `<!doctype html><html lang="en"><head><title>A page</title></head>
<body><article><h1>Headline here</h1><p>First paragraph of the story.</p><p>Second one.</p></article></body></html>`;

describe('pipeline', () => {
  it('never mutates the document it extracts from', () => {
    const doc = parseHtml(PAGE);
    const before = doc.documentElement.outerHTML;
    const article = extractArticle(doc, 'https://example.com/a');
    expect(article.text).toContain('First paragraph of the story.');
    expect(doc.documentElement.outerHTML).toBe(before);
  });

  it('says clearly when there is no article', () => {
    const doc = parseHtml('<html><body></body></html>');
    expect(() => extractArticle(doc, 'https://example.com/')).toThrow(NoArticleError);
  });

  it('keeps a line the story prints twice in a row, and a picture once', () => {
    const line = 'And the band played Waltzing Matilda, as we stopped to bury our slain.';
    const picture =
      '<figure><img src="/band.jpg" alt="The band"><figcaption>The band, 1915.</figcaption></figure>';
    const doc = parseHtml(`<html><head><title>The song</title></head><body><article>
      <h1>The song</h1>
      <p>The last verse ends on the chorus sung twice, which the singer slows the second time.</p>
      ${picture}${picture}
      <p>${line}</p><p>${line}</p>
      <p>The record sold well in the year after it came out, and the song is still sung.</p>
      </article></body></html>`);
    const article = extractArticle(doc, 'https://example.com/song');
    expect(article.text.split(line)).toHaveLength(3);
    expect(article.images.map((i) => i.src)).toEqual(['https://example.com/band.jpg']);
  });

  it("reads a fact-check's claims once each, and none its markup leaves without words", () => {
    const review = (data: object) =>
      `<script type="application/ld+json">${JSON.stringify(data)}</script>`;
    const doc = parseHtml(`<html><head><title>Fact check</title>
      ${review({
        '@context': 'https://schema.org',
        '@graph': [
          { '@type': 'WebPage', name: 'Fact check' },
          {
            '@type': 'ClaimReview',
            claimReviewed: '  The bridge   was closed for a year. ',
            reviewRating: { '@type': 'Rating', ratingValue: 1, alternateName: 'Mostly false' },
            itemReviewed: {
              '@type': 'Claim',
              author: [{ '@type': 'Person', name: 'A councillor' }],
            },
          },
        ],
      })}
      ${review([
        // The same claim again (a second plugin's markup), one rated by number only, and one
        // that names no claim.
        { '@type': 'ClaimReview', claimReviewed: 'The bridge was closed for a year.' },
        {
          '@type': 'ClaimReview',
          claimReviewed: 'Tolls doubled.',
          reviewRating: { ratingValue: 2 },
        },
        { '@type': 'ClaimReview', claimReviewed: '  ', reviewRating: { alternateName: 'True' } },
      ])}
      </head><body><article><h1>Was the bridge closed for a year?</h1>
      <p>The council says the bridge reopened after seven months, and its minutes agree.</p>
      </article></body></html>`);
    expect(extractArticle(doc, 'https://example.com/check').factChecks).toEqual([
      {
        claim: 'The bridge was closed for a year.',
        rating: 'Mostly false',
        claimant: 'A councillor',
      },
      { claim: 'Tolls doubled.', rating: null, claimant: null },
    ]);
  });

  it('undo restores the exact serialization', () => {
    const doc = parseHtml(PAGE);
    const before = doc.documentElement.outerHTML;
    const report = cleanPage(doc, 'https://example.com/a');
    report.undo();
    expect(doc.documentElement.outerHTML).toBe(before);
  });
});
