/**
 * The bench's own arithmetic: the metadata comparison rules, quantiles, growth per 10×, the
 * attribution of CPU-profile samples to scripts and the page-load goal. Cases written by hand from
 * the rules the modules state (src/eval/metadata.ts, speed.ts, scaling.ts, bench-report.ts,
 * tests/e2e/bench-pageload.ts).
 */
import { describe, expect, it } from 'vitest';
import { metadataMatches, specDate } from '../../src/eval/metadata';
import { quantile, runSpeed } from '../../src/eval/speed';
import type { Tool } from '../../src/eval/tools';
import { resolve } from 'node:path';
import { growthPer10x, type ScaleResult } from '../../src/eval/scaling';
import { sampledTime } from '../e2e/bench-pageload';
import { checkGoals, type BenchResults, type PageLoadFigure } from '../../src/eval/bench-report';

describe("web-page-parser's asserted dates", () => {
  it('keep a zone they name, and only the day of a clock time without one', () => {
    expect(specDate('Fri Jan 27 12:58:53 +0000 2012')).toBe('Fri Jan 27 12:58:53 +0000 2012');
    expect(specDate('Saturday 24 December 2016 18:36:24 GMT')).toBe(
      'Saturday 24 December 2016 18:36:24 GMT',
    );
    expect(specDate('2018-06-12T11:47:00-05:00')).toBe('2018-06-12T11:47:00-05:00');
    expect(specDate('28 September 2015 18:03:52 BST')).toBe('28 September 2015 18:03:52 +0100');
    expect(specDate('22nd October 2014, 08:56:26')).toBe('2014-10-22');
    expect(specDate('Oct. 26 2015 15:05:22')).toBe('2015-10-26');
    expect(specDate('2016-04-01 15:17')).toBe('2016-04-01');
    expect(specDate('January 18th 2014')).toBe('January 18 2014');
    expect(specDate('no date here')).toBeNull();
  });
  it('hold a tool to the minute when zoned, to the day when not', () => {
    const bst = specDate('28 September 2015 18:03:52 BST')!;
    expect(metadataMatches('published', bst, '2015-09-28T17:03:52Z')).toBe(true);
    expect(metadataMatches('published', bst, '2015-09-28T18:03:52Z')).toBe(false);
    expect(
      metadataMatches('published', specDate('2016-04-01 15:17')!, '2016-04-01T12:17:00Z'),
    ).toBe(true);
  });
});

describe('metadata comparison', () => {
  it('compares titles after straightening quotes and collapsing spaces, case kept', () => {
    expect(metadataMatches('title', "UK economy 'to pick up'", 'UK economy ‘to pick up’')).toBe(
      true,
    );
    expect(metadataMatches('title', 'UK economy', 'UK  economy ')).toBe(true);
    expect(metadataMatches('title', 'UK economy', 'UK Economy')).toBe(false);
    expect(metadataMatches('title', 'UK economy', null)).toBe(false);
  });
  it('compares authors as sets of names, ignoring case and a leading By', () => {
    expect(metadataMatches('author', 'James Rodgers', 'By James Rodgers')).toBe(true);
    expect(metadataMatches('author', 'Jane Doe and John Smith', 'john smith, jane doe')).toBe(true);
    expect(metadataMatches('author', 'Jane Doe', 'Jane Doe, John Smith')).toBe(false);
  });
  it('compares dates to the minute, or to the day when one side has no time', () => {
    const truth = 'Apr 21 19:50:44 +0000 2009';
    expect(metadataMatches('published', truth, '2009-04-21T20:50:44+01:00')).toBe(true);
    expect(metadataMatches('published', truth, '2009-04-21T19:50:00Z')).toBe(true);
    expect(metadataMatches('published', truth, '2009-04-21T18:50:44Z')).toBe(false);
    expect(metadataMatches('published', truth, '2009-04-21')).toBe(true);
    expect(metadataMatches('published', truth, '2009-04-22')).toBe(false);
    expect(metadataMatches('published', truth, 'not a date')).toBe(false);
  });
  it('reads an ISO date and time without a zone as UTC, on either side', () => {
    expect(metadataMatches('published', '2018-04-05T06:00', '2018-04-05T06:00:00Z')).toBe(true);
    expect(metadataMatches('published', '2018-04-05T06:00', '2018-04-05T06:00')).toBe(true);
    expect(metadataMatches('published', '2017-11-24T18:42:20.314667', '2017-11-24T18:42:20Z')).toBe(
      true,
    );
    expect(metadataMatches('published', '2018-04-05T06:00', '2018-04-05T10:00:00Z')).toBe(false);
  });
});

describe('quantile', () => {
  it('interpolates between ranks', () => {
    expect(quantile([4, 1, 3, 2], 0.5)).toBe(2.5);
    expect(quantile([1, 2, 3, 4, 5], 0.95)).toBeCloseTo(4.8);
    expect(quantile([], 0.5)).toBeNaN();
  });
});

describe('growth per 10×', () => {
  const row = (size: number, ms: number | null): ScaleResult => ({
    tool: 't',
    name: `${size}`,
    size,
    deep: false,
    parseMs: 1,
    ms,
    textLength: 1,
    error: ms === null ? 'failed' : null,
    where: null,
    rssBeforeMb: 1,
    peakRssMb: 1,
  });
  it('divides each time by the one 10× smaller, null where a run failed', () => {
    expect(growthPer10x([row(10_000, 120), row(1_000, 10), row(100_000, null)], 't')).toEqual([
      12,
      null,
    ]);
  });
});

describe('profile samples to scripts', () => {
  it('gives each sample to the innermost frame an owner claims, for the time until the next sample', () => {
    const profile = {
      nodes: [
        { id: 1, callFrame: { url: '' }, children: [2, 4] },
        { id: 2, callFrame: { url: 'chrome-extension://x/index.js' }, children: [3] },
        { id: 3, callFrame: { url: '' } }, // a DOM call made by the extension
        { id: 4, callFrame: { url: 'https://page/app.js' } },
      ],
      samples: [3, 2, 4, 3],
      timeDeltas: [0, 1000, 500, 2000],
    };
    const times = sampledTime(profile, (url) =>
      url.startsWith('chrome-extension://') ? 'ext' : null,
    );
    // Samples 0 (1 ms), 1 (0.5 ms) and 3 (last: one interval, 0.1 ms) are the extension's.
    expect(times.get('ext')).toBeCloseTo(1.6);
    expect(times.size).toBe(1);
  });
});

describe('speed runs', () => {
  const page = {
    corpus: 'tests/fixtures',
    id: 'bbc-classic--2007-no-breakthrough',
    path: resolve(import.meta.dirname, '../fixtures/bbc-classic--2007-no-breakthrough/page.html'),
    url: 'http://news.bbc.co.uk/1/hi/world/europe/6658741.stm',
    bbc: true,
  };
  const title = (doc: Document) => doc.querySelector('title')?.textContent ?? '';
  /** Claims to leave the page alone, but rewrites its title. */
  const vandal: Tool = {
    name: 'vandal',
    mutatesInput: false,
    async run(doc) {
      const t = doc.querySelector('title');
      if (t) t.textContent = 'changed';
      return () => ({ text: '', title: 'changed', author: null, published: null });
    },
    extract: async () => '',
  };
  /** Reports the title it saw. */
  const reader: Tool = {
    name: 'reader',
    mutatesInput: false,
    async run(doc) {
      const seen = title(doc);
      return () => ({ text: seen, title: seen, author: null, published: null });
    },
    extract: async (doc) => title(doc),
  };

  it('puts a change down to the tool that made it, and no other tool sees it', async () => {
    // Two tools, rotated: in one of the rounds the reader runs right after the vandal.
    const run = await runSpeed([page], [vandal, reader], { rounds: 3, warmup: 0 });
    expect(run.mutated).toEqual({ vandal: [page.id] });
    expect(run.pages[0]!.found[1]!.title).toContain('No breakthrough for US and Russia');
    expect(run.pages[0]!.ms.map((ms) => ms.length)).toEqual([3, 3]);
  });
});

describe('the page-load goal', () => {
  const figure = (name: string, content: number, readability: number, ratio: number | null) =>
    ({
      name,
      url: `https://www.bbc.co.uk/news/${name}`,
      kind: 'bbc-article',
      loads: 9,
      contentScriptMs: content,
      byFile: {},
      readabilityWallMs: readability,
      readabilitySampledMs: readability,
      ratio,
    }) satisfies PageLoadFigure;
  const results = (pageLoad: PageLoadFigure[]) =>
    ({
      quality: [],
      metadata: [],
      timing: [],
      scaling: [],
      size: { error: 'not built' },
      pageLoad,
    }) as unknown as BenchResults;
  const goal = (pageLoad: PageLoadFigure[]) =>
    checkGoals(results(pageLoad)).find((g) => g.goal.startsWith('Content script on BBC'))!;

  it('judges each page by the median of its rounds’ own ratios, worst first', () => {
    // Medians of 5 and 10 ms would give 0.5; the rounds, each a load and then a parse, say 0.08.
    const met = goal([figure('a', 5, 10, 0.08), figure('b', 1, 20, 0.05)]);
    expect(met.met).toBe(true);
    expect(met.figure).toBe('a: 5.00 vs 10.0 ms (0.08); b: 1.00 vs 20.0 ms (0.05)');
    const missed = goal([figure('a', 5, 10, 0.08), figure('c', 3, 6, 0.4)]);
    expect(missed.met).toBe(false);
    expect(missed.figure.startsWith('c: ')).toBe(true);
  });

  it('leaves out a page where Readability was not measured', () => {
    expect(goal([figure('a', 5, 10, 0.08), figure('n', 9, 0, null)]).figure).not.toContain('n:');
  });
});
