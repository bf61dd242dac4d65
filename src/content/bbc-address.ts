/**
 * The addresses where BBC News articles live, in every era, and Wayback captures of them. The
 * manifest's `content_scripts.matches` say the same thing as match patterns (a unit test keeps
 * the two in step); this table is what the content script checks at run time, because a match
 * pattern cannot see inside a Wayback path precisely (`/web/*\/news.bbc.co.uk/*` also matches a
 * capture of `example.com/?r=/news.bbc.co.uk/`).
 */
import { parseWaybackUrl } from '../core/archive';

interface NewsAddress {
  host: string;
  /** Path prefix the articles share on that host. */
  path: string;
  /** Where the address was seen. */
  seen: string;
}

export const BBC_NEWS_ADDRESSES: readonly NewsAddress[] = [
  // 1999–2010 classic pages, and the 2010 story-body pages still on the old host.
  {
    host: 'news.bbc.co.uk',
    path: '/',
    seen: 'http://news.bbc.co.uk/1/hi/world/europe/6658741.stm',
  },
  // 2010s story-body and today's articles, UK edition.
  {
    host: 'www.bbc.co.uk',
    path: '/news/',
    seen: 'https://www.bbc.co.uk/news/articles/cden3j9d1r7o',
  },
  // International edition.
  { host: 'www.bbc.com', path: '/news/', seen: 'https://www.bbc.com/news/world-europe-50473792' },
  // The bare hosts redirect to www today, but links and Wayback captures still carry them.
  { host: 'bbc.co.uk', path: '/news/', seen: 'redirect to https://www.bbc.co.uk/news/…' },
  { host: 'bbc.com', path: '/news/', seen: 'redirect to https://www.bbc.com/news/…' },
];

/** True when `url` is a BBC News article address, or a Wayback capture of one. */
export function isBbcNewsAddress(url: string): boolean {
  const original = parseWaybackUrl(url)?.originalUrl ?? url;
  let u: URL;
  try {
    u = new URL(original);
  } catch {
    return false;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return false;
  const host = u.hostname.toLowerCase();
  return BBC_NEWS_ADDRESSES.some((a) => a.host === host && u.pathname.startsWith(a.path));
}
