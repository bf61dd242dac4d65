/**
 * Formulas read as text (src/core/math.ts): MathML as pages write it and as MathJax 3 keeps it
 * for screen readers, on hand-written formulas whose reading is checked by eye below.
 */
import { describe, expect, it } from 'vitest';
import { formulasAsText, formulaText, isFormula } from '../../src/core/math';
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
    expect(formulaText(math('<mi>v</mi><mo>∈</mo><mi mathvariant="double-struck">R</mi>'))).toBe(
      'v ∈ ℝ',
    );
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
    // Wikipedia's conjugate, \overline{a_{ji}}: the bar on the letter, not on its script; over a
    // product, after it.
    expect(
      formulaText(
        math('<mover><msub><mi>a</mi><mrow><mi>j</mi><mi>i</mi></mrow></msub><mo>¯</mo></mover>'),
      ),
    ).toBe('ā_(ji)');
    expect(
      formulaText(
        math(
          '<mover><mrow><msup><mi>B</mi><mi>T</mi></msup><msup><mi>A</mi><mi>T</mi></msup></mrow><mo>¯</mo></mover>',
        ),
      ),
    ).toBe('B^TA^T^¯');
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

  it('reads MediaWiki’s formula whole: its hidden MathML, not its picture', () => {
    // Wikipedia: the MathML kept for screen readers in a hidden span, then a picture of the
    // formula whose alt is its TeX.
    const doc = parseHtml(`<html><body><p>If the conjugate transpose of a matrix
<span class="mwe-math-element"><span class="mwe-math-mathml-inline mwe-math-mathml-a11y" style="display: none;"><math alttext="{\\displaystyle A}"><semantics><mrow><mi>A</mi></mrow><annotation encoding="application/x-tex">{\\displaystyle A}</annotation></semantics></math></span><img src="https://wikimedia.org/api/rest_v1/media/math/render/svg/7daff47fa58cdfd29dc333def748ff5fa4c923e3" class="mwe-math-fallback-image-inline" aria-hidden="true" alt="{\\displaystyle A}"></span>
is denoted by <span class="mwe-math-element"><span class="mwe-math-mathml-inline mwe-math-mathml-a11y" style="display: none;"><math><msup><mi>A</mi><mi>H</mi></msup></math></span><img class="mwe-math-fallback-image-inline" alt="{\\displaystyle A^{H}}"></span>, then</p></body></html>`);
    const body = doc.querySelector('body')!;
    formulasAsText(
      Array.from(body.querySelectorAll('*')).filter(
        (el) => el.localName === 'math' || isFormula(el),
      ),
      body,
    );
    expect(body.textContent!.replace(/\s+/g, ' ').trim()).toBe(
      'If the conjugate transpose of a matrix A is denoted by A^H, then',
    );
    expect(body.querySelectorAll('img, [style]')).toHaveLength(0);
  });

  it('reads MathJax 2’s formula as its MathML, not as its drawing in glyphs', () => {
    const doc = parseHtml(
      `<html><body><p>The area is <span class="MathJax_Preview" style="display: none;"></span><span class="MathJax" id="MathJax-Element-1-Frame" tabindex="0" role="presentation"><nobr aria-hidden="true"><span class="math" id="MathJax-Span-1"><span class="mrow"><span class="mi">π</span><span class="msubsup"><span class="mi">r</span><span class="mn">2</span></span></span></span></nobr><span class="MJX_Assistive_MathML" role="presentation"><math><mi>π</mi><msup><mi>r</mi><mn>2</mn></msup></math></span></span><script type="math/tex" id="MathJax-Element-1">\\pi r^2</script>.</p></body></html>`,
    );
    const body = doc.querySelector('body')!;
    const formulas = Array.from(body.querySelectorAll('*')).filter(isFormula);
    // The container, and the <math> inside it, which is read with it.
    expect(formulas.map((f) => f.localName)).toEqual(['span', 'math']);
    formulasAsText(formulas, body);
    // (The TeX source after it is a <script>, which no reader reads.)
    doc.querySelector('script')!.remove();
    expect(doc.querySelector('p')!.textContent).toBe('The area is πr².');
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
