/**
 * The Article JSON Schema is the documented export format: every Article Broadsheet makes from
 * any page of the corpus must validate, and the schema must say exactly what the TS type says.
 */
import { describe, expect, it } from 'vitest';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import schema from '../../src/export/article.schema.json';
import { extractArticle, NoArticleError, REMOVAL_KINDS } from '../../src/core';
import type { Article, Block, Layout } from '../../src/core';
import { readHtmlFile, parseHtml } from '../../src/node/load';
import {
  benchmarkPages,
  newspaper4kPages,
  readabilityPages,
  webPageParserPages,
  type CorpusPage,
} from '../../src/eval/corpora';
import { CORPUS_DIR, corpusAvailable } from '../helpers/corpus';

const ajv = new Ajv2020({ allErrors: true, strict: true });
addFormats(ajv);
const validate = ajv.compile(schema);

const NOW = new Date('2024-05-01T12:00:00.000Z');

/** Every key of each block type, as the TS type requires it (a missing or extra key fails tsc). */
const BLOCK_SAMPLES: { [K in Block['type']]: Required<Extract<Block, { type: K }>> } = {
  paragraph: { type: 'paragraph', text: 'Words.' },
  heading: { type: 'heading', level: 2, text: 'New Cold War?' },
  quote: { type: 'quote', text: 'We have a disagreement.', pull: true, cite: null },
  image: {
    type: 'image',
    src: 'http://news.bbc.co.uk/a.jpg',
    alt: null,
    caption: null,
    credit: 'Getty Images',
  },
  list: { type: 'list', ordered: false, start: null, level: 0, items: ['One'] },
  table: { type: 'table', caption: null, head: [['Pos.', 'Driver']], rows: [['1', 'Kyle Busch']] },
};

const LAYOUTS: Record<Layout, true> = {
  'bbc-classic': true,
  'bbc-story-body': true,
  'bbc-modern': true,
  generic: true,
};

type Schema = {
  required: string[];
  properties: Record<string, { enum?: string[]; required?: string[] }>;
  $defs: Record<
    string,
    { required?: string[]; properties?: Record<string, unknown>; oneOf?: { $ref: string }[] }
  >;
};
const s = schema as unknown as Schema;

function errorsOf(article: unknown): string {
  validate(article);
  return ajv.errorsText(validate.errors, { separator: '\n' });
}

describe('Article schema ↔ TS type', () => {
  const page = parseHtml(
    `<html lang="en"><head><title>T</title></head><body><article><h1>T</h1>
     <p>The first paragraph of a story long enough to be a story, with words in it.</p>
     <h2>A crosshead</h2><p>Another paragraph that carries on the story for a while longer.</p>
     </article></body></html>`,
  );
  const article = extractArticle(page, 'https://example.com/story', { now: NOW });

  it('requires exactly the keys of a real Article, in the same order', () => {
    expect(s.required).toEqual(Object.keys(article));
    expect(Object.keys(s.properties)).toEqual(Object.keys(article));
    expect(errorsOf(article)).toBe('No errors');
  });

  it('names the same block types and block fields as the Block union', () => {
    const branches = s.$defs['block']!.oneOf!.map((r) => s.$defs[r.$ref.replace('#/$defs/', '')]!);
    const fromSchema = Object.fromEntries(
      branches.map((b) => [
        (b.properties!['type'] as { const: string }).const,
        Object.keys(b.properties!).sort(),
      ]),
    );
    const fromType = Object.fromEntries(
      Object.entries(BLOCK_SAMPLES).map(([k, v]) => [k, Object.keys(v).sort()]),
    );
    expect(fromSchema).toEqual(fromType);
    for (const sample of Object.values(BLOCK_SAMPLES))
      expect(errorsOf({ ...article, body: [sample] })).toBe('No errors');
  });

  it('lists every layout and every removal kind', () => {
    expect(s.properties['layout']!.enum).toEqual(Object.keys(LAYOUTS));
    expect(s.properties['removed']!.required).toEqual([...REMOVAL_KINDS]);
  });

  it('rejects what the type forbids', () => {
    expect(errorsOf({ ...article, extra: 1 })).toMatch(/additional properties/);
    expect(errorsOf({ ...article, published: '15 May 2007' })).toMatch(/published/);
    expect(errorsOf({ ...article, body: [{ type: 'paragraph', text: 'x', pull: false }] })).toMatch(
      /body/,
    );
    const untitled: Partial<Article> = { ...article };
    delete untitled.title;
    expect(errorsOf(untitled)).toMatch(/title/);
  });

  it('documents every property', () => {
    const undocumented: string[] = [];
    const visit = (node: unknown, path: string) => {
      if (!node || typeof node !== 'object') return;
      const props = (node as { properties?: Record<string, unknown> }).properties;
      if (props)
        for (const [key, value] of Object.entries(props)) {
          if (!(value as { description?: string }).description) undocumented.push(`${path}.${key}`);
          visit(value, `${path}.${key}`);
        }
      for (const [key, value] of Object.entries(node)) if (key !== 'properties') visit(value, path);
    };
    visit(schema, '$');
    expect(undocumented).toEqual([]);
  });
});

function corpusCases(): CorpusPage[] {
  return [
    ...benchmarkPages(CORPUS_DIR),
    ...readabilityPages(CORPUS_DIR),
    ...webPageParserPages(CORPUS_DIR),
    ...newspaper4kPages(CORPUS_DIR),
  ];
}

describe.skipIf(!corpusAvailable)(
  'every corpus page gives a valid Article or NoArticleError',
  () => {
    it('validates the extraction of all pages (benchmark, readability, web-page-parser, newspaper4k)', () => {
      const pages = corpusCases();
      const invalid: string[] = [];
      const counts: Record<string, { articles: number; none: number }> = {};
      for (const page of pages) {
        const doc = parseHtml(readHtmlFile(page.path));
        const tally = (counts[page.corpus] ??= { articles: 0, none: 0 });
        let article: Article;
        try {
          article = extractArticle(doc, page.url, { now: NOW });
        } catch (err) {
          // No article is an answer; any other exception is a bug.
          if (err instanceof NoArticleError) {
            tally.none++;
            continue;
          }
          invalid.push(`${page.corpus}/${page.id}: threw ${String(err)}`);
          continue;
        }
        tally.articles++;
        if (!validate(article))
          invalid.push(`${page.corpus}/${page.id}: ${ajv.errorsText(validate.errors)}`);
      }
      expect(invalid).toEqual([]);
      // Every page of each folder was read (a loader that silently lost pages fails here). The
      // two newspaper4k pages without an article are a JavaScript redirect and an RSS feed.
      expect(counts['article-extraction-benchmark']).toEqual({ articles: 181, none: 0 });
      expect(counts['readability-test-pages']).toEqual({ articles: 130, none: 0 });
      expect(counts['web-page-parser']).toEqual({ articles: 62, none: 0 });
      expect(counts['newspaper4k']).toEqual({ articles: 28, none: 2 });
    }, 300_000);
  },
);
