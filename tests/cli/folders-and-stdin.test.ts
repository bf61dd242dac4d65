/**
 * `broadsheet extract FOLDER` (every saved page and WARC file under it) and FILE `-` (a page or
 * a WARC file on standard input), run as a user runs them.
 */
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { records, ROOT, runCli, scratchDir } from './run-cli';

/** A small page the generic reader can extract; `head` adds to its <head>. */
function story(headline: string, head = ''): string {
  return `<!doctype html><html lang="en"><head><title>${headline}</title>${head}</head>
<body><article><h1>${headline}</h1>
<p>The first paragraph of the fixture story, long enough to read as article text.</p>
<p>The second paragraph closes it.</p></article></body></html>`;
}

/** The rebuilt 2007 story: a classic BBC page in iso-8859-1 that names no address of its own. */
const STORY_2007 = {
  url: 'http://news.bbc.co.uk/1/hi/world/europe/6658741.stm',
  file: resolve(ROOT, 'tests/fixtures/bbc-classic--2007-no-breakthrough/page.html'),
};

const withoutTime = (r: Record<string, unknown>) => ({ ...r, extractedAt: null });

let dir: string;
const at = (name: string) => join(dir, name);

function put(name: string, content: string | Uint8Array): void {
  mkdirSync(dirname(at(name)), { recursive: true });
  writeFileSync(at(name), content);
}

beforeAll(() => {
  dir = scratchDir();
  put(
    'archive/2007/story.html',
    story('The 2007 story', '<link rel="canonical" href="https://news.example/2007">'),
  );
  put('archive/2007/notes.txt', 'Notes on the crawl: not a page.');
  put('archive/2007/.draft.html', story('A hidden draft'));
  put('archive/2009/b.htm', story('The b story'));
  put('archive/2009/a.html.gz', gzipSync(story('The gzipped a story')));
  put('archive/.cache/cached.html', story('A cached copy'));
  mkdirSync(at('archive/empty'));
  put(
    'archive/z.html',
    '<!doctype html><html><head><title>Index</title></head><body></body></html>',
  );
  put('elsewhere/outside.html', story('A story kept elsewhere'));
  // A link to a folder is not followed (one back up would never end); a link to a page is.
  symlinkSync(at('elsewhere'), at('archive/linked'));
  symlinkSync(at('archive'), at('archive/2009/loop'));
  symlinkSync(at('elsewhere/outside.html'), at('archive/page-link.html'));
  mkdirSync(at('nothing-here/deeper'), { recursive: true });
  put('nothing-here/deeper/readme.txt', 'No pages.');
});

describe('broadsheet extract FOLDER', () => {
  it('reads every page under the folder in the order of their paths, and no other file', () => {
    const run = runCli(['extract', at('archive')]);
    const out = records(run);
    expect(out.map((r) => r['title'] ?? (r['error'] as { code: string }).code)).toEqual([
      'The 2007 story',
      'The gzipped a story',
      'The b story',
      'A story kept elsewhere',
      'no-article',
    ]);
    // Each page under its own address, or its path's file:// URL, as for a FILE given alone.
    expect(out[0]!['url']).toBe('https://news.example/2007');
    expect(withoutTime(out[2]!)).toEqual(
      withoutTime(records(runCli(['extract', at('archive/2009/b.htm')]))[0]!),
    );
    expect(out[4]).toEqual({
      error: { code: 'no-article', message: expect.any(String) },
      source: at('archive/z.html'),
    });
    expect(run.status).toBe(1);
  });

  it('keeps the order of the arguments, folders among files', () => {
    const run = runCli([
      'extract',
      at('elsewhere/outside.html'),
      at('archive/2009'),
      at('archive/z.html'),
    ]);
    expect(records(run).map((r) => r['title'] ?? r['source'])).toEqual([
      'A story kept elsewhere',
      'The gzipped a story',
      'The b story',
      at('archive/z.html'),
    ]);
  });

  it('says so for a folder with no page in it, and goes on with the rest', () => {
    const run = runCli(['extract', at('nothing-here'), at('archive/2009/b.htm')]);
    const out = records(run);
    expect(out[0]).toEqual({
      error: { code: 'no-pages', message: expect.stringMatching(/holds no saved page/) },
      source: at('nothing-here'),
    });
    expect(out[1]!['title']).toBe('The b story');
    expect(run.status).toBe(2);
  });

  it('refuses --url for a folder before printing anything: one address names one page', () => {
    const run = runCli(['extract', '--url', 'https://news.example/one', at('archive/2009')]);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/--url names one page, and .* is a folder/);
  });
});

describe('broadsheet extract - (standard input)', () => {
  it('reads a page piped in: under its own address, else under file:///dev/stdin', () => {
    const own = runCli(['extract', '-'], dir, {}, readFileSync(at('archive/2007/story.html')));
    expect(records(own)).toEqual([
      expect.objectContaining({ title: 'The 2007 story', url: 'https://news.example/2007' }),
    ]);
    expect(own.status).toBe(0);
    const none = records(runCli(['extract', '-'], dir, {}, story('No address')));
    expect(none[0]).toMatchObject({ title: 'No address', url: 'file:///dev/stdin' });
  });

  it('gives a page piped in, gzipped or not, as it gives the same page saved as a file', () => {
    const fromFile = records(runCli(['extract', '--url', STORY_2007.url, STORY_2007.file]))[0]!;
    const bytes = readFileSync(STORY_2007.file);
    for (const input of [bytes, gzipSync(bytes)]) {
      const [piped] = records(runCli(['extract', '--url', STORY_2007.url, '-'], dir, {}, input));
      expect(withoutTime(piped!)).toEqual(withoutTime(fromFile));
    }
    // Its own charset (iso-8859-1) was read: the pound sign and quotes are whole.
    expect(fromFile['title']).toBe('No breakthrough for US and Russia');
  });

  it('reads standard input once, in its place among the files', () => {
    const run = runCli(
      ['extract', at('archive/2009/b.htm'), '-', at('archive/z.html')],
      dir,
      {},
      story('Piped'),
    );
    expect(records(run).map((r) => r['title'] ?? r['source'])).toEqual([
      'The b story',
      'Piped',
      at('archive/z.html'),
    ]);
    const twice = runCli(['extract', '-', '-'], dir, {}, story('Piped'));
    expect(twice.status).toBe(2);
    expect(twice.stdout).toBe('');
    expect(twice.stderr).toMatch(/Standard input \(-\) can be read only once/);
  });

  it('says what is wrong with input that is not a page', () => {
    const cases: [string | Uint8Array, string][] = [
      ['', 'The input is empty.'],
      ['Just words, no markup.', 'The input has no HTML markup.'],
      [
        new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]),
        'The input is binary, not an HTML page.',
      ],
      [new Uint8Array([0x1f, 0x8b, 0x08, 0, 1, 2, 3]), 'The input is not valid gzip.'],
    ];
    for (const [input, message] of cases) {
      const run = runCli(['extract', '-'], dir, {}, input);
      expect(records(run)).toEqual([{ error: { code: 'not-html', message }, source: '-' }]);
      expect(run.status).toBe(2);
    }
  });
});

describe('broadsheet clean - (standard input)', () => {
  it('cleans a page piped in exactly as the same page saved as a file', () => {
    const fromFile = runCli(['clean', '--url', STORY_2007.url, STORY_2007.file, '-o', '-']);
    const piped = runCli(
      ['clean', '--url', STORY_2007.url, '-', '-o', '-'],
      dir,
      {},
      readFileSync(STORY_2007.file),
    );
    expect(piped.status).toBe(0);
    expect(piped.stdout).toBe(fromFile.stdout);
    expect(piped.stdout).not.toContain('an error occurred while processing this directive');
    expect(piped.stderr.replace('broadsheet: - ', `broadsheet: ${STORY_2007.file} `)).toBe(
      fromFile.stderr,
    );
  });

  it('says what is wrong with empty input, and writes nothing', () => {
    const run = runCli(['clean', '-', '-o', '-'], dir, {}, '');
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe('broadsheet: -: The input is empty. (not-html)\n');
  });
});
