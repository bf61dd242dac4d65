/**
 * The 2025 bbc.com byline. Since 2025 the live site renders its article blocks with generated
 * `sc-…` class names, so the 2024 byline's `TextContributorName` class is gone; the names sit in
 * `[data-testid="byline-new-contributors"]`, one element per contributor with the name in its first
 * span and the role in the next (how scrapers of the live site read it). The corpus has no page of
 * this generation, so the 2024 page (cden3j9d1r7o) is read with its byline block replaced by one in
 * the 2025 form; the rest of the page is as the BBC served it.
 */
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/core/extract';
import { parseHtml, readHtmlFile } from '../../src/node/load';
import { corpusAvailable, corpusPath } from '../helpers/corpus';

const URL_2024 = 'https://www.bbc.com/news/articles/cden3j9d1r7o';

/** One contributor as the 2025 markup has it: name span, then the role in a span of its own. */
const contributor = (name: string, role: string) =>
  `<div class="sc-2b5e3b35-5 cMKTHk"><span class="sc-2b5e3b35-7 bZCrck">${name}</span>` +
  `<div class="sc-2b5e3b35-8 fBnzGF"><span>${role}</span></div></div>`;

/** The 2024 page with its byline block in the 2025 form, holding `contributors`. */
function pageWith2025Byline(contributors: string): Document {
  const html = readHtmlFile(corpusPath('web-page-parser/bbc_news/cden3j9d1r7o.html'));
  const start = html.indexOf('<div data-component="byline-block"');
  const end = html.indexOf('<div data-component="metadata-block"');
  expect(start).toBeGreaterThan(0);
  expect(end).toBeGreaterThan(start);
  const byline =
    '<div data-component="byline-block" class="sc-3b6b161a-0 dEGcKf">' +
    '<div data-testid="byline-new" class="sc-2b5e3b35-0 jDUTla"><div class="sc-2b5e3b35-1 eJffSW">' +
    `<div data-testid="byline-new-contributors" class="sc-2b5e3b35-3 kYpNTt">${contributors}</div>` +
    '</div></div></div>';
  return parseHtml(html.slice(0, start) + byline + html.slice(end));
}

describe.skipIf(!corpusAvailable)('the 2025 byline (byline-new-contributors)', () => {
  const as2024 = corpusAvailable
    ? extractArticle(
        parseHtml(readHtmlFile(corpusPath('web-page-parser/bbc_news/cden3j9d1r7o.html'))),
        URL_2024,
      )
    : null;

  it('reads the author and the role line, as the 2024 byline gave them', () => {
    const article = extractArticle(
      pageWith2025Byline(contributor('Vanessa Buschschlüter', 'BBC News')),
      URL_2024,
    );
    expect(article.authors).toEqual([{ name: 'Vanessa Buschschlüter' }]);
    expect(article.dateline).toBe('BBC News');
    // The byline is not story text, and nothing else of the page changed.
    expect(article.text).not.toContain('Buschschlüter');
    expect(article.authors).toEqual(as2024!.authors);
    expect(article.dateline).toBe(as2024!.dateline);
    expect(article.title).toBe(as2024!.title);
    expect(article.text).toBe(as2024!.text);
  });

  it('reads every contributor, and the first one’s role', () => {
    const article = extractArticle(
      pageWith2025Byline(
        contributor('Jane Doe', 'Business reporter') + contributor('John Smith', 'BBC News'),
      ),
      URL_2024,
    );
    expect(article.authors).toEqual([{ name: 'Jane Doe' }, { name: 'John Smith' }]);
    expect(article.dateline).toBe('Business reporter');
  });

  it('splits two names given in one span', () => {
    const article = extractArticle(
      pageWith2025Byline(contributor('Jane Doe and John Smith', 'BBC News')),
      URL_2024,
    );
    expect(article.authors).toEqual([{ name: 'Jane Doe' }, { name: 'John Smith' }]);
  });
});
