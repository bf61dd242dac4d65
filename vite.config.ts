/**
 * The extension build. crxjs reads the root manifest.json (which names the .ts entries) and
 * rewrites it for the bundle. `vite build` → dist/ for Chrome; `vite build --mode firefox` →
 * dist-firefox/ with a background script and a gecko id (scripts/build-firefox.ts runs it).
 */
import { defineConfig, runnerImport } from 'vite';
import type { Plugin, UserConfig } from 'vite';
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { crx } from '@crxjs/vite-plugin';
import type { ManifestV3Export } from '@crxjs/vite-plugin';
import baseManifest from './manifest.json' with { type: 'json' };
import pkg from './package.json' with { type: 'json' };

/**
 * Firefox needs an id of its own. Broadsheet sends nothing anywhere, and says so in Firefox's
 * data-consent key, which addons.mozilla.org requires of new add-ons (November 2025) and
 * Firefox reads from 140 on the desktop (the ESR of 2025) and 142 on Android: an older Firefox
 * does not know the key (up to 127 it refuses the manifest), so those are the least versions
 * the build claims. `npm run build:firefox` fails on web-ext's warning that a key is newer than
 * the least version.
 */
export const GECKO = {
  id: 'broadsheet@broadsheet.example',
  strict_min_version: '140.0',
  data_collection_permissions: { required: ['none'] },
};
export const GECKO_ANDROID = { strict_min_version: '142.0' };

/** Content scripts built as one self-contained file each: no module loader, so the
 * document_start script runs before the page paints, and the background can inject it with
 * `scripting.executeScript({ files })` on any page, and the article reader (extraction and
 * Readability, left out of the page-load script) when the article is asked for. */
const STANDALONE_CONTENT_SCRIPTS = ['src/content/index.ts', 'src/content/article-reader.ts'];

function manifestFor(firefox: boolean): ManifestV3Export {
  const manifest = { ...baseManifest, version: pkg.version };
  if (!firefox) return manifest as ManifestV3Export;
  return {
    ...manifest,
    // Firefox runs MV3 backgrounds as event pages (scripts), not service workers.
    background: { scripts: [baseManifest.background.service_worker], type: 'module' },
    browser_specific_settings: { gecko: GECKO, gecko_android: GECKO_ANDROID },
  } as ManifestV3Export;
}

/**
 * What crxjs leaves in the package that nothing uses. It lists every `?script` import (the
 * on-demand article reader) as a web-accessible resource for every page, which lets any site
 * detect that Broadsheet is installed; the background injects it with
 * `scripting.executeScript({ files })`, which needs no such entry, so the built manifest drops it
 * (tests/e2e/built-manifest.test.ts checks). It also emits a second copy of that script under
 * assets/ that no file names: removed, so the store package carries one copy.
 */
function withoutUnusedCrxOutput(): Plugin {
  // The folder this build writes, as resolved (so `vite build --outDir …`, which the bench uses
  // to build beside dist/, is the one tidied, not dist/).
  let outDir = '';
  const filesUnder = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? filesUnder(path) : [path];
    });
  return {
    name: 'broadsheet:without-unused-crx-output',
    apply: 'build',
    enforce: 'post',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    writeBundle() {
      const manifestFile = join(outDir, 'manifest.json');
      const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Record<string, unknown>;
      delete manifest.web_accessible_resources;
      writeFileSync(manifestFile, `${JSON.stringify(manifest, null, 2)}\n`);

      const files = filesUnder(outDir);
      const texts = files
        .filter((f) => /\.(js|html|json)$/.test(f))
        .map((f) => [f, readFileSync(f, 'utf8')] as const);
      for (const file of files) {
        const name = relative(outDir, file);
        if (!/^assets\/[\w-]+\.ts-[\w-]+\.js$/.test(name)) continue;
        const base = name.slice('assets/'.length);
        if (!texts.some(([other, text]) => other !== file && text.includes(base))) rmSync(file);
      }
    },
  };
}

export default defineConfig(async ({ mode }): Promise<UserConfig> => {
  const firefox = mode === 'firefox';
  // Through Vite's module runner: the site rules are TypeScript, and the config stays small.
  const { module: earlyCss } = await runnerImport<typeof import('./src/content/early-css')>(
    './src/content/early-css.ts',
  );
  const sheets = earlyCss.earlyStylesheets();
  return {
    publicDir: false,
    define: {
      // Built here, once, so the document_start script carries a string, not the site rules.
      __BROADSHEET_CLUTTER_CSS__: JSON.stringify(sheets.clutter),
      __BROADSHEET_WAYBACK_CSS__: JSON.stringify(sheets.wayback),
    },
    plugins: [
      crx({
        manifest: manifestFor(firefox),
        browser: firefox ? 'firefox' : 'chrome',
        contentScripts: { standaloneFiles: STANDALONE_CONTENT_SCRIPTS },
      }),
      withoutUnusedCrxOutput(),
    ],
    build: {
      outDir: firefox ? 'dist-firefox' : 'dist',
      emptyOutDir: true,
      // Chrome 120 / Firefox 140 run ES2022.
      target: 'es2022',
      sourcemap: false,
      rolldownOptions: {
        // The reader page is opened by the background, not named in the manifest.
        input: { reader: 'src/reader/index.html' },
      },
    },
  };
});
