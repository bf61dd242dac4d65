/**
 * Machine-readable dates as pages write them, to ISO 8601 UTC. Values without a zone are read as
 * UTC (the CLI test `dates without a zone` checks that the machine's own zone does not matter).
 */
import { describe, expect, it } from 'vitest';
import { toIsoUtc } from '../../src/core/dates';

describe('toIsoUtc', () => {
  it.each([
    ['2015-12-11T14:28:34.438Z', '2015-12-11T14:28:34Z'],
    ['2024-12-06T17:00:40-05:00', '2024-12-06T22:00:40Z'],
    ['2015-03-13T21:30:09+0100', '2015-03-13T20:30:09Z'],
    ['Fri, 13 Mar 2015 21:30:09 -0500', '2015-03-14T02:30:09Z'],
    ['Fri Mar 13 21:30:09 EST 2015', '2015-03-14T02:30:09Z'],
    ['Tue, 15 May 2007 21:20:00 GMT', '2007-05-15T21:20:00Z'],
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
  ])('reads %j, which names no zone, as UTC', (value, expected) => {
    expect(toIsoUtc(value)).toBe(expected);
  });

  it.each([
    ['1433520000', '2015-06-05T16:00:00Z'],
    ['2009/05/02 11:14:14', '2009-05-02T11:14:14Z'],
    ['Last Updated: Tuesday, 15 May 2007, 21:20 GMT 22:20 UK', '2007-05-15T21:20:00Z'],
  ])('reads %j', (value, expected) => {
    expect(toIsoUtc(value)).toBe(expected);
  });

  it.each(['', 'yesterday', 'March', '2015-02-30', '1970-01-01T00:00:00Z', 'not 2015 at all'])(
    'gives null for %j rather than inventing a date',
    (value) => {
      expect(toIsoUtc(value)).toBeNull();
    },
  );
});
