/**
 * Files the extension saved with `downloads.download`, read once they are whole. Firefox makes the
 * file, empty, with a `.part` beside it that takes the bytes; Chromium writes a `.crdownload` and
 * may show the final name before its bytes are in (Chromium 156, once in a CI run: a test that read
 * the file as soon as its name appeared got "Unexpected end of JSON input"). So a file is read
 * until it parses, with no download still running beside it.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect } from 'vitest';

const PARTIAL = /\.(?:crdownload|part)$/;

/** The names in `dir` now (none when it does not exist yet): pass as `before` to `savedJson`. */
export function filesIn(dir: string): Set<string> {
  return new Set(existsSync(dir) ? readdirSync(dir) : []);
}

/**
 * The one JSON file saved in `dir` since `before`, parsed, waiting (up to 15 s) until no download
 * is running there and the file parses. Fails when none, or more than one, comes.
 */
export async function savedJson<T = Record<string, unknown>>(
  dir: string,
  before: ReadonlySet<string> = new Set(),
): Promise<{ name: string; article: T }> {
  let saved: { name: string; article: T } | null = null;
  const whole = () => {
    const names = [...filesIn(dir)].filter((name) => !before.has(name));
    const done = names.filter((name) => !PARTIAL.test(name));
    if (done.length !== 1 || done.length !== names.length) return names;
    try {
      const article = JSON.parse(readFileSync(resolve(dir, done[0]!), 'utf8')) as T;
      saved = { name: done[0]!, article };
      return true;
    } catch {
      return names;
    }
  };
  await expect.poll(whole, { timeout: 15_000 }).toBe(true);
  return saved!;
}
