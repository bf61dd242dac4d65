/**
 * Saved file names from hostile titles, as properties over any string (tests/export/filename.test.ts
 * has the worked examples): whatever a page calls its article, the name is one safe, bounded
 * component of `YYYY-MM-DD-<slug>.json`, so a download can never leave the folder, hide its
 * extension, or hit a Windows device name.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { articleFilename, MAX_SLUG_LENGTH } from '../../src/export/filename';
import { propertyRuns } from '../reliability/helpers';

const SAFE_NAME = /^\d{4}-\d{2}-\d{2}-[a-z0-9]+(?:-[a-z0-9]+)*\.json$/;
/** Windows device names, with or without an extension, in any case. */
const DEVICE = /^(?:con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(?:\..*)?$/i;
const TODAY = new Date(2024, 4, 1, 12);

/** Pieces hostile titles are made of: separators, traversal, controls, bidi, device names. */
const PIECES = [
  '../',
  '..\\',
  '/',
  '\\',
  '..',
  '.',
  ':',
  '*',
  '?',
  '"',
  '<',
  '>',
  '|',
  '\u0000',
  '\u0007',
  '\r\n',
  '\t',
  '\u202e',
  '\u200b',
  '\ufeff',
  'CON',
  'nul',
  'COM1',
  'LPT¹',
  'con.json',
  '.json',
  '.exe',
  '~',
  '%2e%2e%2f',
  '🎉',
  '👩‍👩‍👧',
  '北京',
  'ﬁ',
  'Ａ',
  'é',
  ' ',
  '-',
  'a',
  'Z',
  '9',
];

function checkName(title: string | null, published: string | null = null): void {
  const name = articleFilename({ title, published, modified: null }, TODAY);
  expect(name).toMatch(SAFE_NAME);
  expect(name.length).toBeLessThanOrEqual(10 + 1 + MAX_SLUG_LENGTH + 5);
  expect(name).not.toMatch(/\.\.|[/\\]/);
  expect(name.replace(/\.json$/, '').slice(11)).not.toMatch(DEVICE);
}

describe('articleFilename on any title', () => {
  const runs = propertyRuns(500);

  it(`${runs} titles of any Unicode`, () => {
    fc.assert(
      fc.property(fc.option(fc.string({ unit: 'binary', maxLength: 600 })), (t) => {
        checkName(t);
      }),
      { numRuns: runs },
    );
  });

  it(`${runs} titles built from traversal, separators, controls and device names`, () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 60 }), (parts) => {
        checkName(parts.join(''));
      }),
      { numRuns: runs },
    );
  });

  it(`${runs} publication dates of any shape`, () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), fc.string(), (published, title) => {
        checkName(title, published);
      }),
      { numRuns: runs },
    );
  });

  it('a 500-character title, all emoji, only a device name with an extension', () => {
    checkName('Breaking: '.repeat(50));
    checkName('🎉'.repeat(500));
    for (const t of ['CON.json', 'nul.txt', 'com1', 'LPT1.', 'aux ']) checkName(t);
  });
});
