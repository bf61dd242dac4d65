/**
 * Where the on-demand article reader (article-reader.ts) leaves itself for the content script.
 * Both run in the extension's isolated world of the same frame (the background injects the
 * reader with `scripting.executeScript`), so they share this global and nothing else: the reader
 * is a file of its own so that the content script, which detects and cleans on every BBC page
 * load, carries neither the site readers nor Readability.
 */
import type { Article, ExtractOptions } from '../core/types';

/** `extractArticle` of src/core/extract.ts, as the reader file provides it. */
export type ArticleReader = (doc: Document, url: string, options: ExtractOptions) => Article;

const SLOT = Symbol.for('broadsheet.article-reader');

type Scope = typeof globalThis & { [SLOT]?: ArticleReader };

export function provideArticleReader(reader: ArticleReader): void {
  (globalThis as Scope)[SLOT] = reader;
}

/** The reader, once the background has injected it into this frame. */
export function providedArticleReader(): ArticleReader | undefined {
  return (globalThis as Scope)[SLOT];
}
