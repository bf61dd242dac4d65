/**
 * Reading saved pages in Node: bytes → text with the page's own charset → a linkedom Document.
 * Used by the CLI, the tests and the benchmark.
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { DOMParser } from 'linkedom';

/**
 * Decodes page bytes: a BOM; else the charset the page was served with (`transportCharset`, from
 * an HTTP Content-Type), when there is one; else UTF-8 when the bytes are valid UTF-8; else the `<meta charset>` /
 * http-equiv in the first 2 KB; else windows-1252 (UTF-8 with replacement characters when the page
 * declares UTF-8). Valid UTF-8 is read as UTF-8 whatever the page declares: a page
 * saved again as UTF-8 by a tool that kept its old declaration (readability-test-pages/qq
 * declares gb2312) would otherwise come out as mojibake, while text in a legacy encoding that
 * happens to be valid UTF-8 (its bytes above 0x7F all in well-formed multi-byte runs) is
 * vanishingly rare; ASCII reads the same either way.
 */
export function decodeHtml(bytes: Uint8Array, transportCharset: string | null = null): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return new TextDecoder('utf-8').decode(bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  // The charset the server sent with the page (a web archive keeps its headers) comes before the
  // page's own <meta>, as in a browser; a label no decoder knows is passed over.
  if (transportCharset) {
    try {
      return new TextDecoder(transportCharset).decode(bytes);
    } catch {
      // Fall through to the page's own declaration.
    }
  }
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 2048));
  const declared = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head)?.[1]?.toLowerCase();
  const utf8 = strictUtf8(bytes);
  if (utf8 !== null) return utf8;
  // (A <meta> cannot declare UTF-16: the bytes that read it are ASCII. Browsers take it as UTF-8.)
  if (declared === 'utf-8' || declared === 'utf8' || declared?.startsWith('utf-16'))
    return new TextDecoder('utf-8').decode(bytes);
  try {
    // WHATWG: iso-8859-1 and us-ascii mean windows-1252.
    if (declared) return new TextDecoder(declared).decode(bytes);
  } catch {
    // A label no decoder knows is ignored, as browsers do.
  }
  return new TextDecoder('windows-1252').decode(bytes);
}

/** The bytes as UTF-8, or null when they are not valid UTF-8. */
function strictUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** Reads a saved page (`.html` or `.html.gz`) as text. Throws Node's own errors (ENOENT…). */
export function readHtmlFile(path: string): string {
  return htmlFromBytes(readFileSync(path), path.endsWith('.gz'));
}

/** A saved page's bytes as text, unzipped first when they are gzip (or `gzipped` says so). */
export function htmlFromBytes(bytes: Uint8Array, gzipped = false): string {
  if (gzipped || (bytes[0] === 0x1f && bytes[1] === 0x8b)) bytes = gunzipSync(bytes);
  return decodeHtml(bytes);
}

const parser = new DOMParser();

/** Parses HTML into a Document with linkedom. */
export function parseHtml(html: string): Document {
  return parser.parseFromString(html, 'text/html') as unknown as Document;
}
