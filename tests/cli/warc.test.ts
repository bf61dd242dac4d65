/**
 * `broadsheet extract` on WARC files (ISO 28500), the format crawlers and web archiving tools
 * write. The files are written here by warcio (webrecorder/warcio.js, the library behind
 * ArchiveWeb.page and Browsertrix), not by our reader's code, with the bytes a crawler keeps:
 * HTTP headers, chunked transfer coding, gzip content coding, the pages' own charsets.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { WARCRecord, WARCSerializer } from 'warcio';
import { beforeAll, describe, expect, it } from 'vitest';
import { articleSchema } from '../../src/export/schema';
import { records, ROOT, runCli, scratchDir } from './run-cli';

const FIXTURES = resolve(ROOT, 'tests/fixtures');
/** The rebuilt 2007 story: iso-8859-1, as news.bbc.co.uk served it. */
const STORY_2007 = {
  url: 'http://news.bbc.co.uk/1/hi/world/europe/6658741.stm',
  file: join(FIXTURES, 'bbc-classic--2007-no-breakthrough/page.html'),
};
/** A Wayback capture of a 2009 story, itself captured into a WARC (as a crawl of the archive). */
const CAPTURE_2009 = {
  url: 'https://web.archive.org/web/20090421200012/http://news.bbc.co.uk/1/hi/world/middle_east/8011268.stm',
  file: join(FIXTURES, 'wayback--bbc-classic-8011268/source.html'),
};
/** A video page whose player is all script: a page, but no article text. */
const VIDEO_PAGE =
  '<!doctype html><html><head><title>BBC News - Video</title></head>' +
  '<body><div id="emp-player"></div><script>embedPlayer("#emp-player")</script></body></html>';

interface RecordSpec {
  type: 'warcinfo' | 'request' | 'response' | 'resource' | 'revisit';
  url?: string;
  date?: string;
  status?: string;
  httpHeaders?: Record<string, string>;
  warcHeaders?: Record<string, string>;
  body?: Uint8Array | string;
}

/** One record as warcio writes it (gzipped as its own member, as in a .warc.gz). */
async function warcRecord(spec: RecordSpec, gzip: boolean): Promise<Uint8Array> {
  const body = typeof spec.body === 'string' ? new TextEncoder().encode(spec.body) : spec.body;
  async function* content() {
    if (body) yield body;
  }
  const record = await WARCRecord.create(
    {
      url: spec.url,
      date: spec.date ?? '2020-01-01T00:00:00Z',
      type: spec.type,
      warcHeaders: spec.warcHeaders ?? {},
      ...(spec.httpHeaders ? { httpHeaders: spec.httpHeaders } : {}),
      ...(spec.status ? { statusline: spec.status } : {}),
    },
    content(),
  );
  return WARCSerializer.serialize(record, { gzip });
}

async function warcFile(specs: RecordSpec[], gzip: boolean): Promise<Uint8Array> {
  const parts = [];
  for (const spec of specs) parts.push(await warcRecord(spec, gzip));
  return Buffer.concat(parts);
}

/** Chunked transfer coding, as a server sent the bytes and the crawler kept them. */
function chunked(bytes: Uint8Array, size = 4096): Buffer {
  const out: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += size) {
    const chunk = bytes.subarray(i, i + size);
    out.push(
      Buffer.from(`${chunk.length.toString(16)}\r\n`),
      Buffer.from(chunk),
      Buffer.from('\r\n'),
    );
  }
  out.push(Buffer.from('0\r\n\r\n'));
  return Buffer.concat(out);
}

/** A crawl of a few addresses, with everything a real crawl holds besides its pages. */
function crawl(): RecordSpec[] {
  const story = readFileSync(STORY_2007.file);
  const capture = readFileSync(CAPTURE_2009.file);
  return [
    {
      type: 'warcinfo',
      warcHeaders: { 'Content-Type': 'application/warc-fields' },
      body: 'software: test\r\nformat: WARC File Format 1.0\r\n',
    },
    {
      type: 'request',
      url: STORY_2007.url,
      date: '2007-05-15T21:30:00Z',
      status: 'GET /1/hi/world/europe/6658741.stm HTTP/1.1',
      httpHeaders: { Host: 'news.bbc.co.uk' },
    },
    {
      type: 'response',
      url: STORY_2007.url,
      date: '2007-05-15T21:30:00Z',
      status: 'HTTP/1.1 200 OK',
      httpHeaders: { 'Content-Type': 'text/html; charset=iso-8859-1' },
      body: story,
    },
    {
      type: 'response',
      url: 'http://newsimg.bbc.co.uk/media/images/42937000/jpg/_42937509_rice226ap.jpg',
      status: 'HTTP/1.1 200 OK',
      httpHeaders: { 'Content-Type': 'image/jpeg' },
      body: new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]),
    },
    {
      type: 'response',
      url: 'http://news.bbc.co.uk/1/hi/missing.stm',
      status: 'HTTP/1.1 404 Not Found',
      httpHeaders: { 'Content-Type': 'text/html' },
      body: '<html><body><h1>Page not found</h1><p>Sorry, the page is gone.</p></body></html>',
    },
    {
      type: 'response',
      url: 'http://news.bbc.co.uk/',
      status: 'HTTP/1.1 301 Moved Permanently',
      httpHeaders: {
        Location: 'http://news.bbc.co.uk/1/hi/default.stm',
        'Content-Type': 'text/html',
      },
      body: '<html><body>Moved</body></html>',
    },
    {
      type: 'revisit',
      url: STORY_2007.url,
      date: '2007-05-16T09:00:00Z',
      warcHeaders: {
        'WARC-Profile': 'http://netpreserve.org/warc/1.0/revisit/identical-payload-digest',
      },
    },
    {
      type: 'response',
      url: CAPTURE_2009.url,
      date: '2024-03-03T10:42:07Z',
      status: 'HTTP/1.1 200 OK',
      httpHeaders: {
        'Content-Type': 'text/html; charset=iso-8859-1',
        'Transfer-Encoding': 'chunked',
        'Content-Encoding': 'gzip',
      },
      body: chunked(gzipSync(capture)),
    },
    {
      type: 'response',
      url: 'http://news.bbc.co.uk/1/hi/world/europe/6658800.stm',
      date: '2007-05-15T21:31:00Z',
      status: 'HTTP/1.1 200 OK',
      httpHeaders: { 'Content-Type': 'text/html' },
      body: VIDEO_PAGE,
    },
  ];
}

const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats.default(ajv);
const validate = ajv.compile(articleSchema);

let dir: string;
const at = (name: string) => join(dir, name);

beforeAll(async () => {
  const specs = crawl();
  const gz = await warcFile(specs, true);
  dir = scratchDir({
    'crawl.warc.gz': gz,
    'crawl.warc': await warcFile(crawl(), false),
    // The same crawl under a name that does not say WARC: found by its first bytes.
    'crawl-2007.dat': gz,
    // Cut off in the middle of the capture's record.
    'cut.warc.gz': gz.subarray(0, Math.floor(gz.length * 0.9)),
    'not-a.warc': '<html><body><p>A page saved under the wrong name.</p></body></html>',
    'empty.warc': '',
  });
});

/** What the CLI gives for the same page saved on its own, under the same address. */
function savedPage(url: string, file: string): Record<string, unknown> {
  const [article] = records(runCli(['extract', '--url', url, file]));
  return article!;
}

const withoutArchive = (a: Record<string, unknown>) => ({ ...a, archive: null, extractedAt: null });

describe('broadsheet extract FILE.warc.gz', () => {
  it('gives each HTML page of the crawl, in record order, as from the page saved on its own', () => {
    const run = runCli(['extract', at('crawl.warc.gz')]);
    const out = records(run);
    // The story, the capture, and the video page (no article text); not the request, the
    // picture, the 404, the redirect or the revisit.
    expect(out.map((r) => r.url ?? (r as { url?: string }).url)).toEqual([
      STORY_2007.url,
      'http://news.bbc.co.uk/1/hi/world/middle_east/8011268.stm',
      'http://news.bbc.co.uk/1/hi/world/europe/6658800.stm',
    ]);
    const [story, capture, front] = out as [
      Record<string, unknown>,
      Record<string, unknown>,
      Record<string, unknown>,
    ];

    expect(story.title).toBe('No breakthrough for US and Russia');
    expect(withoutArchive(story)).toEqual(
      withoutArchive(savedPage(STORY_2007.url, STORY_2007.file)),
    );
    expect(story.archive).toEqual({
      service: 'warc',
      url: expect.stringMatching(/^urn:uuid:[0-9a-f-]{36}$/),
      capturedAt: '2007-05-15T21:30:00Z',
    });
    expect(validate(story), JSON.stringify(validate.errors)).toBe(true);

    // A Wayback capture keeps the archive it is: it says where the page first lived.
    expect(withoutArchive(capture)).toEqual(
      withoutArchive(savedPage(CAPTURE_2009.url, CAPTURE_2009.file)),
    );
    expect(capture.archive).toEqual({
      service: 'wayback',
      url: CAPTURE_2009.url,
      capturedAt: '2009-04-21T20:00:12Z',
    });
    expect(validate(capture), JSON.stringify(validate.errors)).toBe(true);

    expect(front).toEqual({
      error: { code: 'no-article', message: expect.any(String) },
      source: at('crawl.warc.gz'),
      url: 'http://news.bbc.co.uk/1/hi/world/europe/6658800.stm',
      record: expect.stringMatching(/^urn:uuid:/),
    });
    expect(run.stderr).toBe(`broadsheet: ${at('crawl.warc.gz')}: 9 WARC records, 3 HTML pages\n`);
    expect(run.status).toBe(1);
  });

  it('reads an uncompressed WARC, and one whose name does not say WARC, the same way', () => {
    const gz = records(runCli(['extract', at('crawl.warc.gz')]));
    for (const name of ['crawl.warc', 'crawl-2007.dat']) {
      const out = records(runCli(['extract', at(name)]));
      expect(out.map((r) => r.title ?? null)).toEqual(gz.map((r) => r.title ?? null));
      expect(out[0]!.text).toBe(gz[0]!.text);
    }
  });

  it('reads a WARC piped to standard input, gzipped or not, as the same file', () => {
    const same = (r: Record<string, unknown>) => ({
      ...r,
      extractedAt: null,
      // Error lines name their source: here "-".
      ...('error' in r ? { source: null } : {}),
    });
    for (const name of ['crawl.warc.gz', 'crawl.warc']) {
      const fromFile = records(runCli(['extract', at(name)]));
      const run = runCli(['extract', '-'], dir, {}, readFileSync(at(name)));
      expect(records(run).map(same)).toEqual(fromFile.map(same));
      expect(records(run)[2]!['source']).toBe('-');
      expect(run.stderr).toBe('broadsheet: -: 9 WARC records, 3 HTML pages\n');
    }
    const clean = runCli(['clean', '-', '-o', '-'], dir, {}, readFileSync(at('crawl.warc.gz')));
    expect(clean.status).toBe(2);
    expect(clean.stdout).toBe('');
    expect(clean.stderr).toMatch(/a WARC file holds many pages; clean takes one saved page/);
  });

  it('keeps the pages before a cut, then says where the file stops being a WARC', () => {
    const run = runCli(['extract', at('cut.warc.gz'), at('crawl.warc.gz')]);
    const out = records(run);
    expect(out[0]!.title).toBe('No breakthrough for US and Russia');
    expect(out[1]).toEqual({
      error: { code: 'bad-warc', message: expect.stringMatching(/^The file is cut off/) },
      source: at('cut.warc.gz'),
    });
    // The next file is read in full.
    expect(out.slice(2).map((r) => r.url)).toHaveLength(3);
    expect(run.status).toBe(2);
  });

  it('says so for a .warc that is not one, a WARC given a URL, and clean on a WARC', () => {
    const notWarc = records(runCli(['extract', at('not-a.warc')]));
    expect(notWarc).toEqual([
      {
        error: { code: 'not-warc', message: expect.stringMatching(/not a WARC file/) },
        source: at('not-a.warc'),
      },
    ]);
    expect(records(runCli(['extract', at('empty.warc')]))).toEqual([
      { error: { code: 'not-warc', message: 'The file is empty.' }, source: at('empty.warc') },
    ]);
    const withUrl = records(runCli(['extract', '--url', STORY_2007.url, at('crawl.warc.gz')]));
    expect(withUrl).toEqual([
      {
        error: { code: 'url-for-warc', message: expect.stringMatching(/without a URL/) },
        source: at('crawl.warc.gz'),
      },
    ]);
    const clean = runCli(['clean', at('crawl.warc.gz'), '-o', at('out.html')]);
    expect(clean.status).toBe(2);
    expect(clean.stderr).toMatch(/a WARC file holds many pages; clean takes one saved page/);
  });
});
