// @vitest-environment jsdom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
  applyReaderSettings,
  renderArticle,
  renderMissing,
  renderToolbar,
} from '../../src/reader/render';
import { extractArticle, type Article } from '../../src/core';
import { DEFAULT_SETTINGS } from '../../src/shared/settings';
import { corpusAvailable, loadCorpusPage } from '../helpers/corpus';
import { axeViolations, control, installShell } from './dom-helpers';
import { HOSTILE, makeArticle } from './fixtures';

const FORMAT = { locale: 'en-GB', timeZone: 'UTC' };

let app: HTMLElement;
beforeEach(() => {
  app = installShell('reader');
});

function show(article: Article): HTMLElement {
  const el = renderArticle(article, FORMAT);
  app.replaceChildren(el);
  return el;
}

describe.skipIf(!corpusAvailable)('reader on a real classic BBC story', () => {
  // "Cairo's terrifying traffic chaos", From Our Own Correspondent, 2 May 2009: corpus
  // web-page-parser/bbc_news/8029015.stm.html. The expectations below were read in the page
  // itself (its `.cap` captions, the bold pull quote, the "SEE ALSO" box).
  const url = 'http://news.bbc.co.uk/1/hi/programmes/from_our_own_correspondent/8029015.stm';
  let article: Article;
  let el: HTMLElement;
  beforeEach(() => {
    article ??= extractArticle(loadCorpusPage('web-page-parser/bbc_news', '8029015.stm.html'), url);
    el = show(article);
  });

  it('opens with the headline, standfirst and date', () => {
    expect(el.querySelector('h1')!.textContent).toBe("Cairo's terrifying traffic chaos");
    expect(el.querySelector('.standfirst')!.textContent).toMatch(
      /^Christian Fraser discovers that a brush with death/,
    );
    // The standfirst is the story's first paragraph too: it is shown once, not twice.
    const paragraphs = [...el.querySelectorAll('p')].map((p) => p.textContent);
    expect(paragraphs.filter((p) => p?.startsWith('Christian Fraser discovers'))).toHaveLength(1);
    const published = el.querySelector('.dates time')!;
    expect(published.getAttribute('datetime')).toBe('2009-05-02T11:14:14Z');
    expect(published.textContent).toBe('2 May 2009 at 11:14');
    // The page's "last updated" (11:14:00) reads the same as the publication time: shown once.
    expect(el.querySelectorAll('.dates time')).toHaveLength(1);
  });

  it('keeps each caption with its picture', () => {
    const img = el.querySelector<HTMLImageElement>('img[src$="_45726292_cairotraffic.jpg"]')!;
    expect(img).not.toBeNull();
    const figure = img.closest('figure')!;
    expect(figure.querySelector('figcaption')!.textContent).toBe(
      "Cairo's roads have constant traffic jams and claim many lives",
    );
    expect(img.getAttribute('alt')).toBe('Traffic on the roads of Cairo');
    expect(img.getAttribute('loading')).toBe('lazy');
    expect(img.getAttribute('referrerpolicy')).toBe('no-referrer');
    const skyline = el.querySelector('img[src$="_45726293_cairoskyline.jpg"]')!.closest('figure')!;
    expect(skyline.querySelector('figcaption')!.textContent).toBe(
      'The Egyptian capital is full of drivers that have never taken a driving test',
    );
  });

  it('sets the pull quote apart from the running text', () => {
    const pull = el.querySelector('blockquote.pull-quote')!;
    expect(pull.textContent).toBe(
      'Egyptians, it seems, only use wing mirrors for the angle they afford on the carnage behind them',
    );
    // It sits in the body between paragraphs, after the "National sport" crosshead.
    const crosshead = [...el.querySelectorAll('h2')].find(
      (h) => h.textContent === 'National sport',
    );
    expect(
      crosshead!.compareDocumentPosition(pull) & Node.DOCUMENT_POSITION_FOLLOWING,
    ).toBeTruthy();
  });

  it('ends with the related stories as a short list of safe links', () => {
    const related = el.querySelector('section.related')!;
    expect(related.querySelector('h2')!.textContent).toBe('Related');
    const links = [...related.querySelectorAll('li a')] as HTMLAnchorElement[];
    expect(links.map((a) => a.textContent)).toContain('Taxi revolution on Cairo streets');
    const taxi = links.find((a) => a.textContent === 'Taxi revolution on Cairo streets')!;
    expect(taxi.getAttribute('href')).toBe('http://news.bbc.co.uk/1/hi/business/4610682.stm');
    expect(taxi.closest('li')!.querySelector('.meta')!.textContent).toBe(
      '16 January 2006 · Business',
    );
    for (const a of links) {
      expect(a.rel).toBe('noopener noreferrer');
      expect(a.target).toBe('_blank');
    }
    // Related links come after the story, never inside it.
    expect(el.querySelector('.story-body section.related')).toBeNull();
  });

  it('links back to the original page', () => {
    const back = [...el.querySelectorAll<HTMLAnchorElement>('.source a')].find(
      (a) => a.textContent === 'Read the original page',
    )!;
    expect(back.getAttribute('href')).toBe(url);
    expect(back.rel).toBe('noopener noreferrer');
  });

  it('passes axe-core', async () => {
    expect(await axeViolations()).toEqual([]);
  });
});

describe('reader details', () => {
  it('renders every block kind with the right element', () => {
    const el = show(
      makeArticle({
        body: [
          { type: 'heading', level: 1, text: 'Top' },
          { type: 'paragraph', text: 'Para.' },
          { type: 'heading', level: 3, text: 'Deeper' },
          { type: 'quote', text: 'Said someone.', pull: false, cite: 'Someone' },
          { type: 'list', ordered: true, start: 1, level: 0, items: ['one', 'two'] },
          { type: 'list', ordered: false, start: null, level: 0, items: ['a'] },
          {
            type: 'image',
            src: 'https://ichef.bbci.co.uk/x.jpg',
            alt: 'A view',
            caption: null,
            credit: null,
          },
        ],
      }),
    );
    const body = el.querySelector('.story-body')!;
    expect([...body.children].map((c) => c.tagName.toLowerCase())).toEqual([
      'h2',
      'p',
      'h3',
      'blockquote',
      'ol',
      'ul',
      'figure',
    ]);
    expect(body.querySelector('blockquote.quote cite')!.textContent).toBe('Someone');
    expect(body.querySelector('figure figcaption')).toBeNull();
    expect(el.querySelectorAll('h1')).toHaveLength(1);
  });

  it('puts a nested list back into its item, and the rest of the outer list back into it', () => {
    const el = show(
      makeArticle({
        body: [
          {
            type: 'list',
            ordered: true,
            start: 1,
            level: 0,
            items: ['Fix the bug', 'In progress:'],
          },
          { type: 'list', ordered: false, start: null, level: 1, items: ['Bug 1', 'Bug 2'] },
          { type: 'list', ordered: true, start: 3, level: 0, items: ['Ship it'] },
          { type: 'paragraph', text: 'Then a new list, numbered as the page numbered it:' },
          { type: 'list', ordered: true, start: 6, level: 0, items: ['Sixth'] },
        ],
      }),
    );
    const body = el.querySelector('.story-body')!;
    expect([...body.children].map((c) => c.tagName.toLowerCase())).toEqual(['ol', 'p', 'ol']);
    const [steps, , later] = [...body.children];
    const items = [...steps!.children];
    expect(items.map((li) => li.firstChild!.textContent)).toEqual([
      'Fix the bug',
      'In progress:',
      'Ship it',
    ]);
    expect([...items[1]!.querySelectorAll(':scope > ul > li')].map((li) => li.textContent)).toEqual(
      ['Bug 1', 'Bug 2'],
    );
    expect(steps!.hasAttribute('start')).toBe(false);
    expect(later!.getAttribute('start')).toBe('6');
  });

  it('shows a table of data as a table, headed, captioned and reachable by keyboard', async () => {
    const el = show(
      makeArticle({
        body: [
          { type: 'paragraph', text: 'The final standings after 36 races:' },
          {
            type: 'table',
            caption: 'Cup Series, 2019',
            head: [['Pos.', 'Driver', 'Points']],
            rows: [
              ['1', 'Kyle Busch', '5040'],
              ['2', 'Martin Truex Jr.', '5035'],
            ],
          },
          {
            type: 'table',
            caption: null,
            head: [],
            rows: [
              ['Wins', '5'],
              ['Poles', HOSTILE],
            ],
          },
        ],
      }),
    );
    const [first, second] = [...el.querySelectorAll<HTMLElement>('.story-body .table-scroll')];
    const table = first!.querySelector('table')!;
    expect(table.querySelector('caption')!.textContent).toBe('Cup Series, 2019');
    expect([...table.querySelectorAll('thead th')].map((th) => th.textContent)).toEqual([
      'Pos.',
      'Driver',
      'Points',
    ]);
    expect(
      [...table.querySelectorAll('tbody tr')].map((tr) =>
        [...tr.children].map((td) => `${td.tagName.toLowerCase()}:${td.textContent}`),
      ),
    ).toEqual([
      ['td:1', 'td:Kyle Busch', 'td:5040'],
      ['td:2', 'td:Martin Truex Jr.', 'td:5035'],
    ]);
    // A wide table scrolls inside its region, which a keyboard user can focus and hear named.
    expect(first!.tabIndex).toBe(0);
    expect(document.getElementById(first!.getAttribute('aria-labelledby')!)).toBe(
      table.querySelector('caption'),
    );
    expect(second!.getAttribute('aria-label')).toBe('Table');
    expect(second!.querySelector('thead')).toBeNull();
    expect(second!.querySelector('tbody tr:last-child td:last-child')!.textContent).toBe(HOSTILE);
    expect(el.querySelector('script, b, img')).toBeNull();
    expect(await axeViolations()).toEqual([]);
  });

  it("boxes a fact-check's claims and verdicts before the story, as text", async () => {
    const el = show(
      makeArticle({
        factChecks: [
          {
            claim:
              'Former U.S. ambassador to Ukraine Marie Yovanovitch has a net worth of $17 million.',
            rating: 'Unproven',
            claimant: 'Multiple Sources',
          },
          { claim: HOSTILE, rating: null, claimant: null },
        ],
      }),
    );
    const box = el.querySelector('.fact-checks')!;
    // Between the headline and the story's first paragraph.
    expect(el.querySelector('.story-head')!.nextElementSibling).toBe(box);
    expect(box.nextElementSibling!.classList.contains('story-body')).toBe(true);
    expect(document.getElementById(box.getAttribute('aria-labelledby')!)!.textContent).toBe(
      'Fact check',
    );
    const pairs = [...box.querySelectorAll('dl')].map((dl) =>
      [...dl.children].map((c) => `${c.tagName.toLowerCase()}:${c.textContent}`),
    );
    expect(pairs).toEqual([
      [
        'dt:Claim',
        'dd:Former U.S. ambassador to Ukraine Marie Yovanovitch has a net worth of $17 million.',
        'dt:Made by',
        'dd:Multiple Sources',
        'dt:Rating',
        'dd:Unproven',
      ],
      // No verdict in words, no claimant: the claim alone, and its markup stays text.
      ['dt:Claim', `dd:${HOSTILE}`],
    ]);
    expect(box.querySelector('strong')!.textContent).toBe('Unproven');
    expect(box.querySelector('img')).toBeNull();
    expect(await axeViolations()).toEqual([]);
  });

  it('has no fact-check box for a story that checks no claim', () => {
    expect(show(makeArticle()).querySelector('.fact-checks')).toBeNull();
  });

  it('says so where a picture did not load, with its description, and keeps the caption', async () => {
    const el = show(
      makeArticle({
        body: [
          {
            type: 'image',
            src: 'http://newsimg.bbc.co.uk/media/images/43000000/jpg/_43000001_rice.jpg',
            alt: 'US Secretary of State Condoleezza Rice at a press conference in Moscow',
            caption: "Ms Rice's position on Kosovo is unpalatable for Russia",
            credit: '<b>AP</b>',
          },
          {
            type: 'image',
            src: 'http://newsimg.bbc.co.uk/b.jpg',
            alt: null,
            caption: 'Mr Lavrov',
            credit: null,
          },
          {
            type: 'image',
            src: 'http://newsimg.bbc.co.uk/c.jpg',
            alt: 'Moscow',
            caption: null,
            credit: null,
          },
          { type: 'paragraph', text: 'The Russian Foreign Minister announced an agreement.' },
        ],
      }),
    );
    const figures = [...el.querySelectorAll('.story-body figure')];
    expect(figures).toHaveLength(3);
    // The browser fires `error` on an <img> whose picture is gone (404, or no such host).
    for (const img of el.querySelectorAll('img')) img.dispatchEvent(new Event('error'));

    expect(el.querySelector('img')).toBeNull();
    expect(figures.map((f) => f.querySelector('.picture-missing')?.textContent)).toEqual([
      'Picture not available: US Secretary of State Condoleezza Rice at a press conference in Moscow',
      'Picture not available',
      'Picture not available: Moscow',
    ]);
    // The credit closes the caption, as text, on a line of its own.
    expect(figures.map((f) => f.querySelector('figcaption')?.textContent ?? null)).toEqual([
      "Ms Rice's position on Kosovo is unpalatable for Russia <b>AP</b>",
      'Mr Lavrov',
      null,
    ]);
    expect(figures[0]!.querySelector('figcaption .picture-credit')!.textContent).toBe('<b>AP</b>');
    expect(el.querySelector('figcaption b')).toBeNull();
    expect(await axeViolations()).toEqual([]);
  });

  it('leaves a picture that loaded as it is', () => {
    const el = show(
      makeArticle({
        body: [
          {
            type: 'image',
            src: 'http://newsimg.bbc.co.uk/a.jpg',
            alt: 'A',
            caption: null,
            credit: null,
          },
        ],
      }),
    );
    el.querySelector('img')!.dispatchEvent(new Event('load'));
    expect(el.querySelector('figure img')!.getAttribute('alt')).toBe('A');
    expect(el.querySelector('.picture-missing')).toBeNull();
  });

  it('shows the standfirst once, even when the body repeats it after the lead picture', () => {
    const el = show(
      makeArticle({
        title: 'Obama invites Middle East heads',
        standfirst: 'US officials say the leaders have been invited for talks.',
        body: [
          {
            type: 'image',
            src: 'http://newsimg.bbc.co.uk/a.jpg',
            alt: null,
            caption: 'Mr Obama',
            credit: null,
          },
          { type: 'paragraph', text: 'US officials say the leaders have been invited for talks.' },
          { type: 'paragraph', text: 'PM Benjamin Netanyahu has been asked to the White House.' },
          { type: 'paragraph', text: 'US officials say the leaders have been invited for talks.' },
        ],
      }),
    );
    const body = el.querySelector('.story-body')!;
    expect([...body.children].map((c) => c.tagName.toLowerCase())).toEqual(['figure', 'p', 'p']);
    // Only the opening repeat goes: the same words later in the story are the story's.
    expect(body.querySelectorAll('p')[1]!.textContent).toMatch(/^US officials/);
  });

  it('points at the archive capture when the article came from one', () => {
    const el = show(
      makeArticle({
        url: 'http://news.bbc.co.uk/1/hi/world/europe/6658763.stm',
        archive: {
          service: 'wayback',
          url: 'https://web.archive.org/web/20070516000000/http://news.bbc.co.uk/1/hi/world/europe/6658763.stm',
          capturedAt: '2007-05-16T00:00:00Z',
        },
      }),
    );
    const links = [...el.querySelectorAll<HTMLAnchorElement>('.source a')];
    expect(links.map((a) => [a.textContent, a.getAttribute('href')])).toEqual([
      ['Read the original page', 'http://news.bbc.co.uk/1/hi/world/europe/6658763.stm'],
      [
        'See the archived copy',
        'https://web.archive.org/web/20070516000000/http://news.bbc.co.uk/1/hi/world/europe/6658763.stm',
      ],
    ]);
    expect(el.querySelector('.source time')!.getAttribute('datetime')).toBe('2007-05-16T00:00:00Z');
  });

  it("shows a capture's pictures from the archive, as of the capture", () => {
    const src = 'http://newsimg.bbc.co.uk/media/images/42937000/jpg/_42937509_rice226ap.jpg';
    const body = [{ type: 'image' as const, src, alt: null, caption: 'Ms Rice', credit: null }];
    const capture = {
      service: 'wayback' as const,
      url: 'https://web.archive.org/web/20070516000000/http://news.bbc.co.uk/1/hi/world/europe/6658763.stm',
      capturedAt: '2007-05-16T00:00:00Z',
    };
    const archived = show(makeArticle({ body, archive: capture }));
    expect(archived.querySelector('figure img')!.getAttribute('src')).toBe(
      `https://web.archive.org/web/20070516000000im_/${src}`,
    );
    // The page itself, or a record of a WARC file (no archive to ask): the picture's own address.
    expect(show(makeArticle({ body })).querySelector('figure img')!.getAttribute('src')).toBe(src);
    const warc = { service: 'warc' as const, url: 'urn:uuid:1', capturedAt: null };
    expect(
      show(makeArticle({ body, archive: warc }))
        .querySelector('figure img')!
        .getAttribute('src'),
    ).toBe(src);
  });

  it('saves the article it shows as JSON, and says when it is saved or why not', async () => {
    const { renderSaveAction } = await import('../../src/reader/render');
    let finish: (ok: boolean) => void = () => {};
    const save = vi.fn(
      () =>
        new Promise<void>(
          (resolve, reject) =>
            (finish = (ok) => (ok ? resolve() : reject(new Error('Download failed')))),
        ),
    );
    app.replaceChildren(renderSaveAction(save));
    const button = [...app.querySelectorAll('button')].find(
      (b) => b.textContent === 'Save as JSON',
    )!;
    const status = app.querySelector('[role="status"]')!;
    button.click();
    expect(save).toHaveBeenCalledOnce();
    // One save at a time.
    expect(button.disabled).toBe(true);
    finish(true);
    await vi.waitFor(() => expect(status.textContent).toBe('Saved the article as JSON.'));
    expect(button.disabled).toBe(false);

    button.click();
    finish(false);
    await vi.waitFor(() => expect(status.textContent).toBe('That didn’t work: Download failed'));
    expect(await axeViolations()).toEqual([]);
  });

  it('never turns page-provided strings into markup or unsafe links', () => {
    (window as unknown as { __pwned?: number }).__pwned = undefined;
    const el = show(
      makeArticle({
        url: 'javascript:alert(1)',
        canonicalUrl: 'javascript:alert(2)',
        title: HOSTILE,
        standfirst: HOSTILE,
        authors: [{ name: '<b>Mallory</b>' }],
        dateline: HOSTILE,
        section: HOSTILE,
        language: '"><script>',
        body: [
          { type: 'paragraph', text: '<script>window.__pwned=2</script>' },
          { type: 'heading', level: 2, text: HOSTILE },
          {
            type: 'image',
            src: 'javascript:alert(3)',
            alt: HOSTILE,
            caption: HOSTILE,
            credit: HOSTILE,
          },
          {
            type: 'image',
            src: 'data:image/svg+xml,<svg onload=alert(4)>',
            alt: null,
            caption: null,
            credit: null,
          },
          { type: 'quote', text: HOSTILE, pull: true, cite: HOSTILE },
        ],
        related: [
          { title: HOSTILE, url: 'javascript:alert(5)', date: null, section: null, kind: 'story' },
          {
            title: 'Fine',
            url: 'https://www.bbc.co.uk/news/1',
            date: null,
            section: HOSTILE,
            kind: 'story',
          },
        ],
      }),
    );
    expect(el.querySelector('h1')!.textContent).toBe(HOSTILE);
    expect(el.querySelector('.author')!.textContent).toBe('By <b>Mallory</b>');
    expect(el.querySelector('img, script, b, svg')).toBeNull();
    expect(el.hasAttribute('lang')).toBe(false);
    const hrefs = [...el.querySelectorAll('a')].map((a) => a.getAttribute('href'));
    expect(hrefs).toEqual(['https://www.bbc.co.uk/news/1']);
    expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined();
  });

  it('says clearly when the stored article is gone', async () => {
    app.replaceChildren(renderMissing());
    expect(app.querySelector('h1')!.textContent).toBe('This reader page has expired');
    expect(app.textContent).toContain('open the reader view again');
    expect(await axeViolations()).toEqual([]);
  });
});

describe('reader toolbar', () => {
  it('changes one setting at a time, on top of the latest ones', () => {
    const onChange = vi.fn();
    const toolbar = renderToolbar(DEFAULT_SETTINGS.reader, onChange);
    document.getElementById('toolbar')!.replaceChildren(toolbar);
    const theme = control<HTMLSelectElement>(toolbar, 'Theme')!;
    const font = control<HTMLSelectElement>(toolbar, 'Font')!;
    const size = control<HTMLSelectElement>(toolbar, 'Text size')!;
    const width = control<HTMLSelectElement>(toolbar, 'Line width')!;
    expect(theme.value).toBe('system');
    expect(width.value).toBe('66');
    expect([...theme.options].map((o) => o.text)).toEqual([
      'Match system',
      'Light',
      'Sepia',
      'Dark',
    ]);

    theme.value = 'sepia';
    theme.dispatchEvent(new Event('change'));
    font.value = 'sans';
    font.dispatchEvent(new Event('change'));
    size.value = '24';
    size.dispatchEvent(new Event('change'));
    width.value = '80';
    width.dispatchEvent(new Event('change'));
    expect(onChange).toHaveBeenLastCalledWith({
      theme: 'sepia',
      font: 'sans',
      fontSize: 24,
      width: 80,
    });
  });

  it('keeps a stored value the list does not offer', () => {
    const toolbar = renderToolbar(
      { ...DEFAULT_SETTINGS.reader, fontSize: 19, width: 72 },
      () => {},
    );
    expect(control<HTMLSelectElement>(toolbar, 'Text size')!.value).toBe('19');
    expect(control<HTMLSelectElement>(toolbar, 'Line width')!.selectedOptions[0]!.text).toBe(
      '72 characters',
    );
  });

  it('applies typography to the page', () => {
    const root = document.documentElement;
    applyReaderSettings(root, { theme: 'dark', font: 'sans', fontSize: 22, width: 56 });
    expect(root.dataset.theme).toBe('dark');
    expect(root.dataset.font).toBe('sans');
    expect(root.style.getPropertyValue('--reader-size')).toBe('22px');
    expect(root.style.getPropertyValue('--reader-measure')).toBe('56ch');
  });

  it('passes axe-core with the toolbar and an article', async () => {
    document
      .getElementById('toolbar')!
      .replaceChildren(renderToolbar(DEFAULT_SETTINGS.reader, () => {}));
    show(
      makeArticle({
        related: [
          {
            title: 'More',
            url: 'https://www.bbc.co.uk/news/2',
            date: '2024-01-02',
            section: 'UK',
            kind: 'story',
          },
        ],
      }),
    );
    expect(await axeViolations()).toEqual([]);
  });
});
