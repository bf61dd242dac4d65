/**
 * Dates as BBC pages of every era write them, turned into ISO 8601 UTC (`YYYY-MM-DDTHH:MM:SSZ`)
 * or calendar dates (`YYYY-MM-DD`). Anything unreadable gives null: dates are never invented.
 */

import { collapse } from './text';

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

/**
 * An English month's name or its abbreviation ("Sept", "Nov"), as a regular expression's source;
 * `monthNumber` says which month it is.
 */
export const MONTH_NAME = String.raw`(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)`;

/** 1–12 for a month's name or its first three letters and more ("Sep", "sept"); else undefined. */
function monthNumber(name: string): number | undefined {
  return MONTHS[name.slice(0, 3).toLowerCase()];
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function validParts(y: number, mo: number, d: number, h = 0, mi = 0, s = 0): boolean {
  if (!(y >= 1990 && y <= 2100 && mo >= 1 && mo <= 12 && d >= 1 && d <= 31)) return false;
  if (!(h >= 0 && h <= 23 && mi >= 0 && mi <= 59 && s >= 0 && s <= 60)) return false;
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCDate() === d;
}

function iso(y: number, mo: number, d: number, h = 0, mi = 0, s = 0): string | null {
  if (!validParts(y, mo, d, h, mi, s)) return null;
  return `${y}-${pad(mo)}-${pad(d)}T${pad(h)}:${pad(mi)}:${pad(s)}Z`;
}

/** Two-digit years as the BBC used them 1997–2010: `07` is 2007, `99` is 1999. */
function fullYear(y: number): number {
  if (y >= 100) return y;
  return y >= 90 ? 1900 + y : 2000 + y;
}

/**
 * `OriginalPublicationDate` meta of classic and 2010s pages: `2009/05/02 11:14:14`, in UTC
 * (checked against the corpus index, whose expected dates are the same clock time in +0000).
 */
export function parseSlashDateTime(value: string | null | undefined): string | null {
  const m = /^\s*(\d{4})\/(\d{1,2})\/(\d{1,2})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?\s*$/.exec(
    value ?? '',
  );
  if (!m) return null;
  return iso(+m[1]!, +m[2]!, +m[3]!, +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0));
}

/**
 * Classic "Last Updated: Tuesday, 15 May 2007, 21:20 GMT 22:20 UK" (also "Page last updated at
 * 11:14 GMT, Saturday, 2 May 2009 12:14 UK"): the GMT clock time is taken, the UK one ignored.
 */
export function parseBbcUpdated(text: string | null | undefined): string | null {
  const t = (text ?? '').replace(/\s+/g, ' ');
  // Day-first with the time after: "15 May 2007, 21:20 GMT"
  let m = /(\d{1,2}) ([A-Za-z]{3,9}),? (\d{4}),? (\d{1,2}):(\d{2}) GMT/.exec(t);
  if (m) {
    const mo = monthNumber(m[2]!);
    if (mo) return iso(+m[3]!, mo, +m[1]!, +m[4]!, +m[5]!);
  }
  // Time first: "at 11:14 GMT, Saturday, 2 May 2009"
  m = /(\d{1,2}):(\d{2}) GMT,? (?:[A-Za-z]+,? )?(\d{1,2}) ([A-Za-z]{3,9}),? (\d{4})/.exec(t);
  if (m) {
    const mo = monthNumber(m[4]!);
    if (mo) return iso(+m[5]!, mo, +m[3]!, +m[1]!, +m[2]!);
  }
  return null;
}

/** Related-link dates of classic pages: "23 Feb 07" → "2007-02-23". Also "23 February 2007". */
export function parseShortDate(text: string | null | undefined): string | null {
  const m = /\b(\d{1,2}) ([A-Za-z]{3,9})\.? (\d{2}|\d{4})\b/.exec(text ?? '');
  if (!m) return null;
  const mo = monthNumber(m[2]!);
  if (!mo) return null;
  const y = fullYear(+m[3]!);
  const full = iso(y, mo, +m[1]!);
  return full ? full.slice(0, 10) : null;
}

/**
 * Any machine-readable date (ISO 8601 with or without offset, RFC 2822, Unix seconds in a
 * `data-seconds` attribute) → ISO 8601 UTC, or null. A value without a zone is read as UTC.
 */
export function toIsoUtc(value: string | number | null | undefined): string | null {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'number' || /^\d{9,13}$/.test(String(value).trim())) {
    const n = Number(value);
    const ms = n < 1e11 ? n * 1000 : n;
    return normalize(new Date(ms));
  }
  const s = String(value)
    // A template that wrote markup into the value: "<span class='fltimestamp' …>2014-10-22T08:56:26
    // +00:00</span>" (theintercept.com's article:published_time, 2014). Its text is the date.
    .replace(/<[^<>]*>/g, ' ')
    .trim()
    // An offset of three digits: "2015-12-23T12:34-500" (washingtonpost.com's datePublished).
    .replace(
      /(T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?[+-])(\d{3})$/,
      (_, time: string, hhmm: string) => `${time}0${hhmm}`,
    );
  const slash = parseSlashDateTime(s);
  if (slash) return slash;
  // ISO 8601's basic format, without separators (nikkei.com's JSON-LD: 20180619T055000+0900).
  const basic = ISO_BASIC.exec(s);
  if (basic) {
    const [, y, , mo, d, h, mi, sec = '00', zone = 'Z'] = basic;
    if (!validParts(+y!, +mo!, +d!, +h!, +mi!, +sec)) return null;
    const offset = zone === 'Z' ? zone : `${zone.slice(0, 3)}:${zone.slice(-2)}`;
    return normalize(new Date(`${y}-${mo}-${d}T${h}:${mi}:${sec}${offset}`));
  }
  // Date only: keep it at midnight UTC rather than guessing a time zone.
  const dateOnly = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (dateOnly) return iso(+dateOnly[1]!, +dateOnly[2]!, +dateOnly[3]!);
  if (!/\d{4}/.test(s)) return null;
  const parsed = parseAsUtcUnlessZoned(s);
  if (Number.isNaN(parsed)) return parseBbcUpdated(s) ?? printedDate(s);
  return normalize(new Date(parsed));
}

/**
 * A date written for people where a machine value belongs: moneycontrol.com's JSON-LD
 * `"datePublished": "01:38:07 PM IST Nov 20, 2019"`, which JavaScript's parser refuses. Read as
 * a date line (parseDateLine: a zone it does not know keeps only the day), when nothing but the
 * date, its time and its zone is there.
 */
function printedDate(value: string): string | null {
  const line = parseDateLine(value);
  return line && !/[\p{L}\p{N}]/u.test(line.rest) ? line.date : null;
}

/**
 * ISO 8601's basic format: `20180619T055000+0900`, `20180619T0550Z`, `20180619T055000`; and a
 * time in it after a date with dashes, `2016-06-13T1603Z` (AP's hosted stories, 2016).
 */
const ISO_BASIC = /^(\d{4})(-?)(\d{2})\2(\d{2})T(\d{2})(\d{2})(\d{2})?(Z|[+-]\d{2}:?\d{2})?$/i;

/** An ISO 8601 date and time with no offset: `2018-04-05T06:00`, `2017-11-24 18:42:20.314667`. */
const ISO_WITHOUT_ZONE = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)$/;

/** A zone the JavaScript date parser reads: Z, UT/UTC/GMT, the US zones' letters, an offset. */
function namesAZone(value: string): boolean {
  return (
    /(?:^|[\d\s])Z$/i.test(value) ||
    /\b(?:UTC?|GMT|[ECMP][SD]T)\b/i.test(value) ||
    /[+-]\d{2}:?\d{2}\b/.test(value.replace(/^\d{4}-\d{2}-\d{2}/, ''))
  );
}

/**
 * Milliseconds for a date the page wrote, NaN when unreadable. JavaScript reads a date or time
 * without a zone ("2018-04-05T06:00", "March 25, 2015") in the zone of the machine it runs on, so
 * the same page would give different dates on different machines and in different users'
 * browsers. Such a value is read as UTC instead, as a bare ISO day already is: the page did not
 * say, and the output must not depend on where it is read.
 */
function parseAsUtcUnlessZoned(value: string): number {
  const iso = ISO_WITHOUT_ZONE.exec(value);
  if (iso) return Date.parse(`${iso[1]}T${iso[2]}Z`);
  if (namesAZone(value)) return Date.parse(value);
  const asUtc = Date.parse(`${value} UTC`);
  if (!Number.isNaN(asUtc)) return asUtc;
  // A form the parser reads but not with a zone after it: its clock fields, read as UTC.
  const local = new Date(value);
  if (Number.isNaN(local.getTime())) return NaN;
  return Date.UTC(
    local.getFullYear(),
    local.getMonth(),
    local.getDate(),
    local.getHours(),
    local.getMinutes(),
    local.getSeconds(),
  );
}

function normalize(date: Date): string | null {
  if (Number.isNaN(date.getTime())) return null;
  const y = date.getUTCFullYear();
  if (y < 1990 || y > 2100) return null;
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * When a page was printed (rendered by its server), as far as the page tells: every instant `t`
 * with `from <= t < to`, in milliseconds. `to` may be Infinity.
 */
export interface TimeSpan {
  from: number;
  to: number;
}

const UNIT_MS: Record<string, number> = { minute: 60_000, hour: 3_600_000, day: 86_400_000 };

/** "4 days ago", "1 hour ago", "30 minutes ago" (also "mins", "hrs"): [count, unit in ms]. */
function relativeAge(text: string): [number, number] | null {
  const m = /^(\d{1,3}) (min(?:ute)?|h(?:ou)?r|day)s? ago$/i.exec(text);
  if (!m) return null;
  const unit = m[2]!.toLowerCase();
  return [
    +m[1]!,
    UNIT_MS[unit.startsWith('min') ? 'minute' : unit.startsWith('h') ? 'hour' : 'day']!,
  ];
}

/** "15 October" (no year): [month, day]. */
function dayAndMonth(text: string): [number, number] | null {
  const m = /^(\d{1,2}) ([A-Za-z]{3,9})$/.exec(text);
  const mo = m ? monthNumber(m[2]!) : undefined;
  return m && mo ? [mo, +m[1]!] : null;
}

/**
 * What a timestamp the page prints of a known instant says of when the page was printed. BBC
 * pages since 2020 print an instant as "N minutes / hours / days ago" (rounded down) within
 * a week, then "15 October" within the year they are printed in, else "12 April 2015"; the
 * `<time datetime>` beside the text gives the instant. Null when the text says nothing.
 */
export function printedAtFrom(datetime: string | null, text: string): TimeSpan | null {
  const instant = toIsoUtc(datetime);
  if (!instant) return null;
  const at = Date.parse(instant);
  const printed = collapse(text);
  const age = relativeAge(printed);
  if (age) return { from: at + age[0] * age[1], to: at + (age[0] + 1) * age[1] };
  if (dayAndMonth(printed))
    return { from: at, to: Date.UTC(new Date(at).getUTCFullYear() + 1, 0, 1) };
  // A full date says only that the page was printed after the instant.
  return parseShortDate(printed) ? { from: at, to: Infinity } : null;
}

/** The instants every span allows, or null when there are none. */
export function intersectSpans(spans: readonly TimeSpan[]): TimeSpan | null {
  let from = -Infinity;
  let to = Infinity;
  for (const span of spans) {
    from = Math.max(from, span.from);
    to = Math.min(to, span.to);
  }
  return spans.length && from < to ? { from, to } : null;
}

/**
 * The day a page printed for something (`YYYY-MM-DD`, UTC, as the BBC prints them: "5 October"
 * for 23:20 UTC on the 5th), when `printedAt` fixes it: "12 April 2015" and "23 Feb 07" as
 * they stand; "15 October" when the page was printed within one year; "3 hours ago" when every
 * instant it can mean falls on one day. Else null: dates are never guessed.
 */
export function printedDay(text: string, printedAt: TimeSpan | null): string | null {
  const printed = collapse(text);
  const full = parseShortDate(printed);
  if (full) return full;
  if (!printedAt || !Number.isFinite(printedAt.from) || !Number.isFinite(printedAt.to)) return null;
  const dayMonth = dayAndMonth(printed);
  if (dayMonth) {
    const year = new Date(printedAt.from).getUTCFullYear();
    if (new Date(printedAt.to - 1).getUTCFullYear() !== year) return null;
    const day = iso(year, dayMonth[0], dayMonth[1]);
    // Printed before it was printed: not a date of this year after all.
    return day && Date.parse(day) < printedAt.to ? day.slice(0, 10) : null;
  }
  const age = relativeAge(printed);
  if (!age) return null;
  // N units ago: the instant lies in (printed − (N+1) units, printed − N units].
  const earliest = printedAt.from - (age[0] + 1) * age[1] + 1;
  const latest = printedAt.to - 1 - age[0] * age[1];
  const first = new Date(earliest).toISOString().slice(0, 10);
  return first === new Date(latest).toISOString().slice(0, 10) ? first : null;
}

const DAY_OF_MONTH = String.raw`(?<day>\d{1,2})(?:st|nd|rd|th)?`;
/** "November 18, 2019", "Nov. 19, 2019", "Monday, November 18 2019". */
const MONTH_DAY_YEAR = new RegExp(
  String.raw`\b(?<month>${MONTH_NAME})\.?\s+${DAY_OF_MONTH},?\s+(?<year>\d{4})\b`,
  'i',
);
/** "18 November 2019", "19 NOV 2019", "1 Apr, 2016". */
const DAY_MONTH_YEAR = new RegExp(
  String.raw`\b${DAY_OF_MONTH}\s+(?<month>${MONTH_NAME})\.?,?\s+(?<year>\d{4})\b`,
  'i',
);
/** "9:02 AM", "8:59 pm", "11:28 a.m.", "17:27 GMT", with the word after it (a zone, maybe). */
const CLOCK =
  /\b(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*([ap])\.?\s?m\b\.?)?(?:\s+([A-Za-z]{2,5})\b)?/i;

/** Zones date lines name, in minutes east of UTC (the US letters as JavaScript reads them). */
const ZONE_OFFSETS: Record<string, number> = {
  gmt: 0,
  utc: 0,
  bst: 60,
  cet: 60,
  cest: 120,
  est: -300,
  edt: -240,
  cst: -360,
  cdt: -300,
  mst: -420,
  mdt: -360,
  pst: -480,
  pdt: -420,
};

/**
 * A date line as pages print it in English, "Published 11:11 PM EST Nov 19, 2019",
 * "November 20, 2019 - 11:28 AMT", "Posted: Fri 6:45 PM, Feb 16, 2018", "19 NOV 2019" →
 * ISO 8601 UTC, and the words left beside the date and time. A time with a zone the line names
 * is converted; without one it is read as UTC, as every zone-less date here is; with a zone
 * this does not know ("AMT", "ET") only the day is kept, at midnight UTC as a bare day is.
 * Null when the line holds no day, month name and year.
 */
export function parseDateLine(text: string): { date: string; rest: string } | null {
  let rest = collapse(text);
  const match = MONTH_DAY_YEAR.exec(rest) ?? DAY_MONTH_YEAR.exec(rest);
  const { year, month, day } = match?.groups ?? {};
  const mo = month ? monthNumber(month) : undefined;
  if (!match || !mo) return null;
  const [y, d] = [+year!, +day!];
  rest = rest.replace(match[0], ' ');
  const clock = CLOCK.exec(rest);
  let date = iso(y, mo, d);
  if (clock && date) {
    rest = rest.replace(clock[0], ' ');
    let h = +clock[1]!;
    if (clock[4] && h <= 12) h = (h % 12) + (clock[4].toLowerCase() === 'p' ? 12 : 0);
    // A capitalised word after the time names its zone ("EST", "AMT"); another ("on") does not.
    const word = clock[5] ?? '';
    const namesZone = word !== '' && word === word.toUpperCase();
    if (!namesZone) rest += ` ${word}`;
    const offset = namesZone ? ZONE_OFFSETS[word.toLowerCase()] : 0;
    if (offset !== undefined) {
      const at = iso(y, mo, d, h, +clock[2]!, +(clock[3] ?? 0));
      date = at && normalize(new Date(Date.parse(at) - offset * 60_000));
    }
  }
  return date ? { date, rest: collapse(rest) } : null;
}

/**
 * When a Korean news page says its story was filed, by the label Korean news sites print over it:
 * "기사입력 :[ 2018-08-25 15:24 ]" (entermedia.co.kr), "입력 2018.08.25. 15:24", "기사입력
 * 2018.08.25 오후 3:24" (오전/오후: a.m./p.m.), "등록일 2018-08-25 15:24". Korea keeps one zone all
 * year, UTC+9. The first such label in `text` → ISO 8601 UTC, or null.
 */
export function koreanFiledDate(text: string): string | null {
  const m = KOREAN_FILED.exec(text);
  if (!m) return null;
  const [, y, mo, d, half, hh, mi, sec = '0'] = m;
  let h = +hh!;
  if (half && h <= 12) h = (h % 12) + (half === '오후' ? 12 : 0);
  const at = iso(+y!, +mo!, +d!, h, +mi!, +sec);
  return at && normalize(new Date(Date.parse(at) - 9 * 3_600_000));
}

const KOREAN_FILED =
  /(?:기사\s*)?(?:입력|등록)(?:일시|일|시간)?\s*(?:[:：]\s*)?(?:\[\s*)?(\d{4})\s*[./-]\s*(\d{1,2})\s*[./-]\s*(\d{1,2})\.?\s+(?:(오전|오후)\s*)?(\d{1,2}):(\d{2})(?::(\d{2}))?/u;

/**
 * The day a story's address is filed under, as many sites write it: `/2015/10/26/` (WordPress,
 * theintercept.com, tmz.com), `/2019/nov/18/` (politifact.com, theguardian.com), as ISO 8601 at
 * midnight UTC (a day without its time, as everywhere here). Null when the path holds no such
 * day. On the corpus's pages that also declare a date, it is that day on 82 of 96 and one day
 * apart (the site's zone against UTC) on the other 14.
 */
export function dateInAddress(url: string | null | undefined): string | null {
  let path: string;
  try {
    path = new URL(url ?? '').pathname;
  } catch {
    return null;
  }
  const m = ADDRESS_DAY.exec(path);
  const mo = m ? (/\d/.test(m[2]!) ? +m[2]! : monthNumber(m[2]!)) : undefined;
  return m && mo ? iso(+m[1]!, mo, +m[3]!) : null;
}

/**
 * `/YYYY/MM/DD/` or `/YYYY/mon/DD/` as whole segments of a path; the parts may also be joined by
 * hyphens: `/2023-11/17/` (news.cn, newspaper4k's chinese_article_002), `/2023-11-17/`.
 */
const ADDRESS_DAY =
  /\/((?:19|20)\d\d)[/-](0?[1-9]|1[0-2]|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[/-](0?[1-9]|[12]\d|3[01])(?=\/|$)/i;
