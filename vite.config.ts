/**
 * The extension build. crxjs reads the root manifest.json (which names the .ts entries) and
 * rewrites it for the bundle. `vite build` → dist/ for Chrome; `vite build --mode firefox` →
 * dist-firefox/ with a background script and a gecko id (scripts/build-firefox.ts runs it).
 */
import { defineConfig, runnerImport } from 'vite';
import type { UserConfig } from 'vite';
import { crx } from '@crxjs/vite-plugin';
import type { ManifestV3Export } from '@crxjs/vite-plugin';
import baseManifest from './manifest.json' with { type: 'json' };
import pkg from './package.json' with { type: 'json' };

/**
 * Firefox needs an id of its own and MV3 features (storage.session, scripting) from 115 on.
 * Broadsheet sends nothing anywhere, and says so in Firefox's data-consent key.
 */
export const GECKO = {
  id: 'broadsheet@broadsheet.example',
  strict_min_version: '115.0',
  data_collection_permissions: { required: ['none'] },
};

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
    browser_specific_settings: { gecko: GECKO },
  } as ManifestV3Export;
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
    ],
    build: {
      outDir: firefox ? 'dist-firefox' : 'dist',
      emptyOutDir: true,
      // Chrome 120 / Firefox 115 run ES2022.
      target: 'es2022',
      sourcemap: false,
      rolldownOptions: {
        // The reader page is opened by the background, not named in the manifest.
        input: { reader: 'src/reader/index.html' },
      },
    },
  };
});
