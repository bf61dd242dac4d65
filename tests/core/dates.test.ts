/**
 * Machine-readable dates as pages write them, to ISO 8601 UTC. Values without a zone are read as
 * UTC (the CLI test `dates without a zone` checks that the machine's own zone does not matter).
 */
import { describe, expect, it } from 'vitest';
import {
  dateInAddress,
  intersectSpans,
  koreanFiledDate,
  parseDateLine,
  printedAtFrom,
  printedDay,
  toIsoUtc,
} from '../../src/core/dates';

describe('toIsoUtc', () => {
  it.each([
    ['2015-12-11T14:28:34.438Z', '2015-12-11T14:28:34Z'],
    ['2024-12-06T17:00:40-05:00', '2024-12-06T22:00:40Z'],
    ['2015-03-13T21:30:09+0100', '2015-03-13T20:30:09Z'],
    ['Fri, 13 Mar 2015 21:30:09 -0500', '2015-03-14T02:30:09Z'],
    ['Fri Mar 13 21:30:09 EST 2015', '2015-03-14T02:30:09Z'],
    ['Tue, 15 May 2007 21:20:00 GMT', '2007-05-15T21:20:00Z'],
    // ISO 8601's basic format (nikkei.com's JSON-LD, newspaper4k japanese_article).
    ['20180619T055000+0900', '2018-06-18T20:50:00Z'],
    ['20180619T0550-05:30', '2018-06-19T11:20:00Z'],
    ['20180619T055000Z', '2018-06-19T05:50:00Z'],
    // Its time after a date with dashes (AP's hosted stories, newspaper4k ap_meta_refresh).
    ['2016-06-13T1603Z', '2016-06-13T16:03:00Z'],
    // An offset of three digits (washingtonpost.com's itemprop="datePublished").
    ['2015-12-23T12:34-500', '2015-12-23T17:34:00Z'],
    // Markup a template wrote into the value (theintercept.com's article:published_time).
    [
      "<span class='fltimestamp' data-timestamp='1413982586'>2014-10-22T08:56:26+00:00</span>",
      '2014-10-22T08:56:26Z',
    ],
  ])('keeps the zone %j names', (value, expected) => {
    expect(toIsoUtc(value)).toBe(expected);
  });

  it.each([
    ['2018-04-05T06:00', '2018-04-05T06:00:00Z'],
    ['2017-11-24T18:42:20.314667', '2017-11-24T18:42:20Z'],
    ['2018-04-05 06:00:00', '2018-04-05T06:00:00Z'],
    ['2019-11-19', '2019-11-19T00:00:00Z'],
    ['March 25, 2015', '2015-03-25T00:00:00Z'],
    ['April 28, 2019 6:01 am', '2019-04-28T06:01:00Z'],
    ['Tue, 15 May 2007 21:20:00', '2007-05-15T21:20:00Z'],
    ['20180619T055000', '2018-06-19T05:50:00Z'],
  ])('reads %j, which names no zone, as UTC', (value, expected) => {
    expect(toIsoUtc(value)).toBe(expected);
  });

  it.each([
    ['1433520000', '2015-06-05T16:00:00Z'],
    ['2009/05/02 11:14:14', '2009-05-02T11:14:14Z'],
    ['Last Updated: Tuesday, 15 May 2007, 21:20 GMT 22:20 UK', '2007-05-15T21:20:00Z'],
    // A date for people in a machine field, with a zone JavaScript's parser does not know
    // (moneycontrol.com's JSON-LD datePublished; "IST" is India's, Ireland's or Israel's): the day.
    ['01:38:07 PM IST Nov 20, 2019', '2019-11-20T00:00:00Z'],
  ])('reads %j', (value, expected) => {
    expect(toIsoUtc(value)).toBe(expected);
  });

  it.each([
    '',
    'yesterday',
    'March',
    '2015-02-30',
    '20150230T100000Z',
    '20180619T2561',
    '1970-01-01T00:00:00Z',
    'not 2015 at all',
    'Nov 20, 2019 and the week after',
  ])('gives null for %j rather than inventing a date', (value) => {
    expect(toIsoUtc(value)).toBeNull();
  });
});

describe('when a page was printed, and the days it printed', () => {
  const ms = (iso: string) => Date.parse(iso);
  const span = (from: string, to: string) => ({ from: ms(from), to: ms(to) });

  it('reads a printed age beside its instant as the hour, day or minute after it', () => {
    // cden3j9d1r7o: "2 hours ago" beside 11:44:06 UTC: printed from 13:44:06 to before 14:44:06.
    expect(printedAtFrom('2024-09-30T11:44:06.467Z', '2 hours ago')).toEqual(
      span('2024-09-30T13:44:06Z', '2024-09-30T14:44:06Z'),
    );
    expect(printedAtFrom('2022-06-28T10:00:23Z', '1 day ago')).toEqual(
      span('2022-06-29T10:00:23Z', '2022-06-30T10:00:23Z'),
    );
    expect(printedAtFrom('2022-06-28T10:00:23Z', '5 mins ago')).toEqual(
      span('2022-06-28T10:05:23Z', '2022-06-28T10:06:23Z'),
    );
  });

  it('reads a day without a year as printed in the year of its instant, a full date as after it', () => {
    // 54622059: the story's own "21 October" beside 2020-10-21T04:30:49Z.
    expect(printedAtFrom('2020-10-21T04:30:49.000Z', '21 October')).toEqual(
      span('2020-10-21T04:30:49Z', '2021-01-01T00:00:00Z'),
    );
    // 32271505-2020: a 2015 story printed in 2020 gives its full date: when, it does not say.
    expect(printedAtFrom('2015-04-12T18:53:36.000Z', '12 April 2015')).toEqual({
      from: ms('2015-04-12T18:53:36Z'),
      to: Infinity,
    });
    expect(printedAtFrom('2015-04-12T18:53:36Z', 'Published')).toBeNull();
    expect(printedAtFrom(null, '2 hours ago')).toBeNull();
  });

  it('keeps the instants every span allows, and none when they disagree', () => {
    const a = span('2022-06-29T10:00:00Z', '2022-06-29T12:00:00Z');
    const b = span('2022-06-29T11:00:00Z', '2022-06-30T00:00:00Z');
    expect(intersectSpans([a, b])).toEqual(span('2022-06-29T11:00:00Z', '2022-06-29T12:00:00Z'));
    expect(intersectSpans([a, span('2022-06-29T12:00:00Z', '2022-06-29T13:00:00Z')])).toBeNull();
    expect(intersectSpans([])).toBeNull();
  });

  const afternoon = span('2024-09-30T13:44:06Z', '2024-09-30T14:44:06Z');

  it('gives a full date as it stands, whenever the page was printed', () => {
    expect(printedDay('12 April 2015', null)).toBe('2015-04-12');
    expect(printedDay('23 Feb 07', null)).toBe('2007-02-23');
  });

  it('gives a day without a year the year the page was printed in, when that is one year', () => {
    expect(printedDay('30 August', afternoon)).toBe('2024-08-30');
    expect(printedDay('30 August', null)).toBeNull();
    // Printed some time from New Year's Eve into January: which year, the page does not say.
    expect(
      printedDay('30 August', span('2024-12-31T23:00:00Z', '2025-01-01T01:00:00Z')),
    ).toBeNull();
    // A day after the page was printed cannot be this year's.
    expect(printedDay('1 October', afternoon)).toBeNull();
    expect(printedDay('31 February', afternoon)).toBeNull();
  });

  it('gives an age its day only when every instant it can mean falls on that day', () => {
    // 3 hours ago, printed 13:44–14:44: from after 09:44 to 11:44, all on the 30th.
    expect(printedDay('3 hours ago', afternoon)).toBe('2024-09-30');
    expect(printedDay('1 hour ago', afternoon)).toBe('2024-09-30');
    // 14 hours ago: from after 22:44 on the 29th to 00:44 on the 30th.
    expect(printedDay('14 hours ago', afternoon)).toBeNull();
    // 4 days ago covers more than a day whenever the page was printed.
    expect(printedDay('4 days ago', afternoon)).toBeNull();
    expect(
      printedDay('3 hours ago', { from: ms('2024-09-30T13:44:06Z'), to: Infinity }),
    ).toBeNull();
    expect(printedDay('Just now', afternoon)).toBeNull();
  });
});

describe('parseDateLine', () => {
  it.each([
    // usatoday.com: the zone it names is applied.
    ['Published 11:11 PM EST Nov 19, 2019', '2019-11-20T04:11:00Z', 'Published'],
    ['Sunday, Feb 1, 2015 11:57 AM UTC', '2015-02-01T11:57:00Z', 'Sunday,'],
    ['12:00 AM, June 1, 2019', '2019-06-01T00:00:00Z', ','],
    ['12:30 pm, June 1, 2019', '2019-06-01T12:30:00Z', ','],
    // A 24-hour time with "PM" after it (abbr.published on a news site).
    ['Nov 18, 2019 @17:19 PM', '2019-11-18T17:19:00Z', '@'],
    // No zone: read as UTC, as every zone-less date is.
    ['Posted: Fri 6:45 PM, Feb 16, 2018', '2018-02-16T18:45:00Z', 'Posted: Fri ,'],
    ['posted on April 21, 2015, at 11:29 a.m.', '2015-04-21T11:29:00Z', 'posted on , at'],
    // rt.com: day first, a comma after the month.
    ['Published time: 1 Apr, 2016 15:17', '2016-04-01T15:17:00Z', 'Published time:'],
    // A zone this does not know (panarmenian.net's Armenian time): the day only.
    ['November 20, 2019 - 11:28 AMT', '2019-11-20T00:00:00Z', '-'],
    ['19 NOV 2019', '2019-11-19T00:00:00Z', ''],
    ['Monday, November 18th 2019', '2019-11-18T00:00:00Z', 'Monday,'],
    // A word after the time that names no zone stays among the rest.
    ['5 May 2019 at 12:30 pm on', '2019-05-05T12:30:00Z', 'at on'],
  ])('reads %j', (text, date, rest) => {
    expect(parseDateLine(text)).toEqual({ date, rest });
  });

  it.each([
    'Feb 30, 2019', // no such day
    'Mayday 5 2019', // no month
    'November 2019', // no day
    '11/19/19 06:56 AM EST', // which is the month is a guess
    'Updated 14 hours ago',
  ])('reads no date in %j', (text) => {
    expect(parseDateLine(text)).toBeNull();
  });
});

describe('koreanFiledDate', () => {
  it.each([
    ['기사입력 :[ 2018-08-25 15:24 ]', '2018-08-25T06:24:00Z'],
    ['입력 2018.08.25. 15:24', '2018-08-25T06:24:00Z'],
    ['기사입력 2018.08.25 오후 3:24', '2018-08-25T06:24:00Z'],
    ['기사입력 2018.08.25 오전 12:05', '2018-08-24T15:05:00Z'],
    ['등록일 2018-08-25 15:24:30', '2018-08-25T06:24:30Z'],
    ['최종수정 2018.08.26 10:00 기사입력 2018.08.25 15:24', '2018-08-25T06:24:00Z'],
  ])("reads %j in Korea's zone", (text, expected) => {
    expect(koreanFiledDate(text)).toBe(expected);
  });

  it.each([
    '2018.08.25 15:24',
    '기사입력 2018.08.25',
    '입력 2018.02.30 15:24',
    '이메일을 입력하세요',
  ])('gives null for %j', (text) => {
    expect(koreanFiledDate(text)).toBeNull();
  });
});

describe('dateInAddress', () => {
  it.each([
    [
      'https://theintercept.com/2015/10/26/pentagon-missionary-spies-christian-ngo/',
      '2015-10-26T00:00:00Z',
    ],
    [
      'http://www.tmz.com/2015/02/26/lupita-nyongo-pearl-dress-stolen-oscars/',
      '2015-02-26T00:00:00Z',
    ],
    ['https://www.politifact.com/truth-o-meter/article/2019/nov/18/guide/', '2019-11-18T00:00:00Z'],
    ['https://news.example/2019/1/5/story', '2019-01-05T00:00:00Z'],
    ['https://news.example/2019/11/18', '2019-11-18T00:00:00Z'],
    // Parts joined by hyphens (news.cn).
    ['http://www.news.cn/fortune/2023-11/17/c_1129981476.htm', '2023-11-17T00:00:00Z'],
    ['https://news.example/2023-11-17/story', '2023-11-17T00:00:00Z'],
  ])('reads %s as %s', (url, day) => {
    expect(dateInAddress(url)).toBe(day);
  });

  it.each([
    // No day, or not whole segments of the path, or not a day at all.
    'https://news.example/2019/11/story',
    'https://news.example/archive/2019/11/18999/story',
    'https://news.example/a2019/11/18/story',
    'https://news.example/2019/02/30/story',
    'https://news.example/2019-11-18-story',
    'https://news.example/id-2019-11-18/story',
    'https://news.example/story?date=2019/11/18',
    'not an address',
    null,
  ])('finds no day in %s', (url) => {
    expect(dateInAddress(url)).toBeNull();
  });
});
