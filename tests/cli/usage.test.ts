/** The command line itself: help, version, and every way of calling it wrong (exit 2). */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCommand, UsageError } from '../../src/cli/args';
import { ROOT, runCli } from './run-cli';

const PACKAGE_VERSION = (
  JSON.parse(readFileSync(resolve(ROOT, 'package.json'), 'utf8')) as { version: string }
).version;

describe('broadsheet --help and --version', () => {
  it('prints the usage on stdout and exits 0', () => {
    const run = runCli(['--help']);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^Usage:/);
    expect(run.stdout).toContain('broadsheet extract --manifest LIST.tsv');
    expect(run.stdout).toContain('broadsheet clean');
    expect(run.stderr).toBe('');
  });

  it('prints the package version', () => {
    const run = runCli(['--version']);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(`broadsheet ${PACKAGE_VERSION}\n`);
  });

  it('accepts --help after a command too', () => {
    const run = runCli(['extract', '--help']);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^Usage:/);
  });
});

describe('usage errors', () => {
  // The real process, for what a shell sees: status 2, usage on stderr, nothing on stdout.
  const spawned: [string, string[], RegExp][] = [
    ['an unknown option', ['extract', '--fast', 'a.html'], /--fast/],
    ['an unknown command', ['summarise', 'a.html'], /Unknown command "summarise"/],
    [
      '--url for several files',
      ['extract', '--url', 'https://a.test/', 'a.html', 'b.html'],
      /--manifest/,
    ],
  ];
  for (const [what, args, message] of spawned) {
    it(`exit 2 on ${what}`, () => {
      const run = runCli(args);
      expect(run.status).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toMatch(message);
      expect(run.stderr).toContain('Usage:');
    });
  }

  // Every other mistake, through the parser main() maps to that exit (no process per case).
  const parsed: [string, string[], RegExp][] = [
    ['no command', [], /No command given/],
    ['an unknown top-level option', ['--fast'], /Unknown option --fast/],
    ['extract without pages', ['extract'], /at least one FILE/],
    [
      '--url that is not absolute',
      ['extract', '--url', 'news/123', 'a.html'],
      /not an absolute URL/,
    ],
    [
      '--url with a strange scheme',
      ['extract', '--url', 'javascript:alert(1)', 'a.html'],
      /http\(s\) or file/,
    ],
    ['--manifest and files', ['extract', '--manifest', 'm.tsv', 'a.html'], /not both/],
    [
      '--manifest and --url',
      ['extract', '--manifest', 'm.tsv', '--url', 'https://a.test/'],
      /each URL in the manifest/,
    ],
    ['--manifest without a value', ['extract', '--manifest'], /--manifest/],
    ['clean without -o', ['clean', 'a.html'], /-o OUT.html/],
    ['clean with two files', ['clean', 'a.html', 'b.html', '-o', 'out.html'], /exactly one FILE/],
    [
      'an extract-only option on clean',
      ['clean', '--pretty', 'a.html', '-o', 'out.html'],
      /--pretty/,
    ],
  ];
  for (const [what, args, message] of parsed) {
    it(`rejects ${what}`, () => {
      expect(() => parseCommand(args)).toThrow(UsageError);
      expect(() => parseCommand(args)).toThrow(message);
    });
  }

  it('takes a file named like an option after --', () => {
    expect(parseCommand(['extract', '--', '--odd-name.html'])).toEqual({
      kind: 'extract',
      inputs: { kind: 'files', files: ['--odd-name.html'], url: null },
      pretty: false,
    });
  });
});
