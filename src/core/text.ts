/** Text helpers shared by every extractor. */

/** Collapses runs of white space (including NBSP) to one space and trims. */
export function collapse(text: string | null | undefined): string {
  if (!text) return '';
  return text.replace(/[\s\u00a0\u200b\ufeff]+/g, ' ').trim();
}

/**
 * Words as readers count them: runs of letters or digits, with the marks written on them
 * (Devanagari vowel signs: "हिन्दी" is one word, not three) and inner
 * apostrophes.
 */
const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:['’][\p{L}\p{N}][\p{L}\p{M}\p{N}]*)*/gu;

/** Chinese characters and Japanese kana: written without spaces between words. */
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
const CJK_ALL = new RegExp(CJK.source, 'gu');

/** How many Chinese characters and Japanese kana `text` has. */
export function cjkCharacters(text: string): number {
  return CJK.test(text) ? (text.match(CJK_ALL)?.length ?? 0) : 0;
}

/**
 * Words as readers count them: runs of letters or digits, with inner apostrophes; in Chinese and
 * Japanese, written without spaces, each character, as word processors count them (a run of
 * them would otherwise be one word: a 2,000-character story, 40 "words").
 */
export function countWords(text: string): number {
  const cjk = cjkCharacters(text);
  const rest = cjk ? text.replace(CJK_ALL, ' ') : text;
  let n = cjk;
  WORD.lastIndex = 0;
  while (WORD.exec(rest)) n++;
  return n;
}

/** How long `clip` lets a report's text be, by default. */
export const CLIP_MAX = 500;

/** Shortens text for reports, on a word boundary where possible. */
export function clip(text: string, max = CLIP_MAX): string {
  const t = collapse(text);
  if (t.length <= max) return t;
  const cut = t.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return (space > max * 0.6 ? cut.slice(0, space) : cut) + '…';
}

/** Strips a leading "By " (and trailing role lines) from a byline: "By James Rodgers" → "James Rodgers". */
export function cleanByline(text: string): string {
  return collapse(text)
    .replace(/^by\s+/i, '')
    .replace(/\s*[,|]\s*$/, '')
    .trim();
}
