/**
 * Chromium started as a plain process, not by Playwright, for what an attached DevTools would
 * change or cannot do: prerendering is off while DevTools drives the page that asks for it
 * (prerender.test.ts), and the `Extensions` domain that updates an extension answers only over a
 * pipe given at launch (updatable.ts). Playwright connects afterwards, through the debugging port
 * the browser writes into its profile.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { chromium } from 'playwright-core';
import type { Browser } from 'playwright-core';
import { findChromium, removeBrowserFolder } from './browser';

export interface SpawnedChromium {
  /** A folder of the run's own (the profile is in it), removed by `close`. */
  dir: string;
  /** DevTools' pipe (the browser reads fd 3 and writes fd 4), when asked for with `pipe`. */
  pipe: { toBrowser: Writable; fromBrowser: Readable } | null;
  /** Playwright connected through the debugging port (the same browser on every call). */
  connect(): Promise<Browser>;
  close(): Promise<void>;
}

export function spawnChromium(options: {
  hostResolverRules: string;
  /** Flags beyond the usual headless, isolated ones. */
  args?: string[];
  /** Opens DevTools' pipe as well (`--remote-debugging-pipe`). */
  pipe?: boolean;
  /** The first page, loaded before anything connects. */
  startUrl?: string;
}): SpawnedChromium {
  const executable = findChromium();
  if (!executable) throw new Error('No Chromium found');
  const dir = mkdtempSync(join(tmpdir(), 'broadsheet-chromium-'));
  const profile = join(dir, 'profile');
  const child = spawn(
    executable,
    [
      '--headless=new',
      `--user-data-dir=${profile}`,
      `--host-resolver-rules=${options.hostResolverRules}`,
      '--remote-debugging-port=0',
      ...(options.pipe ? ['--remote-debugging-pipe'] : []),
      '--no-sandbox',
      '--no-first-run',
      '--disable-gpu',
      '--disable-sync',
      ...(options.args ?? []),
      options.startUrl ?? 'about:blank',
    ],
    { stdio: options.pipe ? ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'] : 'ignore' },
  );
  let browser: Promise<Browser> | null = null;
  const connect = async () => {
    // The browser writes the file in place, not by renaming, so it can be seen while still empty:
    // wait for a whole first line (a port, then a newline), not only for the file.
    const portFile = join(profile, 'DevToolsActivePort');
    let port = 0;
    for (let i = 0; i < 200 && !port; i++) {
      const line = existsSync(portFile) ? /^(\d+)\n/.exec(readFileSync(portFile, 'utf8')) : null;
      if (line) port = Number(line[1]);
      else await new Promise((r) => setTimeout(r, 100));
    }
    if (!port) throw new Error(`Chromium wrote no debugging port into ${portFile} in 20 s`);
    return chromium.connectOverCDP(`http://127.0.0.1:${port}`);
  };
  return {
    dir,
    pipe: options.pipe
      ? { toBrowser: child.stdio[3] as Writable, fromBrowser: child.stdio[4] as Readable }
      : null,
    connect: () => (browser ??= connect()),
    async close() {
      if (browser) await (await browser).close().catch(() => undefined);
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill();
        await exited;
      }
      removeBrowserFolder(dir);
    },
  };
}
