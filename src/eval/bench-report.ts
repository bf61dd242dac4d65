/**
 * What `npm run bench` reports: the figures gathered in one run, as a console table, as
 * bench/results.md, as a chart (bench/results.svg, quality against speed per tool, drawn by hand)
 * and as a check of the goals of issue 4, each with the figure that decides it.
 */
import type { CorpusScore } from './metric';
import type { MetadataScore } from './metadata';
import type { TimingSummary } from './speed';
import type { ScaleResult } from './scaling';
import { growthPer10x } from './scaling';
import type { ContentScriptSizes, SizeRow } from './size';

export interface QualityRow {
  corpus: string;
  tool: string;
  score: CorpusScore;
  errors: number;
}

export interface MetadataRow {
  group: string;
  tool: string;
  score: MetadataScore;
}

export interface TimingGroup {
  group: string;
  timing: TimingSummary[];
}

/** One page of the browser bench, reduced to its figures. */
export interface PageLoadFigure {
  name: string;
  url: string;
  kind: string;
  loads: number;
  /** Median sampled content-script time of the loads, ms (0: no extension frame sampled). */
  contentScriptMs: number;
  byFile: Record<string, number>;
  readabilityWallMs: number | null;
  readabilitySampledMs: number | null;
  /**
   * Median over the rounds of content-script time ÷ Readability's sampled time in the same round
   * (each round: one load, then one parse); null when Readability was not measured.
   */
  ratio: number | null;
}

export interface BenchResults {
  mode: 'full' | 'smoke';
  date: string;
  durationS: number;
  machine: {
    cpus: number;
    cpu: string;
    memoryGb: number;
    node: string;
    chromium: string | null;
    os: string;
  };
  versions: Record<string, string>;
  rounds: number;
  quality: QualityRow[];
  metadata: MetadataRow[];
  timing: TimingGroup[];
  mutated: Record<string, string[]>;
  pageLoad: PageLoadFigure[] | { error: string };
  scaling: ScaleResult[];
  size: { content: ContentScriptSizes; peers: SizeRow[] } | { error: string };
}

export interface Goal {
  goal: string;
  met: boolean;
  figure: string;
}

const f3 = (n: number) => (Number.isFinite(n) ? n.toFixed(3) : '–');
const ms = (n: number | null | undefined) =>
  n === null || n === undefined || !Number.isFinite(n) ? '–' : n < 10 ? n.toFixed(2) : n.toFixed(1);
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const pct = (c: number, n: number) => (n ? `${((100 * c) / n).toFixed(0)}% (${c}/${n})` : '–');

function timingOf(r: BenchResults, group: string, tool: string): TimingSummary | undefined {
  return r.timing.find((g) => g.group === group)?.timing.find((t) => t.tool === tool);
}

function qualityOf(r: BenchResults, corpus: string, tool: string): QualityRow | undefined {
  return r.quality.find((q) => q.corpus === corpus && q.tool === tool);
}

export const GROUP_BBC = 'BBC pages (all corpora)';
export const GROUP_OTHER = 'non-BBC pages (all corpora)';
export const QUALITY_BENCHMARK = 'article-extraction-benchmark';
export const QUALITY_BBC = 'web-page-parser/bbc_news';
export const METADATA_BBC = 'BBC pages';

/** The goals of issue 4, each met or not, with its deciding figure. */
export function checkGoals(r: BenchResults): Goal[] {
  const goals: Goal[] = [];
  const peers = ['readability', 'defuddle'];
  const ours = qualityOf(r, QUALITY_BENCHMARK, 'broadsheet');
  if (ours) {
    const peerF1 = peers.map((p) => qualityOf(r, QUALITY_BENCHMARK, p)?.score.f1 ?? 0);
    goals.push({
      goal: 'F1 on article-extraction-benchmark ≥ 0.96, above both peers',
      met: ours.score.f1 >= 0.96 && peerF1.every((f) => ours.score.f1 > f),
      figure: `Broadsheet ${f3(ours.score.f1)}; Readability ${f3(peerF1[0]!)}, Defuddle ${f3(peerF1[1]!)}`,
    });
  }
  const bbc = qualityOf(r, QUALITY_BBC, 'broadsheet');
  const bbcMeta = r.metadata.find((m) => m.group === METADATA_BBC && m.tool === 'broadsheet');
  if (bbc && bbcMeta) {
    const m = bbcMeta.score;
    const wrongFields = (['title', 'author', 'published'] as const)
      .map((f) => `${f} ${m[f].correct}/${m[f].pages}`)
      .join(', ');
    goals.push({
      goal: 'BBC pages: F1 ≥ 0.98 with metadata exact',
      met: bbc.score.f1 >= 0.98 && m.allExact.correct === m.allExact.pages,
      figure: `F1 ${f3(bbc.score.f1)} on ${bbc.score.pages} pages; metadata exact on ${m.allExact.correct}/${m.allExact.pages} pages (${wrongFields})`,
    });
  }
  const ourBbc = timingOf(r, GROUP_BBC, 'broadsheet');
  const theirBbc = timingOf(r, GROUP_BBC, 'readability');
  if (ourBbc && theirBbc) {
    const x = theirBbc.median / ourBbc.median;
    goals.push({
      goal: 'BBC pages: extraction ≥ 5× faster than Readability (median ms/page)',
      met: x >= 5,
      figure: `${x.toFixed(2)}× (Broadsheet ${ms(ourBbc.median)} ms, Readability ${ms(theirBbc.median)} ms)`,
    });
  }
  const ourOther = timingOf(r, GROUP_OTHER, 'broadsheet');
  const theirOther = timingOf(r, GROUP_OTHER, 'readability');
  if (ourOther && theirOther) {
    goals.push({
      goal: 'Other pages: no slower than Readability (median ms/page)',
      met: ourOther.median <= theirOther.median,
      figure: `Broadsheet ${ms(ourOther.median)} ms, Readability ${ms(theirOther.median)} ms (ratio ${(ourOther.median / theirOther.median).toFixed(2)})`,
    });
  }
  if (Array.isArray(r.pageLoad)) {
    const articles = r.pageLoad.filter((p) => p.kind === 'bbc-article' && p.ratio !== null);
    const worst = articles.map((p) => ({ p, share: p.ratio! })).sort((a, b) => b.share - a.share);
    if (worst.length)
      goals.push({
        goal: 'Content script on BBC page load ≤ 1/10 of a Readability parse of the page',
        met: worst[0]!.share <= 0.1,
        figure: worst
          .map(
            ({ p, share }) =>
              `${p.name}: ${ms(p.contentScriptMs)} vs ${ms(p.readabilitySampledMs)} ms (${share.toFixed(2)})`,
          )
          .join('; '),
      });
    const notBbc = r.pageLoad.filter((p) => p.kind === 'not-bbc');
    if (notBbc.length)
      goals.push({
        goal: 'Pages that are not BBC: no work beyond detection',
        met: notBbc.every((p) => p.contentScriptMs === 0),
        figure: notBbc
          .map((p) => `${p.name}: ${ms(p.contentScriptMs)} ms of extension code`)
          .join('; '),
      });
  } else {
    goals.push({
      goal: 'Content script on BBC page load ≤ 1/10 of Readability',
      met: false,
      figure: `not measured: ${r.pageLoad.error}`,
    });
  }
  const ourScale = r.scaling.filter((s) => s.tool === 'broadsheet');
  if (ourScale.length) {
    const growth = growthPer10x(r.scaling, 'broadsheet');
    const failures = ourScale.filter((s) => s.error);
    goals.push({
      goal: 'Linear scaling (time per 10× ≤ 15×) and no stack overflow at any depth',
      met: !failures.length && growth.every((g) => g !== null && g <= 15),
      figure:
        `growth per 10×: ${growth.map((g) => (g === null ? '–' : `${g.toFixed(1)}×`)).join(', ')}` +
        (failures.length
          ? `; failed: ${failures.map((f) => `${f.name}: ${f.error}${f.where ? ` at ${f.where}` : ''}`).join('; ')}`
          : ''),
    });
  }
  if (!('error' in r.size)) {
    goals.push({
      goal: 'Content scripts < 20 KB gzipped',
      met: r.size.content.total.gzip < 20 * 1024,
      figure: `${kb(r.size.content.total.gzip)} gzipped (${kb(r.size.content.total.bytes)} minified) for ${r.size.content.total.files.join(' + ')}`,
    });
  }
  return goals;
}

function table(header: string[], rows: string[][], leftColumns = 1): string[] {
  return [
    `| ${header.join(' | ')} |`,
    `|${header.map((_, i) => (i < leftColumns ? '---' : '---:')).join('|')}|`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ];
}

/** bench/results.md. */
export function markdownReport(r: BenchResults, goals: Goal[]): string {
  const lines: string[] = [];
  const tools = ['broadsheet', 'readability', 'defuddle'];
  lines.push(
    '# Broadsheet benchmark',
    '',
    `\`npm run bench\`${r.mode === 'smoke' ? ' -- --smoke (a SMOKE run: few pages, figures not representative)' : ''}, ${r.date}, ${r.durationS.toFixed(0)} s.`,
    `Machine: ${r.machine.cpus} CPUs (${r.machine.cpu}), ${r.machine.memoryGb.toFixed(0)} GB, ${r.machine.os}; Node ${r.machine.node}; ${r.machine.chromium ?? 'no Chromium'}.`,
    `Versions: ${Object.entries(r.versions)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}.`,
    'The machine is shared (2 cores, other work running): absolute times wander between runs; ratios from interleaved runs hold better.',
    '',
    '## Goals',
    '',
    ...table(
      ['goal', 'met', 'figure'],
      goals.map((g) => [g.goal, g.met ? 'yes' : '**NO**', g.figure]),
      3,
    ),
    '',
    '## 1. Quality',
    '',
    'article-extraction-benchmark: its own metric (4-gram shingles, per-page precision and recall averaged, F1 of the means, accuracy = exact token sequence). web-page-parser/bbc_news: the paragraphs its specs assert as partial truth (recall; precision = share of the text between the asserted first and last paragraphs; accuracy = every asserted paragraph present, no forbidden text). Each tool on the same parsed page (Readability on a copy of it).',
    '',
    ...table(
      ['corpus', 'tool', 'pages', 'precision', 'recall', 'F1', 'accuracy', 'errors'],
      r.quality.map((q) => [
        q.corpus,
        q.tool,
        String(q.score.pages),
        f3(q.score.precision),
        f3(q.score.recall),
        f3(q.score.f1),
        f3(q.score.accuracy),
        String(q.errors),
      ]),
      2,
    ),
    '',
    '### Metadata',
    '',
    'Share of pages where the tool gives the value the truth gives (only fields the truth has are scored). readability-test-pages: `expected-metadata.json` is Readability\'s own expected output, so it favours Readability by construction: where a page\'s title adds the site\'s name (or the writer\'s) after the headline it prints, Readability\'s expected title keeps the name and Broadsheet gives the headline alone (`title` is the headline; the site\'s name is `siteName`), which counts against Broadsheet here; so does a page that declares a headline for search engines in its JSON-LD and prints another, which its og:title repeats: Readability\'s expected title is the declared one, Broadsheet\'s the printed one. BBC pages: titles and dates web-page-parser asserts or indexes (no authors there), plus the rebuilt 2007 story (title, byline, time read off the reference text). web-page-parser/others: the titles and dates its specs assert for The Guardian, The Independent, The New York Times, RT, The Intercept and The Washington Post, written by people reading the pages; a clock time a spec gives without a zone is held to its day only (the zone its parser read it in is not written down). Titles equal after straightening quotes and collapsing spaces; authors as sets of names, case and a leading "By" ("Par", "Por", "Door") ignored; dates to the minute, or to the day where one side gives only a day.',
    '',
    ...table(
      ['pages', 'tool', 'title', 'author', 'date', 'all fields exact'],
      r.metadata.map((m) => [
        m.group,
        m.tool,
        pct(m.score.title.correct, m.score.title.pages),
        pct(m.score.author.correct, m.score.author.pages),
        pct(m.score.published.correct, m.score.published.pages),
        pct(m.score.allExact.correct, m.score.allExact.pages),
      ]),
      2,
    ),
    '',
    '## 2. Extraction speed (Node, linkedom, parsing excluded)',
    '',
    `Every page parsed once (not timed); then ${r.rounds} rounds in which each tool runs once, in an order rotated per round and page. Readability changes its input, so it gets a fresh \`cloneNode(true)\` of the parsed page and the copy is made inside its timing, as Firefox's Reader View copies the document before parsing it. Broadsheet and Defuddle say they leave their input alone and are given the parsed page itself: Defuddle copies it inside its call; Broadsheet reads a BBC page in place through its cleanup plan and copies other pages for Readability inside its call (without their clutter, and only the article element when the page declares one). Readability is not asked to serialize its result. A page's time is the median of its rounds; the table gives the median and 95th percentile over pages, and Broadsheet's time divided by each peer's (below 1: Broadsheet is faster).`,
    '',
    ...table(
      [
        'pages',
        'n',
        ...tools.flatMap((t) => [`${t} median`, `${t} p95`]),
        'B÷R median',
        'B÷R p95',
        'B÷D median',
        'B÷D p95',
      ],
      r.timing.map((g) => {
        const t = (name: string) => g.timing.find((x) => x.tool === name);
        const b = t('broadsheet');
        const ratio = (peer: string, key: 'median' | 'p95') =>
          b && t(peer) ? (b[key] / t(peer)![key]).toFixed(2) : '–';
        return [
          g.group,
          String(b?.pages ?? 0),
          ...tools.flatMap((name) => [ms(t(name)?.median), ms(t(name)?.p95)]),
          ratio('readability', 'median'),
          ratio('readability', 'p95'),
          ratio('defuddle', 'median'),
          ratio('defuddle', 'p95'),
        ];
      }),
    ),
    '',
    Object.keys(r.mutated).length
      ? `**Tools that changed a page they claim to leave alone** (markup compared just before and after each one's own run in the first round; after each run of such a tool the page is parsed again, untimed, so the others see it as it was): ${Object.entries(
          r.mutated,
        )
          .map(([t, ids]) => `${t} (${ids.length} pages)`)
          .join(', ')}.`
      : 'Broadsheet and Defuddle, run on the shared parsed page, left its markup unchanged on every page (checked in the first round, just before and after each one’s own run).',
    '',
  );

  lines.push('## 3. Page-load cost in Chromium', '');
  if (Array.isArray(r.pageLoad)) {
    lines.push(
      "The built extension (dist/) in Chromium, pages served at their real addresses. The content script exposes no timing, so it is measured from outside: V8's sampling profiler (CDP `Profiler`, 100 µs) runs through each load until the page has settled, and every sample with a frame of the extension's scripts on its stack counts (the content script, its listeners and observers, the DOM calls they make; not the style and layout the browser does afterwards). Readability: Readability.js from node_modules injected into the same page in the same browser, in a second tab opened with auto-clean off so it sees the page as the site made it; `new Readability(document.cloneNode(true)).parse()` timed by the same profiler (and by performance.now()). The two are interleaved: each round is one profiled load with the extension, then one profiled parse, so both see the machine in the same state. Times are medians over the rounds; the ratio is the median of the rounds' own ratios (so it need not equal the quotient of the two medians).",
      '',
      ...table(
        [
          'page',
          'kind',
          'loads',
          'content script ms',
          'Readability ms (profiler)',
          'Readability ms (wall)',
          'content ÷ Readability',
        ],
        r.pageLoad.map((p) => [
          p.name,
          p.kind,
          String(p.loads),
          ms(p.contentScriptMs),
          ms(p.readabilitySampledMs),
          ms(p.readabilityWallMs),
          p.ratio === null ? '–' : p.ratio.toFixed(2),
        ]),
      ),
      '',
      'On the non-BBC page the manifest does not inject the content scripts at all (its matches are BBC News addresses only): the profiler finds no extension frame. The corpus has no BBC News page that is not an article, so a non-BBC article served at a BBC News address stands in for one: both scripts run there, detection finds no BBC layout and nothing is cleaned.',
      '',
    );
  } else lines.push(`Not measured: ${r.pageLoad.error}`, '');

  lines.push(
    '## 4. Scaling',
    '',
    "Synthetic article pages (navigation, headline, byline, N different paragraphs of ~45 words, related links, footer) at a news address no site rule knows, and a 20-paragraph article under a chain of nested `<div>`s. Each case runs in a child process of its own (tool warmed up on a small page first, then one timed run, the copy inside the timing as above); peak memory is the process's maximum resident set, next to the `parse` row (the page parsed, no tool) it starts from.",
    '',
    ...table(
      ['case', 'tool', 'ms', 'peak RSS MB', 'text chars', 'result'],
      r.scaling.map((s) => [
        s.name,
        s.tool,
        ms(s.ms ?? (s.tool === 'parse' ? s.parseMs : null)),
        s.peakRssMb ? s.peakRssMb.toFixed(0) : '–',
        s.tool === 'parse' ? '' : String(s.textLength),
        s.error ? `**${s.error}**${s.where ? ` at ${s.where}` : ''}` : 'ok',
      ]),
      2,
    ),
    '',
    ...table(
      ['tool', 'time growth per 10× paragraphs'],
      tools.map((t) => [
        t,
        growthPer10x(r.scaling, t)
          .map((g) => (g === null ? '–' : `${g.toFixed(1)}×`))
          .join(', '),
      ]),
    ),
    '',
    '## 5. Size',
    '',
  );
  if (!('error' in r.size)) {
    lines.push(
      "Built content scripts: the files the built manifest's `content_scripts` name and what they import before running; Readability and Defuddle bundled alone by the same bundler (Vite, minified, ES2022). Gzip level 9.",
      '',
      ...table(
        ['script', 'minified', 'gzipped'],
        [
          ...r.size.content.entries.map((e) => [`Broadsheet ${e.name}`, kb(e.bytes), kb(e.gzip)]),
          [
            '**Broadsheet, all content scripts on a page load**',
            kb(r.size.content.total.bytes),
            kb(r.size.content.total.gzip),
          ],
          ...r.size.content.onDemand.map((e) => [
            `Broadsheet ${e.name} (imported on demand)`,
            kb(e.bytes),
            kb(e.gzip),
          ]),
          ...r.size.peers.map((p) => [`${p.name} (bundled alone)`, kb(p.bytes), kb(p.gzip)]),
        ],
      ),
      '',
    );
  } else lines.push(`Not measured: ${r.size.error}`, '');
  lines.push('![Quality against speed](results.svg)', '');
  return lines.join('\n');
}

/** The console summary: goals and the headline figures. */
export function consoleReport(r: BenchResults, goals: Goal[]): string {
  const rows: string[][] = [
    [
      'tool',
      'bench F1',
      'BBC F1',
      'BBC meta exact',
      'ms/page bench',
      'ms/page BBC',
      'ms/page other',
    ],
  ];
  for (const tool of ['broadsheet', 'readability', 'defuddle']) {
    const meta = r.metadata.find((m) => m.group === METADATA_BBC && m.tool === tool)?.score
      .allExact;
    rows.push([
      tool,
      f3(qualityOf(r, QUALITY_BENCHMARK, tool)?.score.f1 ?? NaN),
      f3(qualityOf(r, QUALITY_BBC, tool)?.score.f1 ?? NaN),
      meta ? `${meta.correct}/${meta.pages}` : '–',
      ms(timingOf(r, QUALITY_BENCHMARK, tool)?.median),
      ms(timingOf(r, GROUP_BBC, tool)?.median),
      ms(timingOf(r, GROUP_OTHER, tool)?.median),
    ]);
  }
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
  const out = rows.map((row) =>
    row.map((c, i) => (i ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  '),
  );
  out.push('');
  for (const g of goals) out.push(`${g.met ? 'MET   ' : 'MISSED'}  ${g.goal}: ${g.figure}`);
  return out.join('\n');
}

const COLORS: Record<string, string> = {
  broadsheet: '#b3261e',
  readability: '#1f5fa8',
  defuddle: '#2e7d32',
};

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * bench/results.svg: F1 (up) against median ms per page (right, log scale) for each tool, a filled
 * dot on the benchmark's 181 pages and a hollow square on the BBC pages. Up and left is better.
 */
export function svgChart(r: BenchResults): string {
  const W = 720;
  const H = 440;
  const m = { left: 70, right: 170, top: 50, bottom: 60 };
  const pw = W - m.left - m.right;
  const ph = H - m.top - m.bottom;
  const series = [
    {
      label: 'benchmark (181 pages)',
      corpus: QUALITY_BENCHMARK,
      timing: QUALITY_BENCHMARK,
      hollow: false,
    },
    { label: 'BBC pages', corpus: QUALITY_BBC, timing: GROUP_BBC, hollow: true },
  ];
  const points: { tool: string; x: number; y: number; hollow: boolean }[] = [];
  for (const s of series)
    for (const tool of Object.keys(COLORS)) {
      const q = qualityOf(r, s.corpus, tool);
      const t = timingOf(r, s.timing, tool);
      if (q && t && Number.isFinite(t.median) && t.median > 0)
        points.push({ tool, x: t.median, y: q.score.f1, hollow: s.hollow });
    }
  const xs = points.map((p) => p.x);
  const lo = Math.pow(10, Math.floor(Math.log10(Math.min(...xs, 10))));
  const hi = Math.pow(10, Math.ceil(Math.log10(Math.max(...xs, 100))));
  const ys = points.map((p) => p.y);
  const yLo = Math.max(0, Math.floor((Math.min(...ys, 0.9) - 0.02) * 20) / 20);
  const yHi = 1;
  const px = (x: number) =>
    m.left + ((Math.log10(x) - Math.log10(lo)) / (Math.log10(hi) - Math.log10(lo))) * pw;
  const py = (y: number) => m.top + (1 - (y - yLo) / (yHi - yLo)) * ph;
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="system-ui, sans-serif" font-size="12">`,
    `<rect width="${W}" height="${H}" fill="#fff"/>`,
    `<text x="${m.left}" y="24" font-size="15" font-weight="600">Quality against speed (${esc(r.date.slice(0, 10))}${r.mode === 'smoke' ? ', smoke run' : ''})</text>`,
    `<text x="${m.left}" y="40" fill="#555">F1 up, median ms per page right (log scale): up and left is better</text>`,
  ];
  for (let d = lo; d <= hi; d *= 10) {
    out.push(`<line x1="${px(d)}" y1="${m.top}" x2="${px(d)}" y2="${m.top + ph}" stroke="#ddd"/>`);
    out.push(
      `<text x="${px(d)}" y="${m.top + ph + 18}" text-anchor="middle" fill="#333">${d} ms</text>`,
    );
  }
  for (let y = yLo; y <= yHi + 1e-9; y += 0.05) {
    out.push(
      `<line x1="${m.left}" y1="${py(y)}" x2="${m.left + pw}" y2="${py(y)}" stroke="#eee"/>`,
    );
    out.push(
      `<text x="${m.left - 8}" y="${py(y) + 4}" text-anchor="end" fill="#333">${y.toFixed(2)}</text>`,
    );
  }
  out.push(
    `<rect x="${m.left}" y="${m.top}" width="${pw}" height="${ph}" fill="none" stroke="#888"/>`,
  );
  out.push(
    `<text x="${m.left + pw / 2}" y="${H - 16}" text-anchor="middle" fill="#333">median extraction time per page, Node + linkedom (ms)</text>`,
  );
  out.push(
    `<text transform="translate(18 ${m.top + ph / 2}) rotate(-90)" text-anchor="middle" fill="#333">F1</text>`,
  );
  for (const p of points) {
    const c = COLORS[p.tool]!;
    out.push(
      p.hollow
        ? `<rect x="${px(p.x) - 6}" y="${py(p.y) - 6}" width="12" height="12" fill="#fff" stroke="${c}" stroke-width="2.5"><title>${p.tool}: F1 ${f3(p.y)}, ${ms(p.x)} ms</title></rect>`
        : `<circle cx="${px(p.x)}" cy="${py(p.y)}" r="7" fill="${c}"><title>${p.tool}: F1 ${f3(p.y)}, ${ms(p.x)} ms</title></circle>`,
    );
  }
  let ly = m.top + 10;
  const lx = m.left + pw + 20;
  for (const [tool, c] of Object.entries(COLORS)) {
    out.push(
      `<rect x="${lx}" y="${ly - 9}" width="12" height="12" fill="${c}"/><text x="${lx + 20}" y="${ly + 2}">${tool}</text>`,
    );
    ly += 22;
  }
  ly += 10;
  out.push(
    `<circle cx="${lx + 6}" cy="${ly - 3}" r="6" fill="#555"/><text x="${lx + 20}" y="${ly + 2}">benchmark</text>`,
  );
  ly += 22;
  out.push(
    `<rect x="${lx}" y="${ly - 9}" width="12" height="12" fill="#fff" stroke="#555" stroke-width="2.5"/><text x="${lx + 20}" y="${ly + 2}">BBC pages</text>`,
  );
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}
