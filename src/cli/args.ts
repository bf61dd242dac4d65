/**
 * The command line: what `broadsheet` accepts, its help text, and the parsed command. Parsing
 * only; nothing here reads a file.
 */
import { parseArgs } from 'node:util';

export const USAGE = `Usage:
  broadsheet extract [--url URL] [--pretty] FILE...
  broadsheet extract --manifest LIST.tsv [--pretty]
  broadsheet clean [--url URL] [--verbose] FILE -o OUT.html
  broadsheet --help | --version

Commands:
  extract   Print one JSON line per page, in input order: the Article (export format v1),
            or {"error": {"code", "message"}, "source": FILE} for a page that could not be
            read or has no article. A WARC file (.warc, .warc.gz: a crawler's or web
            archiving tool's capture) gives a line for each HTML page it holds, in record
            order, each under the address it was captured from, with "archive" naming the
            record and when it was captured; a count of its records goes to stderr.
            A folder gives every saved page (.html, .htm, .xhtml, .shtml, each maybe .gz)
            and WARC file under it, subfolders too, in the order of their paths.
  clean     Write the page without its clutter to OUT.html (UTF-8; "-o -" for stdout) and a
            summary of what was removed, by kind, to stderr.

  FILE "-" is standard input: a page (gzipped or not), or for extract a WARC file.

Options:
  --url URL            The address the page was saved from (one FILE only, not a WARC; for
                       several pages with known addresses, use --manifest). Without it: the
                       page's canonical link or og:url, else the Wayback capture it is, else
                       the address its layout records (BBC pages of 1999-2014), else its
                       file:// URL.
  --manifest LIST.tsv  Pages to extract, one per line: PATH<TAB>URL (URL may be left out).
                       Relative paths are read from the manifest's folder; blank lines and
                       lines starting with # are skipped.
  --pretty             Indent each JSON record (the output is then no longer one per line).
  -o, --output FILE    (clean) Where to write the cleaned page.
  --verbose            (clean) List every removal, not just the counts.
  -h, --help           Show this help.
  -V, --version        Print the version.

Exit status:
  0  every page was extracted (or cleaned)
  1  some pages had no article; the others were extracted
  2  usage error, or a page could not be read (the other pages are still processed)
`;

/** Exit statuses, as USAGE documents them. */
export const EXIT_OK = 0;
export const EXIT_NO_ARTICLE = 1;
export const EXIT_FAILURE = 2;

/** A mistake in the command line: reported with the usage text and exit status 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** Where `extract` takes its pages from. */
export type ExtractInputs =
  { kind: 'files'; files: string[]; url: string | null } | { kind: 'manifest'; manifest: string };

export type Command =
  | { kind: 'help' }
  | { kind: 'version' }
  | { kind: 'extract'; inputs: ExtractInputs; pretty: boolean }
  | { kind: 'clean'; file: string; output: string; url: string | null; verbose: boolean };

const COMMON_OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'V' },
  url: { type: 'string' },
} as const;

const EXTRACT_OPTIONS = {
  ...COMMON_OPTIONS,
  manifest: { type: 'string' },
  pretty: { type: 'boolean' },
} as const;

const CLEAN_OPTIONS = {
  ...COMMON_OPTIONS,
  output: { type: 'string', short: 'o' },
  verbose: { type: 'boolean' },
} as const;

/** Parses `argv` (without node and the script). Throws `UsageError` on any mistake. */
export function parseCommand(argv: readonly string[]): Command {
  const [first, ...rest] = argv;
  if (first === undefined) throw new UsageError('No command given.');
  if (first === '-h' || first === '--help' || first === 'help') return { kind: 'help' };
  if (first === '-V' || first === '--version') return { kind: 'version' };
  if (first === 'extract') return parseExtract(rest);
  if (first === 'clean') return parseClean(rest);
  throw new UsageError(
    first.startsWith('-') ? `Unknown option ${first}.` : `Unknown command "${first}".`,
  );
}

function parseExtract(argv: string[]): Command {
  const { values, positionals } = parse(argv, EXTRACT_OPTIONS);
  if (values.help) return { kind: 'help' };
  if (values.version) return { kind: 'version' };
  const pretty = values.pretty ?? false;
  if (values.manifest !== undefined) {
    if (positionals.length) throw new UsageError('Give either --manifest or FILEs, not both.');
    if (values.url !== undefined)
      throw new UsageError('--url does not go with --manifest: put each URL in the manifest.');
    return { kind: 'extract', inputs: { kind: 'manifest', manifest: values.manifest }, pretty };
  }
  if (!positionals.length) throw new UsageError('extract needs at least one FILE or --manifest.');
  if (positionals.filter((file) => file === '-').length > 1)
    throw new UsageError('Standard input (-) can be read only once.');
  // One address cannot name several pages; a manifest pairs each page with its own.
  if (values.url !== undefined && positionals.length > 1)
    throw new UsageError('--url names one page; for several pages use --manifest LIST.tsv.');
  const url = values.url === undefined ? null : checkUrl(values.url, '--url');
  return { kind: 'extract', inputs: { kind: 'files', files: positionals, url }, pretty };
}

function parseClean(argv: string[]): Command {
  const { values, positionals } = parse(argv, CLEAN_OPTIONS);
  if (values.help) return { kind: 'help' };
  if (values.version) return { kind: 'version' };
  if (positionals.length !== 1) throw new UsageError('clean takes exactly one FILE.');
  if (!values.output) throw new UsageError('clean needs -o OUT.html (or -o - for stdout).');
  return {
    kind: 'clean',
    file: positionals[0]!,
    output: values.output,
    url: values.url === undefined ? null : checkUrl(values.url, '--url'),
    verbose: values.verbose ?? false,
  };
}

type OptionTable = NonNullable<Parameters<typeof parseArgs>[0]>['options'];

function parse<T extends OptionTable>(argv: string[], options: T) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (err) {
    // node:util's messages are already precise ("Unknown option '--foo'"); keep them.
    throw new UsageError((err as Error).message);
  }
}

/**
 * Accepts the absolute addresses a page can be saved from. Anything else would silently turn
 * every link of the page into garbage, so it is a usage error rather than a guess.
 */
export function checkUrl(value: string, where: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new UsageError(`${where}: "${value}" is not an absolute URL.`);
  }
  if (!['http:', 'https:', 'file:'].includes(url.protocol))
    throw new UsageError(`${where}: "${value}" is not an http(s) or file URL.`);
  return url.href;
}
