/**
 * Metadata accuracy: title, author and publication date against what the corpus says, for the
 * pages where it says it. Truth comes from:
 *
 * - `readability-test-pages/<slug>/expected-metadata.json` (title, byline, publishedTime). This is
 *   Readability's own expected output, a regression baseline rather than human truth, so it
 *   favours Readability by construction; the bench says so wherever it prints these figures.
 * - web-page-parser's BBC pages: titles and dates its specs assert (`derived/*_assertions.json`),
 *   else the fixture index's `expected_title` / `expected_date_utc`, else the page's own
 *   `OriginalPublicationDate` meta as the index copied it (UTC: for 10249066 it equals the
 *   asserted `Jun 06 13:48:45 +0000 2010`). The specs assert no authors.
 * - the rebuilt 2007 story (tests/fixtures/bbc-classic--2007-no-breakthrough): title, byline and
 *   "Last Updated" time read off the reference text by hand.
 *
 * Only fields the truth gives are scored. Comparison rules (lenient on typography, strict on
 * content): titles equal after collapsing white space and straightening quotes and dashes;
 * authors equal as sets of names, case and a leading "By" ("Par", "Por", "Door") ignored; dates equal to the minute when
 * both sides give a time, or on the calendar day (UTC) when either gives only a day.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parserAssertions, READABILITY_PAGES, WEB_PAGE_PARSER } from './corpora';
import type { Extraction } from './tools';

export const METADATA_FIELDS = ['title', 'author', 'published'] as const;
export type MetadataField = (typeof METADATA_FIELDS)[number];

export type MetadataTruth = Partial<Record<MetadataField, string>>;

/** One page's metadata truth, keyed by the page's path so bench pages can find it. */
export interface MetadataCase {
  path: string;
  truth: MetadataTruth;
}

function readJson<T>(path: string): T {
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}

/** Readability's expected metadata for its 130 test pages (fields it leaves null are not scored). */
export function readabilityMetadataCases(corpusDir: string): MetadataCase[] {
  const dir = join(corpusDir, READABILITY_PAGES);
  const cases: MetadataCase[] = [];
  for (const slug of readdirSync(dir).sort()) {
    const file = join(dir, slug, 'expected-metadata.json');
    if (!existsSync(file)) continue;
    const m = readJson<{ title?: string; byline?: string; publishedTime?: string }>(file);
    const truth: MetadataTruth = {};
    if (m.title) truth.title = m.title;
    if (m.byline) truth.author = m.byline;
    if (m.publishedTime) truth.published = m.publishedTime;
    cases.push({ path: join(dir, slug, 'source.html'), truth });
  }
  return cases;
}

interface FixtureIndexEntry {
  fixture: string;
  expected_title: string | null;
  expected_date_utc: string | null;
  original_publication_date_meta: string | null;
}

/** `2010/06/06 13:48:45` (BBC OriginalPublicationDate meta, UTC) as ISO 8601. */
function metaDateToIso(value: string): string | null {
  const m = /^(\d{4})\/(\d{2})\/(\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(value.trim());
  return m ? `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}Z` : null;
}

/** Title and date of web-page-parser's BBC pages, from its specs and fixture index. */
export function bbcMetadataCases(corpusDir: string): MetadataCase[] {
  const root = join(corpusDir, WEB_PAGE_PARSER);
  const byFixture = new Map<string, MetadataTruth>();
  const truthOf = (fixture: string) => {
    const key = fixture.replace(/^spec\/fixtures\//, '');
    const truth = byFixture.get(key) ?? {};
    byFixture.set(key, truth);
    return truth;
  };
  for (const a of parserAssertions(corpusDir)) {
    if (!a.fixture.includes('/bbc_news/') || a.negated || a.op !== 'eq') continue;
    if (typeof a.expected !== 'string') continue;
    if (a.field === 'title') truthOf(a.fixture).title = a.expected;
    if (a.field === 'date') truthOf(a.fixture).published = a.expected;
  }
  const index = readJson<FixtureIndexEntry[]>(join(root, 'derived', 'bbc_news_fixture_index.json'));
  for (const entry of index) {
    const truth = truthOf(entry.fixture);
    truth.title ??= entry.expected_title ?? undefined;
    truth.published ??=
      entry.expected_date_utc ??
      (entry.original_publication_date_meta
        ? (metaDateToIso(entry.original_publication_date_meta) ?? undefined)
        : undefined);
  }
  return [...byFixture]
    .map(([rel, truth]) => ({ path: join(root, rel), truth: withoutEmpty(truth) }))
    .filter((c) => Object.keys(c.truth).length > 0)
    .sort((a, b) => a.path.localeCompare(b.path));
}

/**
 * Title and date of web-page-parser's other publishers (The Guardian, The Independent, The New
 * York Times, RT, The Intercept, The Washington Post): what its specs assert, written by people
 * reading the pages. Their dates are written as each parser printed them ("22nd October 2014,
 * 08:56:26", "28 September 2015 18:03:52 BST", "Oct. 26 2015 15:05:22"); see `specDate`.
 */
export function parserMetadataCases(corpusDir: string): MetadataCase[] {
  const root = join(corpusDir, WEB_PAGE_PARSER);
  const byFixture = new Map<string, MetadataTruth>();
  for (const a of parserAssertions(corpusDir)) {
    if (a.fixture.includes('/bbc_news/') || a.negated || (a.op !== '==' && a.op !== 'eq')) continue;
    if (typeof a.expected !== 'string') continue;
    const key = a.fixture.replace(/^spec\/fixtures\//, '');
    const truth = byFixture.get(key) ?? {};
    byFixture.set(key, truth);
    if (a.field === 'title') truth.title = a.expected;
    if (a.field === 'date') truth.published = specDate(a.expected) ?? undefined;
  }
  return [...byFixture]
    .map(([rel, truth]) => ({ path: join(root, rel), truth: withoutEmpty(truth) }))
    .filter((c) => Object.keys(c.truth).length > 0)
    .sort((a, b) => a.path.localeCompare(b.path));
}

/**
 * A date web-page-parser's specs assert, in a form `sameDate` reads: ordinals and abbreviation
 * dots dropped, BST as its offset. A clock time without a zone is kept only as its day: the spec's
 * parser read it in a zone nobody wrote down (RT's "2016-04-01 15:17" is Moscow time, The
 * Intercept's New York time), so only the day can be held against a tool. Null when unreadable.
 */
export function specDate(value: string): string | null {
  const v = value
    .trim()
    .replace(/(\d)(?:st|nd|rd|th)\b/g, '$1')
    .replace(/\b([A-Z][a-z]{2})\./g, '$1')
    .replace(/\bBST$/, '+0100');
  const parsed = parseDate(v);
  if (!parsed) return null;
  if (!parsed.timed || NAMES_A_ZONE.test(v)) return v;
  return new Date(parsed.ms).toISOString().slice(0, 10);
}

function withoutEmpty(truth: MetadataTruth): MetadataTruth {
  return Object.fromEntries(Object.entries(truth).filter(([, v]) => v)) as MetadataTruth;
}

/**
 * The rebuilt 2007 story: title, "By James Rodgers" and "Last Updated: Tuesday, 15 May 2007,
 * 21:20 GMT" as shared/reference/bbc-2007-no-breakthrough-for-us-and-russia.txt shows them.
 */
export const CLASSIC_2007_METADATA: MetadataTruth = {
  title: 'No breakthrough for US and Russia',
  author: 'James Rodgers',
  published: '2007-05-15T21:20:00Z',
};

const QUOTES: [RegExp, string][] = [
  [/[\u2018\u2019\u201a\u2032]/g, "'"],
  [/[\u201c\u201d\u201e\u2033]/g, '"'],
  [/[\u2013\u2014\u2212]/g, '-'],
];

function normalizeTitle(value: string): string {
  let out = value.normalize('NFC');
  for (const [re, to] of QUOTES) out = out.replace(re, to);
  return out.replace(/[\s\u00a0]+/g, ' ').trim();
}

function authorNames(value: string): string[] {
  return normalizeTitle(value)
    .toLowerCase()
    .replace(/^(?:by|par|por|door)\s+/, '')
    .split(/\s*(?:,|&|\band\b)\s*/)
    .map((n) => n.replace(/[^\p{L}\p{N}' -]+/gu, '').trim())
    .filter(Boolean)
    .sort();
}

interface ParsedDate {
  ms: number;
  /** The value names a time of day, not just a day. */
  timed: boolean;
}

/** A zone a date names: Z, an offset, GMT or UTC. */
const NAMES_A_ZONE = /(z|[+-]\d{2}:?\d{2}|gmt|utc)\b/i;

function parseDate(value: string): ParsedDate | null {
  const v = value.trim();
  const timed = /\d{1,2}:\d{2}/.test(v);
  // A bare day is a calendar day, not midnight in the machine's zone; an ISO date and time
  // without a zone (Readability's truth for aclu: "2018-04-05T06:00") is UTC, as other clock
  // times without a zone are here (JavaScript reads "<ISO> UTC" as no date at all).
  if (/^\d{4}-\d{2}-\d{2}$/.test(v)) return { ms: Date.parse(`${v}T00:00:00Z`), timed };
  if (/^\d{4}-\d{2}-\d{2}T[\d:.]+$/.test(v)) return { ms: Date.parse(`${v}Z`), timed };
  const ms = Date.parse(timed && !NAMES_A_ZONE.test(v) ? `${v} UTC` : v);
  return Number.isNaN(ms) ? null : { ms, timed };
}

function sameDate(truth: string, found: string): boolean {
  const t = parseDate(truth);
  const f = parseDate(found);
  if (!t || !f) return false;
  if (t.timed && f.timed) return Math.abs(t.ms - f.ms) < 60_000;
  return new Date(t.ms).toISOString().slice(0, 10) === new Date(f.ms).toISOString().slice(0, 10);
}

/** Whether `found` gives the truth's value of `field` (rules in the module comment). */
export function metadataMatches(
  field: MetadataField,
  truth: string,
  found: string | null,
): boolean {
  if (!found) return false;
  if (field === 'title') return normalizeTitle(truth) === normalizeTitle(found);
  if (field === 'author') return authorNames(truth).join('|') === authorNames(found).join('|');
  return sameDate(truth, found);
}

export interface FieldScore {
  /** Pages whose truth gives this field. */
  pages: number;
  correct: number;
}

export type MetadataScore = Record<MetadataField, FieldScore> & {
  /** Pages where every field the truth gives is right. */
  allExact: FieldScore;
};

export function emptyMetadataScore(): MetadataScore {
  return {
    title: { pages: 0, correct: 0 },
    author: { pages: 0, correct: 0 },
    published: { pages: 0, correct: 0 },
    allExact: { pages: 0, correct: 0 },
  };
}

/** Adds one page's result to `score`; returns the fields that were wrong. */
export function addMetadata(
  score: MetadataScore,
  truth: MetadataTruth,
  found: Extraction,
): MetadataField[] {
  const wrong: MetadataField[] = [];
  for (const field of METADATA_FIELDS) {
    const want = truth[field];
    if (!want) continue;
    score[field].pages++;
    if (metadataMatches(field, want, found[field])) score[field].correct++;
    else wrong.push(field);
  }
  score.allExact.pages++;
  if (!wrong.length) score.allExact.correct++;
  return wrong;
}
