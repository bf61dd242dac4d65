/**
 * Bundles the Node CLI (src/cli/main.ts) into dist-cli/broadsheet.mjs, which bin/broadsheet.mjs
 * runs. Vite's SSR build targets Node: built-in modules and the runtime dependencies in
 * package.json (linkedom, @mozilla/readability) stay imports, so the bundle is only our code.
 * Its own folder, because the extension build empties dist/.
 */
import { defineConfig } from 'vite';

export default defineConfig({
  publicDir: false,
  build: {
    ssr: 'src/cli/main.ts',
    outDir: 'dist-cli',
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    sourcemap: true,
    rolldownOptions: {
      output: { format: 'es', entryFileNames: 'broadsheet.mjs' },
    },
  },
});
