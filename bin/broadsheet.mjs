#!/usr/bin/env node
// The installed `broadsheet` command: runs the CLI bundle that `npm run build:cli` makes.
/* global process, URL -- Node globals; ESLint's node environment is not configured for plain .mjs files. */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const bundle = new URL('../dist-cli/broadsheet.mjs', import.meta.url);

if (!existsSync(bundle)) {
  process.stderr.write(
    `broadsheet: the CLI is not built (${fileURLToPath(bundle)} is missing).\n` +
      'Run `npm run build:cli` (or `npm run build`) in the Broadsheet folder first,\n' +
      'or run it from source with `npm run -s broadsheet -- …`.\n',
  );
  process.exit(2);
}

await import(bundle.href);
