/**
 * Size: what a matched page load costs in bytes. The built content scripts are the files the
 * built manifest's `content_scripts` name, plus whatever those files import statically (all
 * loaded before the script runs); files they only import on demand are listed apart. Readability
 * and Defuddle are bundled with the same bundler (Vite, production minifier, ES2022) into one
 * self-contained script each, the way an extension would ship them. Sizes are bytes as built and
 * gzipped at level 9.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, posix, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';

export interface SizeRow {
  name: string;
  files: string[];
  bytes: number;
  gzip: number;
}

function sizeOf(name: string, files: string[], codes: (string | Buffer)[]): SizeRow {
  const bytes = codes.reduce((n, c) => n + Buffer.byteLength(c), 0);
  const gzip = codes.reduce((n, c) => n + gzipSync(c, { level: 9 }).length, 0);
  return { name, files, bytes, gzip };
}

/** Relative modules a built file imports: `from "./x.js"`, `import "./x.js"`, `import("./x.js")`. */
function importsOf(code: string): { static: string[]; dynamic: string[] } {
  const statics = [...code.matchAll(/(?:\bfrom|\bimport)\s*["'](\.{1,2}\/[^"']+)["']/g)].map(
    (m) => m[1]!,
  );
  const dynamics = [...code.matchAll(/\bimport\(\s*["'](\.{1,2}\/[^"']+)["']\s*\)/g)].map(
    (m) => m[1]!,
  );
  return { static: statics, dynamic: dynamics };
}

export interface ContentScriptSizes {
  /** Each content_scripts entry (its js files and their static imports), run_at in the name. */
  entries: SizeRow[];
  /** Everything a matched page loads, each file counted once. */
  total: SizeRow;
  /** Chunks the content scripts import only on demand. */
  onDemand: SizeRow[];
}

/** Sizes of the built content scripts of the extension in `distDir`. */
export function contentScriptSizes(distDir: string): ContentScriptSizes {
  const manifest = JSON.parse(readFileSync(join(distDir, 'manifest.json'), 'utf8')) as {
    content_scripts?: { js?: string[]; run_at?: string }[];
  };
  const all = new Set<string>();
  const onDemand = new Set<string>();
  const entries: SizeRow[] = [];
  for (const cs of manifest.content_scripts ?? []) {
    const files = new Set<string>();
    const queue = [...(cs.js ?? [])];
    while (queue.length) {
      const file = posix.normalize(queue.shift()!);
      if (files.has(file)) continue;
      files.add(file);
      const imports = importsOf(readFileSync(join(distDir, file), 'utf8'));
      for (const spec of imports.static) queue.push(posix.join(posix.dirname(file), spec));
      for (const spec of imports.dynamic) onDemand.add(posix.join(posix.dirname(file), spec));
    }
    for (const f of files) all.add(f);
    const list = [...files];
    entries.push(
      sizeOf(
        `${list[0]} (${cs.run_at ?? 'document_idle'})`,
        list,
        list.map((f) => readFileSync(join(distDir, f))),
      ),
    );
  }
  const totalFiles = [...all];
  const lazy = [...onDemand].filter((f) => !all.has(f) && existsSync(join(distDir, f)));
  return {
    entries,
    total: sizeOf(
      'all content scripts',
      totalFiles,
      totalFiles.map((f) => readFileSync(join(distDir, f))),
    ),
    onDemand: lazy.map((f) => sizeOf(f, [f], [readFileSync(join(distDir, f))])),
  };
}

/** A library bundled alone by Vite (minified, ES2022, one IIFE), as an extension would ship it. */
export async function bundledSize(name: string, entrySource: string): Promise<SizeRow> {
  const root = resolve(import.meta.dirname, '../..');
  // Inside the project, so the entry resolves packages from its node_modules.
  const cache = join(root, 'node_modules', '.cache');
  mkdirSync(cache, { recursive: true });
  const dir = mkdtempSync(join(cache, 'bench-size-'));
  try {
    const entry = join(dir, 'entry.js');
    writeFileSync(entry, entrySource);
    const out = await build({
      configFile: false,
      root,
      logLevel: 'silent',
      build: {
        write: false,
        minify: true,
        target: 'es2022',
        lib: { entry, formats: ['iife'], name: 'Bench', fileName: 'bundle' },
      },
    });
    const outputs = (Array.isArray(out) ? out : [out]) as {
      output: { type: string; code?: string }[];
    }[];
    const codes = outputs
      .flatMap((o) => o.output)
      .filter((c) => c.type === 'chunk')
      .map((c) => c.code!);
    return sizeOf(name, [`${name} bundled alone`], codes);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export const READABILITY_ENTRY =
  "import { Readability } from '@mozilla/readability';\nglobalThis.Readability = Readability;\n";
export const DEFUDDLE_ENTRY = "import Defuddle from 'defuddle';\nglobalThis.Defuddle = Defuddle;\n";
