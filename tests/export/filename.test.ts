import { describe, expect, it } from 'vitest';
import { articleFilename, slugify, MAX_SLUG_LENGTH } from '../../src/export/filename';

const TODAY = new Date(2024, 4, 1, 12, 0, 0); // 1 May 2024, local noon
const SAFE_NAME = /^\d{4}-\d{2}-\d{2}-[a-z0-9]+(?:-[a-z0-9]+)*\.json$/;

function name(
  title: string | null,
  published: string | null = null,
  modified: string | null = null,
) {
  return articleFilename({ title, published, modified }, TODAY);
}

describe('articleFilename', () => {
  it('names a BBC story by its publication date and title', () => {
    expect(name('No breakthrough for US and Russia', '2007-05-15T21:20:00Z')).toBe(
      '2007-05-15-no-breakthrough-for-us-and-russia.json',
    );
  });

  it('falls back to the modification date, then to today', () => {
    expect(name('Title', null, '2010-02-03T00:00:00Z')).toBe('2010-02-03-title.json');
    expect(name('Title', '2009-04-22', '2010-02-03T00:00:00Z')).toBe('2009-04-22-title.json');
    expect(name('Title')).toBe('2024-05-01-title.json');
  });

  it('ignores dates that are not real calendar dates', () => {
    expect(name('Title', '2007-02-30T00:00:00Z', 'yesterday')).toBe('2024-05-01-title.json');
  });

  it('keeps the calendar date the article gives, whatever the local time zone', () => {
    // 23:30 UTC is already the next day east of Greenwich; the article's own date wins.
    expect(name('Late', '2019-11-12T23:30:00Z')).toBe('2019-11-12-late.json');
  });

  it('transliterates accents and common letters outside ASCII', () => {
    expect(slugify('Señor Müller’s café in Łódź')).toBe('senor-mullers-cafe-in-lodz');
    expect(slugify('Straße, Ærø & Œuvre')).toBe('strasse-aero-and-oeuvre');
    expect(slugify('ＦＵＬＬＷＩＤＴＨ ﬁne')).toBe('fullwidth-fine');
  });

  it('cannot climb directories or smuggle separators', () => {
    for (const title of ['../../etc/passwd', '..\\..\\Windows\\system32', '/', '..', 'a/../b']) {
      const file = name(title, '2020-01-01');
      expect(file).toMatch(SAFE_NAME);
      expect(file).not.toMatch(/\.\.|[/\\]/);
    }
    expect(name('../../etc/passwd', '2020-01-01')).toBe('2020-01-01-etc-passwd.json');
  });

  it('drops control characters and hidden extensions', () => {
    expect(name('evil\u0000name\r\n.exe\u202e', '2020-01-01')).toBe(
      '2020-01-01-evil-name-exe.json',
    );
  });

  it('gives "article" when nothing readable is left', () => {
    expect(name('🎉🔥💥', '2020-01-01')).toBe('2020-01-01-article.json');
    expect(name(null, '2020-01-01')).toBe('2020-01-01-article.json');
    expect(name('   ', '2020-01-01')).toBe('2020-01-01-article.json');
    expect(name('北京新闻', '2020-01-01')).toBe('2020-01-01-article.json');
    expect(slugify('Fire 🔥 sale')).toBe('fire-sale');
  });

  it('never lets a Windows device name through', () => {
    for (const title of ['CON', 'prn', 'Aux', 'NUL', 'COM1', 'lpt9', 'con.txt']) {
      const slug = slugify(title);
      expect(slug).not.toMatch(/^(con|prn|aux|nul|com\d|lpt\d)$/);
    }
    expect(slugify('CON')).toBe('con-article');
    expect(slugify('Console wars')).toBe('console-wars');
  });

  it('bounds the slug, cutting on a word boundary', () => {
    const long = 'word '.repeat(100);
    const slug = slugify(long);
    expect(slug.length).toBeLessThanOrEqual(MAX_SLUG_LENGTH);
    expect(slug).toMatch(/^word(?:-word)+$/);

    const unbroken = 'x'.repeat(500);
    expect(slugify(unbroken)).toBe('x'.repeat(MAX_SLUG_LENGTH));

    const file = name('A'.repeat(500) + ' ' + '🎉'.repeat(100), '2020-01-01');
    expect(file).toMatch(SAFE_NAME);
    expect(file.length).toBeLessThanOrEqual('2020-01-01-'.length + MAX_SLUG_LENGTH + 5);
  });
});
