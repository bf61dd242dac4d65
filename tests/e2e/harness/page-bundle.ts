/**
 * A module of the core bundled as one script to add to a page (`page.addScriptTag`), for tests
 * that run the core's own code on a live document in the browser: the entry sets a global.
 */
import { resolve } from 'node:path';
import { build } from 'vite';

const ROOT = resolve(import.meta.dirname, '../../..');

/** The IIFE built from `entry` (a path from the repository's root), as code. */
export async function pageBundle(entry: string, name: string): Promise<string> {
  const built = await build({
    configFile: false,
    logLevel: 'silent',
    build: {
      write: false,
      minify: false,
      lib: { entry: resolve(ROOT, entry), formats: ['iife'], name },
    },
  });
  const outputs = (Array.isArray(built) ? built : [built]) as { output: { code?: string }[] }[];
  return outputs[0]!.output[0]!.code!;
}
