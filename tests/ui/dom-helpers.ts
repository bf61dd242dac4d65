/**
 * Helpers for the jsdom UI tests: install a page's real HTML shell (lang, title, landmarks) as the
 * document, find controls by their accessible text, and run axe-core.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import axe from 'axe-core';

// A string, not `new URL(…)`: under jsdom, URL is jsdom's and Node's fileURLToPath rejects it.
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** Replaces the test document with `src/<page>/index.html` (its scripts do not run). */
export function installShell(page: 'popup' | 'reader' | 'options'): HTMLElement {
  const html = readFileSync(resolve(ROOT, `src/${page}/index.html`), 'utf8');
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  document.replaceChild(
    document.importNode(parsed.documentElement, true),
    document.documentElement,
  );
  return document.getElementById('app')!;
}

export function button(root: ParentNode, name: string): HTMLButtonElement | undefined {
  return [...root.querySelectorAll('button')].find(
    (b) => (b.getAttribute('aria-label') ?? b.textContent)?.trim() === name,
  );
}

export function buttonNames(root: ParentNode): string[] {
  return [...root.querySelectorAll('button')].map((b) => b.textContent!.trim());
}

/** The control a `<label>` with exactly this text points at. */
export function control<T extends HTMLElement>(root: ParentNode, label: string): T | null {
  const el = [...root.querySelectorAll('label')].find((l) => l.textContent?.trim() === label);
  return el ? (root.querySelector<T>(`#${el.htmlFor}`) ?? null) : null;
}

/**
 * axe-core violations on the current document, as readable lines. Colour contrast needs real
 * layout (jsdom has none): the e2e run in Chromium checks it.
 */
export async function axeViolations(): Promise<string[]> {
  const result = await axe.run(document, {
    rules: { 'color-contrast': { enabled: false } },
    resultTypes: ['violations'],
  });
  return result.violations.map(
    (v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
}
