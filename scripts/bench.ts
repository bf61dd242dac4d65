/**
 * `npm run bench`: Broadsheet against @mozilla/readability and defuddle, in one run, on the same
 * pages: quality (text and metadata), extraction speed in Node, page-load cost in Chromium with the
 * built extension, scaling on synthetic pages, and size. Prints a summary and the goals of issue
 * 4, and writes bench/results.md, bench/results.svg and bench/results.json.
 *
 *   npm run bench                 the full run (~10 minutes on 2 cores); builds the extension first
 *   npm run bench:smoke           a few pages of each kind (< 1 minute), for CI: checks the bench
 *                                 still runs end to end; writes to artifacts/bench-smoke/
 *
 * BROADSHEET_CORPUS overrides where the corpus is (default ../shared/corpus).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, release, tmpdir, totalmem, type } from 'node:os';
import { join, resolve } from 'node:path';
import {
  benchPages,
  BBC_NEWS,
  FIXTURES,
  OTHER_NEWS,
  type BenchPage,
} from '../src/eval/bench-pages';
import {
  checkGoals,
  consoleReport,
  GROUP_BBC,
  GROUP_OTHER,
  markdownReport,
  METADATA_BBC,
  svgChart,
  type BenchResults,
  type MetadataRow,
  type PageLoadFigure,
  type QualityRow,
  type TimingGroup,
} from '../src/eval/bench-report';
import { BENCHMARK, READABILITY_PAGES } from '../src/eval/corpora';
import { addMetadata, emptyMetadataScore } from '../src/eval/metadata';
import { scoreCorpus, type PageScore } from '../src/eval/metric';
import { FULL_SCALE_CASES, runScaling, SMOKE_SCALE_CASES } from '../src/eval/scaling';
import {
  bundledSize,
  contentScriptSizes,
  DEFUDDLE_ENTRY,
  READABILITY_ENTRY,
} from '../src/eval/size';
import { median, runSpeed, summarizeTiming, type PageRun } from '../src/eval/speed';
import { ALL_TOOLS } from '../src/eval/tools';
import { benchLoadPages, measurePageLoad } from '../tests/e2e/bench-pageload';
import { findChromium } from '../tests/e2e/harness/browser';

const ROOT = resolve(import.meta.dirname, '..');
const smoke = process.argv.includes('--smoke');
const started = performance.now();
const log = (line: string) => console.error(line);
const corpusDir = resolve(process.env.BROADSHEET_CORPUS ?? resolve(ROOT, '../shared/corpus'));
if (!existsSync(corpusDir)) {
  console.error(`Corpus not found at ${corpusDir} (set BROADSHEET_CORPUS).`);
  process.exit(2);
}
const outDir = smoke ? resolve(ROOT, 'artifacts/bench-smoke') : resolve(ROOT, 'bench');
const toolNames = ALL_TOOLS.map((t) => t.name);
/** What went wrong in the harness itself (not a missed goal): a smoke run fails on any. */
const faults: string[] = [];

function packageVersion(name: string): string {
  const file = resolve(ROOT, 'node_modules', name, 'package.json');
  return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
}

function commandOutput(cmd: string, args: string[]): string | null {
  try {
    return execFileSync(cmd, args, {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    return null;
  }
}

// The extension as the source is now: built into a folder of the bench's own, so a build or an
// e2e run going on in dist/ at the same time is left alone. A smoke run reuses dist/ if built.
let extensionDir = resolve(ROOT, 'dist');
let buildDir: string | null = null;
if (!smoke || !existsSync(join(extensionDir, 'manifest.json'))) {
  buildDir = mkdtempSync(join(tmpdir(), 'broadsheet-bench-dist-'));
  log(`Building the extension into ${buildDir} …`);
  execFileSync(
    process.execPath,
    [
      resolve(ROOT, 'node_modules/vite/bin/vite.js'),
      'build',
      '--outDir',
      buildDir,
      '--emptyOutDir',
      '--logLevel',
      'warn',
    ],
    {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  extensionDir = buildDir;
}

// 1 and 2: quality and speed, from the same interleaved runs.
const pages = benchPages(corpusDir, smoke ? { perCorpus: 3 } : {});
// Five in a full run: with three, one noisy round on a shared machine moved a page's median, and
// the BBC ratio wandered between 4.4× and 6.1× from run to run of the same code.
const rounds = smoke ? 2 : 5;
log(`Quality and speed: ${pages.length} pages, ${rounds} rounds, tools ${toolNames.join(', ')} …`);
const speed = await runSpeed(pages, ALL_TOOLS, {
  rounds,
  warmup: 3,
  onPage: (done, total) => {
    if (done % 25 === 0 || done === total) log(`  ${done}/${total} pages`);
  },
});

function qualityRows(corpus: string, runs: PageRun[]): QualityRow[] {
  const scored = runs.filter((r) => r.page.corpus === corpus && r.page.score);
  return toolNames.map((tool, t) => ({
    corpus,
    tool,
    score: scoreCorpus(scored.map((r) => r.score[t] as PageScore)),
    errors: scored.filter((r) => r.error[t]).length,
  }));
}

function metadataRows(group: string, runs: PageRun[]): MetadataRow[] {
  const withTruth = runs.filter((r) => r.page.metadata);
  return toolNames.map((tool, t) => {
    const score = emptyMetadataScore();
    for (const r of withTruth) addMetadata(score, r.page.metadata!, r.found[t]!);
    return { group, tool, score };
  });
}

const byCorpus = (corpus: string) => speed.pages.filter((r) => r.page.corpus === corpus);
const isBbc = (p: BenchPage) => p.bbc;
const timingGroups: [string, PageRun[]][] = [
  [BENCHMARK, byCorpus(BENCHMARK)],
  [BBC_NEWS, byCorpus(BBC_NEWS)],
  [OTHER_NEWS, byCorpus(OTHER_NEWS)],
  [READABILITY_PAGES, byCorpus(READABILITY_PAGES)],
  [FIXTURES, byCorpus(FIXTURES)],
  [GROUP_BBC, speed.pages.filter((r) => isBbc(r.page))],
  [GROUP_OTHER, speed.pages.filter((r) => !isBbc(r.page))],
];
const timing: TimingGroup[] = timingGroups.map(([group, runs]) => ({
  group: `${group}`,
  timing: summarizeTiming(toolNames, runs),
}));
const quality = [...qualityRows(BENCHMARK, speed.pages), ...qualityRows(BBC_NEWS, speed.pages)];
const metadata = [
  ...metadataRows(READABILITY_PAGES, byCorpus(READABILITY_PAGES)),
  ...metadataRows(METADATA_BBC, [...byCorpus(BBC_NEWS), ...byCorpus(FIXTURES)]),
  ...metadataRows(OTHER_NEWS, byCorpus(OTHER_NEWS)),
];
for (const t of timing[0]!.timing)
  if (t.errors === t.pages + t.errors && t.errors) faults.push(`${t.tool} failed on every page`);

// 3: page-load cost in Chromium.
let pageLoad: BenchResults['pageLoad'];
const chromium = findChromium();
if (!chromium) {
  pageLoad = { error: 'no Chromium found' };
  faults.push('no Chromium');
} else {
  log('Page load in Chromium …');
  try {
    const rows = await measurePageLoad({
      extensionDir,
      pages: benchLoadPages(smoke),
      loads: smoke ? 2 : 9,
      log,
    });
    pageLoad = rows.map((row): PageLoadFigure => ({
      name: row.page.name,
      url: row.page.url,
      kind: row.page.kind,
      loads: row.contentScriptMs.length,
      contentScriptMs: median(row.contentScriptMs),
      byFile: row.byFile,
      readabilityWallMs: row.readabilityWallMs.length ? median(row.readabilityWallMs) : null,
      readabilitySampledMs: row.readabilitySampledMs,
      ratio: row.ratios.length ? median(row.ratios) : null,
    }));
    const silent = pageLoad.filter((p) => p.kind === 'bbc-article' && p.contentScriptMs === 0);
    if (silent.length)
      faults.push(`the profiler saw no content script on ${silent.map((p) => p.name).join(', ')}`);
  } catch (err) {
    pageLoad = { error: String(err instanceof Error ? err.message : err) };
    faults.push(`page load: ${pageLoad.error}`);
  }
}

// 4: scaling, one child process per tool and case.
log('Scaling …');
const scaling = runScaling(
  toolNames,
  smoke ? SMOKE_SCALE_CASES : FULL_SCALE_CASES,
  smoke ? 30_000 : 120_000,
  (s) =>
    log(
      `  ${s.name} ${s.tool}: ${s.error ?? `${(s.ms ?? s.parseMs ?? 0).toFixed(0)} ms, peak ${s.peakRssMb?.toFixed(0)} MB`}`,
    ),
);
for (const s of scaling)
  if (s.tool === 'parse' && s.error) faults.push(`scaling ${s.name}: ${s.error}`);

// 5: size.
log('Size …');
let size: BenchResults['size'];
try {
  size = {
    content: contentScriptSizes(extensionDir),
    peers: [
      await bundledSize('readability', READABILITY_ENTRY),
      await bundledSize('defuddle', DEFUDDLE_ENTRY),
    ],
  };
} catch (err) {
  size = { error: String(err instanceof Error ? err.message : err) };
  faults.push(`size: ${size.error}`);
}
if (buildDir) rmSync(buildDir, { recursive: true, force: true });

const chromiumVersion = chromium ? commandOutput(chromium, ['--version']) : null;
const results: BenchResults = {
  mode: smoke ? 'smoke' : 'full',
  date: new Date().toISOString(),
  durationS: (performance.now() - started) / 1000,
  machine: {
    cpus: cpus().length,
    cpu: cpus()[0]?.model.trim() ?? 'unknown',
    memoryGb: totalmem() / 1024 ** 3,
    node: process.version,
    chromium: chromiumVersion,
    os: `${type()} ${release()}`,
  },
  versions: {
    broadsheet: `${packageVersion('..')} (${commandOutput('git', ['-C', ROOT, 'rev-parse', '--short', 'HEAD']) ?? '?'})`,
    '@mozilla/readability': packageVersion('@mozilla/readability'),
    defuddle: packageVersion('defuddle'),
    linkedom: packageVersion('linkedom'),
    vite: packageVersion('vite'),
  },
  rounds,
  quality,
  metadata,
  timing,
  mutated: speed.mutated,
  pageLoad,
  scaling,
  size,
};
const goals = checkGoals(results);
mkdirSync(outDir, { recursive: true });
writeFileSync(join(outDir, 'results.md'), markdownReport(results, goals));
writeFileSync(join(outDir, 'results.json'), `${JSON.stringify({ ...results, goals }, null, 2)}\n`);
writeFileSync(join(outDir, 'results.svg'), svgChart(results));
console.log(consoleReport(results, goals));
console.log(
  `\nWrote ${join(outDir, 'results.md')}, results.svg, results.json (${results.durationS.toFixed(0)} s).`,
);
if (faults.length) {
  console.error(`\nThe bench itself failed: ${faults.join('; ')}`);
  process.exit(1);
}
