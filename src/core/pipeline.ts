/**
 * The extraction pipeline. The caller's document (the live page, in the extension) is only read:
 * indexed, planned, then read through the cleanup plan as a mask; only the generic reader, which
 * changes what it reads, gets a copy (README, "How extraction works"). It is handed the generic
 * reader (Readability) rather than
 * importing it; `extractArticle` (./extract.ts) hands it src/sites/generic.ts. Nothing here is in
 * the content script that cleans on page load: the extension loads it when someone asks for the
 * article (src/content/article-reader.ts).
 */
import type {
  Article,
  Block,
  ExtractOptions,
  Author,
  ImageRef,
  LayoutDetection,
  RelatedLink,
} from './types';
import { NoArticleError } from './types';
import { detectLayout } from './detect';
import { copyWithout, planCleanup } from './clean';
import type { CleanPlan, CopyOptions, CopyScope } from './clean';
import { isIndexed } from './query';
import { indexDocument, maskDocument } from './query-index';
import { readerFor } from '../sites/readers';
import { bodyOf } from './dom';
import { makeContext } from './context';
import { blocksToText, isEmptyBlock } from './blocks';
import { collapse, countWords } from './text';
import { dateInAddress } from './dates';
import { hostOf } from './url';
import {
  readMetadata,
  shownByline,
  shownDateLine,
  shownKoreanFiledDate,
  shownPublicationDate,
} from './metadata';
import type { PageMetadata } from './metadata';
import { EXTRACTOR_VERSION } from './version';
import type { ExtractContext, ExtractedParts, GenericReader } from '../sites/site';

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
  // The page is only read here. It is indexed for the core's queries (./query.ts) while
  // detection, the related links and the cleanup plan are read from it; then the plan is put on
  // it as a mask, and the page metadata and a site reader read it as cleanup would leave it
  // (./view.ts), with nothing copied.
  const page = indexDocument(doc);
  let detection: LayoutDetection;
  let related: RelatedLink[];
  let plan: CleanPlan;
  let ctx: ExtractContext;
  let meta: PageMetadata;
  let parts: ExtractedParts | null = null;
  let scope: CopyScope | null = null;
  /** A private copy for the generic reader, of all the page or of `scope`'s part of it. */
  let copyFor: (scope: CopyScope | null) => Document;
  try {
    detection = options.detection ?? detectLayout(doc, url);
    ctx = makeContext(url, detection, doc);
    const reader = readerFor(detection.layout);
    related = reader?.related?.(doc, ctx) ?? [];
    const cleanup = planCleanup(doc, url, { detection, recordTexts: false });
    plan = cleanup;
    const read = (from: Document): [PageMetadata, ExtractedParts | null] => {
      const metadata = readMetadata(from, ctx.resolve);
      const found = reader ? reader.extract(from, ctx) : null;
      // For the generic reader, which may be handed only the page's declared article: the date
      // line and byline above it are looked for here, on the whole page.
      if (!found || !hasText(found.body)) {
        metadata.published ??=
          shownPublicationDate(from, metadata.entryPublished) ??
          metadata.pagePublished ??
          shownDateLine(from) ??
          shownKoreanFiledDate(from) ??
          dateInAddress(metadata.canonicalUrl) ??
          dateInAddress(ctx.url);
        if (!metadata.authors.length) metadata.shownAuthors = shownByline(from);
      }
      return [metadata, found];
    };
    // Where the generic reader should look, when it has to (a page the site reader found
    // nothing on): read like the rest, as cleanup leaves the page.
    const scopeOf = (from: Document) => {
      const body = bodyOf(from);
      return body && (!parts || !hasText(parts.body)) ? readGeneric.scope(body) : null;
    };
    if (isIndexed(doc)) {
      const mask = maskDocument(doc, cleanup);
      try {
        [meta, parts] = read(doc);
        scope = scopeOf(doc);
      } finally {
        mask.release();
      }
      copyFor = (part) => copyWithout(doc, cleanup, part, LEAN);
    } else {
      // Indexing switched off (tests/core/query.test.ts compares both ways): no mask without an
      // index, so the readers read a copy made without what the plan takes.
      const work = copyWithout(doc, cleanup);
      [meta, parts] = read(work);
      scope = scopeOf(work);
      copyFor = (part) => copyWithout(work, NOTHING_TAKEN, part, LEAN);
    }
  } finally {
    page.release();
  }
  if (!parts || !hasText(parts.body)) {
    // Not a BBC layout, or a BBC page without a story body (an index or a video page): the
    // generic reader may still find text; the layout stays what detection said. Readability
    // changes what it reads, so it gets a private copy, made without what the plan takes, and
    // holding only the page's declared article when there is one (../sites/generic-scope.ts).
    // A lean copy: without the comments, scripts, styles and white space it would not read.
    parts = readGeneric.read(copyFor(scope), ctx, meta);
    // Should the declared article give the reader nothing, the whole page still may.
    if (scope && (!parts || !hasText(parts.body)))
      parts = readGeneric.read(copyFor(null), ctx, meta);
  }
  if (!parts || !hasText(parts.body)) {
    throw new NoArticleError('No article text was found on this page.');
  }

  const body = withoutRepeatedPictures(parts.body);
  const text = blocksToText(body);
  const images = imagesOf(body);
  const canonicalUrl = parts.canonicalUrl ?? meta.canonicalUrl;
  const siteName = parts.siteName ?? meta.siteName;

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
    siteName,
    title: collapse(parts.title) || meta.title,
    standfirst: parts.standfirst ?? null,
    authors: withoutPublication(parts.authors ?? meta.authors, siteName, ctx.url),
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
    factChecks: meta.factChecks,
    removed: plan.counts,
    extractor: { name: 'broadsheet', version: EXTRACTOR_VERSION },
    extractedAt: (options.now ?? new Date()).toISOString(),
  };
}

/**
 * The authors without the publication itself, named beside a writer as bylines do ("Troy L.
 * Smith, Cleveland.com" on www.cleveland.com): a name equal to the site's name or its host. A
 * byline naming only the publication keeps it: it is then who the page says wrote the story.
 */
function withoutPublication(authors: Author[], siteName: string | null, url: string): Author[] {
  const host = hostOf(url).replace(/^www\./, '');
  const publication = (name: string) => {
    const n = name.toLowerCase();
    return n === host || n === `www.${host}` || n === siteName?.toLowerCase();
  };
  const people = authors.filter((a) => !publication(a.name));
  return people.length ? people : authors;
}

/** A plan that takes nothing: for copying a copy that cleanup has already been applied to. */
const NOTHING_TAKEN = { taken: new Map(), cuts: new Map(), holders: new Set<Node>() };
/** How the generic reader's copy is made (see `CopyOptions`). */
const LEAN: CopyOptions = { lean: true };

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
  return body.some((b) => b.type !== 'image' && !isEmptyBlock(b));
}

function imagesOf(body: Block[]): ImageRef[] {
  return body.flatMap((b) =>
    b.type === 'image' ? [{ src: b.src, alt: b.alt, caption: b.caption, credit: b.credit }] : [],
  );
}

/**
 * Drops a picture that repeats the one before it exactly, caption and all (a table of status
 * icons read cell by cell, an advertisement marker printed twice). Words are kept as often as
 * the page prints them: no story in the corpus repeats a paragraph, and the pages that do
 * (Readability's tests of five identical paragraphs, a Wikipedia table read line by line where
 * a city and its region share a name) lost text when paragraphs were dropped too.
 */
function withoutRepeatedPictures(body: Block[]): Block[] {
  return body.filter((b, i) => {
    const prev = body[i - 1];
    return !(
      b.type === 'image' &&
      prev?.type === 'image' &&
      prev.src === b.src &&
      JSON.stringify(prev) === JSON.stringify(b)
    );
  });
}
