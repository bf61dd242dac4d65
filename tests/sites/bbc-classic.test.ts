/**
 * The classic news.bbc.co.uk layout (1999–2010): the reconstructed 2007 story
 * (tests/fixtures/bbc-classic--2007-no-breakthrough, see its SOURCE.md) checked against the
 * reference text a reader saw, and the six classic pages of web-page-parser/bbc_news checked
 * against the corpus index.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readHtmlFile, parseHtml } from '../../src/node/load';
import { cleanPage, detectLayout, extractArticle, HIDDEN_ATTR } from '../../src/core';
import { ELEMENT_NODE, TEXT_NODE, isNonContent, walk } from '../../src/core/dom';
import { collapse } from '../../src/core/text';
import { REFERENCE_DIR, corpusAvailable, corpusPath, loadCorpusPage } from '../helpers/corpus';

const FIXTURE = resolve(__dirname, '../fixtures/bbc-classic--2007-no-breakthrough/page.html');
const URL_2007 = 'http://news.bbc.co.uk/1/hi/world/europe/6658741.stm';
const NOW = new Date('2026-01-01T00:00:00Z');

const loadFixture = () => parseHtml(readHtmlFile(FIXTURE));

/** Template lines of the reference text: cleanup hides them and the article text has none. */
const TEMPLATE_CLUTTER = [
  '[an error occurred while processing this directive]',
  'One-Minute World News',
  'What Condoleezza Rice has said about the plans',
  'Q&A: US missile defence',
  'Guide to planned US missile shield',
  '23 Feb 07',
  '22 Jun 06',
  'The BBC is not responsible for the content of external internet sites',
  "Has China's housing bubble burst?",
  "How the world's oldest clove tree defied an empire",
  'Why Royal Ballet principal Sergei Polunin quit',
  // Template lines the reference dump left out but a reader of the page sees.
  'E-mail this to a friend',
  'Printable version',
  'SEE ALSO',
  'RELATED INTERNET LINKS',
  'MOST POPULAR STORIES NOW',
  'FEATURES, VIEWS, ANALYSIS',
  'TOP EUROPE STORIES',
  'News Front Page',
  'RELATED BBC SITES',
  'PRODUCTS & SERVICES',
];

/** The pictures' words: kept on the page, attached to image blocks, never in the text. */
const PICTURES = [
  {
    alt: 'US Secretary of State Condoleezza Rice at a press conference in Moscow',
    caption: "Ms Rice's position on Kosovo is unpalatable for Russia",
  },
  {
    alt: 'Russian President Vladimir Putin during a meeting, 15 May',
    caption: "Mr Putin takes a dim view of Nato's expansion",
  },
];

const REGIONS = ['Americas', 'Africa', 'Europe', 'Middle East', 'South Asia', 'Asia Pacific'];
const PULL_QUOTE =
  'The optimism and warmth which marked the end of the Cold War seem a distant memory';

/** What a reader sees of `doc` after cleanup: text outside hidden and non-content elements. */
function visibleText(doc: Document): string {
  const parts: string[] = [];
  walk(doc.body, (node) => {
    if (node.nodeType === ELEMENT_NODE) {
      const el = node as Element;
      if (isNonContent(el) || el.hasAttribute(HIDDEN_ATTR)) return false;
    } else if (node.nodeType === TEXT_NODE) parts.push((node as Text).data);
  });
  return collapse(parts.join(' '));
}

describe('bbc-classic: the 2007 story fixture', () => {
  const article = extractArticle(loadFixture(), URL_2007, { now: NOW });

  it('reads the headline, byline, dateline and dates', () => {
    expect(article.layout).toBe('bbc-classic');
    expect(article.title).toBe('No breakthrough for US and Russia');
    expect(article.authors).toEqual([{ name: 'James Rodgers' }]);
    expect(article.dateline).toBe('BBC News, Moscow');
    // "Last Updated: Tuesday, 15 May 2007, 21:20 GMT 22:20 UK": the GMT time.
    expect(article.modified).toBe('2007-05-15T21:20:00Z');
    expect(article.published).toBe('2007-05-15T21:20:37Z');
    expect(article.section).toBe('Europe');
    expect(article.siteName).toBe('BBC News');
    expect(article.language).toBe('en-GB');
    expect(article.canonicalUrl).toBe(URL_2007);
    expect(article.standfirst).toBe(
      'Russia and the United States have defined their differences. They have not settled them.',
    );
  });

  it('keeps the crosshead as a heading, in its place', () => {
    const i = article.body.findIndex((b) => b.type === 'heading');
    expect(article.body[i]).toEqual({ type: 'heading', level: 2, text: 'New Cold War?' });
    expect(article.body[i - 1]).toMatchObject({
      text: 'Moscow has threatened to use its veto at the UN Security Council.',
    });
    expect(article.body[i + 1]).toMatchObject({
      text: expect.stringMatching(/^Today's talks produced no breakthrough/),
    });
  });

  it('attaches both captions to their pictures', () => {
    expect(article.images.map(({ alt, caption }) => ({ alt, caption }))).toEqual(PICTURES);
    expect(
      article.images.every((i) => i.src.startsWith('http://newsimg.bbc.co.uk/media/images/')),
    ).toBe(true);
    // The Putin picture sits between the two halves of Ms Rice's quote, as on the page.
    const i = article.body.findIndex((b) => b.type === 'image' && b.alt === PICTURES[1]!.alt);
    expect(article.body[i - 1]).toMatchObject({
      text: expect.stringMatching(/meeting with President Vladimir Putin\.$/),
    });
  });

  it('has the pull quote once as a pull quote, and its repeat as the last paragraph', () => {
    const quotes = article.body.filter((b) => b.type === 'quote');
    expect(quotes).toEqual([{ type: 'quote', text: PULL_QUOTE, pull: true, cite: null }]);
    expect(article.body.at(-1)).toEqual({ type: 'paragraph', text: `${PULL_QUOTE}.` });
    expect(article.text.split(PULL_QUOTE)).toHaveLength(2);
  });

  it('reads the three related links with dates and sections', () => {
    expect(article.related).toEqual([
      {
        title: 'What Condoleezza Rice has said about the plans',
        url: 'http://www.bbc.co.uk/mediaselector/check/player/nol/newsid_6650000/newsid_6659100?redirect=6659186.stm&news=1&nbram=1&bbram=1&nbwm=1&bbwm=1',
        date: null,
        section: null,
        kind: 'media',
      },
      {
        title: 'Q&A: US missile defence',
        url: 'http://news.bbc.co.uk/1/hi/world/americas/6387081.stm',
        date: '2007-02-23',
        section: 'Americas',
        kind: 'story',
      },
      {
        title: 'Guide to planned US missile shield',
        url: 'http://news.bbc.co.uk/1/hi/world/americas/5104854.stm',
        date: '2006-06-22',
        section: 'Americas',
        kind: 'story',
      },
    ]);
  });

  it('leaves every clutter line and the pictures’ words out of the text', () => {
    for (const s of [...TEMPLATE_CLUTTER, ...PICTURES.flatMap((p) => [p.alt, p.caption])])
      expect(article.text, s).not.toContain(s);
    expect(article.text).not.toContain(REGIONS.join(' '));
    expect(
      article.text.startsWith('Russia and the United States have defined their differences.'),
    ).toBe(true);
  });

  it('is detected from its structure, from any address', () => {
    for (const url of [URL_2007, pathToFileURL(FIXTURE).href, 'https://example.org/saved.html']) {
      const detection = detectLayout(loadFixture(), url);
      expect(detection.layout, url).toBe('bbc-classic');
      expect(detection.signals).toContain('td.storybody');
    }
  });

  it('cleanup hides all clutter, keeps the story and pictures, and undo is exact', () => {
    const doc = loadFixture();
    const before = doc.documentElement.outerHTML;
    const report = cleanPage(doc, URL_2007);
    const seen = visibleText(doc);
    for (const s of TEMPLATE_CLUTTER) expect(seen, s).not.toContain(s);
    expect(doc.querySelector('map[name="world_map"]')?.hasAttribute(HIDDEN_ATTR)).toBe(true);
    for (const p of PICTURES) expect(seen).toContain(p.caption);
    expect(seen).toContain('No breakthrough for US and Russia');
    expect(seen).toContain('By James Rodgers BBC News, Moscow');
    expect(seen).toContain('Last Updated: Tuesday, 15 May 2007, 21:20 GMT 22:20 UK');
    expect(seen).toContain(PULL_QUOTE);
    expect(report.counts.related).toBeGreaterThan(0);
    expect(report.removals.some((r) => r.rule === 'bbc-classic/see-also')).toBe(true);

    report.undo();
    expect(doc.documentElement.outerHTML).toBe(before);
  });
});

describe.skipIf(!corpusAvailable)('bbc-classic: against the reference text', () => {
  it('has every body paragraph the reader saw', () => {
    const reference = readFileSync(
      resolve(REFERENCE_DIR, 'bbc-2007-no-breakthrough-for-us-and-russia.txt'),
      'latin1',
    ).split('\n');
    const start = reference.indexOf('BBC News, Moscow') + 1;
    const end = reference.indexOf('What Condoleezza Rice has said about the plans');
    const pictureLines = new Set(PICTURES.flatMap((p) => [p.alt, p.caption]));
    const paragraphs = reference
      .slice(start, end)
      .map((l) => collapse(l))
      .filter((l) => l && !pictureLines.has(l));
    expect(paragraphs.length).toBeGreaterThan(25);
    const article = extractArticle(loadFixture(), URL_2007, { now: NOW });
    const blocks = article.body.flatMap((b) => ('text' in b ? [b.text] : []));
    for (const p of paragraphs) expect(blocks, p).toContain(p);
    for (const p of paragraphs.filter((l) => l !== PULL_QUOTE)) expect(article.text).toContain(p);
  });
});

const CLASSIC_PAGES = [
  '6072486.stm.html',
  '7745137.stm.html',
  '8011268.stm.html',
  '8029015.stm.html',
  '8040164.stm.html',
  '8063681.stm.html',
];

interface IndexEntry {
  fixture: string;
  url: string;
  expected_title: string | null;
  original_publication_date_meta: string;
}

describe.skipIf(!corpusAvailable)('bbc-classic: the classic corpus pages', () => {
  const index = corpusAvailable
    ? (JSON.parse(
        readFileSync(corpusPath('web-page-parser/derived/bbc_news_fixture_index.json'), 'utf8'),
      ) as IndexEntry[])
    : [];

  for (const file of CLASSIC_PAGES) {
    it(`${file}: detected and extracted with the index's title and date`, () => {
      const entry = index.find((e) => e.fixture.endsWith(`/${file}`))!;
      const path = corpusPath('web-page-parser/bbc_news', file);
      expect(
        detectLayout(loadCorpusPage('web-page-parser/bbc_news', file), pathToFileURL(path).href)
          .layout,
      ).toBe('bbc-classic');
      const article = extractArticle(loadCorpusPage('web-page-parser/bbc_news', file), entry.url, {
        now: NOW,
      });
      expect(article.layout).toBe('bbc-classic');
      if (entry.expected_title) expect(article.title).toBe(entry.expected_title);
      const [d, t] = entry.original_publication_date_meta.split(' ');
      expect(article.published).toBe(`${d!.replace(/\//g, '-')}T${t}Z`);
      expect(article.siteName).toBe('BBC News');
      // No template line or picture caption reads as story text.
      for (const s of [
        'E-mail this to a friend',
        'Printable version',
        'SEE ALSO',
        'Most Popular Now',
        'Bookmark with',
      ])
        expect(article.text, s).not.toContain(s);
      for (const caption of article.images.map((i) => i.caption).filter(Boolean))
        expect(article.text).not.toContain(caption!);
    });
  }

  it('6072486 (2006, v3 template): the bold intro is the standfirst and the first paragraph', () => {
    const article = extractArticle(
      loadCorpusPage('web-page-parser/bbc_news', '6072486.stm.html'),
      'http://news.bbc.co.uk/1/hi/england/bradford/6072486.stm',
    );
    expect(article.standfirst).toBe(
      'The son-in-law of a 73-year-old Castleford widow has been charged with her murder.',
    );
    expect(article.body.filter((b) => b.type === 'paragraph')).toHaveLength(5);
    expect(article.modified).toBe('2006-10-21T14:41:00Z');
    expect(article.related).toEqual([
      {
        title: 'Courts Service',
        url: 'http://www.hmcourts-service.gov.uk/',
        date: null,
        section: null,
        kind: 'external',
      },
    ]);
  });

  it('8029015: crossheads, a map without caption, the pull quote and the SEE ALSO links', () => {
    const article = extractArticle(
      loadCorpusPage('web-page-parser/bbc_news', '8029015.stm.html'),
      'http://news.bbc.co.uk/1/hi/programmes/from_our_own_correspondent/8029015.stm',
    );
    expect(
      article.body.filter((b) => b.type === 'heading').map((b) => 'text' in b && b.text),
    ).toEqual(['Hurtling taxis', 'National sport', 'New penalties']);
    expect(article.images.map((i) => [i.alt, i.caption])).toEqual([
      [
        'Traffic on the roads of Cairo',
        "Cairo's roads have constant traffic jams and claim many lives",
      ],
      [
        'Skyline of Cairo',
        'The Egyptian capital is full of drivers that have never taken a driving test',
      ],
      ['Map of Cairo and Egypt', null],
    ]);
    expect(article.body.filter((b) => b.type === 'quote')).toEqual([
      {
        type: 'quote',
        text: 'Egyptians, it seems, only use wing mirrors for the angle they afford on the carnage behind them',
        pull: true,
        cite: null,
      },
    ]);
    expect(article.related[0]).toEqual({
      title: 'From traffic jam to cash flow',
      url: 'http://news.bbc.co.uk/1/hi/world/africa/7932748.stm',
      date: '2009-03-12',
      section: 'Africa',
      kind: 'story',
    });
  });

  it('8040164: the byline and its role line; 8063681: no comment form in the story', () => {
    const woodward = extractArticle(
      loadCorpusPage('web-page-parser/bbc_news', '8040164.stm.html'),
      'http://news.bbc.co.uk/1/hi/northern_ireland/8040164.stm',
    );
    expect(woodward.authors).toEqual([{ name: 'Stephen Walker' }]);
    expect(woodward.dateline).toBe('BBC Northern Ireland political reporter');
    const taylor = extractArticle(
      loadCorpusPage('web-page-parser/bbc_news', '8063681.stm.html'),
      'http://news.bbc.co.uk/1/hi/magazine/8063681.stm',
    );
    expect(taylor.text).not.toMatch(
      /Add your comments|The BBC may edit your comments|Terms & Conditions|FIND OUT MORE/,
    );
    expect(
      taylor.text.endsWith(
        'never again has to prove his worth by answering such obvious questions.',
      ),
    ).toBe(true);
  });

  it('8011268: the video caption is on the video picture and the pull quote has its speaker', () => {
    const article = extractArticle(
      loadCorpusPage('web-page-parser/bbc_news', '8011268.stm.html'),
      'http://news.bbc.co.uk/1/hi/world/middle_east/8011268.stm',
    );
    expect(article.body[0]).toMatchObject({
      type: 'image',
      caption: "Mr Obama said it was necessary to 'step back from the abyss'",
    });
    expect(article.body.find((b) => b.type === 'quote')).toEqual({
      type: 'quote',
      text: 'What we want to do is to step back from the abyss',
      pull: true,
      cite: 'President Barack Obama',
    });
    expect(article.related.filter((r) => r.kind === 'media').map((r) => r.title)).toContain(
      "Blair's first envoy visit to Gaza",
    );
  });
});
