/**
 * The pages the end-to-end tests serve, at their real addresses, and what a reader must and must
 * not see on each. The strings are read off the pages and the reference text by hand (not from
 * Broadsheet's output): article sentences must stay visible, clutter must not.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { readHtmlFile } from '../../../src/node/load';
import { corpusPath } from '../../helpers/corpus';
import { makeCapture } from '../../helpers/wayback-capture';

const FIXTURES = resolve(import.meta.dirname, '../../fixtures');

export interface E2ePage {
  name: string;
  url: string;
  file: string;
  /** Story sentences a reader must see after cleanup. */
  article: string[];
  /** Clutter a reader must not see after cleanup. */
  clutter: string[];
  /** Response headers the server adds to the page. */
  headers?: Record<string, string>;
}

/**
 * "No breakthrough for US and Russia" (15 May 2007), the rebuilt classic page; its text is
 * shared/reference/bbc-2007-no-breakthrough-for-us-and-russia.txt.
 */
export const CLASSIC_2007: E2ePage = {
  name: 'classic 2007 (reference story)',
  url: 'http://news.bbc.co.uk/1/hi/world/europe/6658741.stm',
  file: resolve(FIXTURES, 'bbc-classic--2007-no-breakthrough/page.html'),
  article: [
    'Russia and the United States have defined their differences. They have not settled them.',
    'The Russian Foreign Minister, Sergei Lavrov, announced that Washington and Moscow had agreed to tone down the rhetoric in their public exchanges.',
    'The recent tension between Russia and the United States has been characterised by tough, critical, statements from both sides.',
    'This seemed to be the sum of what they could agree on.',
    'Condoleezza Rice is still willing to make strong statements.',
    'During the talks Russia repeated its opposition to US plans for a new missile defence system in Europe.',
    'Afterwards, the secretary of state was dismissive.',
    '"The United States needs to be able to move forward to use technology to defend itself and we\'re going to do that," she said after her meeting with President Vladimir Putin.',
    '"I don\'t think that anyone expects the United States to permit somehow a veto on American security interests."',
    'There is still no common position on the future of Kosovo.',
    'Russia insists that any plan must be acceptable to Serbia. In essence, that means no to independence or anything too close to it.',
    'Moscow has threatened to use its veto at the UN Security Council.',
    'New Cold War?',
    'Today\'s talks produced no breakthrough. "It was agreed to search for a solution on Kosovo that would be acceptable for all, but there is no such solution immediately in sight," Mr Lavrov admitted.',
    'Ms Rice reinforced the impression that a universally acceptable agreement was elusive.',
    'She told Radio Ekho Moskvy that Kosovo would never again be part of Serbia - hardly something that Serbia, and therefore Russia, finds it easy to agree with.',
    'There has been a lot of talk lately about the possibility of a new Cold War. Ms Rice was quick to quash such talk, and her sentiments have been echoed by the Russians.',
    'But the current worsening in relations has its roots in the 1990s.',
    'Nato grew to include members from the former Eastern bloc. Moscow saw that as hostile, and unnecessary.',
    'The Russian view was "Nato was a Cold War institution. The Cold War is over. Why does Nato need to expand?"',
    'The present plans for the missile shield are seen by many here - from the corridors of the Kremlin to the village streets - as more of the same.',
    "Privately, Kremlin insiders remain dismayed by Washington's questioning the state of Russian democracy.",
    'Many here in Moscow see such criticism as an attempt to interfere in Russian internal politics.',
    'Whether or not the rhetoric is toned down, the United States is unlikely to remain silent on issues such as the banning and violent breaking up of protests against President Putin.',
    'Perhaps Mr Lavrov struck the most optimistic note. He expressed the hope that the coming elections in Russia and the United States would not disrupt bilateral relations.',
    'In doing so, he held open the prospect of a future when the two sides might more readily see eye to eye.',
    'The optimism and warmth which marked the end of the Cold War seem a distant memory.',
  ],
  clutter: [
    '[an error occurred while processing this directive]',
    'watch One-Minute World News',
    'What Condoleezza Rice has said about the plans',
    'Q&A: US missile defence',
    'Guide to planned US missile shield',
    'The BBC is not responsible for the content of external internet sites',
    "Has China's housing bubble burst?",
    "How the world's oldest clove tree defied an empire",
    'Why Royal Ballet principal Sergei Polunin quit',
  ],
};

/** "£100K mortgage claim by Woodward" (2009), web-page-parser bbc_news/8040164.stm.html. */
export const CLASSIC_2009: E2ePage = {
  name: 'classic 2009 (corpus 8040164)',
  url: 'http://news.bbc.co.uk/1/hi/northern_ireland/8040164.stm',
  file: corpusPath('web-page-parser/bbc_news/8040164.stm.html'),
  article: ['£100,000'],
  clutter: [
    'E-mail this to a friend',
    'Printable version',
    'MOST POPULAR STORIES NOW',
    'The BBC is not responsible for the content of external internet sites',
    'PRODUCTS & SERVICES',
    'Related BBC sites',
    'Expense claims - key details',
  ],
};

/** "Covid Sage documents…" (2020), web-page-parser bbc_news/54528983.html, over HTTPS. */
export const MODERN_2020: E2ePage = {
  name: 'modern 2020 (corpus 54528983)',
  url: 'https://www.bbc.co.uk/news/health-54528983',
  file: corpusPath('web-page-parser/bbc_news/54528983.html'),
  article: [
    'Documents have revealed the UK government did not follow the advice given to it by scientists as coronavirus cases began to surge.',
  ],
  clutter: ['Most Read', 'Top Stories', 'Related Topics', 'Parental Guidance'],
};

/**
 * "Mexico counting dead from 'zombie storm' John" (2024), web-page-parser bbc_news/cden3j9d1r7o.html,
 * over HTTPS. Served for the pages that move to it by script, not opened on its own.
 */
export const MODERN_2024: E2ePage = {
  name: 'modern 2024 (corpus cden3j9d1r7o)',
  url: 'https://www.bbc.co.uk/news/articles/cden3j9d1r7o',
  file: corpusPath('web-page-parser/bbc_news/cden3j9d1r7o.html'),
  article: [
    "At least 15 people have died in Mexico as a result of Hurricane John, the country's President Andrés Manuel López Obrador has confirmed.",
  ],
  clutter: ['More to explore', 'Most read', 'More on this story', 'Related topics'],
};

/**
 * A stand-in for the BBC's home page (an address no content script matches) that moves to the
 * stories above by script, with history.pushState and no page load (its SOURCE.md).
 */
export const SCRIPT_HOME = {
  url: 'https://www.bbc.co.uk/',
  file: resolve(FIXTURES, 'script-navigation--bbc-home/page.html'),
};

/**
 * The same stand-in at a BBC address that is not BBC News (no content script matches it, and the
 * extension has no access to it): a story may move on to it by script.
 */
export const SCRIPT_SPORT = {
  url: 'https://www.bbc.co.uk/sport',
  file: SCRIPT_HOME.file,
};

/** "Obama invites Middle East heads" (2009) as the Wayback Machine replays it. */
export const WAYBACK_2009: E2ePage = {
  name: 'Wayback capture of classic 2009 (8011268)',
  url: 'http://web.archive.org/web/20090421200012/http://news.bbc.co.uk/1/hi/world/middle_east/8011268.stm',
  file: resolve(FIXTURES, 'wayback--bbc-classic-8011268/source.html'),
  article: [
    'US officials say the leaders of Israel, Egypt and the Palestinians have been invited for talks in Washington in a new push for Middle East peace.',
    'He added: "We are actively working to finalise dates for the visits."',
    'The US supports a two-state solution, with Israel existing peacefully alongside a Palestinian state.',
  ],
  clutter: [
    'The Wayback Machine',
    'captures',
    'E-mail this to a friend',
    'MOST POPULAR STORIES NOW',
    'Explore the BBC',
    'International Version',
  ],
};

export const BBC_PAGES = [CLASSIC_2007, CLASSIC_2009, MODERN_2020, WAYBACK_2009];

/**
 * The 2007 story served with the strictest policy a site may set: no inline style or script,
 * nothing from elsewhere, Trusted Types required. Cleanup hides by the `style` attribute and the
 * early stylesheet is a `<style>` element; a page's policy must not stop either (browsers exempt
 * what an extension's content script does, and this checks that they still do).
 */
export const STRICT_CSP_2007: E2ePage = {
  ...CLASSIC_2007,
  name: 'classic 2007 under a strict Content-Security-Policy',
  url: `${CLASSIC_2007.url}?strict-csp`,
  headers: {
    'content-security-policy':
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; " +
      "object-src 'none'; base-uri 'none'; require-trusted-types-for 'script'",
  },
};

/**
 * A corpus page as the Wayback Machine replays it (tests/helpers/wayback-capture.ts), written
 * under the system's temporary folder when the corpus is here: the corpus is not copied into
 * the repository. The path does not exist without the corpus, so `availablePages` leaves it out.
 */
function captureOfCorpusPage(page: string, original: string, timestamp: string): string {
  const source = corpusPath(page);
  const file = join(
    tmpdir(),
    'broadsheet-e2e-captures',
    `${timestamp}-${page.replace(/\W+/g, '-')}`,
  );
  if (existsSync(source)) {
    mkdirSync(join(file, '..'), { recursive: true });
    writeFileSync(file, makeCapture(readHtmlFile(source), { original, timestamp }), 'utf8');
  }
  return file;
}

/** "Oscar Pistorius detective…" (2013, story-body layout, 21528631) inside a Wayback capture. */
export const WAYBACK_2013: E2ePage = {
  name: 'Wayback capture of story-body 2013 (21528631)',
  url: 'http://web.archive.org/web/20130221143000/http://www.bbc.co.uk/news/world-africa-21528631',
  file: captureOfCorpusPage(
    'web-page-parser/bbc_news/21528631.html',
    'http://www.bbc.co.uk/news/world-africa-21528631',
    '20130221143000',
  ),
  article: [
    'The South African detective leading the Oscar Pistorius inquiry is facing seven charges of attempted murder, police have confirmed.',
    'If denied bail, Mr Pistorius could face months in prison before a full trial begins.',
  ],
  clutter: ['The Wayback Machine', 'captures', 'Share this page', 'More Africa stories'],
};

/** The modern 2020 page above inside a Wayback capture of its HTTPS address. */
export const WAYBACK_2020: E2ePage = {
  name: 'Wayback capture of modern 2020 (54528983)',
  url: 'http://web.archive.org/web/20201014083000/https://www.bbc.co.uk/news/health-54528983',
  file: captureOfCorpusPage(
    'web-page-parser/bbc_news/54528983.html',
    'https://www.bbc.co.uk/news/health-54528983',
    '20201014083000',
  ),
  article: MODERN_2020.article,
  clutter: ['The Wayback Machine', 'captures', ...MODERN_2020.clutter],
};

/** Captures of the later layouts, read by the same content script as the BBC's own pages. */
export const WAYBACK_PAGES = [WAYBACK_2013, WAYBACK_2020];

/** Pages whose file is missing here (corpus pages without the corpus) are left out. */
export function availablePages(pages: E2ePage[]): E2ePage[] {
  return pages.filter((p) => existsSync(p.file));
}

/** A non-BBC article (article-extraction-benchmark 14cc2a0c…), read through the toolbar. */
export const GENERIC_PAGE = {
  url: 'https://www.sciencealert.com/nasa-finds-water-plumes-above-the-surface-of-jupiter-s-icy-moon-europa',
  file: corpusPath(
    'article-extraction-benchmark/html/14cc2a0ca59c62a8c9f205a171e9ccf4ef4cf69b0c642f51c8c65c051b39024f.html.gz',
  ),
  title: "NASA Just Confirmed There Are Water Plumes Above The Surface of Jupiter's Moon Europa",
  // The benchmark's human ground truth, first sentence.
  firstSentence:
    "A team led by researchers out of NASA's Goddard Space Flight Center in Greenbelt, Maryland, has confirmed traces of water vapor above the surface of Jupiter's icy moon Europa.",
};
