/**
 * The manifest as built (dist/), not only as written: the bundler must not widen what
 * tests/security/manifest.test.ts pins on the source. crxjs, for one, lists on-demand scripts as
 * web-accessible to every page, which lets any site detect the extension (vite.config.ts drops it).
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const read = (dir: string) =>
  JSON.parse(readFileSync(resolve(ROOT, dir, 'manifest.json'), 'utf8')) as Record<
    string,
    unknown
  > & {
    permissions: string[];
    host_permissions: string[];
    content_scripts: { matches: string[] }[];
  };

describe.each(
  ['dist', 'dist-firefox'].filter((d) => existsSync(resolve(ROOT, d, 'manifest.json'))),
)('the built manifest in %s', (dir) => {
  const built = read(dir);
  const source = read('.');

  it('exposes nothing to web pages', () => {
    expect(built).not.toHaveProperty('web_accessible_resources');
    expect(built).not.toHaveProperty('externally_connectable');
  });

  it('asks for exactly the permissions and hosts of the reviewed source manifest', () => {
    expect([...built.permissions].sort()).toEqual([...source.permissions].sort());
    expect([...built.host_permissions].sort()).toEqual([...source.host_permissions].sort());
    expect(built.content_scripts.map((s) => [...s.matches].sort())).toEqual(
      source.content_scripts.map((s) => [...s.matches].sort()),
    );
  });
});

it('the Chrome build exists (npm run test:e2e builds it)', () => {
  expect(existsSync(resolve(ROOT, 'dist', 'manifest.json'))).toBe(true);
});

describe.each(
  ['dist', 'dist-firefox'].filter((d) => existsSync(resolve(ROOT, d, 'manifest.json'))),
)('the content script built in %s', (dir) => {
  it('carries the core’s queries but not the query index, which only extraction uses', () => {
    const built = read(dir);
    const [file] = (built.content_scripts[0] as unknown as { js: string[] }).js;
    const script = readFileSync(resolve(ROOT, dir, file!), 'utf8');
    const reader = readFileSync(resolve(ROOT, dir, 'src/content/article-reader.js'), 'utf8');
    // An error message of src/core/query-index.ts, as the minifier leaves strings.
    const marker = 'the document is not indexed';
    expect(reader).toContain(marker);
    expect(script).not.toContain(marker);
  });
});
