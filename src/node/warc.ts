/**
 * Web archive files: WARC 1.0 and 1.1 (ISO 28500), plain or gzipped record by record, as
 * crawlers and archiving tools write them (Heritrix, `wget --warc-file`, Webrecorder and
 * ArchiveWeb.page, Browsertrix, ArchiveBox). Read as a stream, one record at a time, so a
 * crawl of many gigabytes never sits in memory: what comes out is the HTML pages it captured,
 * each with the address and time of its capture.
 */
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import {
  constants,
  brotliDecompressSync,
  createGunzip,
  gunzipSync,
  inflateRawSync,
  inflateSync,
} from 'node:zlib';
import { decodeHtml } from './load';
import { safeHttpUrl } from '../core/url';

/** An HTML page captured in a WARC file. */
export interface WarcPage {
  /** The record's WARC-Record-ID, a URI (`urn:uuid:…`). */
  recordId: string;
  /** WARC-Target-URI: the address the page was captured from. */
  url: string;
  /** WARC-Date as ISO 8601 UTC to the second, or null when the record gives none. */
  capturedAt: string | null;
  html: string;
}

/** What a WARC file held besides its pages, for the run's summary. */
export interface WarcTally {
  records: number;
  pages: number;
}

/** A file that is not a WARC, or one cut off in the middle of a record. */
export class WarcFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WarcFormatError';
  }
}

/**
 * Records whose block is larger than this are skipped unread: no article page is 64 MB, and a
 * crawl's videos and archives can be gigabytes each.
 */
const MAX_BLOCK = 64 * 1024 * 1024;
/** A WARC or HTTP header line longer than this is not one. */
const MAX_LINE = 64 * 1024;

/** True when `head` (a file's first bytes, unzipped) starts a WARC record. */
export function looksLikeWarc(head: Uint8Array): boolean {
  return new TextDecoder('latin1').decode(head.subarray(0, 7)) === 'WARC/1.';
}

/** How many of a file's first bytes `startsLikeWarc` wants: a first gzip member's start. */
export const WARC_SNIFF_BYTES = 4096;

/**
 * True when a file's first bytes (up to WARC_SNIFF_BYTES, gzipped or not) start a WARC record:
 * a `.warc.gz` under another name, or a WARC piped in, starts with a gzipped record.
 */
export function startsLikeWarc(head: Uint8Array): boolean {
  if (head[0] === 0x1f && head[1] === 0x8b) {
    try {
      head = gunzipSync(head, { finishFlush: constants.Z_SYNC_FLUSH });
    } catch {
      return false;
    }
  }
  return looksLikeWarc(head);
}

/**
 * The HTML pages of a WARC file (a path, or its bytes as a stream: standard input), in record
 * order. `tally` counts every record read. Throws `WarcFormatError` where the file stops being a
 * WARC (after yielding the pages before it), and Node's own errors when it cannot be read.
 */
export async function* warcPages(
  source: string | AsyncIterable<Buffer>,
  tally: WarcTally = { records: 0, pages: 0 },
): AsyncGenerator<WarcPage> {
  const reader = new ByteReader(
    await unzipped(typeof source === 'string' ? createReadStream(source) : source),
  );
  for (;;) {
    const record = await readRecord(reader, tally.records);
    if (!record) return;
    tally.records++;
    const page = record.block && pageOf(record.headers, record.block);
    if (!page) continue;
    tally.pages++;
    yield page;
  }
}

/**
 * A file's or a stream's bytes, unzipped when they start as gzip (a `.warc.gz` is one gzip
 * member per record).
 */
async function unzipped(source: AsyncIterable<Buffer>): Promise<AsyncIterator<Buffer>> {
  const { head, all } = await peek(source, 2);
  if (!(head[0] === 0x1f && head[1] === 0x8b)) return all[Symbol.asyncIterator]();
  const zipped = Readable.from(all);
  const stream = zipped.pipe(createGunzip());
  zipped.on('error', (err) => stream.destroy(err));
  return (stream as AsyncIterable<Buffer>)[Symbol.asyncIterator]();
}

/**
 * At least the first `n` bytes of a stream (fewer only when it is shorter), and the whole
 * stream again from its start: what is read to look is not lost.
 */
export async function peek(
  source: AsyncIterable<Buffer>,
  n: number,
): Promise<{ head: Buffer; all: AsyncIterable<Buffer> }> {
  const rest = source[Symbol.asyncIterator]();
  const seen: Buffer[] = [];
  let length = 0;
  let done = false;
  while (length < n) {
    const next = await rest.next();
    if (next.done) {
      done = true;
      break;
    }
    seen.push(next.value);
    length += next.value.length;
  }
  async function* replay(): AsyncGenerator<Buffer> {
    yield* seen;
    if (done) return;
    for (let next = await rest.next(); !next.done; next = await rest.next()) yield next.value;
  }
  return { head: Buffer.concat(seen, length), all: replay() };
}

interface WarcRecord {
  /** Header names lowered. */
  headers: Map<string, string>;
  /** The block, when it may hold a page and is not too large; else null (it was skipped). */
  block: Buffer | null;
}

/** The next record (`index` records have been read before it), or null at the end. */
async function readRecord(reader: ByteReader, index: number): Promise<WarcRecord | null> {
  // Records end with two CRLFs; tolerate more blank lines between them.
  let version: string | null;
  do version = await reader.readLine();
  while (version === '');
  if (version === null) return null;
  if (!/^WARC\/1\.[01]$/.test(version)) {
    throw new WarcFormatError(
      index === 0
        ? 'The file is not a WARC file (it does not start with a WARC/1.0 or WARC/1.1 record).'
        : `Record ${index + 1} does not start with WARC/1.0 or WARC/1.1: found "${version.slice(0, 40)}".`,
    );
  }
  const headers = new Map<string, string>();
  let last = '';
  for (;;) {
    const line = await reader.readLine();
    if (line === null)
      throw new WarcFormatError('The file is cut off inside a WARC record header.');
    if (line === '') break;
    if (/^[ \t]/.test(line) && last) {
      headers.set(last, `${headers.get(last)} ${line.trim()}`);
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) throw new WarcFormatError(`Not a WARC header line: "${line.slice(0, 60)}".`);
    last = line.slice(0, colon).trim().toLowerCase();
    headers.set(last, line.slice(colon + 1).trim());
  }
  const length = Number(headers.get('content-length'));
  if (!Number.isSafeInteger(length) || length < 0)
    throw new WarcFormatError('A WARC record has no valid Content-Length.');
  const type = headers.get('warc-type')?.toLowerCase();
  const mayBePage = (type === 'response' || type === 'resource') && length <= MAX_BLOCK;
  if (!mayBePage) {
    await reader.skip(length);
    return { headers, block: null };
  }
  return { headers, block: await reader.read(length) };
}

/** The page a response or resource record holds, or null when it holds none. */
function pageOf(headers: Map<string, string>, block: Buffer): WarcPage | null {
  // In its normal form (`HTTP://NEWS.bbc.co.uk` → `http://news.bbc.co.uk/`); http(s) only.
  const url = safeHttpUrl(unbracket(headers.get('warc-target-uri')));
  const recordId = unbracket(headers.get('warc-record-id'));
  if (!url || !recordId) return null;
  const type = headers.get('warc-type')?.toLowerCase();
  const blockType = headers.get('content-type') ?? '';
  let payload: Buffer | null;
  let charset: string | null;
  if (type === 'response' && /^application\/http\b/i.test(blockType)) {
    const response = httpResponse(block);
    if (!response) return null;
    ({ payload, charset } = response);
  } else if (type === 'resource' && isHtmlType(blockType)) {
    payload = block;
    charset = charsetOf(blockType);
  } else return null;
  if (!payload) return null;
  return {
    recordId,
    url,
    capturedAt: isoSecond(headers.get('warc-date')),
    html: decodeHtml(payload, charset),
  };
}

/**
 * An HTTP response's HTML body, decoded from its transfer and content codings, with the charset
 * its Content-Type names; null for anything but a successful HTML response.
 */
function httpResponse(block: Buffer): { payload: Buffer; charset: string | null } | null {
  const end = headerEnd(block);
  if (end === null) return null;
  const lines = block.toString('latin1', 0, end.start).split(/\r?\n/);
  const status = /^HTTP\/\d(?:\.\d)?\s+(\d{3})\b/.exec(lines[0] ?? '');
  // 200 and its like; not 204 (no content) or 206 (a part), not redirects or errors.
  const code = Number(status?.[1]);
  if (!status || code < 200 || code > 299 || code === 204 || code === 206) return null;
  const fields = new Map<string, string>();
  for (const line of lines.slice(1)) {
    const colon = line.indexOf(':');
    if (colon > 0)
      fields.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  let body = block.subarray(end.body);
  const contentType = fields.get('content-type');
  if (contentType ? !isHtmlType(contentType) : !looksLikeHtml(body)) return null;
  if (/\bchunked\b/i.test(fields.get('transfer-encoding') ?? '')) body = dechunk(body) ?? body;
  body = decoded(body, fields.get('content-encoding'));
  return { payload: body, charset: contentType ? charsetOf(contentType) : null };
}

function headerEnd(block: Buffer): { start: number; body: number } | null {
  const crlf = block.indexOf('\r\n\r\n');
  const lf = block.indexOf('\n\n');
  if (crlf >= 0 && (lf < 0 || crlf < lf)) return { start: crlf, body: crlf + 4 };
  if (lf >= 0) return { start: lf, body: lf + 2 };
  return null;
}

function isHtmlType(contentType: string): boolean {
  return /^\s*(?:text\/html|application\/xhtml\+xml)\s*(?:;|$)/i.test(contentType);
}

/** A response that names no type is taken as HTML when it starts like a page. */
function looksLikeHtml(body: Buffer): boolean {
  return /^\s*(?:<!doctype\s+html|<html[\s>]|<head[\s>])/i.test(body.toString('latin1', 0, 1024));
}

function charsetOf(contentType: string): string | null {
  return /;\s*charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType)?.[1]?.toLowerCase() ?? null;
}

/** A chunked body put back together; null when it is not well-formed chunks. */
function dechunk(body: Buffer): Buffer | null {
  const parts: Buffer[] = [];
  let at = 0;
  for (;;) {
    const lineEnd = body.indexOf('\n', at);
    if (lineEnd < 0) return null;
    const size = parseInt(body.toString('latin1', at, lineEnd).split(';')[0]!.trim(), 16);
    if (!Number.isFinite(size) || size < 0) return null;
    if (size === 0) return Buffer.concat(parts);
    const start = lineEnd + 1;
    if (start + size > body.length) return null;
    parts.push(body.subarray(start, start + size));
    at = start + size;
    // The CRLF after the chunk's data.
    if (body[at] === 0x0d) at++;
    if (body[at] === 0x0a) at++;
  }
}

/**
 * The body without its content coding. Some tools store the body already decoded but keep the
 * header: a body that does not decode is taken as it is.
 */
function decoded(body: Buffer, coding: string | undefined): Buffer {
  const name = coding?.trim().toLowerCase();
  if (!name || name === 'identity') return body;
  try {
    if (name === 'gzip' || name === 'x-gzip') return gunzipSync(body);
    if (name === 'br') return brotliDecompressSync(body);
    if (name === 'deflate') {
      try {
        return inflateSync(body);
      } catch {
        return inflateRawSync(body);
      }
    }
  } catch {
    return body;
  }
  return body;
}

/** WARC 1.0 wrote some URIs in angle brackets; 1.1 does not. */
function unbracket(value: string | undefined): string | null {
  const v = value?.trim();
  if (!v) return null;
  return v.startsWith('<') && v.endsWith('>') ? v.slice(1, -1).trim() : v;
}

/** WARC-Date (ISO 8601, UTC, to the second or finer) to the second, or null. */
function isoSecond(value: string | undefined): string | null {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}(?::\d{2})?)(?:\.\d+)?Z$/.exec(value?.trim() ?? '');
  if (!m) return null;
  const time = m[2]!.length === 5 ? `${m[2]}:00` : m[2];
  const iso = `${m[1]}T${time}Z`;
  return Number.isNaN(Date.parse(iso)) ? null : iso;
}

/** Lines and byte runs from a stream of chunks. */
class ByteReader {
  private buffer: Buffer = Buffer.alloc(0);
  private at = 0;
  private ended = false;
  /** Bytes consumed so far (for error messages). */
  offset = 0;

  constructor(private readonly chunks: AsyncIterator<Buffer>) {}

  /** The next line without its CRLF or LF; null at the end of the stream. */
  async readLine(): Promise<string | null> {
    for (;;) {
      const nl = this.buffer.indexOf(0x0a, this.at);
      if (nl >= 0) {
        const end = nl > this.at && this.buffer[nl - 1] === 0x0d ? nl - 1 : nl;
        const line = this.buffer.toString('utf8', this.at, end);
        this.consume(nl + 1 - this.at);
        return line;
      }
      if (this.buffer.length - this.at > MAX_LINE)
        throw new WarcFormatError(
          `A line longer than ${MAX_LINE} bytes where a header was expected.`,
        );
      if (!(await this.more())) {
        if (this.at >= this.buffer.length) return null;
        const rest = this.buffer.toString('utf8', this.at);
        this.consume(this.buffer.length - this.at);
        return rest;
      }
    }
  }

  /** Exactly `n` bytes (gathered in pieces and joined once: a block can be megabytes). */
  async read(n: number): Promise<Buffer> {
    const parts: Buffer[] = [];
    let left = n;
    for (;;) {
      const here = Math.min(left, this.buffer.length - this.at);
      parts.push(Buffer.from(this.buffer.subarray(this.at, this.at + here)));
      this.consume(here);
      left -= here;
      if (left === 0) return Buffer.concat(parts, n);
      if (!(await this.more()))
        throw new WarcFormatError('The file is cut off inside a WARC record.');
    }
  }

  /** Passes over `n` bytes without keeping them. */
  async skip(n: number): Promise<void> {
    let left = n;
    for (;;) {
      const here = Math.min(left, this.buffer.length - this.at);
      this.consume(here);
      left -= here;
      if (left === 0) return;
      this.buffer = Buffer.alloc(0);
      this.at = 0;
      if (!(await this.more()))
        throw new WarcFormatError('The file is cut off inside a WARC record.');
    }
  }

  private consume(n: number): void {
    this.at += n;
    this.offset += n;
  }

  private async more(): Promise<boolean> {
    if (this.ended) return false;
    const next = await this.chunks.next();
    if (next.done) {
      this.ended = true;
      return false;
    }
    this.buffer =
      this.at < this.buffer.length
        ? Buffer.concat([this.buffer.subarray(this.at), next.value])
        : next.value;
    this.at = 0;
    return true;
  }
}
