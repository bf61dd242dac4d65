/**
 * The extractors the evaluation and the bench compare, behind one shape. A tool's `run` is the
 * library call a user makes (what the bench times); what it returns is read into plain text and
 * metadata afterwards (our scoring's work, not the tool's, so never timed).
 *
 * Readability changes the document it is given (`mutatesInput`), so it must be handed a copy;
 * Broadsheet and Defuddle say they do not (the bench checks, see ./speed.ts).
 */
import { Readability } from '@mozilla/readability';
import { Defuddle } from 'defuddle/node';
import { extractArticle } from '../core/extract';
import { NoArticleError } from '../core/types';
import { parseHtml } from '../node/load';
import { elementText } from './text';

/** What a tool found: the article's text and the metadata the bench scores. */
export interface Extraction {
  text: string;
  title: string | null;
  /** Author names as the tool gives them (one string; several names joined by commas). */
  author: string | null;
  /** Publication date as the tool gives it (ISO 8601 or whatever the page said). */
  published: string | null;
}

export const NOTHING_FOUND: Extraction = { text: '', title: null, author: null, published: null };

export interface Tool {
  /** Name shown in tables and JSON, e.g. `broadsheet`. */
  name: string;
  /** The tool changes the Document it is given: callers who keep the page give it a copy. */
  mutatesInput: boolean;
  /** The tool's own work on `doc` (loaded from `url`); returns a reader of its output. */
  run(doc: Document, url: string): Promise<() => Extraction>;
  /** The article text of `doc`; '' when the tool finds no article. */
  extract(doc: Document, url: string): Promise<string>;
}

function tool(spec: Omit<Tool, 'extract'>): Tool {
  return {
    ...spec,
    async extract(doc, url) {
      return (await spec.run(doc, url))().text;
    },
  };
}

export const broadsheetTool: Tool = tool({
  name: 'broadsheet',
  mutatesInput: false,
  async run(doc, url) {
    try {
      const article = extractArticle(doc, url);
      return () => ({
        text: article.text,
        title: article.title,
        author: article.authors.map((a) => a.name).join(', ') || null,
        published: article.published,
      });
    } catch (err) {
      if (err instanceof NoArticleError) return () => NOTHING_FOUND;
      throw err;
    }
  },
});

export const readabilityTool: Tool = tool({
  name: 'readability',
  mutatesInput: true,
  async run(doc) {
    // The identity serializer spares Readability its final innerHTML: the bench times its
    // extraction, not a serialization the others do not do either.
    const result = new Readability(doc, { serializer: (el: Node) => el }).parse();
    return () => ({
      text: result?.content ? elementText(result.content) : '',
      title: result?.title || null,
      author: result?.byline || null,
      published: result?.publishedTime || null,
    });
  },
});

export const defuddleTool: Tool = tool({
  name: 'defuddle',
  mutatesInput: false,
  async run(doc, url) {
    // defuddle/node takes any DOM Document (linkedom here). Defuddle logs every broken JSON-LD
    // block of a page to the console; muted so the evaluation's own output stays readable.
    const log = console.error;
    console.error = () => {};
    let result: Awaited<ReturnType<typeof Defuddle>>;
    try {
      result = await Defuddle(doc, url);
    } finally {
      console.error = log;
    }
    return () => {
      // Its content is an HTML string, read back with the same parser so its text is cut into
      // lines the way the others' is.
      const out = result.content
        ? parseHtml(`<!doctype html><html><body>${result.content}</body></html>`)
        : null;
      return {
        text: out?.body ? elementText(out.body) : '',
        title: result.title || null,
        author: result.author || null,
        published: result.published || null,
      };
    };
  },
});

export const ALL_TOOLS: readonly Tool[] = [broadsheetTool, readabilityTool, defuddleTool];
