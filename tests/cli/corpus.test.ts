/**
 * The CLI on real saved pages from the shared corpus: charsets, gzip, canonical addresses, and
 * a run over some two hundred pages in one process.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { corpusAvailable, corpusPath } from '../helpers/corpus';
import { records, runCli, scratchDir } from './run-cli';

const BBC_NEWS = 'web-page-parser/bbc_news';

describe.skipIf(!corpusAvailable)('broadsheet extract on corpus pages', () => {
  it('reads a 2015 bbc.com story and a windows-1252 news.bbc.co.uk story of 2008', () => {
    const bbc2015 = corpusPath('readability-test-pages/bbc-1/source.html');
    // Declares iso-8859-1 and holds a raw 0xA3 pound sign.
    const bbc2008 = corpusPath(BBC_NEWS, '7745137.stm.html');
    const run = runCli(['extract', bbc2015, bbc2008]);
    expect(run.status).toBe(0);
    const [first, second] = records(run);

    const expected = JSON.parse(
      readFileSync(corpusPath('readability-test-pages/bbc-1/expected-metadata.json'), 'utf8'),
    ) as { title: string };
    expect(first!['title']).toBe(expected.title);
    // The page's own canonical link names it.
    expect(first!['url']).toBe('http://www.bbc.com/news/world-us-canada-33646704');

    expect(second!['title']).toContain('Police to be armed with stun guns');
    // No canonical link: the page names itself only in <meta name="UKFS_URL">, and under that
    // address its root-relative related-story links resolve.
    expect(second!['url']).toBe('http://news.bbc.co.uk/1/hi/uk/7745137.stm');
    expect(second!['related']).toContainEqual(
      expect.objectContaining({
        title: "'I've been Tasered 200 times'",
        url: 'http://news.bbc.co.uk/1/hi/uk/6661617.stm',
        kind: 'story',
      }),
    );
    expect(second!['text']).toContain('The Home Office plans to spend £8m on 10,000 new Taser');
  });

  it('knows a 2010 story-body page by its UKFS_URL, as it knows a classic one', () => {
    // The first story-body pages (June 2010, still at news.bbc.co.uk/1/hi/…) have no canonical
    // link either; four of their five related links are root-relative.
    const [record] = records(runCli(['extract', corpusPath(BBC_NEWS, '10249066.stm.html')]));
    expect(record!['url']).toBe('http://news.bbc.co.uk/1/hi/england/10249066.stm');
    expect(record!['canonicalUrl']).toBe('http://news.bbc.co.uk/1/hi/england/10249066.stm');
    expect(
      (record!['related'] as { title: string; url: string }[]).map((r) => [r.title, r.url]),
    ).toEqual([
      ['Beach service honours gun victims', 'http://news.bbc.co.uk/1/hi/england/10250074.stm'],
      ["Bird target 'did not answer door'", 'http://news.bbc.co.uk/1/hi/england/10247585.stm'],
      ['Interactive map of shootings', 'http://news.bbc.co.uk/1/hi/england/10232051.stm'],
      ["'Quiet man' behind the bloodshed", 'http://news.bbc.co.uk/1/hi/uk/10232027.stm'],
      ['Cumbria Police', 'http://www.cumbria.police.uk/'],
    ]);
  });

  it('reads a page saved again as UTF-8 that still declares gb2312 as UTF-8', () => {
    const qq = corpusPath('readability-test-pages/qq');
    const expected = JSON.parse(readFileSync(join(qq, 'expected-metadata.json'), 'utf8')) as {
      title: string;
    };
    const [record] = records(runCli(['extract', join(qq, 'source.html')]));
    // Decoded right, it is Readability's title without the section and site Readability keeps
    // after it (our title is the headline, the page's <h1>).
    expect(expected.title).toMatch(/_科技_腾讯网$/);
    expect(record!['title']).toBe(expected.title.replace(/_科技_腾讯网$/, ''));
    expect(record!['text']).toContain('DeepMind');
    expect(record!['text']).toMatch(/人工智能/);
  });

  it('extracts some two hundred pages in one process, one record each, in manifest order', () => {
    const truth = JSON.parse(
      readFileSync(corpusPath('article-extraction-benchmark/ground-truth.json'), 'utf8'),
    ) as Record<string, { url: string }>;
    const bbcIndex = JSON.parse(
      readFileSync(corpusPath('web-page-parser/derived/bbc_news_fixture_index.json'), 'utf8'),
    ) as { fixture: string; url: string }[];
    const pages = [
      ...Object.entries(truth).map(([id, { url }]) => ({
        path: corpusPath('article-extraction-benchmark/html', `${id}.html.gz`),
        url,
      })),
      ...bbcIndex.map(({ fixture, url }) => ({
        path: corpusPath(BBC_NEWS, fixture.split('/').pop()!),
        url,
      })),
    ];
    expect(pages.length).toBeGreaterThanOrEqual(200);
    const manifest = join(scratchDir(), 'corpus.tsv');
    writeFileSync(manifest, pages.map((p) => `${p.path}\t${p.url}\n`).join(''));

    const run = runCli(['extract', '--manifest', manifest]);
    const out = records(run);
    expect(out).toHaveLength(pages.length);
    // Each record belongs to its line of the manifest: the article under the URL given there.
    out.forEach((record, i) => {
      if ('error' in record) expect(record['source']).toBe(pages[i]!.path);
      else expect(record['url']).toBe(new URL(pages[i]!.url).href);
    });
    const failures = out.filter((r) => 'error' in r);
    // These are all articles: a few may defeat the extractor, none may fail to be read.
    expect(failures.filter((r) => (r['error'] as { code: string }).code !== 'no-article')).toEqual(
      [],
    );
    expect(failures.length).toBeLessThanOrEqual(pages.length * 0.05);
    expect(run.status).toBe(failures.length ? 1 : 0);
  }, 600_000);
});
