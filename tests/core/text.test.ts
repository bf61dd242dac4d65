/** Counting words as readers (and word processors) count them, in every script. */
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { cjkCharacters, collapse, countWords } from '../../src/core/text';

describe('collapse', () => {
  it('makes every run of white space one space, and trims', () => {
    expect(collapse('  The\n\tminister\u00a0\u00a0said ')).toBe('The minister said');
    expect(collapse('one\u200btwo \u200b three\ufefffour')).toBe('one two three four');
    expect(collapse('\u200b\u00a0lead')).toBe('lead');
    expect(collapse('already single spaces')).toBe('already single spaces');
    expect(collapse(null)).toBe('');
    expect(collapse(' \n ')).toBe('');
  });

  it('agrees with replacing every run, on any mix of spaces and letters', () => {
    // The definition, written plainly: collapse matches only the runs this would change.
    const plain = (t: string) => t.replace(/[\s\u200b]+/g, ' ').trim();
    const pieces = [' ', '  ', '\n', '\t', '\r', '\u00a0', '\u200b', '\ufeff', '\u2003', '\u3000'];
    const text = fc
      .array(fc.oneof(fc.constantFrom(...pieces), fc.constantFrom('a', 'bc', '語', '.')), {
        maxLength: 40,
      })
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(text, (t) => collapse(t) === plain(t)),
      { numRuns: 5000 },
    );
  });
});

describe('countWords', () => {
  it('counts runs of letters and digits, with inner apostrophes', () => {
    expect(countWords('The minister’s plan, in 2024, was well-known.')).toBe(8);
    expect(countWords('')).toBe(0);
    expect(countWords('— … —')).toBe(0);
  });

  it('counts each Chinese character and Japanese kana as a word, and Latin runs beside them', () => {
    // 谷 歌 在 · 2014 · 年 收 购 了 · DeepMind
    expect(countWords('谷歌在2014年收购了DeepMind')).toBe(9);
    expect(cjkCharacters('谷歌在2014年收购了DeepMind')).toBe(7);
    // 肉 を く わ え た イ ヌ が · 橋 を 渡 っ て い ま し た
    expect(countWords('肉をくわえたイヌが、橋を渡っていました。')).toBe(18);
  });

  it('keeps the marks written on letters inside their word', () => {
    expect(countWords('मैं हिंदी में लिखता हूँ')).toBe(5);
    expect(countWords('हिन्दी भाषा')).toBe(2);
  });

  it('counts Korean by its spaces, like Latin text', () => {
    expect(countWords('안녕하세요 세계')).toBe(2);
    expect(cjkCharacters('안녕하세요 세계')).toBe(0);
  });

  it('counts Thai, Lao and Khmer words, written without spaces between them', () => {
    // ฉัน รัก ภาษา ไทย: "I love the Thai language".
    expect(countWords('ฉันรักภาษาไทย')).toBe(4);
    // ຂ້ອຍ ຮັກ ເຈົ້າ and ខ្ញុំ ស្រលាញ់ អ្នក: "I love you".
    expect(countWords('ຂ້ອຍຮັກເຈົ້າ')).toBe(3);
    expect(countWords('ខ្ញុំស្រលាញ់អ្នក')).toBe(3);
    // Latin words and numbers beside them count as elsewhere.
    expect(countWords('BBC Thai: ฉันรักภาษาไทย, 2024')).toBe(7);
  });

  it('counts Thai between spaces where the platform has no word breaker (Firefox before 125)', async () => {
    vi.resetModules();
    vi.stubGlobal('Intl', { ...Intl, Segmenter: undefined });
    try {
      const { countWords: withoutBreaker } = await import('../../src/core/text');
      expect(withoutBreaker('ฉันรักภาษาไทย')).toBe(1);
      expect(withoutBreaker('BBC Thai: ฉันรักภาษาไทย, 2024')).toBe(4);
    } finally {
      vi.unstubAllGlobals();
      vi.resetModules();
    }
  });
});
