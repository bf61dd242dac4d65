/**
 * `npm start`: builds the extension and opens Chromium with it on the rebuilt 2007 story, served
 * locally at its real address (http://news.bbc.co.uk/1/hi/world/europe/6658741.stm), so the page
 * is cleaned as a reader would see it. Close the browser (or press Ctrl-C) to stop.
 *
 * Without a display (CI, a container) it runs headless and saves a screenshot to artifacts/;
 * `BROADSHEET_HEADLESS=1` forces that anywhere.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { launchWithExtension } from '../tests/e2e/harness/browser';
import { startFixtureServer } from '../tests/e2e/harness/server';
import { CLASSIC_2007 } from '../tests/e2e/harness/pages';

const ROOT = resolve(import.meta.dirname, '..');
const headless = process.env.BROADSHEET_HEADLESS === '1' || !process.env.DISPLAY;

execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });

const server = await startFixtureServer([{ url: CLASSIC_2007.url, file: CLASSIC_2007.file }]);
const browser = await launchWithExtension({
  extensionDir: resolve(ROOT, 'dist'),
  hostResolverRules: server.hostResolverRules(),
  headless,
});
const stop = async () => {
  await browser.close().catch(() => undefined);
  await server.close();
  process.exit(0);
};
process.on('SIGINT', () => void stop());

const page = browser.context.pages()[0] ?? (await browser.context.newPage());
await page.goto(CLASSIC_2007.url);
console.log(`Broadsheet ${browser.extensionId} on ${CLASSIC_2007.url}`);

if (headless) {
  // Give cleanup its moment, then show what a reader would have seen.
  await page.waitForTimeout(1500);
  mkdirSync(resolve(ROOT, 'artifacts'), { recursive: true });
  const shot = resolve(ROOT, 'artifacts', 'start-2007.png');
  await page.screenshot({ path: shot, fullPage: true });
  console.log(`No display: saved ${shot}`);
  await stop();
} else {
  browser.context.on('close', () => void stop());
}
