/**
 * Formulas read as text (src/core/math.ts): MathML as pages write it and as MathJax 3 keeps it
 * for screen readers, on hand-written formulas whose reading is checked by eye below.
 */
import { describe, expect, it } from 'vitest';
import { formulasAsText, formulaText } from '../../src/core/math';
import { parseHtml } from '../../src/node/load';

const math = (mathml: string) =>
  parseHtml(`<html><body><math>${mathml}</math></body></html>`).querySelector('math')!;

describe('formulaText', () => {
  it('spaces relations and operators, and writes small scripts as Unicode scripts', () => {
    expect(formulaText(math('<mi>a</mi><mo>≠</mo><mn>0</mn>'))).toBe('a ≠ 0');
    expect(
      formulaText(
        math(
          '<mi>a</mi><msup><mi>x</mi><mn>2</mn></msup><mo>+</mo><mi>b</mi><mi>x</mi><mo>+</mo><mi>c</mi><mo>=</mo><mn>0</mn>',
        ),
      ),
    ).toBe('ax² + bx + c = 0');
    expect(formulaText(math('<msub><mi>x</mi><mn>1</mn></msub>'))).toBe('x₁');
    // Scripts Unicode has no characters for are marked and bracketed.
    expect(formulaText(math('<msup><mi>e</mi><mrow><mi>i</mi><mi>π</mi></mrow></msup>'))).toBe(
      'e^(iπ)',
    );
  });

  it('brackets a fraction’s parts and a root’s radicand as a line of text needs them', () => {
    // The quadratic formula, as MathJax's sample page writes it.
    expect(
      formulaText(
        math(`<mi>x</mi><mo>=</mo><mrow><mfrac><mrow><mo>−</mo><mi>b</mi><mo>±</mo><msqrt>
<msup><mi>b</mi><mn>2</mn></msup><mo>−</mo><mn>4</mn><mi>a</mi><mi>c</mi></msqrt></mrow>
<mrow><mn>2</mn><mi>a</mi></mrow></mfrac></mrow>`),
      ),
    ).toBe('x = (−b ± √(b² − 4ac))/(2a)');
    expect(formulaText(math('<mfrac><mn>1</mn><mi>c</mi></mfrac>'))).toBe('1/c');
  });

  it('reads a sign as a sign, accents over a letter, and a table row by row', () => {
    expect(formulaText(math('<mi>z</mi><mo>=</mo><mo>−</mo><mi>β</mi><mi>z</mi>'))).toBe('z = −βz');
    expect(formulaText(math('<mover><mi>x</mi><mo>˙</mo></mover>'))).toBe('ẋ');
    expect(
      formulaText(
        math(
          '<mtable><mtr><mtd><mi>a</mi></mtd><mtd><mi>b</mi></mtd></mtr><mtr><mtd><mi>c</mi></mtd><mtd><mi>d</mi></mtd></mtr></mtable>',
        ),
      ),
    ).toBe('a b; c d');
  });

  it('reads a formula nested deeper than any real one without running out of stack', () => {
    const depth = 20_000;
    const deep = `${'<mrow>'.repeat(depth)}<mi>x</mi>${'</mrow>'.repeat(depth)}`;
    expect(formulaText(math(deep))).toBe('x');
  });
});

describe('formulasAsText', () => {
  it('puts an inline formula in its sentence and a displayed one on a line of its own', () => {
    const doc = parseHtml(`<html><body><p>When <math><mi>a</mi><mo>≠</mo><mn>0</mn></math>, there
are two solutions to <mjx-container class="MathJax CtxtMenu_Attached_0" jax="CHTML"><mjx-math aria-hidden="true"><mjx-c></mjx-c></mjx-math><mjx-assistive-mml unselectable="on" display="inline"><math><mi>x</mi></math></mjx-assistive-mml></mjx-container>and
they are</p><mjx-container class="MathJax" jax="CHTML" display="true"><mjx-assistive-mml display="block"><math display="block"><mi>x</mi><mo>=</mo><mn>1</mn></math></mjx-assistive-mml></mjx-container></body></html>`);
    const body = doc.querySelector('body')!;
    formulasAsText(Array.from(body.querySelectorAll('math, mjx-container')), body);
    expect(body.querySelector('p')!.textContent!.replace(/\s+/g, ' ')).toBe(
      'When a ≠ 0, there are two solutions to x and they are',
    );
    expect(body.querySelector('div')!.textContent).toBe('x = 1');
    expect(body.querySelectorAll('math, mjx-container')).toHaveLength(0);
  });

  it('leaves a MathJax drawing that kept no MathML as it is', () => {
    const doc = parseHtml(
      '<html><body><p>See <mjx-container jax="SVG"><svg></svg></mjx-container>.</p></body></html>',
    );
    const body = doc.querySelector('body')!;
    formulasAsText(Array.from(body.querySelectorAll('mjx-container')), body);
    expect(body.querySelectorAll('mjx-container')).toHaveLength(1);
  });
});
