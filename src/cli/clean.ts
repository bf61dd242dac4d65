/**
 * `broadsheet clean`: the page with its clutter taken out, written as UTF-8, and what was taken
 * out summarised on stderr.
 */
import { writeFileSync } from 'node:fs';
import type { Writable } from 'node:stream';
import { REMOVAL_KINDS } from '../core';
import type { CleanReport } from '../core';
import { clip } from '../core/text';
import { cleanParsedPage } from '../node/clean';
import {
  describeIoError,
  fileAddress,
  isWarcFile,
  loadPage,
  ownAddress,
  PageReadError,
  readStdin,
  STDIN,
  STDIN_ADDRESS,
} from './pages';
import { EXIT_FAILURE, EXIT_OK } from './args';

export interface CleanCommand {
  file: string;
  output: string;
  url: string | null;
  verbose: boolean;
}

export async function runClean(
  cmd: CleanCommand,
  out: Writable,
  err: Writable,
  /** Standard input, opened only when a FILE is `-`. */
  stdin: () => AsyncIterable<Buffer> = () => process.stdin,
): Promise<number> {
  const fromStdin = cmd.file === STDIN;
  const refuseWarc = () => {
    err.write(
      `broadsheet: ${cmd.file}: a WARC file holds many pages; clean takes one saved page ` +
        `(broadsheet extract reads every page of a WARC file).\n`,
    );
    return EXIT_FAILURE;
  };
  if (!fromStdin && isWarcFile(cmd.file)) return refuseWarc();
  let doc: Document;
  try {
    if (fromStdin) {
      const input = await readStdin(stdin());
      if (input.kind === 'warc') return refuseWarc();
      doc = input.read();
    } else doc = loadPage(cmd.file);
  } catch (e) {
    // A page that is not one, or standard input failing; anything else is a fault of ours.
    if (!(e instanceof PageReadError) && !(e as NodeJS.ErrnoException)?.code) throw e;
    const { code, message } = e instanceof PageReadError ? e : describeIoError(e);
    err.write(`broadsheet: ${cmd.file}: ${message} (${code})\n`);
    return EXIT_FAILURE;
  }
  // Cleanup detects layouts from structure; the address only has to be the best one at hand.
  const fallback = fromStdin ? STDIN_ADDRESS : fileAddress(cmd.file);
  const url = cmd.url ?? ownAddress(doc, fallback) ?? fallback;
  const report = cleanParsedPage(doc, url, { mode: 'remove' });
  declareUtf8(doc);
  const html = serialize(doc);

  if (cmd.output === '-') {
    out.write(html);
  } else {
    try {
      writeFileSync(cmd.output, html, 'utf8');
    } catch (e) {
      err.write(`broadsheet: cannot write ${cmd.output}: ${(e as Error).message}\n`);
      return EXIT_FAILURE;
    }
  }
  err.write(summary(cmd, report));
  return EXIT_OK;
}

/**
 * We write UTF-8, so the page must say so: a classic BBC page declares iso-8859-1 in an
 * http-equiv meta (web-page-parser/bbc_news/6072486.stm.html), and left alone it would make
 * a browser misread every pound sign and curly quote of the file we wrote.
 */
function declareUtf8(doc: Document): void {
  for (const meta of Array.from(doc.querySelectorAll('meta[charset], meta[http-equiv]'))) {
    const equiv = meta.getAttribute('http-equiv');
    if (meta.hasAttribute('charset') || equiv?.trim().toLowerCase() === 'content-type')
      meta.remove();
  }
  const meta = doc.createElement('meta');
  meta.setAttribute('charset', 'utf-8');
  const root = doc.documentElement;
  const head = doc.querySelector('head');
  // First in <head>: browsers only honour a charset declared in the first 1024 bytes.
  if (head) head.insertBefore(meta, head.firstChild);
  else if (root.localName === 'html') root.insertBefore(meta, root.firstChild);
  else doc.insertBefore(meta, root);
}

/**
 * The whole document, doctype included. linkedom (the CLI's DOM) serialises a Document with
 * toString(); `documentElement.outerHTML` would drop the doctype and anything beside <html>.
 */
function serialize(doc: Document): string {
  return String(doc);
}

function summary(cmd: CleanCommand, report: CleanReport): string {
  const total = report.removals.length;
  const byKind = REMOVAL_KINDS.filter((k) => report.counts[k] > 0)
    .map((k) => `${report.counts[k]} ${k}`)
    .join(', ');
  const target = cmd.output === '-' ? 'stdout' : cmd.output;
  const lines = [
    `broadsheet: ${cmd.file} (layout ${report.detection.layout}): ` +
      (total ? `removed ${total}: ${byKind}` : 'nothing to remove') +
      `; wrote ${target}`,
  ];
  if (cmd.verbose)
    for (const r of report.removals) lines.push(`  ${r.kind}\t${r.rule}\t${clip(r.text, 100)}`);
  return lines.join('\n') + '\n';
}
