/**
 * The scaling bench: each tool on synthetic pages of growing size, every case in a child process
 * of its own (scripts/bench-scale-case.ts), so peak memory (the process's maximum resident set)
 * belongs to that case alone. A `parse` row runs the same page without a tool: the memory every
 * tool's row starts from.
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import type { ScaleCase } from './synthetic';

export interface ScaleResult {
  tool: string;
  name: string;
  size: number;
  deep: boolean;
  parseMs: number | null;
  /** Milliseconds of the tool's run; null when it failed or timed out. */
  ms: number | null;
  textLength: number;
  error: string | null;
  where: string | null;
  rssBeforeMb: number | null;
  peakRssMb: number | null;
}

const CASE_SCRIPT = resolve(import.meta.dirname, '../../scripts/bench-scale-case.ts');

export const FULL_SCALE_CASES: ScaleCase[] = [
  { name: '1k paragraphs', size: 1_000, deep: false },
  { name: '10k paragraphs', size: 10_000, deep: false },
  { name: '100k paragraphs', size: 100_000, deep: false },
  { name: '20k-deep nesting', size: 20_000, deep: true },
];

export const SMOKE_SCALE_CASES: ScaleCase[] = [
  { name: '100 paragraphs', size: 100, deep: false },
  { name: '1k paragraphs', size: 1_000, deep: false },
  { name: '300-deep nesting', size: 300, deep: true },
];

export function runScaleCase(tool: string, c: ScaleCase, timeoutMs: number): ScaleResult {
  const base = { tool, name: c.name, size: c.size, deep: c.deep };
  const child = spawnSync(
    process.execPath,
    [
      '--expose-gc',
      '--import',
      'tsx',
      CASE_SCRIPT,
      tool,
      c.name,
      String(c.size),
      c.deep ? '1' : '0',
    ],
    { encoding: 'utf8', timeout: timeoutMs, maxBuffer: 1 << 20 },
  );
  const line = child.stdout?.trim().split('\n').pop();
  if (child.status === 0 && line) return { ...base, ...(JSON.parse(line) as ScaleResult), ...base };
  const timedOut = child.error && /ETIMEDOUT/.test(String(child.error));
  return {
    ...base,
    parseMs: null,
    ms: null,
    textLength: 0,
    error: timedOut
      ? `did not finish in ${timeoutMs / 1000} s`
      : `exit ${child.status ?? child.signal}: ${(child.stderr ?? '').trim().split('\n').slice(-3).join(' ')}`,
    where: null,
    rssBeforeMb: null,
    peakRssMb: null,
  };
}

/** Every tool (and the parse-only baseline) on every case, one child process each, in turn. */
export function runScaling(
  tools: readonly string[],
  cases: readonly ScaleCase[],
  timeoutMs: number,
  onCase?: (r: ScaleResult) => void,
): ScaleResult[] {
  const results: ScaleResult[] = [];
  for (const c of cases)
    for (const tool of ['parse', ...tools]) {
      const r = runScaleCase(tool, c, timeoutMs);
      onCase?.(r);
      results.push(r);
    }
  return results;
}

/**
 * How time grows per 10× more paragraphs: t(10n) / t(n) for each step of the paragraph cases
 * (≈10 is linear, ≈100 quadratic). Null where either run failed.
 */
export function growthPer10x(results: readonly ScaleResult[], tool: string): (number | null)[] {
  const rows = results.filter((r) => r.tool === tool && !r.deep).sort((a, b) => a.size - b.size);
  const out: (number | null)[] = [];
  for (let i = 1; i < rows.length; i++) {
    const [a, b] = [rows[i - 1]!, rows[i]!];
    out.push(a.ms && b.ms && b.size === a.size * 10 ? b.ms / a.ms : null);
  }
  return out;
}
