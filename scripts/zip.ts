/**
 * `npm run zip`: the store archives, from fresh builds — artifacts/broadsheet-chrome-<version>.zip
 * (Chrome Web Store, from dist/) and artifacts/broadsheet-firefox-<version>.zip
 * (addons.mozilla.org, from dist-firefox/). Entries are sorted and dated 1980-01-01, so the same
 * build gives the same bytes.
 */
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { zipSync } from 'fflate';
import type { Zippable } from 'fflate';

const ROOT = resolve(import.meta.dirname, '..');
const OUT = resolve(ROOT, 'artifacts');
/** The earliest date a zip can hold: no build time leaks into the archive. */
const FIXED_DATE = new Date(1980, 0, 1);

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  const stack = [dir];
  while (stack.length) {
    const current = stack.pop()!;
    for (const name of readdirSync(current)) {
      const path = join(current, name);
      if (statSync(path).isDirectory()) stack.push(path);
      else out.push(path);
    }
  }
  return out.sort();
}

function zipFolder(dir: string, target: string): void {
  const manifest = join(dir, 'manifest.json');
  if (!statSync(manifest, { throwIfNoEntry: false })?.isFile())
    throw new Error(`${relative(ROOT, dir)}/ has no manifest.json: build it first`);
  const entries: Zippable = {};
  for (const file of filesUnder(dir)) {
    // The stores want the manifest at the root and forward slashes everywhere.
    const name = relative(dir, file).split(sep).join('/');
    entries[name] = [readFileSync(file), { mtime: FIXED_DATE, level: 9 }];
  }
  writeFileSync(target, zipSync(entries));
  console.log(`${relative(ROOT, target)}: ${Object.keys(entries).length} files`);
}

const { version } = JSON.parse(readFileSync(resolve(ROOT, 'package.json'), 'utf8')) as {
  version: string;
};
mkdirSync(OUT, { recursive: true });
zipFolder(resolve(ROOT, 'dist'), resolve(OUT, `broadsheet-chrome-${version}.zip`));
zipFolder(resolve(ROOT, 'dist-firefox'), resolve(OUT, `broadsheet-firefox-${version}.zip`));
