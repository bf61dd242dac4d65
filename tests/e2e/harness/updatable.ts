/**
 * Chromium in which the extension can be updated while pages are open, as the Web Store updates
 * it under a user's tabs. `--load-extension` cannot do that (after `runtime.reload()` the
 * extension stays blocked), so the extension is installed through DevTools' `Extensions` domain,
 * which only answers over a pipe (`--remote-debugging-pipe`, with
 * `--enable-unsafe-extension-debugging`); installing the same folder again is an update with
 * the same id. Pages are driven by Playwright through a debugging port as usual.
 */
import { cpSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { spawnChromium } from './spawned';

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
  const spawned = spawnChromium({
    hostResolverRules: options.hostResolverRules,
    args: ['--enable-unsafe-extension-debugging'],
    pipe: true,
  });
  // A copy, so that the build can change under it without touching the installed files.
  const extension = join(spawned.dir, 'extension');
  cpSync(resolve(options.extensionDir), extension, { recursive: true });
  const { toBrowser, fromBrowser } = spawned.pipe!;
  // DevTools messages on the pipe are JSON, each ended by a NUL.
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

  const browser = await spawned.connect();
  return { browser, context: browser.contexts()[0]!, install, close: () => spawned.close() };
}
