/**
 * Scoring against johnl/web-page-parser's assertions, for the BBC pages of the corpus, which have
 * no full article text. What the specs say about a page's body becomes a partial ground truth:
 *
 * - paragraphs: every paragraph a spec asserts by position (`first`, `last`, `index:N`) or by
 *   inclusion (`include`), HTML tags stripped (the 2006 spec keeps `<B>`);
 * - mustMatch: patterns a paragraph must match (`first =~ /£100,000/`);
 * - mustNotMatch: what the body must not contain (`to_s !~ /Published/`, "Top Stories").
 *
 * Recall is the shingle recall of the asserted paragraphs (each shingled on its own, so no
 * shingle spans two paragraphs that are not adjacent on the page). Precision cannot be counted
 * from a partial truth; what can be is where the text strays outside the story: where a spec
 * names both the first and the last paragraph, precision is the share of predicted tokens
 * between the start of the first and the end of the last (undefined where either is missing,
 * which recall already punishes). Accuracy: every asserted paragraph appears word for word and
 * no forbidden text appears.
 */
import type { ParserAssertion } from './corpora';
import { shingles, tokenize, type PageScore } from './metric';

export interface AssertionTruth {
  /** Asserted paragraphs, in page order where known (first, index:N ascending, last, includes). */
  paragraphs: string[];
  /** The text of the `first` (or `index:0`) paragraph, when a spec names it. */
  first: string | null;
  last: string | null;
  mustMatch: RegExp[];
  mustNotMatch: RegExp[];
}

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
};

/** Assertion strings are HTML fragments: drop tags, decode the common entities. */
export function assertionText(html: string): string {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&(#\d+|#x[\da-f]+|\w+);/gi, (m, name: string) => {
      if (name[0] === '#')
        return String.fromCodePoint(
          name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1)),
        );
      return ENTITIES[name.toLowerCase()] ?? m;
    })
    .trim();
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Ruby regexes of the specs, as JS ones (they use nothing Ruby-only); literal text if not. */
function toRegExp(source: string, literal: boolean): RegExp {
  if (!literal) {
    try {
      return new RegExp(source);
    } catch {
      /* fall through to a literal match */
    }
  }
  return new RegExp(escapeRegExp(source));
}

/**
 * Content assertions whose text is not the story's body, as tests/corpus/bbc-assertions.test.ts
 * judges them (its EXCEPTIONS give each reason): photo and video captions that the V6/V7 parsers
 * counted as paragraphs (a caption belongs to its picture), the last item of a promo list, and a
 * comments call-out a later parser version dropped. They are left out of the partial truth for
 * every tool alike; that test fails if this list and its exceptions part ways.
 */
export const NOT_BODY_TEXT: readonly {
  fixture: string;
  parser: string;
  selector: string;
  what: string;
}[] = [
  { fixture: 'cden3j9d1r7o.html', parser: 'V7', selector: 'index:0', what: 'photo caption' },
  { fixture: '54528983.html', parser: 'V6', selector: 'index:0', what: 'photo caption' },
  { fixture: '54528983.html', parser: 'V7', selector: 'index:0', what: 'photo caption' },
  { fixture: '54528983.html', parser: 'V6', selector: 'last', what: 'promo list item' },
  { fixture: '54528983.html', parser: 'V7', selector: 'last', what: 'promo list item' },
  { fixture: '32271505-2020.html', parser: 'V6', selector: 'index:0', what: 'video caption' },
  { fixture: '32275608-2020.html', parser: 'V6', selector: 'index:0', what: 'video caption' },
  { fixture: '32275608-2020.html', parser: 'V6', selector: 'index:8', what: 'video caption' },
  { fixture: '20230333.stm.html', parser: 'V4', selector: 'last', what: 'comments call-out' },
];

export function isNotBodyText(a: ParserAssertion): boolean {
  return NOT_BODY_TEXT.some(
    (n) =>
      a.fixture.endsWith(`/${n.fixture}`) &&
      (a.parser_version ?? '').endsWith(n.parser) &&
      a.selector === n.selector,
  );
}

/** The partial truth of one page from its content assertions (duplicates across spec versions merged). */
export function truthFromAssertions(assertions: readonly ParserAssertion[]): AssertionTruth {
  let first: string | null = null;
  let last: string | null = null;
  const indexed = new Map<number, string>();
  const included: string[] = [];
  const mustMatch: RegExp[] = [];
  const mustNotMatch: RegExp[] = [];
  for (const a of assertions) {
    if (a.field !== 'content' || typeof a.expected !== 'string') continue;
    if (isNotBodyText(a)) continue;
    if (a.negated) {
      mustNotMatch.push(toRegExp(a.expected, a.expected_kind !== 'regex'));
      continue;
    }
    if (a.op === '=~') {
      mustMatch.push(toRegExp(a.expected, a.expected_kind !== 'regex'));
      continue;
    }
    const text = assertionText(a.expected);
    if (!text) continue;
    if (a.op === 'include') included.push(text);
    else if (a.op === 'eq' && a.selector === 'first') first = text;
    else if (a.op === 'eq' && a.selector === 'last') last = text;
    else if (a.op === 'eq' && a.selector?.startsWith('index:'))
      indexed.set(Number(a.selector.slice(6)), text);
  }
  if (first === null && indexed.has(0)) first = indexed.get(0)!;
  const ordered = [...indexed.entries()].sort((x, y) => x[0] - y[0]).map(([, t]) => t);
  const paragraphs = [
    ...new Set([first, ...ordered, last, ...included].filter((t): t is string => !!t)),
  ];
  return { paragraphs, first, last, mustMatch, mustNotMatch };
}

/** Where `needle` occurs in `hay` as a run of tokens: [start, end) or null. */
function findTokens(hay: readonly string[], needle: readonly string[]): [number, number] | null {
  if (!needle.length) return null;
  outer: for (let i = 0; i + needle.length <= hay.length; i++) {
    for (let j = 0; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer;
    return [i, i + needle.length];
  }
  return null;
}

/** Scores a prediction against a page's assertions (see the module comment for the definitions). */
export function scoreAgainstAssertions(truth: AssertionTruth, predicted: string): PageScore {
  const predTokens = tokenize(predicted);
  const pred = shingles(predTokens);
  let tp = 0;
  let fn = 0;
  const want = new Map<string, number>();
  for (const p of truth.paragraphs)
    for (const [k, n] of shingles(tokenize(p))) want.set(k, (want.get(k) ?? 0) + n);
  for (const [k, n] of want) {
    const got = Math.min(n, pred.get(k) ?? 0);
    tp += got;
    fn += n - got;
  }

  let precision: number | null = null;
  let fp = 0;
  if (truth.first && truth.last && predTokens.length) {
    const start = findTokens(predTokens, tokenize(truth.first));
    const end = findTokens(predTokens, tokenize(truth.last));
    if (start && end && end[1] > start[0]) {
      const inside = end[1] - start[0];
      fp = predTokens.length - inside;
      precision = inside / predTokens.length;
    }
  }

  const exact =
    truth.paragraphs.every((p) => findTokens(predTokens, tokenize(p)) !== null) &&
    truth.mustMatch.every((r) => r.test(predicted)) &&
    !truth.mustNotMatch.some((r) => r.test(predicted));
  return { tp, fp, fn, precision, recall: tp + fn > 0 ? tp / (tp + fn) : null, exact };
}
