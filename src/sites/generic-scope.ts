/**
 * Where on a page no site rule reads the generic reader should look: the element the page itself
 * declares as its article, when it declares exactly one and it holds the story's paragraphs.
 *
 * Readability's cost grows with the page (it copies, serializes and scores all of it), and on a
 * news page most nodes are navigation, rails, footers and scripts around the story. Handing it
 * only the declared article (with its ancestors, so their classes still count in its scoring)
 * makes the same choice on a smaller page. Measured on the article-extraction benchmark's 179
 * scored pages with this rule: 126 pages are read within a scope, no page's F1 worse by more than
 * 0.01, and the corpus F1 0.9723 → 0.9730 (scoping also keeps out rails that Readability had
 * appended as "siblings" of the story). Over all 308 bench pages that are not BBC pages (207 of
 * them scoped), the median extraction went from 1.27× Readability's time to 0.86–0.88× (Node,
 * interleaved, same run).
 *
 * Pure: reads the page through the core's queries and view (the pipeline's mask is on, so what
 * cleanup takes is neither a candidate nor counted).
 */
import { Readability } from '@mozilla/readability';
import type { CopyScope } from '../core/clean';
import { descendantsTagged } from '../core/blocks';
import { isJsonLd } from '../core/dom';
import { leanTextOf } from '../core/lean';
import { queryAll } from '../core/query';
import { lastElementChildOf, previousElementSiblingOf, textContentOf } from '../core/view';

/**
 * Elements that declare the article, most specific first. Each is taken only when the page has
 * exactly one: a page of several `<article>` cards (an index, a live page) gets no scope.
 */
const DECLARED_ARTICLE = ['article', '[itemprop~="articleBody"]', 'main', '[role="main"]'];

/**
 * Least share of the body's paragraph text the declared element must hold. Below it the page's
 * `<article>` is a teaser or a comment while the story is elsewhere (benchmark pages 432362af…
 * and e372e42c… lost their whole story without this check); 0.3 kept every scored page at least
 * as good as the whole page gave.
 */
export const MIN_SCOPE_SHARE = 0.3;

const PARAGRAPH: ReadonlySet<string> = new Set(['p']);

/**
 * What of `body` to hand the generic reader instead of the whole page, or null to read the whole
 * page.
 */
export function articleScope(body: Element): CopyScope | null {
  // A paragraph inside another (linkedom nests `<p><em><p>` as written) counts in the outer
  // one's text only: read one by one, a chain of 20,000 such was read once per level (3.5 s).
  const paragraphs = descendantsTagged(body, PARAGRAPH, 'outermost');
  if (!paragraphs.length) return null;
  const lengths = new Map<Element, number>();
  let total = 0;
  for (const p of paragraphs) {
    const length = textContentOf(p).trim().length;
    lengths.set(p, length);
    total += length;
  }
  if (total === 0) return null;
  for (const selector of DECLARED_ARTICLE) {
    const found = queryAll(body, selector);
    if (found.length !== 1) continue;
    const element = found[0]!;
    let inside = 0;
    for (const p of queryAll(element, 'p')) inside += lengths.get(p) ?? 0;
    if (inside / total < MIN_SCOPE_SHARE) continue;
    const { before, after } = readOutside(body, element);
    return { element, keep: before, after };
  }
  return null;
}

/**
 * What Readability would read outside `scope`, before it and after it, in document order.
 *
 * Its metadata: it reads every `<meta>` and JSON-LD script of the page, the body's too, and
 * takes the first of each kind it meets, so all of those are kept, on their side of the article.
 *
 * Its byline: the first element of its walk through the page that says it is one
 * (`rel="author"`, an `itemprop` naming the author, or a class or id saying byline, author or
 * dateline) and holds under 100 characters. Headers put it above the article, author boxes
 * below it. The walk is made here with Readability's own rules (its expressions, read from its
 * prototype so they cannot drift from the version we run): hidden elements and dialogs are not
 * walked, nor are "unlikely candidates" (navigation, comments, sidebars …) after their own byline
 * test. Kept: the first such element before the article and the first after it (Readability
 * meets that one only when the article holds none; so it does in the copy, where it comes after).
 *
 * One iterative pass over the elements outside `scope` (document order by the tree itself:
 * linkedom's `compareDocumentPosition` orders by depth, not by document position).
 */
function readOutside(body: Element, scope: Element): { before: Element[]; after: Element[] } {
  const before: Element[] = [];
  const after: Element[] = [];
  let side = before;
  let bylineKept = false;
  // Each entry: an element; whether it is inside a table or a <code> (Readability keeps unlikely
  // candidates there); whether Readability's walk reaches it.
  const stack: [Element, boolean, boolean][] = [];
  // Last child first, so they pop in document order.
  const pushChildren = (el: Element, sheltered: boolean, walked: boolean) => {
    for (let c = lastElementChildOf(el); c; c = previousElementSiblingOf(c))
      stack.push([c, sheltered, walked]);
  };
  pushChildren(body, false, true);
  while (stack.length) {
    const [el, sheltered, walked] = stack.pop()!;
    if (el === scope) {
      side = after;
      bylineKept = false;
      continue;
    }
    const tag = el.localName;
    if (tag === 'meta' || (tag === 'script' && isJsonLd(el))) {
      side.push(el);
      continue;
    }
    // Readability drops scripts and <noscript> before it reads metadata; styles hold none.
    if (SKIPPED.has(tag)) continue;
    let walks = walked && !bylineKept && !NOT_WALKED.has(tag) && probablyVisible(el);
    if (walks && el.getAttribute('aria-modal') === 'true' && el.getAttribute('role') === 'dialog')
      walks = false;
    if (walks) {
      const names = `${el.getAttribute('class') ?? ''} ${el.id}`;
      if (saysByline(el, names) && !el.contains(scope)) {
        // Measured as Readability will: in the reader's lean copy (../core/lean.ts).
        const length = leanTextOf(el).trim().length;
        if (length > 0 && length < 100) {
          side.push(el);
          bylineKept = true;
          continue;
        }
      }
      if (
        !sheltered &&
        tag !== 'a' &&
        READABILITY.unlikelyCandidates.test(names) &&
        !READABILITY.okMaybeItsACandidate.test(names)
      )
        walks = false;
      else if (UNLIKELY_ROLES.includes(el.getAttribute('role') ?? '')) walks = false;
    }
    pushChildren(el, sheltered || tag === 'table' || tag === 'code', walks);
  }
  return { before, after };
}

interface ReadabilityRules {
  REGEXPS: { byline: RegExp; unlikelyCandidates: RegExp; okMaybeItsACandidate: RegExp };
  UNLIKELY_ROLES: string[];
}
const RULES = Readability.prototype as unknown as ReadabilityRules;
const READABILITY = RULES.REGEXPS;
const UNLIKELY_ROLES = RULES.UNLIKELY_ROLES;

const SKIPPED = new Set(['script', 'noscript', 'style', 'template']);
/** Not walked for a byline (an SVG's class is not a string in a browser). */
const NOT_WALKED = new Set(['svg']);

function saysByline(el: Element, names: string): boolean {
  return (
    el.getAttribute('rel') === 'author' ||
    (el.getAttribute('itemprop') ?? '').includes('author') ||
    READABILITY.byline.test(names)
  );
}

/** Readability's visibility test, from attributes: an inline style, `hidden`, `aria-hidden`. */
function probablyVisible(el: Element): boolean {
  const style = el.getAttribute('style');
  if (style && HIDDEN_STYLE.test(style)) return false;
  if (el.hasAttribute('hidden')) return false;
  return (
    el.getAttribute('aria-hidden') !== 'true' ||
    (el.getAttribute('class') ?? '').includes('fallback-image')
  );
}

const HIDDEN_STYLE =
  /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\s*(?:!important\s*)?(?:;|$)/i;
