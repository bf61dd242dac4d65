/**
 * `broadsheet clean FILE -o OUT.html`: the file it writes is a whole page again (doctype,
 * UTF-8 declared), without what its own report says it removed, and with the story intact.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../src/node/load';
import { corpusAvailable, corpusPath } from '../helpers/corpus';
import { runCli, scratchDir } from './run-cli';

const BBC_NEWS = 'web-page-parser/bbc_news';

/** The text a reader sees: no scripts, styles or templates, white space collapsed. */
function visibleText(doc: Document): string {
  for (const el of Array.from(doc.querySelectorAll('script, style, noscript, template')))
    el.remove();
  return (doc.documentElement.textContent ?? '').replace(/\s+/g, ' ');
}

/** Every `<meta>` that declares a charset, as written. */
function charsetDeclarations(doc: Document): string[] {
  return Array.from(doc.querySelectorAll('meta'))
    .map(
      (m) =>
        m.getAttribute('charset') ?? /charset=([\w-]+)/i.exec(m.getAttribute('content') ?? '')?.[1],
    )
    .filter((c): c is string => !!c);
}

/** The summary line's counts, `removed 12: 2 related, 6 navigation` → {related: 2, …}. */
function summaryCounts(stderr: string): Record<string, number> {
  const m = /removed (\d+): ([^;]+);/.exec(stderr);
  if (!m) return {};
  return Object.fromEntries(
    m[2]!.split(', ').map((part) => {
      const [n, kind] = part.split(' ');
      return [kind!, Number(n)];
    }),
  );
}

describe.skipIf(!corpusAvailable)('broadsheet clean on corpus pages', () => {
  it('writes a 2010 story-body page without the clutter it reports, story intact', () => {
    const page = corpusPath(BBC_NEWS, '10249066.stm.html');
    const out = join(scratchDir(), 'clean.html');
    const run = runCli(['clean', page, '-o', out, '--verbose']);
    expect(run.status).toBe(0);

    const listed = run.stderr
      .split('\n')
      .filter((line) => line.startsWith('  '))
      .map((line) => {
        const [kind, rule, text] = line.trim().split('\t');
        return { kind: kind!, rule: rule!, text: (text ?? '').replace(/…$/, '').trim() };
      });
    const counts = summaryCounts(run.stderr);
    expect(listed.length).toBeGreaterThan(0);
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(listed.length);
    for (const [kind, n] of Object.entries(counts))
      expect(listed.filter((r) => r.kind === kind)).toHaveLength(n);

    const original = parseHtml(readFileSync(page, 'utf8'));
    const cleaned = parseHtml(readFileSync(out, 'utf8'));
    expect(cleaned.doctype?.name).toBe(original.doctype?.name);
    expect(cleaned.doctype?.publicId).toBe(original.doctype?.publicId);
    expect(charsetDeclarations(cleaned)).toEqual(['utf-8']);

    const text = visibleText(cleaned);
    for (const removal of listed.filter((r) => r.text.length >= 12))
      expect(text, `${removal.rule} should be gone`).not.toContain(removal.text);
    // What the original parser's own assertions say the story is (derived/…_assertions.json).
    expect(text).toContain("Gunman's family unaware of motive for killings");
    expect(text).toContain(
      'The family of gunman Derrick Bird say they have no idea why he carried out the "horrific" shootings in Cumbria.',
    );
  });

  it('rewrites a windows-1252 page of 2008 as UTF-8 and says so', () => {
    const out = join(scratchDir(), 'clean.html');
    const run = runCli(['clean', corpusPath(BBC_NEWS, '7745137.stm.html'), '-o', out]);
    expect(run.status).toBe(0);
    expect(run.stderr).toMatch(/^broadsheet: .*7745137\.stm\.html \(layout [\w-]+\): /);
    const html = readFileSync(out, 'utf8');
    expect(html).toContain('The Home Office plans to spend £8m on 10,000 new Taser');
    expect(charsetDeclarations(parseHtml(html))).toEqual(['utf-8']);
    expect(html.toLowerCase()).not.toContain('iso-8859-1');
  });
});

describe('broadsheet clean', () => {
  it('writes to stdout with -o -', () => {
    const dir = scratchDir({
      'page.html':
        '<!DOCTYPE html><html><head><meta charset="windows-1252"><title>T</title></head><body><p>Text.</p></body></html>',
    });
    const run = runCli(['clean', join(dir, 'page.html'), '-o', '-']);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(
      /^<!DOCTYPE html><html><head><meta charset="utf-8"><title>T<\/title>/,
    );
    expect(run.stdout).not.toContain('windows-1252');
    expect(run.stderr).toContain('wrote stdout');
  });

  it('exits 2 with a message for a page it cannot read', () => {
    const dir = scratchDir();
    const run = runCli(['clean', join(dir, 'missing.html'), '-o', join(dir, 'out.html')]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('missing.html: No such file. (ENOENT)');
  });
});
