/**
 * Synthetic pages for the scaling bench: an ordinary article page (navigation, a headline, a
 * byline, N paragraphs, a related-links aside, a footer) and a page whose article sits under a
 * long chain of nested elements, the shape that overflows recursive DOM walks. Every paragraph is
 * different text, so no tool can take a shortcut on repeats.
 */

const WORDS = (
  'the minister said talks would resume next week after officials from both sides met in ' +
  'the capital to discuss trade border security and the future of the agreement signed last year'
).split(' ');

function sentence(n: number): string {
  const words: string[] = [];
  for (let i = 0; i < 14; i++) words.push(WORDS[(n * 7 + i * 3) % WORDS.length]!);
  words[0] = words[0]!.replace(/^./, (c) => c.toUpperCase());
  return `${words.join(' ')} (${n}).`;
}

function paragraph(n: number): string {
  return `<p>${sentence(n * 3)} ${sentence(n * 3 + 1)} ${sentence(n * 3 + 2)}</p>`;
}

function page(body: string): string {
  const nav = Array.from(
    { length: 12 },
    (_, i) => `<li><a href="/section/${i}">Section ${i}</a></li>`,
  );
  const related = Array.from(
    { length: 8 },
    (_, i) => `<li><a href="/story/${i}">Related story number ${i}</a></li>`,
  );
  return [
    '<!doctype html><html lang="en"><head><meta charset="utf-8">',
    '<title>Talks to resume next week - Synthetic News</title>',
    '<meta property="og:title" content="Talks to resume next week">',
    '<meta name="author" content="Jane Reporter">',
    '<meta property="article:published_time" content="2024-05-01T10:00:00Z">',
    '</head><body>',
    `<header><a href="/">Synthetic News</a><nav><ul>${nav.join('')}</ul></nav></header>`,
    body,
    `<aside><h2>Related</h2><ul>${related.join('')}</ul></aside>`,
    '<footer><p>© Synthetic News. All rights reserved.</p></footer>',
    '</body></html>',
  ].join('\n');
}

function article(paragraphs: number): string {
  const ps: string[] = [];
  for (let i = 0; i < paragraphs; i++) ps.push(paragraph(i));
  return (
    '<main><article><h1>Talks to resume next week</h1><p class="byline">By Jane Reporter</p>' +
    `${ps.join('\n')}</article></main>`
  );
}

/** An article page with `paragraphs` paragraphs of about 45 words each. */
export function syntheticArticle(paragraphs: number): string {
  return page(article(paragraphs));
}

/** A 20-paragraph article under `depth` nested `<div>`s. */
export function syntheticDeepArticle(depth: number): string {
  return page(`${'<div>'.repeat(depth)}${article(20)}${'</div>'.repeat(depth)}`);
}

export interface ScaleCase {
  name: string;
  /** Paragraphs, or nesting depth for the deep case. */
  size: number;
  deep: boolean;
}

export function scaleCaseHtml(c: ScaleCase): string {
  return c.deep ? syntheticDeepArticle(c.size) : syntheticArticle(c.size);
}

/** Where the synthetic page claims to be from (a news site no site rule knows). */
export const SYNTHETIC_URL = 'https://news.example.com/2024/05/01/talks-to-resume';
