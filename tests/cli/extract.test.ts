/**
 * `broadsheet extract`, run as a user runs it: records in input order, one per page, the error
 * shape, exit statuses, manifests, and the rule that names a page when no URL is given.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { records, runCli, scratchDir } from './run-cli';

/** A small page the generic reader can extract; `head` adds to its <head>. */
function story(head = '', headline = 'A fixture story'): string {
  return `<!doctype html><html lang="en"><head><title>${headline}</title>${head}</head>
<body><article><h1>${headline}</h1>
<p>The first paragraph of the fixture story, long enough to read as article text.</p>
<p>The second paragraph closes it.</p></article></body></html>`;
}

const PAGES = {
  'canonical.html': story('<link rel="canonical" href="https://news.example/story-1">'),
  'og.html': story('<meta property="og:url" content="https://news.example/story-2">'),
  'plain.html': story(),
  // A capture saved "HTML only": Wayback rewrote the canonical link root-relative.
  'rewritten.html': story(
    '<link rel="canonical" href="/web/20070515212000/http://news.bbc.co.uk/1/hi/world/europe/6660555.stm">',
  ),
  // A capture with Wayback's replay script in <head> and no canonical link at all.
  'capture.html': story(
    '<script>__wm.wombat("http://news.bbc.co.uk/1/hi/uk/8011268.stm","20090421195044","https://web.archive.org/","web","/_static/");</script>',
  ),
  'empty.html': '<!doctype html><html><head><title>Nothing here</title></head><body></body></html>',
  'notes.txt': 'Just a line of words, with no markup at all.',
  'image.png': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]),
  'broken.html.gz': 'this is not gzip',
  'zipped.html.gz': gzipSync(story('', 'A gzipped story')),
  // Dates as many sites write them: a clock time with no zone (aclu.org, liberation.fr …).
  'zoneless.html': story(
    '<meta property="article:published_time" content="2018-04-05T06:00">' +
      '<meta property="article:modified_time" content="April 6, 2018 9:30 pm">',
  ),
};

let dir: string;
const at = (name: string) => join(dir, name);

beforeAll(() => {
  dir = scratchDir(PAGES);
  mkdirSync(at('folder'));
});

describe('broadsheet extract', () => {
  it('prints one record per input, in input order, and a bad input never stops the others', () => {
    const inputs = ['canonical.html', 'missing.html', 'folder', 'image.png', 'notes.txt'];
    inputs.push('broken.html.gz', 'empty.html', 'zipped.html.gz');
    const run = runCli(['extract', ...inputs.map(at)]);
    const out = records(run);
    expect(out).toHaveLength(inputs.length);

    expect(out[0]).toMatchObject({ schemaVersion: 1, title: 'A fixture story' });
    expect(out[0]!['text']).toContain('The first paragraph of the fixture story');
    const errors = out.slice(1, 7).map((r) => [(r['error'] as { code: string }).code, r['source']]);
    expect(errors).toEqual([
      ['ENOENT', at('missing.html')],
      ['no-pages', at('folder')],
      ['not-html', at('image.png')],
      ['not-html', at('notes.txt')],
      ['not-html', at('broken.html.gz')],
      ['no-article', at('empty.html')],
    ]);
    expect(out[7]).toMatchObject({ schemaVersion: 1, title: 'A gzipped story' });
    // An I/O error outranks a page without an article.
    expect(run.status).toBe(2);
  });

  it('gives every error record exactly {error: {code, message}, source}', () => {
    const [record] = records(runCli(['extract', at('missing.html')]));
    expect(Object.keys(record!).sort()).toEqual(['error', 'source']);
    const error = record!['error'] as Record<string, unknown>;
    expect(Object.keys(error).sort()).toEqual(['code', 'message']);
    expect(error['message']).toEqual(expect.stringMatching(/\S/));
  });

  it('exits 1 when some pages had no article and the rest were extracted', () => {
    const run = runCli(['extract', at('canonical.html'), at('empty.html')]);
    expect(run.status).toBe(1);
    expect(records(run).map((r) => r['title'] ?? (r['error'] as { code: string }).code)).toEqual([
      'A fixture story',
      'no-article',
    ]);
  });

  it('exits 0 when every page was extracted', () => {
    const run = runCli(['extract', at('canonical.html'), at('plain.html')]);
    expect(run.status).toBe(0);
    expect(records(run)).toHaveLength(2);
    expect(run.stderr).toBe('');
  });

  it('indents records with --pretty', () => {
    const run = runCli(['extract', '--pretty', at('canonical.html')]);
    expect(run.stdout.split('\n').length).toBeGreaterThan(10);
    expect(JSON.parse(run.stdout)).toMatchObject({ title: 'A fixture story' });
  });
});

describe('dates without a zone', () => {
  it('are read as UTC, so the record is the same on a machine in any time zone', () => {
    const outputs = ['UTC', 'America/New_York', 'Asia/Tokyo'].map(
      (TZ) => runCli(['extract', at('zoneless.html')], dir, { TZ }).stdout,
    );
    const [record] = records({ status: 0, stdout: outputs[0]!, stderr: '' });
    expect(record).toMatchObject({
      published: '2018-04-05T06:00:00Z',
      modified: '2018-04-06T21:30:00Z',
    });
    const dates = outputs.map((out) => out.match(/"(?:published|modified)":"[^"]*"/g));
    expect(dates[1]).toEqual(dates[0]);
    expect(dates[2]).toEqual(dates[0]);
  });
});

describe('the address a page is extracted under', () => {
  const urlOf = (args: string[]) => records(runCli(['extract', ...args]))[0]!;

  it('is --url when given, over the page’s own canonical link', () => {
    const article = urlOf(['--url', 'https://given.example/a', at('canonical.html')]);
    expect(article['url']).toBe('https://given.example/a');
  });

  it('is the canonical link, else og:url', () => {
    expect(urlOf([at('canonical.html')])['url']).toBe('https://news.example/story-1');
    expect(urlOf([at('og.html')])['url']).toBe('https://news.example/story-2');
  });

  it('is the file:// URL of a page that names no address', () => {
    expect(urlOf([at('plain.html')])['url']).toBe(pathToFileURL(at('plain.html')).href);
  });

  it('keeps a Wayback-rewritten canonical link as the capture, and the original as url', () => {
    const article = urlOf([at('rewritten.html')]);
    expect(article['url']).toBe('http://news.bbc.co.uk/1/hi/world/europe/6660555.stm');
    expect(article['archive']).toEqual({
      service: 'wayback',
      url: 'https://web.archive.org/web/20070515212000/http://news.bbc.co.uk/1/hi/world/europe/6660555.stm',
      capturedAt: '2007-05-15T21:20:00Z',
    });
  });

  it('is the original address of a capture the document shows it is', () => {
    const article = urlOf([at('capture.html')]);
    expect(article['url']).toBe('http://news.bbc.co.uk/1/hi/uk/8011268.stm');
    expect(article['archive']).toMatchObject({
      url: 'https://web.archive.org/web/20090421195044/http://news.bbc.co.uk/1/hi/uk/8011268.stm',
      capturedAt: '2009-04-21T19:50:44Z',
    });
  });
});

describe('broadsheet extract --manifest', () => {
  let manifest: string;
  beforeAll(() => {
    mkdirSync(at('list'), { recursive: true });
    manifest = at('list/pages.tsv');
    writeFileSync(
      manifest,
      [
        '# path<TAB>url; relative paths are read from this folder',
        '',
        '../canonical.html\thttps://given.example/from-manifest',
        '   ',
        `${at('plain.html')}`,
        '  # an indented comment',
        'nowhere.html\thttps://given.example/nowhere',
        '../og.html\t',
      ].join('\r\n'),
    );
  });

  it('reads pages from the manifest’s folder, in its order, with its URLs', () => {
    // Run from another folder: relative paths must not depend on the working directory.
    const run = runCli(['extract', '--manifest', manifest], at('folder'));
    const out = records(run);
    expect(out.map((r) => r['url'] ?? r['source'])).toEqual([
      'https://given.example/from-manifest',
      pathToFileURL(at('plain.html')).href,
      join(dir, 'list', 'nowhere.html'),
      'https://news.example/story-2',
    ]);
    expect((out[2]!['error'] as { code: string }).code).toBe('ENOENT');
    expect(run.status).toBe(2);
  });

  it('rejects a malformed line before printing anything', () => {
    const bad = at('list/bad.tsv');
    writeFileSync(bad, `../canonical.html\thttps://ok.example/\n../plain.html\tnot a url\n`);
    const run = runCli(['extract', '--manifest', bad]);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(`${bad}:2`);
  });

  it('exits 2 when the manifest cannot be read', () => {
    const run = runCli(['extract', '--manifest', at('list/absent.tsv')]);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/Cannot read manifest .*absent\.tsv/);
  });
});
