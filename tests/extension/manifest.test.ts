/**
 * The manifest and the content script agree on where Broadsheet runs, and ask for nothing more.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BBC_NEWS_ADDRESSES, isBbcNewsAddress } from '../../src/content/bbc-address';
import { hidingStylesheet } from '../../src/content/early-css';

const manifest = JSON.parse(
  readFileSync(resolve(import.meta.dirname, '../../manifest.json'), 'utf8'),
) as {
  permissions: string[];
  host_permissions: string[];
  content_scripts: { matches: string[]; js: string[]; run_at: string }[];
};

describe('manifest.json', () => {
  it('asks for exactly the permissions the features use', () => {
    expect([...manifest.permissions].sort()).toEqual(
      ['activeTab', 'contextMenus', 'downloads', 'scripting', 'storage'].sort(),
    );
  });

  it('runs its one content script on exactly its host permissions, from document_start', () => {
    const hosts = [...manifest.host_permissions].sort();
    for (const script of manifest.content_scripts)
      expect([...script.matches].sort()).toEqual(hosts);
    expect(manifest.content_scripts.map((s) => s.run_at)).toEqual(['document_start']);
  });

  it('matches every BBC News address, live and in the Wayback Machine, and nothing else', () => {
    const expected = new Set<string>();
    for (const { host, path } of BBC_NEWS_ADDRESSES) {
      expected.add(`*://${host}${path}*`);
      expected.add(`*://web.archive.org/web/*/${host}${path}*`);
    }
    // Wayback writes the default port into many classic captures (…/http://news.bbc.co.uk:80/…).
    expected.add('*://web.archive.org/web/*/news.bbc.co.uk:80/*');
    expected.add('*://web.archive.org/web/*/www.bbc.co.uk:80/news/*');
    expect(new Set(manifest.host_permissions)).toEqual(expected);
  });
});

describe('isBbcNewsAddress', () => {
  it.each([
    'http://news.bbc.co.uk/1/hi/world/europe/6658741.stm',
    'https://www.bbc.co.uk/news/health-54528983',
    'https://www.bbc.com/news/world-europe-50473792',
    'http://web.archive.org/web/20090421200012/http://news.bbc.co.uk/1/hi/world/middle_east/8011268.stm',
    'https://web.archive.org/web/20090421200012id_/http://news.bbc.co.uk:80/1/hi/uk/7745137.stm',
  ])('accepts %s', (url) => expect(isBbcNewsAddress(url)).toBe(true));

  it.each([
    'https://www.bbc.co.uk/sport/football',
    'https://example.com/news/story',
    'https://web.archive.org/web/2009/http://example.com/?from=/news.bbc.co.uk/1/hi/',
    'file:///home/reader/6658741.stm',
    'not a url',
  ])('refuses %s', (url) => expect(isBbcNewsAddress(url)).toBe(false));
});

describe('hidingStylesheet', () => {
  it('writes one rule per selector, once each', () => {
    expect(hidingStylesheet(['.a', ' .a ', 'div > .b'])).toBe(
      '.a{display:none!important}\ndiv > .b{display:none!important}',
    );
  });

  it('refuses selectors that could break out of their rule or swallow the next one', () => {
    expect(hidingStylesheet(['x{} body', '.c /*', "[title='open]", '.ok'])).toBe(
      '.ok{display:none!important}',
    );
  });
});
