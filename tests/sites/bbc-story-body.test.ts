/**
 * The 2010–2019 `story-body` layout on real pages: web-page-parser's bbc_news pages of that era,
 * the two bbc.com pages of the article-extraction benchmark (human ground truth) and Readability's
 * bbc-1 (bbc.com, 2015). Every expected value below was read off the page source by hand.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { corpusAvailable, corpusPath, loadCorpusPage } from '../helpers/corpus';
import { cleanPage, detectLayout, extractArticle } from '../../src/core';
import type { Article } from '../../src/core';

const WPP = 'web-page-parser/bbc_news';
const BENCH = 'article-extraction-benchmark';
const SWIFT = '70cb2d5bca75ab5a8f6bb378a38a52f882f6bda508de93b12502e74936d86ff2';
const ASSANGE = 'c7e39ac49fa1235f5d50f83bf2444248bd3aa4e6df044377916c812dd109ba23';

/** Every story-body page of the corpus, with the address it was saved from. */
const PAGES: [path: string[], url: string][] = [
  [[WPP, '10249066.stm.html'], 'http://news.bbc.co.uk/1/hi/england/10249066.stm'],
  [[WPP, '10341015.stm.html'], 'http://news.bbc.co.uk/1/hi/politics/10341015.stm'],
  [[WPP, '11125504.html'], 'http://www.bbc.co.uk/news/business-11125504'],
  [[WPP, '12921632.html'], 'http://www.bbc.co.uk/news/magazine-12921632'],
  [[WPP, '13293006.html'], 'http://www.bbc.co.uk/news/business-13293006'],
  [[WPP, '19957138.stm.html'], 'http://www.bbc.co.uk/news/uk-19957138'],
  [[WPP, '20230333.stm.html'], 'http://www.bbc.co.uk/news/world-us-canada-20230333'],
  [[WPP, '21528631.html'], 'http://www.bbc.co.uk/news/world-africa-21528631'],
  [[WPP, '31014941.html'], 'http://www.bbc.co.uk/news/world-asia-china-31014941'],
  [[WPP, '32271505.html'], 'http://www.bbc.co.uk/news/election-2015-32271505'],
  [[WPP, '32275608.html'], 'http://www.bbc.co.uk/news/world-us-canada-32275608'],
  [[BENCH, 'html', `${SWIFT}.html.gz`], 'https://www.bbc.com/news/newsbeat-50470672'],
  [[BENCH, 'html', `${ASSANGE}.html.gz`], 'https://www.bbc.com/news/world-europe-50473792'],
  [
    ['readability-test-pages', 'bbc-1', 'source.html'],
    'http://www.bbc.com/news/world-us-canada-33646042',
  ],
  // BBC Chinese, 2012 (a World Service page in the same template; the address its search form names).
  [
    ['newspaper4k', 'html', 'chinese_article.html'],
    'http://www.bbc.co.uk/zhongwen/simp/chinese_news/2012/12/121210_hongkong_politics.shtml',
  ],
];

/** Strings of clutter that must never reach the article text, with where each was seen. */
const CLUTTER = [
  /Media playback is unsupported on your device/, // c7e39ac4…
  /Image (?:copyright|caption|source)/i, // c7e39ac4…
  /Media caption/, // bbc-1
  /Share this (?:with|page)/, // c7e39ac4…, 21528631
  /More on (?:this|This) (?:story|Story)/, // 21528631
  /Related Internet links/i, // 31014941, 10249066.stm
  /Continue reading the main story/, // 21528631
  /Bookmark with/, // 10249066.stm
  /Top Stories|Most Popular|Features and analysis/i, // 21528631, 31014941
  /Send us your comments/, // 20230333.stm
  /Follow Newsbeat on|Listen to Newsbeat live/, // 70cb2d5b…
];

const cache = new Map<string, Article>();
function article(path: string[], url: string): Article {
  const key = path.join('/');
  if (!cache.has(key))
    cache.set(key, extractArticle(loadCorpusPage(...path), url, { now: new Date(0) }));
  return cache.get(key)!;
}
const page = (name: string) => PAGES.find(([p]) => p[p.length - 1]!.startsWith(name))!;
const get = (name: string) => article(...page(name));

/** The benchmark's measure: 4-gram shingles of `\w+` tokens, multiset precision and recall. */
function f1(truth: string, predicted: string): number {
  const shingles = (text: string) => {
    const tokens = text.match(/\w+/gu) ?? [];
    const out = new Map<string, number>();
    if (tokens.length < 4) out.set(tokens.join(' '), 1);
    for (let i = 0; i + 4 <= tokens.length; i++) {
      const k = tokens.slice(i, i + 4).join(' ');
      out.set(k, (out.get(k) ?? 0) + 1);
    }
    return out;
  };
  const t = shingles(truth);
  const p = shingles(predicted);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const k of new Set([...t.keys(), ...p.keys()])) {
    const a = t.get(k) ?? 0;
    const b = p.get(k) ?? 0;
    tp += Math.min(a, b);
    fp += Math.max(0, b - a);
    fn += Math.max(0, a - b);
  }
  const precision = fp + fn === 0 ? 1 : tp / (tp + fp);
  const recall = fp + fn === 0 ? 1 : tp / (tp + fn);
  return (2 * precision * recall) / (precision + recall);
}

describe.skipIf(!corpusAvailable)('bbc-story-body layout', () => {
  describe.each(PAGES)('%s', (path, url) => {
    it('is detected from structure, from its address and from a saved file', () => {
      expect(detectLayout(loadCorpusPage(...path), url).layout).toBe('bbc-story-body');
      expect(detectLayout(loadCorpusPage(...path), 'file:///home/me/saved.html').layout).toBe(
        'bbc-story-body',
      );
    });

    it('leaves no clutter in the text and no caption as a paragraph', () => {
      const a = article(path, url);
      for (const pattern of CLUTTER) expect(a.text).not.toMatch(pattern);
      const paragraphs = new Set(a.body.flatMap((b) => (b.type === 'paragraph' ? [b.text] : [])));
      for (const image of a.images)
        if (image.caption) expect(paragraphs.has(image.caption)).toBe(false);
      expect(a.siteName).toBe('BBC News');
    });

    it('cleanPage hides clutter and undo() restores the exact page', () => {
      const doc = loadCorpusPage(...path);
      const before = doc.documentElement.outerHTML;
      const report = cleanPage(doc, url);
      expect(report.detection.layout).toBe('bbc-story-body');
      expect(report.removals.length).toBeGreaterThan(0);
      expect(doc.documentElement.outerHTML).not.toBe(before);
      report.undo();
      expect(doc.documentElement.outerHTML).toBe(before);
    });
  });

  it('does not claim other papers that also use a div.story-body (NYT, Herald Sun)', () => {
    for (const name of ['nytimes-1', 'nytimes-2', 'herald-sun-1']) {
      const doc = loadCorpusPage('readability-test-pages', name, 'source.html');
      expect(detectLayout(doc, 'file:///saved.html').layout).not.toBe('bbc-story-body');
    }
  });

  it('reads the facts of each era', () => {
    // 2010 news.bbc.co.uk: OriginalPublicationDate 2010/06/06 13:48:45 (UTC), meta Section.
    const bird = get('10249066');
    expect(bird.title).toBe("Gunman's family unaware of motive for killings");
    expect(bird.published).toBe('2010-06-06T13:48:45Z');
    expect(bird.section).toBe('England');
    expect(bird.standfirst).toBe(
      'The family of gunman Derrick Bird say they have no idea why he carried out the "horrific" shootings in Cumbria.',
    );
    // 2013: h1.story-header, span.cross-head.
    const pistorius = get('21528631');
    expect(pistorius.title).toBe('Oscar Pistorius detective on attempted murder charges');
    expect(pistorius.published).toBe('2013-02-21T14:10:58Z');
    expect(pistorius.modified).toBe('2013-02-21T14:10:58Z'); // DCTERMS.modified
    expect(pistorius.body).toContainEqual({
      type: 'heading',
      level: 2,
      text: 'Reinstated charges',
    });
    // The correspondent's analysis box is a sidebar; its byline is not the story's author.
    expect(pistorius.authors).toEqual([]);
    expect(pistorius.text).not.toContain('The news Hilton Botha is facing reinstated charges');
    // 2015: div.date[data-seconds="1428838875"], section link "Election 2015", a <ul> list.
    const tax = get('32271505');
    expect(tax.published).toBe('2015-04-12T11:41:15Z');
    expect(tax.section).toBe('Election 2015');
    expect(tax.body.find((b) => b.type === 'list')).toMatchObject({ ordered: false });
    // bbc.com 2015: Readability's expected publishedTime 2015-07-24T05:36:09+01:00.
    const obama = get('source.html');
    expect(obama.title).toBe("Obama admits US gun laws are his 'biggest frustration'");
    expect(obama.published).toBe('2015-07-24T04:36:09Z');
    expect(obama.section).toBe('US & Canada');
    // BBC Chinese 2012: a bare <h1>, the <title> "港特首梁振英就住宅违建事件道歉 - BBC中文网 - 两岸三地"
    // (headline, service, section), DCTERMS.created and .modified (the page shows "更新时间 …
    // 格林尼治标准时间10:41", updated 10:41 GMT).
    const hongKong = get('chinese_article');
    expect(hongKong.title).toBe('港特首梁振英就住宅违建事件道歉');
    expect(hongKong.published).toBe('2012-12-10T09:24:01Z');
    expect(hongKong.modified).toBe('2012-12-10T10:41:47Z');
    // bbc.com 2019: h2.story-body__crosshead, data-seconds 1574185360.
    const assange = get(ASSANGE);
    expect(assange.title).toBe('Julian Assange: Sweden drops rape investigation');
    expect(assange.published).toBe('2019-11-19T17:42:40Z');
    expect(assange.body).toContainEqual({
      type: 'heading',
      level: 2,
      text: 'What did the prosecutors say?',
    });
  });

  it('attaches captions and credits to their pictures, without hidden labels', () => {
    // 2010: the picture in a story-feature box, its caption the box's paragraph.
    expect(get('10249066').images).toContainEqual({
      src: 'http://news.bbcimg.co.uk/media/images/47991000/jpg/_47991279_diveleader018.jpg',
      alt: 'Derrick Bird',
      caption: 'Police are still trying to establish a motive for the killings',
      credit: null,
    });
    // 2012: a caption with entities ("McKinnon&#039;s", "&quot;zombified&quot;") reads as one line.
    expect(get('19957138').images).toContainEqual({
      src: 'http://news.bbcimg.co.uk/media/images/63524000/jpg/_63524214_janissharpap.jpg',
      alt: 'Janis Sharp',
      caption:
        'Mr McKinnon\'s mother Janis Sharp says her son has been "zombified" while waiting for a decision',
      credit: null,
    });
    // 2019: lazy-loaded picture; "Image copyright" (off-screen) + "EPA" is its credit, not caption.
    expect(get(ASSANGE).images).toContainEqual({
      src: 'https://ichef.bbci.co.uk/news/320/cpsprodpb/B7A6/production/_109741074_0efcf07a-6fc6-4bd2-93ca-57d262a51c55.jpg',
      alt: 'Deputy Director of Public Prosecution Eva-Marie Persson. Photo: 19 November 2019',
      caption:
        'Eva-Marie Persson said the decision had been taken after interviews with seven witnesses',
      credit: 'EPA',
    });
    // Grey rules ("line") are furniture, not pictures.
    expect(get(SWIFT).images.map((i) => i.alt)).not.toContain('line');
  });

  it('keeps a pull quote as a quote, out of the running text', () => {
    const quote = get('10249066').body.find((b) => b.type === 'quote');
    expect(quote).toEqual({
      type: 'quote',
      text: 'If they had the strength to do it, they are the sort of people who would have gone round to each one of the people killed and wounded to apologise',
      pull: true,
      cite: 'Rev Jim Marshall, Lamplugh',
    });
  });

  it('reads the related boxes as data', () => {
    // 2013 "More on This Story": <a rel="published-1361369680235" href="/news/world-africa-21516664">.
    expect(get('21528631').related).toContainEqual({
      title: 'Conflicting accounts',
      url: 'http://www.bbc.co.uk/news/world-africa-21516664',
      date: '2013-02-20',
      section: null,
      kind: 'story',
    });
    // 2010 "Related internet links" and a 2015 "Related Internet links" group.
    expect(get('10249066').related).toContainEqual(
      expect.objectContaining({
        title: 'Cumbria Police',
        url: 'http://www.cumbria.police.uk/',
        kind: 'external',
      }),
    );
    expect(get('31014941').related).toContainEqual(
      expect.objectContaining({
        title: "People's Daily",
        url: 'http://www.people.com.cn/',
        kind: 'external',
      }),
    );

    // 2015: the date is inside the link (<div class="date" data-seconds="1428820337">12 April
    // 2015</div>): it is the link's date, not words of its title.
    expect(get('32271505').related[0]).toEqual({
      title: 'Election Live - 12 April',
      url: 'http://www.bbc.co.uk/news/live/election-2015-32264089',
      date: '2015-04-12',
      section: null,
      kind: 'story',
    });
    // A video link's icon label is not its title: 2012 "<span class="gvl3-icon
    // gvl3-icon-boxedwatch"> Watch</span>" after it, 2015 "<span class="off-screen"> Video</span>"
    // before it.
    expect(get('20230333').related).toContainEqual({
      title: 'Moment Obama won',
      url: 'http://www.bbc.co.uk/news/world-us-canada-20229743',
      date: '2012-11-07',
      section: null,
      kind: 'media',
    });
    expect(get('source').related).toContainEqual({
      // readability-test-pages/bbc-1
      title: "Obama 'distress' over gun laws",
      url: 'http://www.bbc.com/news/world-us-canada-33629023',
      date: '2015-07-23',
      section: null,
      kind: 'media',
    });
  });

  it.each([
    ['Taylor Swift (Newsbeat)', SWIFT],
    ['Julian Assange', ASSANGE],
  ])('matches the human ground truth of %s with F1 ≥ 0.98', (_name, id) => {
    const truth = (
      JSON.parse(readFileSync(corpusPath(BENCH, 'ground-truth.json'), 'utf8')) as Record<
        string,
        { articleBody: string }
      >
    )[id]!.articleBody;
    expect(f1(truth, get(id).text)).toBeGreaterThanOrEqual(0.98);
  });
});
