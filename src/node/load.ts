/**
 * Reading saved pages in Node: bytes → text with the page's own charset → a linkedom Document.
 * Used by the CLI, the tests and the benchmark.
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { DOMParser } from 'linkedom';

/** Decodes page bytes: BOM, then `<meta charset>` / http-equiv in the first 2 KB, then UTF-8, then windows-1252. */
export function decodeHtml(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return new TextDecoder('utf-8').decode(bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 2048));
  const declared = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head)?.[1]?.toLowerCase();
  if (declared && declared !== 'utf-8' && declared !== 'utf8') {
    try {
      // WHATWG: iso-8859-1 and us-ascii mean windows-1252.
      return new TextDecoder(declared).decode(bytes);
    } catch {
      /* unknown label: fall through */
    }
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder(declared ? 'utf-8' : 'windows-1252').decode(bytes);
  }
}

/** Reads a saved page (`.html` or `.html.gz`) as text. Throws Node's own errors (ENOENT…). */
export function readHtmlFile(path: string): string {
  let bytes: Uint8Array = readFileSync(path);
  if (path.endsWith('.gz') || (bytes[0] === 0x1f && bytes[1] === 0x8b)) bytes = gunzipSync(bytes);
  return decodeHtml(bytes);
}

const parser = new DOMParser();

/** Parses HTML into a Document with linkedom. */
export function parseHtml(html: string): Document {
  return parser.parseFromString(html, 'text/html') as unknown as Document;
}
