/**
 * The WARC reader (src/node/warc.ts) on records written by hand from the standard (ISO 28500,
 * WARC 1.0 and 1.1), for what the files of other tools do differently from warcio's: angle
 * brackets or none, fractional seconds, folded header lines, LF-only HTTP headers, resource
 * records, blank lines between records, and records too large to read; and the same records
 * as a stream (standard input) cut into pieces of any size.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { peek, warcPages, WarcFormatError } from '../../src/node/warc';
import type { WarcPage, WarcTally } from '../../src/node/warc';
import { scratchDir } from './run-cli';

const PAGE = '<!doctype html><html><head><title>T</title></head><body><p>Text.</p></body></html>';

/** One record: WARC header lines (CRLF), a blank line, the block, two CRLFs. */
function record(version: string, headers: string[], block: string | Buffer): Buffer {
  const bytes = typeof block === 'string' ? Buffer.from(block, 'utf8') : block;
  const head = [version, ...headers, `Content-Length: ${bytes.length}`, '', ''].join('\r\n');
  return Buffer.concat([Buffer.from(head), bytes, Buffer.from('\r\n\r\n')]);
}

async function pagesOf(bytes: Buffer): Promise<{ pages: WarcPage[]; tally: WarcTally }> {
  const file = join(scratchDir(), 'test.warc');
  writeFileSync(file, bytes);
  const tally = { records: 0, pages: 0 };
  const pages: WarcPage[] = [];
  for await (const page of warcPages(file, tally)) pages.push(page);
  return { pages, tally };
}

describe('warcPages', () => {
  it('reads WARC 1.1 and 1.0 records as their writers write them', async () => {
    const { pages, tally } = await pagesOf(
      Buffer.concat([
        // WARC 1.1: no angle brackets, fractional seconds, LF-only HTTP headers.
        record(
          'WARC/1.1',
          [
            'WARC-Type: response',
            'WARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-000000000001>',
            'WARC-Date: 2024-03-03T10:42:07.123456Z',
            'WARC-Target-URI: https://www.bbc.com/news/articles/c1',
            'Content-Type: application/http;msgtype=response',
          ],
          `HTTP/1.1 200 OK\nContent-Type: text/html;charset=UTF-8\n\n${PAGE}`,
        ),
        Buffer.from('\r\n'),
        // WARC 1.0: the target in angle brackets, a header folded onto a second line, and a
        // resource record (a page stored as itself, without HTTP).
        record(
          'WARC/1.0',
          [
            'WARC-Type: resource',
            'WARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-000000000002>',
            'WARC-Date: 2006-10-19T12:00Z',
            // (A scheme and host in capitals, as some crawlers keep what they were given.)
            'WARC-Target-URI: <HTTP://NEWS.bbc.co.uk/1/hi/england/bradford/6072486.stm>',
            'Content-Type: text/html;',
            '  charset=iso-8859-1',
          ],
          Buffer.from(PAGE.replace('Text.', '£5m.'), 'latin1'),
        ),
        // A metadata record, and a response too large to be a page (skipped unread).
        record('WARC/1.1', ['WARC-Type: metadata', 'WARC-Record-ID: <urn:uuid:3>'], 'via: x'),
      ]),
    );
    expect(tally).toEqual({ records: 3, pages: 2 });
    expect(pages).toEqual([
      {
        recordId: 'urn:uuid:00000000-0000-4000-8000-000000000001',
        url: 'https://www.bbc.com/news/articles/c1',
        capturedAt: '2024-03-03T10:42:07Z',
        html: PAGE,
      },
      {
        recordId: 'urn:uuid:00000000-0000-4000-8000-000000000002',
        url: 'http://news.bbc.co.uk/1/hi/england/bradford/6072486.stm',
        capturedAt: '2006-10-19T12:00:00Z',
        html: PAGE.replace('Text.', '£5m.'),
      },
    ]);
  });

  it('passes over a record longer than any page without reading it', async () => {
    const big = 65 * 1024 * 1024;
    const head = [
      'WARC/1.1',
      'WARC-Type: response',
      'WARC-Record-ID: <urn:uuid:big>',
      'WARC-Target-URI: https://www.bbc.co.uk/news/video.mp4',
      'Content-Type: application/http;msgtype=response',
      `Content-Length: ${big}`,
      '',
      '',
    ].join('\r\n');
    const after = record(
      'WARC/1.1',
      [
        'WARC-Type: response',
        'WARC-Record-ID: <urn:uuid:after>',
        'WARC-Target-URI: https://www.bbc.co.uk/news/after',
        'Content-Type: application/http;msgtype=response',
      ],
      `HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n${PAGE}`,
    );
    const bytes = Buffer.concat([
      Buffer.from(head),
      Buffer.alloc(big),
      Buffer.from('\r\n\r\n'),
      after,
    ]);
    const { pages, tally } = await pagesOf(bytes);
    expect(tally).toEqual({ records: 2, pages: 1 });
    expect(pages.map((p) => p.url)).toEqual(['https://www.bbc.co.uk/news/after']);
  });

  it('throws where the file stops being a WARC, after the pages before', async () => {
    const good = record(
      'WARC/1.0',
      [
        'WARC-Type: resource',
        'WARC-Record-ID: <urn:uuid:1>',
        'WARC-Target-URI: http://news.bbc.co.uk/a.stm',
        'Content-Type: text/html',
      ],
      PAGE,
    );
    const file = join(scratchDir(), 'bad.warc');
    writeFileSync(file, Buffer.concat([good, Buffer.from('<html>not a record</html>\r\n')]));
    const seen: string[] = [];
    const reading = (async () => {
      for await (const page of warcPages(file)) seen.push(page.url);
    })();
    await expect(reading).rejects.toThrow(WarcFormatError);
    await expect(reading).rejects.toThrow(/^Record 2 does not start with WARC\/1\.0 or WARC\/1\.1/);
    expect(seen).toEqual(['http://news.bbc.co.uk/a.stm']);
  });
});

/** `bytes` as a stream in pieces of `size` bytes (the last one shorter). */
async function* inPieces(bytes: Buffer, size: number): AsyncGenerator<Buffer> {
  for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
}

describe('warcPages on a stream (standard input)', () => {
  const pageRecord = (n: number) =>
    record(
      'WARC/1.1',
      [
        'WARC-Type: response',
        `WARC-Record-ID: <urn:uuid:${n}>`,
        'WARC-Date: 2009-04-21T20:00:12Z',
        `WARC-Target-URI: http://news.bbc.co.uk/${n}.stm`,
        'Content-Type: application/http;msgtype=response',
      ],
      `HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n${PAGE.replace('Text.', `Story ${n}.`)}`,
    );
  const plain = Buffer.concat([pageRecord(1), pageRecord(2), pageRecord(3)]);
  // As .warc.gz files are written: one gzip member per record.
  const gzipped = Buffer.concat([1, 2, 3].map((n) => gzipSync(pageRecord(n))));

  it('gives the same pages as the file, however the stream is cut, gzipped or not', async () => {
    const { pages: fromFile } = await pagesOf(plain);
    expect(fromFile.map((p) => p.url)).toEqual(
      [1, 2, 3].map((n) => `http://news.bbc.co.uk/${n}.stm`),
    );
    for (const bytes of [plain, gzipped])
      for (const size of [1, 2, 3, 7, 64, 1000, bytes.length]) {
        const pages: WarcPage[] = [];
        for await (const page of warcPages(inPieces(bytes, size))) pages.push(page);
        expect(pages, `pieces of ${size}`).toEqual(fromFile);
      }
  });

  it('peek: at least the first n bytes, and then the whole stream from its start', async () => {
    for (const size of [1, 3, 5, 100]) {
      const { head, all } = await peek(inPieces(plain, size), 5);
      expect(head.length).toBeGreaterThanOrEqual(5);
      expect(head.subarray(0, 5).toString()).toBe('WARC/');
      const again: Buffer[] = [];
      for await (const chunk of all) again.push(chunk);
      expect(Buffer.concat(again).equals(plain)).toBe(true);
    }
    // A stream shorter than n: all of it, and nothing more.
    const { head, all } = await peek(inPieces(Buffer.from('WAR'), 2), 4096);
    expect(head.toString()).toBe('WAR');
    const rest: Buffer[] = [];
    for await (const chunk of all) rest.push(chunk);
    expect(Buffer.concat(rest).toString()).toBe('WAR');
  });
});
