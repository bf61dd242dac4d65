import { describe, expect, it } from 'vitest';
import { f1, scoreCorpus, scorePage, shingles, tokenize } from '../../src/eval/metric';
import {
  scoreAgainstAssertions,
  truthFromAssertions,
  assertionText,
} from '../../src/eval/assertions';
import type { ParserAssertion } from '../../src/eval/corpora';

describe("tokenize (Python's Unicode \\w+)", () => {
  it('keeps case and splits on everything that is not a word character', () => {
    expect(tokenize("Don't stop—now! (2019)")).toEqual(['Don', 't', 'stop', 'now', '2019']);
  });
  it('treats letters of every script, digits and _ as word characters', () => {
    expect(tokenize('café naïve snake_case Москва 東京 ١٢')).toEqual([
      'café',
      'naïve',
      'snake_case',
      'Москва',
      '東京',
      '١٢',
    ]);
  });
  it('splits at a combining mark, as Python does (U+0301 is not \\w there)', () => {
    expect(tokenize('cafe\u0301 ok')).toEqual(['cafe', 'ok']);
  });
});

describe('shingles', () => {
  it('makes 4-grams with multiplicity', () => {
    // x y z w x y z w → xyzw, yzwx, zwxy, wxyz, xyzw
    const s = shingles(tokenize('x y z w x y z w'));
    expect(Object.fromEntries(s)).toEqual({
      'x y z w': 2,
      'y z w x': 1,
      'z w x y': 1,
      'w x y z': 1,
    });
  });
  it('makes one shingle of a text shorter than 4 tokens, none of an empty one', () => {
    expect([...shingles(['Hello', 'world'])]).toEqual([['Hello world', 1]]);
    expect(shingles([]).size).toBe(0);
  });
});

describe('scorePage', () => {
  it('counts a missing shingle as a false negative', () => {
    // truth a b c d e → {abcd, bcde}; predicted a b c d → {abcd}
    expect(scorePage('a b c d e', 'a b c d')).toEqual({
      tp: 1,
      fp: 0,
      fn: 1,
      precision: 1,
      recall: 0.5,
      exact: false,
    });
  });
  it('counts repeats: one copy of a shingle the truth has twice is half of it', () => {
    const s = scorePage('x y z w x y z w', 'x y z w');
    expect([s.tp, s.fp, s.fn, s.precision, s.recall]).toEqual([1, 0, 4, 1, 0.2]);
  });
  it('counts extra text as false positives', () => {
    // predicted a b c d e f → {abcd, bcde, cdef}; truth a b c d e → {abcd, bcde}
    const s = scorePage('a b c d e', 'a b c d e f');
    expect([s.tp, s.fp, s.fn]).toEqual([2, 1, 0]);
    expect(s.precision).toBeCloseTo(2 / 3);
  });
  it('is case-sensitive and ignores punctuation and spacing for accuracy', () => {
    expect(scorePage('The cat sat down', 'the cat sat down').tp).toBe(0);
    expect(scorePage('Hello, world!', 'Hello\n\nworld').exact).toBe(true);
  });
  it('leaves precision undefined when nothing was predicted, recall when nothing was to find', () => {
    expect(scorePage('a b c d', '')).toMatchObject({ precision: null, recall: 0 });
    expect(scorePage('', 'a b')).toMatchObject({ precision: 0, recall: null });
    expect(scorePage('', '')).toMatchObject({ precision: null, recall: null, exact: true });
  });
});

describe('scoreCorpus', () => {
  it('takes F1 of the mean precision and mean recall, skipping undefined pages', () => {
    const pages = [scorePage('a b c d e', 'a b c d'), scorePage('a b c d', '')];
    // precision: mean(1) = 1 (the empty prediction has none); recall: mean(0.5, 0) = 0.25
    const c = scoreCorpus(pages);
    expect(c.precision).toBe(1);
    expect(c.recall).toBe(0.25);
    expect(c.f1).toBeCloseTo(0.4);
    expect(c.accuracy).toBe(0);
    expect(f1(0, 0)).toBe(0);
  });
});

describe('web-page-parser assertions as partial truth', () => {
  const base = {
    fixture: 'spec/fixtures/bbc_news/x.html',
    url: 'http://x',
    field: 'content',
    negated: false,
    expected_kind: 'string',
  };
  const assertions: ParserAssertion[] = [
    { ...base, selector: 'first', op: 'eq', expected: '<B>A b c d.</B>' },
    { ...base, selector: 'last', op: 'eq', expected: 'x y z w' },
    { ...base, selector: 'size', op: 'eq', expected: 3 },
    {
      ...base,
      selector: 'to_s',
      op: '=~',
      negated: true,
      expected_kind: 'regex',
      expected: 'Top Stories',
    },
    { ...base, selector: 'first', op: 'eq', expected: '<B>A b c d.</B>' },
  ];
  const truth = truthFromAssertions(assertions);

  it('keeps asserted paragraphs once, tags stripped', () => {
    expect(truth.paragraphs).toEqual(['A b c d.', 'x y z w']);
    expect(assertionText('Tom &amp; Jerry &#163;5')).toBe('Tom & Jerry £5');
  });

  it('counts text outside the first…last span against precision', () => {
    // Menu Home | A b c d middle words here x y z w | Footer: 11 of 14 tokens inside
    const s = scoreAgainstAssertions(truth, 'Menu Home A b c d. middle words here x y z w Footer');
    expect(s.precision).toBeCloseTo(11 / 14);
    expect(s.recall).toBe(1);
    expect(s.exact).toBe(true);
  });

  it('fails accuracy on forbidden text and a missing paragraph', () => {
    expect(scoreAgainstAssertions(truth, 'A b c d. x y z w Top Stories').exact).toBe(false);
    const s = scoreAgainstAssertions(truth, 'A b c d. only');
    expect([s.exact, s.recall, s.precision]).toEqual([false, 0.5, null]);
  });
});
