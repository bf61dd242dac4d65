/**
 * The anti-flash stylesheets: clutter selectors as `display: none` rules. They are built once, at
 * build time (vite.config.ts), so the document_start script carries strings and not the site
 * rules, and so runs before the page paints without parsing the whole core.
 */
import { BBC_SITES } from '../sites';
import { WAYBACK_ELEMENTS } from '../core/clean/archive-toolbar';

/**
 * A selector containing these could close its rule and open another (`x{} body{…}`) or swallow
 * the rules after it (an open comment): the selectors are ours, but a stylesheet built by string
 * concatenation refuses them anyway.
 */
const UNSAFE_IN_SELECTOR = /[{}]|\/\*/;

/** An unclosed string would run to the end of the line and take the next rule with it. */
function quotesBalanced(selector: string): boolean {
  return (selector.split('"').length - 1) % 2 === 0 && (selector.split("'").length - 1) % 2 === 0;
}

/**
 * One rule per selector, so a selector the browser cannot parse drops only its own rule (a
 * selector list with one bad member is dropped whole).
 */
export function hidingStylesheet(selectors: readonly string[]): string {
  const seen = new Set<string>();
  const rules: string[] = [];
  for (const raw of selectors) {
    const selector = raw.trim();
    if (!selector || seen.has(selector)) continue;
    if (UNSAFE_IN_SELECTOR.test(selector) || !quotesBalanced(selector)) continue;
    seen.add(selector);
    rules.push(`${selector}{display:none!important}`);
  }
  return rules.join('\n');
}

/** The stylesheets the document_start script carries: BBC clutter, and the Wayback toolbar. */
export function earlyStylesheets(): { clutter: string; wayback: string } {
  return {
    clutter: hidingStylesheet(BBC_SITES.flatMap((site) => site.clutter.map((r) => r.selector))),
    wayback: hidingStylesheet(WAYBACK_ELEMENTS.split(',')),
  };
}
