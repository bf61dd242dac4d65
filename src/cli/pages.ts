/**
 * Pages on disk: which ones a command was given (files or a manifest), reading each into a
 * Document, and the address each page is extracted under.
 */
import {
  closeSync,
  lstatSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  statSync,
} from 'node:fs';
import type { Stats } from 'node:fs';
import { dirname, join, isAbsolute, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { htmlFromBytes, parseHtml, readHtmlFile } from '../node/load';
import { peek, startsLikeWarc, WARC_SNIFF_BYTES } from '../node/warc';
import { detectLayout } from '../core';
import { parseWaybackUrl } from '../core/archive';
import { metaContent } from '../core/dom';
import { UsageError, checkUrl } from './args';

/** One page to process. `source` is the path as the user can use it from the working folder. */
export interface PageInput {
  source: string;
  /** The address given for the page (by --url or the manifest), or null to find it. */
  url: string | null;
  /** Why there is nothing to read here (a folder that cannot be listed, or holds no pages). */
  error?: PageError;
}

/** The FILE that stands for standard input. */
export const STDIN = '-';

/**
 * A page read from standard input with no address of its own is extracted under this one: as a
 * file's `file://` URL, it leaves relative links unresolved rather than guessing a site.
 */
export const STDIN_ADDRESS = 'file:///dev/stdin';

/** The files a folder is searched for: saved pages and WARC files, gzipped or not. */
const PAGE_FILE = /\.(?:html?|xhtml|shtml|warc)(?:\.gz)?$/i;

/**
 * `sources` (FILE arguments) with each folder replaced by the pages and WARC files in it and in
 * its subfolders (names ending .html, .htm, .xhtml, .shtml or .warc, each maybe .gz), in the
 * order of their paths. Names starting with a dot are skipped, and links to folders are not
 * followed (a link back up would never end). A folder that cannot be listed, or holds no page,
 * gives an input with `error`; anything that is not a folder is left for the page reader.
 * Throws `UsageError` for a folder given with an address (`url`): one address names one page.
 */
export function expandFolders(sources: readonly string[], url: string | null): PageInput[] {
  const inputs: PageInput[] = [];
  for (const source of sources) {
    if (source !== STDIN && isFolder(source)) {
      if (url !== null)
        throw new UsageError(
          `--url names one page, and ${source} is a folder; for pages with known addresses use --manifest LIST.tsv.`,
        );
      const found = folderPages(source);
      if (!found.some((input) => !input.error))
        found.push({
          source,
          url: null,
          error: {
            code: 'no-pages',
            message: 'The folder holds no saved page (.html, .htm, .html.gz …) or WARC file.',
          },
        });
      inputs.push(...found);
    } else inputs.push({ source, url });
  }
  return inputs;
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** The page files under `folder`, depth first in name order, and the folders it cannot read. */
function folderPages(folder: string): PageInput[] {
  const out: PageInput[] = [];
  const visit = (dir: string) => {
    let names: string[];
    try {
      names = readdirSync(dir).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    } catch (err) {
      out.push({ source: dir, url: null, error: describeIoError(err) });
      return;
    }
    for (const name of names) {
      if (name.startsWith('.')) continue;
      const path = join(dir, name);
      let own: Stats;
      let target: Stats | undefined;
      try {
        own = lstatSync(path);
        // A link is followed to a file, never to a folder; a broken link is passed over.
        target = own.isSymbolicLink() ? statSync(path, { throwIfNoEntry: false }) : own;
      } catch (err) {
        out.push({ source: path, url: null, error: describeIoError(err) });
        continue;
      }
      if (target?.isDirectory()) {
        if (!own.isSymbolicLink()) visit(path);
      } else if (target?.isFile() && PAGE_FILE.test(name)) out.push({ source: path, url: null });
    }
  };
  visit(folder);
  return out;
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
export function htmlDocument(html: string, what: 'file' | 'page' | 'input' = 'page'): Document {
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
    const fd = openSync(path, 'r');
    try {
      const buffer = Buffer.alloc(WARC_SNIFF_BYTES);
      head = buffer.subarray(0, readSync(fd, buffer, 0, buffer.length, 0));
    } finally {
      closeSync(fd);
    }
  } catch {
    return false;
  }
  return startsLikeWarc(head);
}

/** Standard input: a WARC file, still to be read as a stream, or a saved page, read whole. */
export type StdinInput =
  { kind: 'warc'; bytes: AsyncIterable<Buffer> } | { kind: 'page'; read: () => Document };

/**
 * Looks at the start of standard input to tell a WARC file (read record by record later, so a
 * crawl piped in never sits in memory) from a page (read whole now; `read` parses it, throwing
 * `PageReadError` as `loadPage` does).
 */
export async function readStdin(stdin: AsyncIterable<Buffer>): Promise<StdinInput> {
  const { head, all } = await peek(stdin, WARC_SNIFF_BYTES);
  if (startsLikeWarc(head)) return { kind: 'warc', bytes: all };
  const chunks: Buffer[] = [];
  for await (const chunk of all) chunks.push(chunk);
  const bytes = Buffer.concat(chunks);
  return {
    kind: 'page',
    read: () => {
      if (!bytes.length) throw new PageReadError('not-html', 'The input is empty.');
      let html: string;
      try {
        html = htmlFromBytes(bytes);
      } catch (err) {
        if (!isZlibError(err)) throw err;
        throw new PageReadError('not-html', 'The input is not valid gzip.');
      }
      return htmlDocument(html, 'input');
    },
  };
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
 * `fallback` is the address the CLI falls back to (a file's `file://` URL, STDIN_ADDRESS), used
 * here only to detect the layout; extract.ts adds one more step before falling back to it.
 */
export function ownAddress(doc: Document, fallback: string): string | null {
  const own = absoluteHttp(
    doc.querySelector('link[rel~="canonical" i]')?.getAttribute('href') ??
      metaContent(doc, 'og:url'),
  );
  if (own) return own;
  const archive = detectLayout(doc, fallback).archive;
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
