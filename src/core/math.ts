/**
 * Formulas as text. MathML, as a page writes it (`<math>`) or as MathJax 3 keeps a copy of each
 * formula it draws for screen readers (`mjx-container > mjx-assistive-mml > math`), read as a line
 * a reader can follow: "x = (−b ± √(b² − 4ac))/(2a)", where the elements' text alone runs
 * together into "x=−b±b2−4ac2a" and "b²" reads as "b2".
 */
import { attributeOf } from './attr';
import { collapse } from './text';

/**
 * Deeper than this, an element's text is taken as it stands: formulas nest a few levels, and
 * reading a hostile page's 50,000 nested elements one call per level would overflow the stack.
 */
const MAX_DEPTH = 64;

/**
 * Puts each formula of `formulas` (elements `isFormula` says are one, under `within`, in
 * document order) in `within` as its text: a line of its own (a `<div>`) when it is set apart,
 * else a text in its sentence. A formula inside one replaced before it is skipped; a MathJax
 * drawing with no MathML copy stays as it is. For the generic reader's private copy of a page:
 * Readability takes MathJax 3's containers (class `CtxtMenu_Attached_0`) for menus, and drops
 * every formula of the page with them.
 */
export function formulasAsText(formulas: readonly Element[], within: Element): void {
  for (const formula of formulas) {
    if (!isUnder(formula, within)) continue;
    const math = formula.localName === 'math' ? formula : formula.querySelector('math');
    const text = math ? formulaText(math) : '';
    if (!text) continue;
    const doc = formula.ownerDocument;
    let node: Node;
    if (formula.localName === 'div' || isDisplayed(formula) || (math && isDisplayed(math))) {
      node = doc.createElement('div');
      node.textContent = text;
    } else {
      // MathJax sets its containers apart by their margins, not by spaces in the text.
      const before = formula.previousSibling?.textContent ?? '';
      const after = formula.nextSibling?.textContent ?? '';
      const lead = /[\p{L}\p{N}]$/u.test(before) ? ' ' : '';
      const trail = /^[\p{L}\p{N}]/u.test(after) ? ' ' : '';
      node = doc.createTextNode(`${lead}${text}${trail}`);
    }
    formula.parentNode?.replaceChild(node, formula);
  }
}

/**
 * Whether `el` is a formula to read whole, as its MathML: `<math>`; MathJax 3's `<mjx-container>`;
 * MathJax 2's `span.MathJax`, its drawing in spans of glyphs ("x2+1" as text) beside the MathML
 * it keeps for screen readers (`span.MJX_Assistive_MathML > math`); MediaWiki's
 * `.mwe-math-element` (a `<span>` in a sentence, a `<div>` set apart: Wikipedia), its MathML
 * hidden beside a picture of the formula whose `alt` is its TeX source.
 */
export function isFormula(el: Element): boolean {
  const name = el.localName;
  if (name === 'math' || name === 'mjx-container') return true;
  const className = attributeOf(el, 'class');
  return !!className && FORMULA_CLASS.test(className);
}

const FORMULA_CLASS = /(?:^|\s)(?:MathJax|mwe-math-element)(?:\s|$)/;

/**
 * Whether `node` is still under `root`: a walk up, as long as the formula is deep (linkedom's
 * `contains` walks down through `root`, the whole page, for each formula).
 */
function isUnder(node: Node, root: Node): boolean {
  for (let p = node.parentNode; p; p = p.parentNode) if (p === root) return true;
  return false;
}

/** `<math display="block">`, `<mjx-container display="true">`. */
function isDisplayed(el: Element): boolean {
  const display = el.getAttribute('display');
  return display === 'block' || display === 'true';
}

/** The formula `math` writes, as one line of text. */
export function formulaText(math: Element): string {
  // NFC: a letter and its accent as one character where Unicode has one ("ẋ"), as text is searched.
  return collapse(read(math, 0))
    .normalize('NFC')
    .replace(/([([{])\s+/g, '$1')
    .replace(/\s+([)\]},;])/g, '$1');
}

function read(el: Element, depth: number): string {
  if (depth > MAX_DEPTH) return collapse(el.textContent);
  const kids = Array.from(el.children);
  const part = (i: number) => (kids[i] ? read(kids[i], depth + 1) : '');
  switch (el.localName) {
    case 'mi': {
      const name = collapse(el.textContent);
      // The number sets: "\mathbb{R}" is "ℝ", not "R".
      return el.getAttribute('mathvariant') === 'double-struck'
        ? (DOUBLE_STRUCK[name] ?? name)
        : name;
    }
    case 'mn':
    case 'ms':
      return collapse(el.textContent);
    case 'mtext': {
      // Words in a formula stand apart from its symbols: "…, for |q| < 1".
      const text = collapse(el.textContent);
      return /\p{L}/u.test(text) ? ` ${text} ` : text;
    }
    case 'mo':
      return operator(collapse(el.textContent));
    case 'mspace':
      return ' ';
    case 'mphantom':
    case 'annotation':
    case 'annotation-xml':
      return '';
    case 'semantics':
      return part(0);
    case 'msup':
      return part(0) + raised(part(1), SUPERSCRIPT, '^');
    case 'msub':
    case 'munder':
      return part(0) + raised(part(1), SUBSCRIPT, '_');
    case 'msubsup':
    case 'munderover':
      return part(0) + raised(part(1), SUBSCRIPT, '_') + raised(part(2), SUPERSCRIPT, '^');
    case 'mover':
      return accented(part(0), part(1));
    case 'mfrac': {
      // "(−b ± …)/(2a)": a denominator of more than a number or a letter is bracketed.
      const below = part(1).trim();
      const simple = /^(?:[\p{N}.]+|\p{L})$/u.test(below) || bracketed(below);
      return `${grouped(part(0))}/${simple ? below : `(${below})`}`;
    }
    case 'msqrt':
      return `√${grouped(row(kids, depth))}`;
    case 'mroot':
      return `${raised(part(1), SUPERSCRIPT, '')}√${grouped(part(0))}`;
    case 'mfenced': {
      const open = el.getAttribute('open') ?? '(';
      const close = el.getAttribute('close') ?? ')';
      return `${open}${kids.map((k) => read(k, depth + 1)).join(', ')}${close}`;
    }
    case 'mtable':
      return kids.map((k) => read(k, depth + 1)).join('; ');
    case 'mtr':
    case 'mlabeledtr':
      return kids.map((k) => read(k, depth + 1)).join(' ');
    default:
      // math, mrow, mstyle, mpadded, mtd, menclose…: their children in a row.
      return row(kids, depth);
  }
}

/**
 * Children read in a row; an operator that opens the row or follows another is a sign ("−b",
 * "= −βz"), not spaced.
 */
function row(kids: Element[], depth: number): string {
  return kids
    .map((k, i) => {
      const text = read(k, depth + 1);
      const before = kids[i - 1];
      const sign =
        k.localName === 'mo' &&
        (!before || (before.localName === 'mo' && OPENS_TERM.has(collapse(before.textContent))));
      return sign ? text.trim() : text;
    })
    .join('');
}

const DOUBLE_STRUCK: Record<string, string> = {
  C: 'ℂ',
  H: 'ℍ',
  N: 'ℕ',
  P: 'ℙ',
  Q: 'ℚ',
  R: 'ℝ',
  Z: 'ℤ',
};

/** Operators set apart by spaces, as a typesetter spaces them: "a ≠ 0", "b² − 4ac". */
const SPACED = new Set(
  '= ≠ < > ≤ ≥ ≈ ≡ ∼ ≃ ≅ ∝ ≪ ≫ + − ± ∓ × ÷ · ⋅ → ← ↔ ⇒ ⇐ ⇔ ↦ ∈ ∉ ⊂ ⊆ ⊃ ⊇ ∪ ∩ ∧ ∨'.split(' '),
);

/** What a sign may follow: an operator, an opening bracket, a comma. */
const OPENS_TERM = new Set([...SPACED, '(', '[', '{', ',', '']);

/** Invisible operators (function application, invisible times and separator, invisible plus). */
const INVISIBLE = /^[\u2061-\u2064]$/;

function operator(op: string): string {
  if (INVISIBLE.test(op)) return '';
  if (op === '-') op = '−';
  if (SPACED.has(op)) return ` ${op} `;
  return op === ',' || op === ';' ? `${op} ` : op;
}

const SUPERSCRIPT: Record<string, string> = {
  '0': '⁰',
  '1': '¹',
  '2': '²',
  '3': '³',
  '4': '⁴',
  '5': '⁵',
  '6': '⁶',
  '7': '⁷',
  '8': '⁸',
  '9': '⁹',
  '+': '⁺',
  '−': '⁻',
  '=': '⁼',
  '(': '⁽',
  ')': '⁾',
  n: 'ⁿ',
  i: 'ⁱ',
};

const SUBSCRIPT: Record<string, string> = {
  '0': '₀',
  '1': '₁',
  '2': '₂',
  '3': '₃',
  '4': '₄',
  '5': '₅',
  '6': '₆',
  '7': '₇',
  '8': '₈',
  '9': '₉',
  '+': '₊',
  '−': '₋',
  '=': '₌',
  '(': '₍',
  ')': '₎',
};

/**
 * A script in the characters Unicode has for it ("b²", "x₁"); else after `mark`, in brackets
 * unless it is one character ("e^(iπ)", "x_n").
 */
function raised(text: string, chars: Record<string, string>, mark: string): string {
  const script = text.replace(/\s+/g, '');
  if (!script) return '';
  const mapped = Array.from(script, (c) => chars[c]);
  if (mapped.every(Boolean)) return mapped.join('');
  return `${mark}${Array.from(script).length === 1 || bracketed(script) ? script : `(${script})`}`;
}

/** Combining marks for the accents a formula sets over a letter ("ẋ" for a time derivative). */
const ACCENT: Record<string, string> = {
  '˙': '\u0307',
  '.': '\u0307',
  '¨': '\u0308',
  '^': '\u0302',
  ˆ: '\u0302',
  '¯': '\u0304',
  '‾': '\u0305',
  '~': '\u0303',
  '˜': '\u0303',
  '→': '\u20d7',
};

function accented(base: string, over: string): string {
  const mark = ACCENT[over.trim()];
  // On a letter or digit, or one and its script: Wikipedia's conjugate "\overline{a_{ji}}" is
  // "ā_(ji)", "\overline{A^T}" is "Ā^T".
  const letter = mark ? LETTER_AND_SCRIPTS.exec(base.trim()) : null;
  if (letter) return letter[1]! + mark + letter[2]!;
  return base + raised(over, SUPERSCRIPT, '^');
}

/** A letter and one script: "a_(ji)", "A^T", "x²"; not "B^TA^T", two letters. */
const LETTER_AND_SCRIPTS =
  /^([\p{L}\p{N}])((?:[_^](?:\([^()]*\)|[^\s_^()])|[\u2070-\u209f¹²³]*))$/u;

/** `text`, bracketed unless it is a single term ("2a" stays; "b + c" becomes "(b + c)"). */
function grouped(text: string): string {
  const t = text.trim();
  return TERM.test(t) || bracketed(t) ? t : `(${t})`;
}

/** Letters, digits, scripts, accents and roots with nothing between them. */
const TERM = /^[\p{L}\p{N}\p{M}.√]+$/u;

/** Whether `t` is one pair of brackets and what they hold: "(a + b)", not "(a) + (b)". */
function bracketed(t: string): boolean {
  if (!t.startsWith('(') || !t.endsWith(')')) return false;
  let open = 0;
  for (let i = 0; i < t.length; i++) {
    if (t[i] === '(') open++;
    else if (t[i] === ')' && --open === 0 && i < t.length - 1) return false;
  }
  return open === 0;
}
