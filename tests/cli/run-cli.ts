/**
 * Runs the real CLI from source (tsx src/cli/main.ts), as `npm run -s broadsheet -- …` does,
 * and hands back what a user would see: exit status, stdout, stderr.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll } from 'vitest';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const TSX = resolve(ROOT, 'node_modules/.bin/tsx');
const MAIN = resolve(ROOT, 'src/cli/main.ts');

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the CLI with `args`; `input` is piped to its standard input (else it reads nothing). */
export function runCli(
  args: string[],
  cwd = ROOT,
  env: NodeJS.ProcessEnv = {},
  input: string | Uint8Array = '',
): CliRun {
  const run = spawnSync(TSX, [MAIN, ...args], {
    cwd,
    input,
    env: { ...process.env, ...env },
    encoding: 'utf8',
    // A few hundred articles of JSON; the default 1 MB would cut the output short.
    maxBuffer: 512 * 1024 * 1024,
  });
  if (run.error) throw run.error;
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** stdout as JSON records, one per line; fails loudly on a line that is not JSON. */
export function records(run: CliRun): Record<string, unknown>[] {
  return run.stdout
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

/** Folders `scratchDir` made for the test file now running. */
const scratchDirs: string[] = [];
// Registered on the file that imports this module: its folders go when its tests are done.
afterAll(() => {
  for (const dir of scratchDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A fresh folder with the given files in it (name → content), removed after the file's tests. */
export function scratchDir(files: Record<string, string | Uint8Array> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'broadsheet-cli-'));
  scratchDirs.push(dir);
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return dir;
}
