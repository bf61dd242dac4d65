/**
 * Locating the shared corpus. Tests that need it skip with a visible notice when it is absent,
 * except under CI=true, where its absence is a failure.
 */
import { existsSync } from 'node:fs';
import { resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readHtmlFile, parseHtml } from '../../src/node/load';

export const CORPUS_DIR = resolve(
  process.env.BROADSHEET_CORPUS ??
    resolve(dirname(fileURLToPath(import.meta.url)), '../../../shared/corpus'),
);
export const REFERENCE_DIR = resolve(CORPUS_DIR, '../reference');

export const corpusAvailable = existsSync(CORPUS_DIR);

if (!corpusAvailable) {
  if (process.env.CI === 'true') {
    throw new Error(
      `The shared corpus is required in CI but was not found at ${CORPUS_DIR} (set BROADSHEET_CORPUS).`,
    );
  }
  console.warn(
    `\n[broadsheet] NOTICE: corpus not found at ${CORPUS_DIR}; corpus tests are SKIPPED.\n`,
  );
}

export function corpusPath(...parts: string[]): string {
  return resolve(CORPUS_DIR, ...parts);
}

export function loadCorpusPage(...parts: string[]): Document {
  return parseHtml(readHtmlFile(corpusPath(...parts)));
}
