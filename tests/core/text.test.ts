/** Counting words as readers (and word processors) count them, in every script. */
import { describe, expect, it } from 'vitest';
import { cjkCharacters, countWords } from '../../src/core/text';

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
});
