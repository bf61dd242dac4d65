/**
 * Every page that is not a BBC layout. The pipeline has already cleaned a private copy of the
 * page; here @mozilla/readability finds the article in it, and its element (never an HTML
 * string) is read into our blocks, with the post-filters below taking out what Readability keeps
 * but readers do not count as the story.
 */
import { Readability } from '@mozilla/readability';
import type { GenericReader } from './site';
import type { Author, Block } from '../core/types';
import { readBlocks } from '../core/blocks';
import { toIsoUtc } from '../core/dates';
import { cleanByline, collapse } from '../core/text';
import { filterBlocks, linkOnlyMarker, stripClutter, type LinkOnly } from './generic-filters';

export const readGenericArticle: GenericReader = (doc, ctx, meta) => {
  // linkedom builds no <html>/<body> for a page that has none (newspaper4k's
  // google_meta_refresh.html is scripts and a <noscript>), and Readability needs a body.
  if (doc.documentElement?.tagName.toLowerCase() !== 'html' || !doc.body) return null;
  // `meta` was read before Readability runs: it takes the <script> elements (and so the
  // JSON-LD) out.
  // Classes kept: the post-filters read them (caption, gallery, share …).
  const result = new Readability(doc, {
    serializer: (el: Node) => el,
    keepClasses: true,
  }).parse();
  const root = result?.content as Element | null | undefined;
  if (!result || !root || root.nodeType !== 1) return null;

  const title = collapse(result.title) || meta.title;
  stripClutter(root);
  const linkOnly: LinkOnly = new Set();
  const read = readBlocks(root, { resolve: ctx.resolve, classify: linkOnlyMarker(linkOnly) });
  const body = filterBlocks(read, title, linkOnly);
  const byline = collapse(result.byline);
  return {
    title,
    standfirst: standfirstOf(meta.description, body),
    authors: meta.authors.length ? meta.authors : authorsFromByline(byline),
    published: meta.published ?? toIsoUtc(result.publishedTime ?? null),
    modified: meta.modified,
    section: meta.section,
    siteName: meta.siteName ?? (collapse(result.siteName) || null),
    language: meta.language ?? (collapse(result.lang) || null),
    canonicalUrl: meta.canonicalUrl,
    body,
  };
};

/**
 * The page's own summary (meta description, og:description or JSON-LD description) as the
 * standfirst, unless it only repeats the opening of the body: many sites fill the description
 * with the first sentence, which is a lede, not a standfirst.
 */
function standfirstOf(description: string | null, body: Block[]): string | null {
  const summary = collapse(description);
  if (!summary) return null;
  const first = body.find((b) => b.type === 'paragraph');
  const head = summary.replace(/(?:\.\.\.|…)$/, '').trim();
  if (first && first.type === 'paragraph' && first.text.startsWith(head)) return null;
  return summary;
}

/** "By Jane Doe and John Roe" → two authors. A byline that is a date or an address is none. */
function authorsFromByline(byline: string): Author[] {
  const cleaned = cleanByline(byline);
  if (!cleaned || cleaned.length > 120 || /^https?:|\d{4}/.test(cleaned)) return [];
  const names = cleaned
    .split(/\s+and\s+|\s*,\s*|\s*&\s*/)
    .map((n) => n.trim())
    .filter(Boolean);
  return [...new Set(names)].map((name) => ({ name }));
}
