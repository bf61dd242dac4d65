/**
 * The extraction pipeline on a private copy of the page, so the caller's document (the live page,
 * in the extension) is never changed. It is handed the generic reader (Readability) rather than
 * importing it; `extractArticle` (./extract.ts) hands it src/sites/generic.ts. Nothing here is in
 * the content script that cleans on page load: the extension loads it when someone asks for the
 * article (src/content/article-reader.ts).
 */
import type {
  Article,
  Block,
  ExtractOptions,
  ImageRef,
  LayoutDetection,
  RelatedLink,
} from './types';
import { NoArticleError } from './types';
import { detectLayout } from './detect';
import { copyWithout, planCleanup } from './clean';
import type { CleanPlan } from './clean';
import { indexDocument } from './query';
import { readerFor } from '../sites/readers';
import { makeContext } from './context';
import { blocksToText } from './blocks';
import { collapse, countWords } from './text';
import { readMetadata } from './metadata';
import type { PageMetadata } from './metadata';
import { EXTRACTOR_VERSION } from './version';
import type { ExtractedParts, GenericReader } from '../sites/site';

/**
 * Extracts the article of `doc`, loaded from `url`, reading pages no site rule reads with
 * `readGeneric`. Throws `NoArticleError` when the page has no article body. Never mutates `doc`.
 */
export function extractArticleWith(
  readGeneric: GenericReader,
  doc: Document,
  url: string,
  options: ExtractOptions = {},
): Article {
  // The page is only read here, so it is indexed for the core's queries (../core/query.ts)
  // while detection, the related links and the cleanup plan are read from it.
  const page = indexDocument(doc);
  let detection: LayoutDetection;
  let related: RelatedLink[];
  let plan: CleanPlan;
  let work: Document;
  try {
    detection = options.detection ?? detectLayout(doc, url);
    const reader = readerFor(detection.layout);
    related = reader?.related?.(doc, makeContext(url, detection, doc)) ?? [];
    plan = planCleanup(doc, url, { detection, recordTexts: false });
    // The private copy is made without the clutter, rather than copied whole and then cut.
    work = copyWithout(doc, plan);
  } finally {
    page.release();
  }
  const ctx = makeContext(url, detection, work);
  const reader = readerFor(detection.layout);

  let meta: PageMetadata;
  let parts: ExtractedParts | null = null;
  // Site readers only read the copy, so it is indexed too while they run (their hundred-odd
  // queries pay for the walk); Readability changes it, so for it the copy is not indexed.
  const copy = reader ? indexDocument(work) : null;
  try {
    // Read once, here, before any reader runs: Readability takes the JSON-LD <script> elements
    // out of the copy.
    meta = readMetadata(work, ctx.resolve);
    parts = reader ? reader.extract(work, ctx) : null;
  } finally {
    copy?.release();
  }
  if (!parts || !hasText(parts.body)) {
    // Not a BBC layout, or a BBC page without a story body (an index or a video page): the
    // generic reader may still find text; the layout stays what detection said.
    parts = readGeneric(work, ctx, meta);
  }
  if (!parts || !hasText(parts.body)) {
    throw new NoArticleError('No article text was found on this page.');
  }

  const body = dedupeBlocks(parts.body);
  const text = blocksToText(body);
  const images = imagesOf(body);
  const canonicalUrl = parts.canonicalUrl ?? meta.canonicalUrl;

  return {
    schemaVersion: 1,
    url: ctx.url,
    canonicalUrl: canonicalUrl ?? null,
    archive: detection.archive
      ? {
          service: detection.archive.service,
          url: detection.archive.url,
          capturedAt: detection.archive.capturedAt,
        }
      : null,
    layout: detection.layout,
    siteName: parts.siteName ?? meta.siteName,
    title: collapse(parts.title) || meta.title,
    standfirst: parts.standfirst ?? null,
    authors: parts.authors ?? meta.authors,
    dateline: parts.dateline ?? null,
    published: parts.published ?? meta.published,
    modified: parts.modified ?? meta.modified,
    section: parts.section ?? meta.section,
    language: languageTag(parts.language) ?? languageTag(meta.language),
    images,
    body,
    text,
    wordCount: countWords(text),
    related,
    removed: plan.counts,
    extractor: { name: 'broadsheet', version: EXTRACTOR_VERSION },
    extractedAt: (options.now ?? new Date()).toISOString(),
  };
}

/** A language tag as the Article schema states it (BCP 47's shape). */
const LANGUAGE_TAG = /^[A-Za-z]{1,8}(?:-[A-Za-z0-9]{1,8})*$/;

/**
 * The page's language as a tag, or null: `lang` is page-written text, and `lang='"><x'` reached
 * the export and failed the schema (tests/reliability/property.test.ts). `en_GB` is `en-GB`.
 */
function languageTag(value: string | null | undefined): string | null {
  const tag = collapse(value).replace(/_/g, '-');
  return LANGUAGE_TAG.test(tag) ? tag : null;
}

function hasText(body: Block[]): boolean {
  return body.some(
    (b) => b.type !== 'image' && (b.type === 'list' ? b.items.length > 0 : b.text.length > 0),
  );
}

function imagesOf(body: Block[]): ImageRef[] {
  return body.flatMap((b) =>
    b.type === 'image' ? [{ src: b.src, alt: b.alt, caption: b.caption }] : [],
  );
}

/** Drops a block that repeats the one before it exactly (templates that print a line twice). */
function dedupeBlocks(body: Block[]): Block[] {
  const out: Block[] = [];
  for (const b of body) {
    const prev = out[out.length - 1];
    if (prev && JSON.stringify(prev) === JSON.stringify(b)) continue;
    out.push(b);
  }
  return out;
}
