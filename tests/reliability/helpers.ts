/**
 * Support for the reliability and security suites: the Article schema validator, a serialization
 * that means the same in linkedom and jsdom, the outcome of running the core on a page, and the
 * number of generated cases a property runs.
 */
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { JSDOM, VirtualConsole } from 'jsdom';
import schema from '../../src/export/article.schema.json';
import { extractArticle, NoArticleError } from '../../src/core';
import type { Article } from '../../src/core';

const ajv = new Ajv2020({ allErrors: true, strict: true });
addFormats(ajv);
const validateArticle = ajv.compile(schema);

/** Schema errors of `value` as one readable string; empty when it is a valid Article. */
export function schemaErrors(value: unknown): string {
  return validateArticle(value) ? '' : ajv.errorsText(validateArticle.errors, { separator: '\n' });
}

/**
 * Generated cases per property. `npm test` runs a few (fast); `npm run test:reliability` sets
 * BROADSHEET_PROPERTY_RUNS for the full run.
 */
export function propertyRuns(fallback: number): number {
  const n = Number(process.env.BROADSHEET_PROPERTY_RUNS);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

/**
 * The whole document as markup: doctype, comments outside `<html>`, the root element. Written
 * out by hand because linkedom's `String(doc)` and jsdom's serializer are not the same API.
 */
export function serialize(doc: Document): string {
  let out = '';
  // childNodes, not firstChild/nextSibling: linkedom's doctype has no nextSibling.
  for (const n of Array.from(doc.childNodes)) {
    if (n.nodeType === 10) out += `<!DOCTYPE ${(n as DocumentType).name}>`;
    else if (n.nodeType === 8) out += `<!--${(n as Comment).data}-->`;
    else if (n.nodeType === 1) out += (n as Element).outerHTML;
    else if (n.nodeType === 7) out += `<?${(n as ProcessingInstruction).target}?>`;
  }
  return out;
}

/** Parses with jsdom, scripts off (the default): the browser-like DOM, next to linkedom. */
export function parseJsdom(html: string, contentType = 'text/html', url?: string): Document {
  // A silent console: jsdom reports every stylesheet it cannot parse.
  return new JSDOM(html, { contentType, url, virtualConsole: new VirtualConsole() }).window
    .document;
}

/**
 * Frees a document parseJsdom made (its window, frames and timers). Without it a run of thousands
 * of jsdom documents slows as they pile up: 750 random documents took 42 s, closed 25 s. jsdom
 * 29.1 itself throws while closing a window whose `<iframe>` follows a `<frame>` inside `<math>`
 * (`<div><math><frame></div><div><iframe></div>`, no Broadsheet code run): that window is left
 * to the garbage collector, as every window was before.
 */
export function closeJsdom(doc: Document): void {
  try {
    doc.defaultView?.close();
  } catch (error) {
    if (!(error instanceof TypeError)) throw error;
  }
}

export type Outcome =
  | { kind: 'article'; article: Article }
  | { kind: 'no-article'; message: string }
  | { kind: 'crash'; error: unknown };

/** Runs extractArticle, sorting its result: an Article, a clear "no article", or a crash. */
export function tryExtract(doc: Document, url: string, now = new Date(0)): Outcome {
  try {
    return { kind: 'article', article: extractArticle(doc, url, { now }) };
  } catch (error) {
    if (error instanceof NoArticleError) return { kind: 'no-article', message: error.message };
    return { kind: 'crash', error };
  }
}

/** A crash described for a failure message: name, message and the top of the stack. */
export function describeCrash(error: unknown): string {
  if (error instanceof Error)
    return `${error.name}: ${error.message}\n${(error.stack ?? '').split('\n').slice(1, 6).join('\n')}`;
  return String(error);
}
