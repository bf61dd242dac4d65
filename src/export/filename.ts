/**
 * The name an exported article is saved under: `YYYY-MM-DD-<slug-of-title>.json`. The title is
 * page-provided text, so the name is built only from a whitelist of characters: nothing a page
 * writes can climb directories, hide an extension or hit a device name on Windows.
 */
import type { Article } from '../core/types';

/** Longest slug kept; with the date and `.json` a name stays under 100 characters. */
export const MAX_SLUG_LENGTH = 80;

/** Slug used when the title gives no ASCII letter or digit (no title, only emoji or CJK…). */
const FALLBACK_SLUG = 'article';

/**
 * Letters that Unicode decomposition (NFKD) leaves alone, spelt as English readers transliterate
 * them. Accented letters (é, ñ, ü…) need no entry: NFKD splits off their accents.
 */
const TRANSLITERATIONS: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ł: 'l',
  ı: 'i',
  ŋ: 'ng',
  ħ: 'h',
  ŧ: 't',
  '&': ' and ',
};

/**
 * Device names Windows reserves whatever the extension (`con.json` cannot be created).
 * https://learn.microsoft.com/windows/win32/fileio/naming-a-file#naming-conventions
 */
const WINDOWS_RESERVED = /^(?:con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/;

/** Lowercase ASCII letters, digits and single hyphens, at most MAX_SLUG_LENGTH long; never empty. */
export function slugify(title: string | null | undefined): string {
  const folded = (title ?? '')
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    // Apostrophes join words ("Europe's" → "europes"), as people write slugs by hand.
    .replace(/['’`]/g, '')
    .replace(/[^\x20-\x7e]/g, (c) => TRANSLITERATIONS[c] ?? ' ')
    .replace(/&/g, TRANSLITERATIONS['&']!);
  let slug = folded.replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  if (slug.length > MAX_SLUG_LENGTH) {
    const cut = slug.slice(0, MAX_SLUG_LENGTH + 1);
    const lastHyphen = cut.lastIndexOf('-');
    // Cut on a word boundary unless that throws away more than a third of the room.
    slug = lastHyphen > MAX_SLUG_LENGTH * 0.66 ? cut.slice(0, lastHyphen) : cut.slice(0, -1);
    slug = slug.replace(/-+$/, '');
  }
  if (!slug) return FALLBACK_SLUG;
  // The date prefix already keeps file names off the reserved list; the slug alone stays safe
  // too, for callers that use it on its own.
  return WINDOWS_RESERVED.test(slug) ? `${slug}-${FALLBACK_SLUG}` : slug;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})/;

/** `YYYY-MM-DD` of an ISO 8601 date as the article gives it (its calendar date, not shifted). */
function calendarDate(iso: string | null): string | null {
  const m = iso ? ISO_DATE.exec(iso) : null;
  if (!m) return null;
  const [, y, mo, d] = m.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d
    ? m[0]
    : null;
}

function localDate(today: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${today.getFullYear()}-${pad(today.getMonth() + 1)}-${pad(today.getDate())}`;
}

/**
 * `YYYY-MM-DD-<slug>.json`: the date is the article's publication date, else its last
 * modification, else `today` (the user's local calendar date).
 */
export function articleFilename(
  article: Pick<Article, 'title' | 'published' | 'modified'>,
  today: Date,
): string {
  const date =
    calendarDate(article.published) ?? calendarDate(article.modified) ?? localDate(today);
  return `${date}-${slugify(article.title)}.json`;
}
