/**
 * The 2025 bbc.com generation. The live site now renders its article blocks with generated `sc-…`
 * class names, so the 2024 byline's `TextContributorName` class is gone: the names sit in
 * `[data-testid="byline-new-contributors"]`, one element per contributor with the name in its first
 * span and the role in the next; and the topics are a `[data-component="tags"]` block of links
 * (both as scrapers of the live site read them). The corpus has no page of this generation, so the
 * 2024 page (cden3j9d1r7o) is read with those blocks replaced by the 2025 forms; the rest of the
 * page is as the BBC served it.
 */
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/core/extract';
import { cleanPage } from '../../src/core/index';
import { HIDDEN_ATTR } from '../../src/core/clean/index';
import { parseHtml, readHtmlFile } from '../../src/node/load';
import { corpusAvailable, corpusPath } from '../helpers/corpus';

const URL_2024 = 'https://www.bbc.com/news/articles/cden3j9d1r7o';

/** One contributor as the 2025 markup has it: name span, then the role in a span of its own. */
const contributor = (name: string, role: string) =>
  `<div class="sc-2b5e3b35-5 cMKTHk"><span class="sc-2b5e3b35-7 bZCrck">${name}</span>` +
  `<div class="sc-2b5e3b35-8 fBnzGF"><span>${role}</span></div></div>`;

/** The 2024 page as served, with the markup from `from` up to `to` replaced. */
function page2024With(from: string, to: string, replacement: string): Document {
  const html = readHtmlFile(corpusPath('web-page-parser/bbc_news/cden3j9d1r7o.html'));
  const start = html.indexOf(from);
  const end = html.indexOf(to, start);
  expect(start).toBeGreaterThan(0);
  expect(end).toBeGreaterThan(start);
  return parseHtml(html.slice(0, start) + replacement + html.slice(end));
}

/** The 2024 page with its byline block in the 2025 form, holding `contributors`. */
function pageWith2025Byline(contributors: string): Document {
  const byline =
    '<div data-component="byline-block" class="sc-3b6b161a-0 dEGcKf">' +
    '<div data-testid="byline-new" class="sc-2b5e3b35-0 jDUTla"><div class="sc-2b5e3b35-1 eJffSW">' +
    `<div data-testid="byline-new-contributors" class="sc-2b5e3b35-3 kYpNTt">${contributors}</div>` +
    '</div></div></div>';
  return page2024With(
    '<div data-component="byline-block"',
    '<div data-component="metadata-block"',
    byline,
  );
}

/** The 2024 page with its "Related topics" list as a 2025 `tags` block of links. */
function pageWith2025Tags(): Document {
  const link = (id: string, name: string) =>
    `<a href="/news/topics/${id}" class="sc-1fd6c1b6-1 hQPznV">${name}</a>`;
  return page2024With(
    '<div data-component="topic-list"',
    '<div data-component="links-block"',
    '<div data-component="tags" class="sc-1fd6c1b6-0 kDhXqB"><div class="sc-1fd6c1b6-2 fMpDhd">' +
      link('cmmql1nxp8lt', 'Andres Manuel Lopez Obrador') +
      link('crr7mlg0vr2t', 'Mexico') +
      link('cv0enqmljg3t', 'Hurricanes') +
      '</div></div>',
  );
}

describe.skipIf(!corpusAvailable)('the 2025 bbc.com generation', () => {
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

  it('keeps the topics as related links, out of the story text, and hides them on the page', () => {
    const doc = pageWith2025Tags();
    const article = extractArticle(doc, URL_2024);
    expect(article.text).toBe(as2024!.text);
    expect(article.text).not.toContain('Hurricanes');
    const topics = (a: typeof article) => a.related.filter((r) => r.kind === 'topic');
    expect(topics(article)).toEqual(topics(as2024!));
    expect(topics(article).map((r) => r.title)).toEqual([
      'Andres Manuel Lopez Obrador',
      'Mexico',
      'Hurricanes',
    ]);

    const report = cleanPage(doc, URL_2024);
    expect(doc.querySelector('[data-component="tags"]')!.getAttribute(HIDDEN_ATTR)).toBe('related');
    expect(report.removals.map((r) => r.rule)).toContain('bbc-modern/topics');
    report.undo();
  });
});
