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

  it('undo restores the exact serialization', () => {
    const doc = parseHtml(PAGE);
    const before = doc.documentElement.outerHTML;
    const report = cleanPage(doc, 'https://example.com/a');
    report.undo();
    expect(doc.documentElement.outerHTML).toBe(before);
  });
});
