/**
 * Chromium in which the extension can be updated while pages are open, as the Web Store updates
 * it under a user's tabs. `--load-extension` cannot do that (after `runtime.reload()` the
 * extension stays blocked), so the extension is installed through DevTools' `Extensions` domain,
 * which only answers over a pipe (`--remote-debugging-pipe`, with
 * `--enable-unsafe-extension-debugging`); installing the same folder again is an update with
 * the same id. Pages are driven by Playwright through a debugging port as usual.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { chromium } from 'playwright-core';
import type { Browser, BrowserContext } from 'playwright-core';
import { findChromium } from './browser';

export interface UpdatableChromium {
  browser: Browser;
  context: BrowserContext;
  /** Installs the extension (again: an update), returning its id. */
  install(): Promise<string>;
  close(): Promise<void>;
}

export async function launchUpdatableChromium(options: {
  extensionDir: string;
  hostResolverRules: string;
}): Promise<UpdatableChromium> {
  const executable = findChromium();
  if (!executable) throw new Error('No Chromium found');
  const dir = mkdtempSync(join(tmpdir(), 'broadsheet-updatable-'));
  // A copy, so that the build can change under it without touching the installed files.
  const extension = join(dir, 'extension');
  cpSync(resolve(options.extensionDir), extension, { recursive: true });
  const profile = join(dir, 'profile');
  const child: ChildProcess = spawn(
    executable,
    [
      '--headless=new',
      `--user-data-dir=${profile}`,
      '--enable-unsafe-extension-debugging',
      '--remote-debugging-pipe',
      '--remote-debugging-port=0',
      `--host-resolver-rules=${options.hostResolverRules}`,
      '--no-sandbox',
      '--no-first-run',
      '--disable-gpu',
      '--disable-sync',
      'about:blank',
    ],
    // DevTools' pipe: the browser reads fd 3 and writes fd 4, messages ended by NUL.
    { stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'] },
  );
  const toBrowser = child.stdio[3] as Writable;
  const fromBrowser = child.stdio[4] as Readable;
  const waiting = new Map<number, (reply: { result?: { id: string }; error?: object }) => void>();
  let received = '';
  fromBrowser.on('data', (chunk: Buffer) => {
    received += chunk.toString('utf8');
    for (let end = received.indexOf('\0'); end >= 0; end = received.indexOf('\0')) {
      const reply = JSON.parse(received.slice(0, end)) as {
        id?: number;
        result?: { id: string };
        error?: object;
      };
      received = received.slice(end + 1);
      if (reply.id !== undefined) waiting.get(reply.id)?.(reply);
      waiting.delete(reply.id ?? -1);
    }
  });
  let nextId = 1;
  const install = () =>
    new Promise<string>((done, fail) => {
      const id = nextId++;
      waiting.set(id, (reply) =>
        reply.result ? done(reply.result.id) : fail(new Error(JSON.stringify(reply.error))),
      );
      toBrowser.write(
        `${JSON.stringify({ id, method: 'Extensions.loadUnpacked', params: { path: extension } })}\0`,
      );
    });

  const portFile = join(profile, 'DevToolsActivePort');
  for (let i = 0; i < 200 && !existsSync(portFile); i++)
    await new Promise((r) => setTimeout(r, 100));
  const port = Number(readFileSync(portFile, 'utf8').split('\n')[0]);
  const browser = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
  return {
    browser,
    context: browser.contexts()[0]!,
    install,
    async close() {
      await browser.close().catch(() => undefined);
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill();
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
