/**
 * The 2020+ BBC layout on the real pages of web-page-parser's bbc_news set: 2020 renders of
 * 2015 stories, two 2020 health stories, a 2022 /news/av/ video page and a 2024 /news/articles/
 * page. Every expected value below was read off the page source by hand.
 */
import { describe, expect, it } from 'vitest';
import { corpusAvailable, corpusPath, loadCorpusPage } from '../helpers/corpus';
import { cleanPage, detectLayout, extractArticle } from '../../src/core';
import type { Article } from '../../src/core';
import { intersectSpans, printedAtFrom, printedDay } from '../../src/core/dates';
import { readHtmlFile } from '../../src/node/load';

const WPP = 'web-page-parser/bbc_news';

const PAGES: [file: string, url: string][] = [
  ['32271505-2020.html', 'http://www.bbc.co.uk/news/election-2015-32271505'],
  ['32275608-2020.html', 'http://www.bbc.co.uk/news/world-us-canada-32275608'],
  ['54528983.html', 'https://www.bbc.co.uk/news/health-54528983'],
  ['54622059.html', 'https://www.bbc.co.uk/news/health-54622059'],
  ['61896381.html', 'https://www.bbc.co.uk/news/av/uk-england-dorset-61896381'],
  ['cden3j9d1r7o.html', 'https://www.bbc.co.uk/news/articles/cden3j9d1r7o'],
];

/** Clutter strings that must never reach the article text, with where each was seen. */
const CLUTTER = [
  /^Published/m, // metadata strip (cden3j9d1r7o: "Published 2 hours ago")
  /\d+ (?:hours|days) ago/, // cden3j9d1r7o, 61896381
  /Image (?:source|caption|copyright)/i, // visually-hidden prefixes (cden3j9d1r7o, 54528983)
  /media caption/i, // 32275608-2020
  /More on this story/i, // links-block, see-alsos
  /Related Topics/i, // 54528983
  /Top Stories|Most Read|Features/, // 54622059 asides
  /This video can not be played/, // 61896381
  /How do I get a virus test\?/, // promo list under a banner (54528983)
];

const cache = new Map<string, Article>();
function get(file: string): Article {
  if (!cache.has(file)) {
    const url = PAGES.find(([f]) => f === file)![1];
    cache.set(file, extractArticle(loadCorpusPage(WPP, file), url, { now: new Date(0) }));
  }
  return cache.get(file)!;
}

describe.skipIf(!corpusAvailable)('bbc-modern layout', () => {
  describe.each(PAGES)('%s', (file, url) => {
    it('is detected from structure, from its address and from a saved file', () => {
      expect(detectLayout(loadCorpusPage(WPP, file), url).layout).toBe('bbc-modern');
      expect(detectLayout(loadCorpusPage(WPP, file), 'file:///home/me/saved.html').layout).toBe(
        'bbc-modern',
      );
    });

    it('leaves no clutter in the text and no caption as a paragraph', () => {
      const a = get(file);
      for (const pattern of CLUTTER) expect(a.text).not.toMatch(pattern);
      const paragraphs = new Set(a.body.flatMap((b) => (b.type === 'paragraph' ? [b.text] : [])));
      for (const image of a.images) {
        if (image.caption) expect(paragraphs.has(image.caption)).toBe(false);
        expect(image.alt ?? '').not.toMatch(/^(?:line|presentational|banner)\b/i);
      }
      expect(a.siteName).toBe('BBC News');
    });

    it('cleanPage hides clutter and undo() restores the exact page', () => {
      const doc = loadCorpusPage(WPP, file);
      const before = doc.documentElement.outerHTML;
      const report = cleanPage(doc, url);
      expect(report.detection.layout).toBe('bbc-modern');
      expect(report.removals.length).toBeGreaterThan(0);
      report.undo();
      expect(doc.documentElement.outerHTML).toBe(before);
    });
  });

  it('reads title, byline, role line and dates', () => {
    // 2024 byline-block: "Vanessa Buschschlüter" / "BBC News"; <time dateTime="2024-09-30T11:44:06.467Z">.
    const storm = get('cden3j9d1r7o.html');
    expect(storm.title).toBe("Mexico counting dead from 'zombie storm' John");
    expect(storm.authors).toEqual([{ name: 'Vanessa Buschschlüter' }]);
    expect(storm.dateline).toBe('BBC News');
    expect(storm.published).toBe('2024-09-30T11:44:06Z');
    expect(storm.standfirst).toBe(
      "At least 15 people have died in Mexico as a result of Hurricane John, the country's President Andrés Manuel López Obrador has confirmed.",
    );
    // 2020 header: <strong>By Rachel Schraer</strong><br/>Health reporter.
    const sage = get('54528983.html');
    expect(sage.authors).toEqual([{ name: 'Rachel Schraer' }]);
    expect(sage.dateline).toBe('Health reporter');
    expect(sage.published).toBe('2020-10-13T23:44:11Z');
    const covid = get('54622059.html');
    expect(covid.authors).toEqual([{ name: 'James Gallagher' }]);
    expect(covid.dateline).toBe('Health and science correspondent');
    // Video page: JSON-LD VideoObject uploadDate 2022-06-26T07:16:12.000Z; Subsection "Dorset".
    const video = get('61896381.html');
    expect(video.published).toBe('2022-06-26T07:16:12Z');
    expect(video.section).toBe('Dorset');
    expect(video.body).toHaveLength(7);
  });

  it('keeps crossheads as headings and lists as lists', () => {
    const sage = get('54528983.html');
    expect(sage.body).toContainEqual({ type: 'heading', level: 2, text: 'Full lockdown' });
    const clinton = get('32275608-2020.html');
    const last = clinton.body[clinton.body.length - 1];
    expect(last).toMatchObject({ type: 'list', ordered: false });
    expect(last?.type === 'list' && last.items[last.items.length - 1]).toMatch(
      /^Investigated by the State Department/,
    );
  });

  it('attaches captions and credits to images, without "Image source, …" labels', () => {
    expect(get('cden3j9d1r7o.html').images[0]).toEqual({
      src: 'https://ichef.bbci.co.uk/ace/standard/999/cpsprodpb/6196/live/53fdb610-7f1d-11ef-ba82-c1e04bde03d4.jpg',
      alt: 'A woman and a man holding a baby walk barefoot on a muddy street in Acapulco, Guerrero, Mexico',
      caption: 'Many families had to seek safety in shelters after their homes were flooded',
      // <span class="…StyledFigureCopyright"><span class="visually-hidden">Image source, </span>Reuters
      credit: 'Reuters',
    });
    // 2020: the <img> exists only inside <noscript>.
    expect(get('54528983.html').images[0]).toMatchObject({
      src: 'https://c.files.bbci.co.uk/1049/production/_114896140_johnson_presser_getty_976.jpg',
      caption:
        'New measures announced by Boris Johnson this week fell short of advice provided by scientists',
      // <span class="…StyledFigureCopyright"><span class="…VisuallyHidden">image copyright</span>Getty Images
      credit: 'Getty Images',
    });
    // "Mrs Clinton&#x27;s": linkedom keeps the entity's text as a node of its own.
    expect(get('32275608-2020.html').images.map((i) => i.caption)).toContain(
      "Mrs Clinton's presidential ambitions have been the worst-kept secret in US politics",
    );
  });

  it('reads "More on this story" and topics as related links', () => {
    const storm = get('cden3j9d1r7o.html');
    // "Published 4 days ago": two days it could be, so none is given.
    expect(storm.related).toContainEqual({
      title: 'Is climate change making hurricanes and typhoons worse?',
      url: 'https://www.bbc.co.uk/news/world-us-canada-42251921',
      date: null,
      section: null,
      kind: 'story',
    });
    // The section a promo names after its visually hidden "Attribution" label, and its
    // "Published 30 August", of 2024: the page was printed that year (its own "2 hours ago").
    expect(storm.related).toContainEqual({
      title: "Cyclones, typhoons, hurricanes - what's the difference?",
      url: 'https://www.bbc.co.uk/weather/videos/cx2eg1x870vo',
      date: '2024-08-30',
      section: 'Weather',
      kind: 'media',
    });
    expect(storm.related).toContainEqual(
      expect.objectContaining({
        title: 'Mexico',
        url: 'https://www.bbc.co.uk/news/topics/crr7mlg0vr2t',
        kind: 'topic',
      }),
    );
    expect(get('54622059.html').related).toContainEqual(
      expect.objectContaining({
        title: "'Long Covid': Why are some people not recovering?",
        url: 'https://www.bbc.co.uk/news/health-54296223',
        kind: 'story',
      }),
    );
  });

  describe('the dates of related links, which these pages print but do not mark up', () => {
    /**
     * The 2020 pages keep each see-also's publication instant in their `__INITIAL_DATA__` JSON,
     * which nothing here reads: the BBC's own record, to check the printed dates against.
     */
    function seeAlsoInstants(file: string): Map<string, string> {
      const html = readHtmlFile(corpusPath(WPP, file));
      const found = new Map<string, string>();
      for (const m of html.matchAll(/"url":"(\/news\/[^"]+)","timestamp":(\d{13})/g))
        found.set(m[1]!, new Date(+m[2]!).toISOString());
      return found;
    }

    it.each(['54622059.html', '32271505-2020.html', '32275608-2020.html'])(
      '%s: every see-also gets the day of the instant the BBC recorded for it',
      (file) => {
        const instants = seeAlsoInstants(file);
        const path = (url: string) => new URL(url).pathname;
        const seeAlsos = get(file).related.filter((r) => instants.has(path(r.url)));
        // 3, 5 and 5 see-alsos: "15 October", "12 April 2015", … beside a hidden "Published".
        expect(seeAlsos.length).toBeGreaterThanOrEqual(3);
        for (const link of seeAlsos)
          expect([link.url, link.date]).toEqual([
            link.url,
            instants.get(path(link.url))!.slice(0, 10),
          ]);
      },
    );

    it('54622059: "5 October" is the UTC day, as the BBC prints it (23:20 UTC, 00:20 in London)', () => {
      const link = get('54622059.html').related.find((r) => r.url.endsWith('/health-54296223'));
      expect(seeAlsoInstants('54622059.html').get('/news/health-54296223')).toBe(
        '2020-10-05T23:20:05.000Z',
      );
      expect(link!.date).toBe('2020-10-05');
    });

    it('cden3j9d1r7o: "3 hours ago" on a page printed 13:44–14:44 UTC is that day', () => {
      expect(get('cden3j9d1r7o.html').related).toContainEqual(
        expect.objectContaining({
          title: 'Thirty killed in one county after hurricane swamps North Carolina',
          date: '2024-09-30',
        }),
      );
    });

    it('61896381: each printed time, read against the others, gives its own day or none', () => {
      // The 2022 page prints 19 promos' times beside their `<time datetime>`: each one's text
      // is read as a related link's would be, with when the page was printed taken from the
      // other 18, and checked against its own datetime.
      const doc = loadCorpusPage(WPP, '61896381.html');
      const times = Array.from(doc.querySelectorAll('time')).flatMap((t) => {
        const datetime = t.getAttribute('datetime') ?? t.getAttribute('dateTime');
        return datetime ? [{ datetime, text: t.textContent ?? '' }] : [];
      });
      expect(times.length).toBeGreaterThanOrEqual(15);
      let dated = 0;
      for (const [i, time] of times.entries()) {
        const others = times.filter((_, j) => j !== i);
        const printedAt = intersectSpans(
          others.flatMap((t) => printedAtFrom(t.datetime, t.text) ?? []),
        );
        const day = printedDay(time.text, printedAt);
        if (day === null) continue;
        expect([time.text, day]).toEqual([time.text, time.datetime.slice(0, 10)]);
        dated++;
      }
      // The others say 10:43–11:05 UTC on 29 June: the five "12 May"s and "11 April"s, and
      // "14, 17, 21 and 22 hours ago" get their day; "11 hours ago" (22:43 to 00:05, across
      // midnight), "1 day ago" and "3 days ago" get none.
      expect(dated).toBe(9);
    });
  });
});
