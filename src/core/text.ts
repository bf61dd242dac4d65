/** Text helpers shared by every extractor. */

/**
 * A run of white space (any `\s`, NBSP and BOM among them, and the zero-width space) that is not
 * already a single space: two or more, or one other than U+0020. Matching only these leaves most
 * of a text's spaces unmatched; replacing every run, single spaces too, made `collapse` several
 * times slower on ordinary prose, and it runs on every paragraph more than once.
 */
const SPACE_TO_COLLAPSE = /[\s\u200b]{2,}|[^\S ]|\u200b/g;

/** Collapses runs of white space (including NBSP and zero-width space) to one space and trims. */
export function collapse(text: string | null | undefined): string {
  if (!text) return '';
  return text.replace(SPACE_TO_COLLAPSE, ' ').trim();
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
 * Thai, Lao, Khmer and Burmese: written without spaces between words (a space ends a phrase or a
 * sentence), and with words of several characters, so neither spaces nor characters count them.
 */
const UNSPACED_SCRIPTS = '\\p{Script=Thai}\\p{Script=Lao}\\p{Script=Khmer}\\p{Script=Myanmar}';
const UNSPACED = new RegExp(`[${UNSPACED_SCRIPTS}]`, 'u');
/** A run of those letters, with the marks written on them. */
const UNSPACED_RUNS = new RegExp(`[${UNSPACED_SCRIPTS}][${UNSPACED_SCRIPTS}\\p{M}]*`, 'gu');

/** The platform's word breaker (ICU's dictionaries), made on first need; null where there is none. */
let wordBreaker: { segment(text: string): Iterable<{ isWordLike?: boolean }> } | null | undefined;
function breaker(): typeof wordBreaker {
  if (wordBreaker === undefined) {
    const Segmenter = (globalThis.Intl as { Segmenter?: typeof Intl.Segmenter } | undefined)
      ?.Segmenter;
    wordBreaker = Segmenter ? new Segmenter(undefined, { granularity: 'word' }) : null;
  }
  return wordBreaker;
}

/** Words in runs of Thai, Lao, Khmer and Burmese, by the platform's word breaker. */
function unspacedWords(runs: string[], words: NonNullable<typeof wordBreaker>): number {
  let n = 0;
  for (const run of runs) for (const segment of words.segment(run)) if (segment.isWordLike) n++;
  return n;
}

/**
 * Words as readers count them: runs of letters or digits, with inner apostrophes; in Chinese and
 * Japanese, written without spaces, each character, as word processors count them (a run of
 * them would otherwise be one word: a 2,000-character story, 40 "words"); in Thai, Lao, Khmer
 * and Burmese, the words the platform's word breaker finds (`Intl.Segmenter`: Node, Chromium,
 * Firefox from 125; a runtime without one counts what lies between spaces, as for other scripts).
 */
export function countWords(text: string): number {
  const cjk = cjkCharacters(text);
  let rest = cjk ? text.replace(CJK_ALL, ' ') : text;
  let n = cjk;
  const words = UNSPACED.test(rest) ? breaker() : null;
  if (words) {
    n += unspacedWords(rest.match(UNSPACED_RUNS) ?? [], words);
    rest = rest.replace(UNSPACED_RUNS, ' ');
  }
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

/**
 * "By" in French, Spanish and Portuguese, and Dutch, before a name: "Par Sébastien Farcis"
 * (liberation.fr). Not /i: under it \p{Lu} would take a lower-case letter too.
 */
const BY_ELSEWHERE = /^(?:[Pp]ar|PAR|[Pp]or|POR|[Dd]oor|DOOR)\s+(?=\p{Lu})/u;

/** How a byline opens in English: "By …", "Written by …", "Reported by …". */
export const BY_OPENING = /^(?:(?:written|words|story|text|reported|posted) )?by\s+/i;

/** Strips a leading "By " (and trailing role lines) from a byline: "By James Rodgers" → "James Rodgers". */
export function cleanByline(text: string): string {
  return collapse(text)
    .replace(BY_OPENING, '')
    .replace(BY_ELSEWHERE, '')
    .replace(/\s*[,|]\s*$/, '')
    .trim();
}

/**
 * Letters written after a name that are not another name: degrees and professional
 * post-nominals ("Ilana Muhlstein, MS, RDN": beachbodyondemand.com; "Brenda Goodman, MA":
 * webmd.com), and generational suffixes ("Jr.").
 */
const POST_NOMINAL =
  /^(?:M\.?[AS]|MSc|MD|DO|Ph\.?\s?D|DPhil|Psy\.?D|Ed\.?D|MPH|MBA|MSW|LCSW|RN|BSN|MSN|NP|RDN?|LDN?|CDE|CDCES|PharmD|JD|Esq|DDS|DMD|DVM|MBBS|FRCP|FACP|CSCS|CPT|Jr|Sr|II|III|IV)\.?$/;

/**
 * The names in a byline or an author field: "Jane Doe and John Roe", "A, B & C". A name is cut
 * off where a " | " begins its role ("Amy Kuperinsky | NJ Advance Media for NJ.com": nj.com).
 * Post-nominals stay with the name before them; a part after a comma that starts in lower case
 * is a role and is left out ("Jane Doe, staff writer"); and "and" or "&" before a word in lower
 * case joins words, not people ("Staff and agencies": theguardian.com; "Mac & i": heise.de).
 */
export function splitNames(text: string): string[] {
  const byline = cleanByline(text.split(' | ')[0] ?? '');
  const names: string[] = [];
  const parts = byline.split(/(\s+and\s+|\s*,\s*|\s*&\s*)/);
  let name = parts[0]?.trim() ?? '';
  for (let i = 1; i < parts.length; i += 2) {
    const separator = parts[i]!;
    const comma = separator.trim() === ',';
    // The serial comma: "A, B, and C" (cnn.com) names C as "A and C" does.
    const raw = parts[i + 1]!.trim();
    const part = comma ? raw.replace(/^and\s+(?=\P{Ll})/u, '') : raw;
    if (!part) continue;
    const [first, ...rest] = part.split(/\s+/);
    if (comma && POST_NOMINAL.test(part)) name += `, ${part}`;
    // A post-nominal, then the desk the writer works for, run together where the page broke the
    // line ("Brenda Goodman, MA<br>WebMD Health News": webmd.com): the desk is left out.
    else if (comma && rest.length && POST_NOMINAL.test(first!)) name += `, ${first}`;
    else if (!/^\p{Ll}/u.test(part)) {
      if (name) names.push(name);
      name = part;
    } else if (!comma) name += separator + part;
    // else a role after a comma: left out.
  }
  if (name) names.push(name);
  return [...new Set(names)].filter((n) => !SITE_ACCOUNT.test(n));
}

/**
 * A publishing system's account, not a person: WordPress's default "admin", a site's own
 * "jdadmin" (jeongdongtheater.com), "Administrator", "webmaster". Pages print them as the byline
 * ("By admin - 2018-09-16": inexhibit.com); they name nobody, so they are not authors.
 */
const SITE_ACCOUNT = /^(?:[\p{L}\p{N}_.-]*admin|administrator|webmaster)$/iu;
