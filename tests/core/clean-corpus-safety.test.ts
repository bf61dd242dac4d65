/**
 * The shared steps run on every site before the generic reader, so they must never take
 * article text. For every page of the benchmark (human ground truth) and of Readability's test
 * pages (its expected output), the text a reader loses to the shared steps must be next to none
 * of the article.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { corpusAvailable, corpusPath, loadCorpusPage } from '../helpers/corpus';
import { parseHtml } from '../../src/node/load';
import { cleanPage, detectLayout } from '../../src/core';
import { lostShare, shingles, siteStepIds, visibleText } from './clean-helpers';

/** At most this share of the article's shingles may be lost on any page. */
const MAX_LOSS = 0.005;

interface Page {
  name: string;
  load(): Document;
  truth(): string;
  url: string;
}

function pages(): Page[] {
  const out: Page[] = [];
  const truth = JSON.parse(
    readFileSync(corpusPath('article-extraction-benchmark/ground-truth.json'), 'utf8'),
  ) as Record<string, { articleBody: string; url: string }>;
  for (const [id, gt] of Object.entries(truth)) {
    out.push({
      name: `benchmark ${id.slice(0, 8)}`,
      url: gt.url,
      load: () => loadCorpusPage('article-extraction-benchmark/html', `${id}.html.gz`),
      truth: () => gt.articleBody,
    });
  }
  const rtp = corpusPath('readability-test-pages');
  for (const slug of readdirSync(rtp, { withFileTypes: true })) {
    if (!slug.isDirectory()) continue;
    out.push({
      name: `readability ${slug.name}`,
      url: `https://example.com/${slug.name}`,
      load: () => loadCorpusPage('readability-test-pages', slug.name, 'source.html'),
      truth: () => {
        const expected = parseHtml(
          readFileSync(corpusPath('readability-test-pages', slug.name, 'expected.html'), 'utf8'),
        );
        return expected.documentElement.textContent ?? '';
      },
    });
  }
  return out;
}

describe.skipIf(!corpusAvailable)('shared cleanup steps never hide article text', () => {
  const all = corpusAvailable ? pages() : [];

  it('covers the whole benchmark and Readability corpus', () => {
    expect(all.filter((p) => p.name.startsWith('benchmark')).length).toBe(181);
    expect(all.filter((p) => p.name.startsWith('readability')).length).toBeGreaterThanOrEqual(130);
  });

  it('loses next to none of the article on any page', () => {
    const offenders: string[] = [];
    let pagesWithRemovals = 0;
    for (const page of all) {
      const doc = page.load();
      const truth = shingles(page.truth());
      const before = shingles(visibleText(doc.body ?? doc));
      const detection = detectLayout(doc, page.url);
      const report = cleanPage(doc, page.url, { skipSteps: siteStepIds(detection) });
      if (report.removals.length) pagesWithRemovals++;
      const after = shingles(visibleText(doc.body ?? doc));
      const { lost, total, examples } = lostShare(truth, before, after);
      if (total && lost / total > MAX_LOSS) {
        offenders.push(
          `${page.name}: lost ${lost}/${total} (${report.removals.map((r) => r.rule).join(', ')}) e.g. ${examples.join(' | ')}`,
        );
      }
    }
    expect(offenders).toEqual([]);
    // The steps did run: most corpus pages carry ads or share bars.
    expect(pagesWithRemovals).toBeGreaterThan(100);
  });
});
