/**
 * WARC files as they arrive from the world: cut short, with bytes flipped, with a Content-Length
 * that lies, with junk between records. Reading one never hangs, never throws anything but
 * WarcFormatError (or zlib's own error for broken gzip), and every page it yields is a page: an
 * http(s) address, a record id and text.
 *
 * Cases: BROADSHEET_PROPERTY_RUNS (N); `npm test` runs 40 per property, `npm run
 * test:reliability` 10,000.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { warcPages, WarcFormatError } from '../../src/node/warc';
import { propertyRuns } from './helpers';

const PAGE = '<!doctype html><html><head><title>T</title></head><body><p>Text.</p></body></html>';

function record(type: string, url: string, block: string): Buffer {
  const bytes = Buffer.from(block, 'utf8');
  const head = [
    'WARC/1.1',
    `WARC-Type: ${type}`,
    `WARC-Record-ID: <urn:uuid:${url.length}-${bytes.length}>`,
    'WARC-Date: 2024-03-03T10:42:07Z',
    `WARC-Target-URI: ${url}`,
    type === 'response'
      ? 'Content-Type: application/http;msgtype=response'
      : 'Content-Type: text/html',
    `Content-Length: ${bytes.length}`,
    '',
    '',
  ].join('\r\n');
  return Buffer.concat([Buffer.from(head), bytes, Buffer.from('\r\n\r\n')]);
}

const RECORDS = [
  record(
    'response',
    'https://www.bbc.co.uk/news/a',
    `HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n${PAGE}`,
  ),
  record(
    'response',
    'https://www.bbc.co.uk/news/b',
    `HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Type: text/html\r\n\r\n${PAGE.length.toString(16)}\r\n${PAGE}\r\n0\r\n\r\n`,
  ),
  record('resource', 'http://news.bbc.co.uk/c.stm', PAGE),
];
const PLAIN = Buffer.concat(RECORDS);
const GZIPPED = Buffer.concat(RECORDS.map((r) => gzipSync(r)));

const dir = mkdtempSync(join(tmpdir(), 'broadsheet-warc-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;

/** Reads the file whole; what it yielded, and what it threw (null when it ended cleanly). */
async function readAll(bytes: Uint8Array): Promise<{ urls: string[]; thrown: unknown }> {
  const file = join(dir, `case-${n++}.warc`);
  writeFileSync(file, bytes);
  const urls: string[] = [];
  try {
    for await (const page of warcPages(file)) {
      expect(page.url).toMatch(/^https?:\/\//);
      expect(page.recordId).not.toBe('');
      expect(typeof page.html).toBe('string');
      urls.push(page.url);
    }
    return { urls, thrown: null };
  } catch (err) {
    return { urls, thrown: err };
  }
}

function expectOnlyFormatErrors(thrown: unknown): void {
  if (thrown === null) return;
  const zlib = (thrown as NodeJS.ErrnoException).code?.startsWith('Z_');
  if (!(thrown instanceof WarcFormatError) && !zlib) throw thrown;
}

type Mutation =
  | { kind: 'cut'; at: number }
  | { kind: 'flip'; at: number; byte: number }
  | { kind: 'insert'; at: number; bytes: Uint8Array }
  | { kind: 'length'; record: number; value: number };

/** A change to the file's bytes. */
const mutation = fc.oneof(
  fc.record({ kind: fc.constant('cut' as const), at: fc.nat() }),
  fc.record({
    kind: fc.constant('flip' as const),
    at: fc.nat(),
    byte: fc.integer({ min: 0, max: 255 }),
  }),
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.nat(),
    bytes: fc.uint8Array({ maxLength: 40 }),
  }),
  fc.record({
    kind: fc.constant('length' as const),
    record: fc.nat(2),
    value: fc.oneof(fc.nat(), fc.constant(-1), fc.constant(1e12)),
  }),
);

function mutate(base: Buffer, m: Mutation): Buffer {
  const at = 'at' in m ? m.at % (base.length + 1) : 0;
  switch (m.kind) {
    case 'cut':
      return base.subarray(0, at);
    case 'flip': {
      const out = Buffer.from(base);
      if (at < out.length) out[at] = m.byte;
      return out;
    }
    case 'insert':
      return Buffer.concat([base.subarray(0, at), Buffer.from(m.bytes), base.subarray(at)]);
    case 'length': {
      let seen = -1;
      return Buffer.from(
        base
          .toString('latin1')
          .replace(
            /Content-Length: \d+\r\n\r\nHTTP|Content-Length: \d+\r\n\r\n<!doctype/g,
            (whole) => (++seen === m.record ? whole.replace(/\d+/, String(m.value)) : whole),
          ),
        'latin1',
      );
    }
  }
}

describe('WARC files that are cut, corrupted or lie about their lengths', () => {
  it('the intact files give their three pages', async () => {
    for (const bytes of [PLAIN, GZIPPED]) {
      const { urls, thrown } = await readAll(bytes);
      expect(thrown).toBeNull();
      expect(urls).toEqual([
        'https://www.bbc.co.uk/news/a',
        'https://www.bbc.co.uk/news/b',
        'http://news.bbc.co.uk/c.stm',
      ]);
    }
  });

  it.each([
    ['plain', PLAIN],
    ['gzipped', GZIPPED],
  ])('%s: never hangs or throws anything but a format error', async (_name, base) => {
    await fc.assert(
      fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 3 }), async (changes) => {
        let bytes: Buffer = base;
        for (const m of changes) bytes = mutate(bytes, m);
        const { thrown } = await readAll(bytes);
        expectOnlyFormatErrors(thrown);
      }),
      { numRuns: propertyRuns(40) },
    );
  });
});
