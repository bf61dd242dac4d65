/**
 * The extractors the evaluation compares, behind one shape: each gets a Document of its own
 * (parsed for it alone, so no tool sees another's changes: Readability and Defuddle both change
 * the document they are given) and returns the article's plain text.
 */
import { Readability } from '@mozilla/readability';
import { Defuddle } from 'defuddle/node';
import { extractArticle } from '../core/extract';
import { NoArticleError } from '../core/types';
import { parseHtml } from '../node/load';
import { elementText } from './text';

export interface Tool {
  /** Name shown in tables and JSON, e.g. `broadsheet`. */
  name: string;
  /** The article text of `doc` (loaded from `url`); '' when the tool finds no article. */
  extract(doc: Document, url: string): Promise<string>;
}

export const broadsheetTool: Tool = {
  name: 'broadsheet',
  async extract(doc, url) {
    try {
      return extractArticle(doc, url).text;
    } catch (err) {
      if (err instanceof NoArticleError) return '';
      throw err;
    }
  },
};

export const readabilityTool: Tool = {
  name: 'readability',
  async extract(doc) {
    const result = new Readability(doc, { serializer: (el: Node) => el }).parse();
    return result?.content ? elementText(result.content) : '';
  },
};

export const defuddleTool: Tool = {
  name: 'defuddle',
  async extract(doc, url) {
    // defuddle/node takes any DOM Document (linkedom here); its content is an HTML string, read
    // back with the same parser so its text is cut into lines the way the others' is.
    // Defuddle logs every broken JSON-LD block of a page to the console; muted so the
    // evaluation's own output stays readable.
    const log = console.error;
    console.error = () => {};
    let result: Awaited<ReturnType<typeof Defuddle>>;
    try {
      result = await Defuddle(doc, url);
    } finally {
      console.error = log;
    }
    if (!result.content) return '';
    const out = parseHtml(`<!doctype html><html><body>${result.content}</body></html>`);
    return out.body ? elementText(out.body) : '';
  },
};

export const ALL_TOOLS: readonly Tool[] = [broadsheetTool, readabilityTool, defuddleTool];
