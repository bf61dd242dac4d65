/**
 * Wayback Machine captures: recognising them and mapping their rewritten links back to the
 * original addresses. A capture's address is `https://web.archive.org/web/<timestamp>[im_|js_|…]/<original>`.
 */
import type { ArchiveInfo } from './types';

const WAYBACK_PATH = /^\/web\/(\d{1,14})(?:[a-z]{2}_)?\/+(.+)$/;
const WAYBACK_HOSTS = /^(?:web\.)?archive\.org$|^wayback\.archive\.org$/;

/** Timestamp `20070515212000` → `2007-05-15T21:20:00Z` (missing digits count as zeros). */
export function waybackTimestampToIso(stamp: string): string | null {
  if (!/^\d{4,14}$/.test(stamp)) return null;
  const s = stamp.padEnd(14, '0');
  const [y, mo, d, h, mi, se] = [
    s.slice(0, 4),
    s.slice(4, 6),
    s.slice(6, 8),
    s.slice(8, 10),
    s.slice(10, 12),
    s.slice(12, 14),
  ];
  const moN = Math.max(1, +mo);
  const dN = Math.max(1, +d);
  const date = new Date(Date.UTC(+y, moN - 1, dN, +h, +mi, +se));
  // Date.UTC rolls impossible fields over (month 99 of 9999 is the year +010007, years below 100
  // become 19xx): a stamp that does not read back as written is unreadable, not a date (found
  // by tests/reliability/property.test.ts with `/web/99999999999999im_/x`).
  if (
    Number.isNaN(date.getTime()) ||
    date.getUTCFullYear() !== +y ||
    date.getUTCMonth() !== moN - 1 ||
    date.getUTCDate() !== dN ||
    date.getUTCHours() !== +h ||
    date.getUTCMinutes() !== +mi ||
    date.getUTCSeconds() !== +se
  )
    return null;
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Restores the scheme of an original URL the Wayback path may have mangled (`http:/x` → `http://x`). */
function repairScheme(original: string): string {
  const fixed = original.replace(/^(https?):\/+/i, '$1://');
  return /^https?:\/\//i.test(fixed) ? fixed : `http://${fixed}`;
}

/** Parses a capture address; null when `url` is not one. */
export function parseWaybackUrl(url: string): { timestamp: string; originalUrl: string } | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (!WAYBACK_HOSTS.test(u.hostname)) return null;
  const m = WAYBACK_PATH.exec(u.pathname + u.search + u.hash);
  if (!m) return null;
  return { timestamp: m[1]!, originalUrl: repairScheme(m[2]!) };
}

/** Archive facts from a capture address, or null. */
export function archiveFromUrl(url: string): ArchiveInfo | null {
  const parsed = parseWaybackUrl(url);
  if (!parsed) return null;
  return {
    service: 'wayback',
    url,
    originalUrl: parsed.originalUrl,
    capturedAt: waybackTimestampToIso(parsed.timestamp),
  };
}

/**
 * Resolves `href` against `base` and, when it points into the Wayback Machine, back to the
 * original address. Returns null for anything that is not http(s) (javascript:, data:, mailto:…).
 */
export function resolveHref(href: string | null | undefined, base: string): string | null {
  if (!href) return null;
  const trimmed = href.trim();
  if (!trimmed || trimmed.startsWith('#')) return null;
  let abs: URL;
  try {
    // Wayback rewrites links to root-relative `/web/<timestamp>/<original>`: those belong to
    // the archive's host even when `base` is the original page's address.
    abs = new URL(trimmed, /^\/web\/\d/.test(trimmed) ? 'https://web.archive.org/' : base);
  } catch {
    return null;
  }
  const wayback = parseWaybackUrl(abs.href);
  if (wayback) {
    try {
      abs = new URL(wayback.originalUrl);
    } catch {
      return null;
    }
  }
  if (abs.protocol !== 'http:' && abs.protocol !== 'https:') return null;
  return abs.href;
}
