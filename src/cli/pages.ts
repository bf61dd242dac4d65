/**
 * Pages on disk: which ones a command was given (files or a manifest), reading each into a
 * Document, and the address each page is extracted under.
 */
import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { constants, gunzipSync } from 'node:zlib';
import { dirname, join, isAbsolute, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseHtml, readHtmlFile } from '../node/load';
import { looksLikeWarc } from '../node/warc';
import { detectLayout } from '../core';
import { parseWaybackUrl } from '../core/archive';
import { metaContent } from '../core/dom';
import { UsageError, checkUrl } from './args';

/** One page to process. `source` is the path as the user can use it from the working folder. */
export interface PageInput {
  source: string;
  /** The address given for the page (by --url or the manifest), or null to find it. */
  url: string | null;
}

/** Why a page gave no output: the `error` of an error line. */
export interface PageError {
  code: string;
  message: string;
}

/** Thrown when a page cannot be turned into a Document. */
export class PageReadError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'PageReadError';
  }
}

/**
 * Reads a manifest: `PATH<TAB>URL` per line, URL optional, paths relative to the manifest's
 * folder, blank lines and `#` comments skipped. A malformed line is a usage error that stops
 * the run before any output, so a typo never yields a half-labelled result set.
 */
export function readManifest(manifestPath: string): PageInput[] {
  let text: string;
  try {
    text = readFileSync(manifestPath, 'utf8');
  } catch (err) {
    throw new UsageError(`Cannot read manifest ${manifestPath}: ${describeIoError(err).message}`);
  }
  const folder = dirname(manifestPath);
  const inputs: PageInput[] = [];
  text.split(/\r?\n/).forEach((line, index) => {
    const where = `${manifestPath}:${index + 1}`;
    if (!line.trim() || line.trimStart().startsWith('#')) return;
    const fields = line.split('\t').map((f) => f.trim());
    if (fields.length > 2 || !fields[0])
      throw new UsageError(`${where}: expected PATH<TAB>URL, got "${line}".`);
    const [path, url] = fields as [string, string | undefined];
    inputs.push({
      source: isAbsolute(path) ? path : join(folder, path),
      url: url ? checkUrl(url, where) : null,
    });
  });
  return inputs;
}

/** Markup a page must show somewhere to be taken for HTML (a tag or a doctype). */
const HTML_MARKUP = /<(?:!doctype\s|[a-z][a-z0-9-]*[\s/>])/i;
/** How far into a file binary content shows itself (NUL bytes never occur in HTML text). */
const BINARY_PROBE = 8192;

/**
 * Reads and parses a saved page (`.html`, `.htm`, `.html.gz`, any charset). Throws
 * `PageReadError` with the system's code (`ENOENT`, `EISDIR`, `EACCES`…) when the file cannot
 * be read, or `not-html` when what it holds is not a web page.
 */
export function loadPage(path: string): Document {
  let html: string;
  try {
    html = readHtmlFile(path);
  } catch (err) {
    const { code, message } = describeIoError(err);
    throw new PageReadError(code, message);
  }
  return htmlDocument(html, 'file');
}

/** Text that should be a page, parsed; `PageReadError` (`not-html`) when it is not one. */
export function htmlDocument(html: string, what: 'file' | 'page' = 'page'): Document {
  if (html.slice(0, BINARY_PROBE).includes('\u0000'))
    throw new PageReadError('not-html', `The ${what} is binary, not an HTML page.`);
  if (!HTML_MARKUP.test(html))
    throw new PageReadError('not-html', `The ${what} has no HTML markup.`);
  const doc = parseHtml(html);
  if (!doc.documentElement)
    throw new PageReadError('not-html', `The ${what} has no HTML element to read.`);
  return doc;
}

/**
 * A WARC file (ISO 28500), by its name (`.warc`, `.warc.gz`) or its first bytes: a file that
 * cannot be read is left to the page reader, which says why.
 */
export function isWarcFile(path: string): boolean {
  if (/\.warc(?:\.gz)?$/i.test(path)) return true;
  let head: Uint8Array;
  try {
    // 4 KB: enough for the start of a first gzip member as well as a plain record's first line.
    const fd = openSync(path, 'r');
    try {
      const buffer = Buffer.alloc(4096);
      head = buffer.subarray(0, readSync(fd, buffer, 0, buffer.length, 0));
    } finally {
      closeSync(fd);
    }
    // A .warc.gz under another name starts with a gzipped WARC record.
    if (head[0] === 0x1f && head[1] === 0x8b)
      head = gunzipSync(head, { finishFlush: constants.Z_SYNC_FLUSH });
  } catch {
    return false;
  }
  return looksLikeWarc(head);
}

const IO_MESSAGES: Record<string, string> = {
  ENOENT: 'No such file.',
  EISDIR: 'This is a folder, not a page.',
  EACCES: 'Permission denied.',
  EPERM: 'Operation not permitted.',
  ENOTDIR: 'A part of the path is not a folder.',
};

/** An error of Node's zlib: gzip data that is cut off or is not gzip at all. */
export function isZlibError(err: unknown): boolean {
  return Boolean((err as NodeJS.ErrnoException | null)?.code?.startsWith('Z_'));
}

/** Node's error for a failed read, as a stable code and a sentence. */
export function describeIoError(err: unknown): PageError {
  const code = (err as NodeJS.ErrnoException | null)?.code;
  if (isZlibError(err))
    // zlib: a `.gz` that is truncated or not gzip at all.
    return { code: 'not-html', message: 'The file is not valid gzip.' };
  if (code) return { code, message: IO_MESSAGES[code] ?? (err as Error).message };
  return { code: 'unreadable', message: String((err as Error)?.message ?? err) };
}

/**
 * The address a saved page gives itself, or null. In order:
 * 1. its `<link rel=canonical>` or `og:url`, when absolute (a Wayback-rewritten one is kept as
 *    the capture's address, so the Article records the archive and the original);
 * 2. the Wayback capture the document shows it is (its toolbar and replay scripts name it).
 * The CLI falls back to `fileAddress`; extract.ts adds one more step before that.
 */
export function ownAddress(doc: Document, path: string): string | null {
  const own = absoluteHttp(
    doc.querySelector('link[rel~="canonical" i]')?.getAttribute('href') ??
      metaContent(doc, 'og:url'),
  );
  if (own) return own;
  const archive = detectLayout(doc, fileAddress(path)).archive;
  if (archive) return parseWaybackUrl(archive.url) ? archive.url : archive.originalUrl;
  return null;
}

/** The `file://` URL of a page on disk. */
export function fileAddress(path: string): string {
  return pathToFileURL(resolve(path)).href;
}

/**
 * An http(s) address as written, or null. Wayback rewrites links root-relative
 * (`/web/20070515212000/http://news.bbc.co.uk/…`): those belong to web.archive.org.
 */
function absoluteHttp(href: string | null | undefined): string | null {
  const value = href?.trim();
  if (!value) return null;
  try {
    const base = /^\/web\/\d/.test(value) ? 'https://web.archive.org/' : undefined;
    const url = value.startsWith('//') ? new URL(`https:${value}`) : new URL(value, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}
