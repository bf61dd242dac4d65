/**
 * Saved pages' bytes to text (src/node/load.ts): what the page declares, except where the bytes
 * prove it wrong.
 */
import { describe, expect, it } from 'vitest';
import { decodeHtml } from '../../src/node/load';

const page = (charset: string, body: number[]) =>
  new Uint8Array([
    ...new TextEncoder().encode(`<html><head><meta charset="${charset}"><title>`),
    ...body,
    ...new TextEncoder().encode('</title></head></html>'),
  ]);
const titleOf = (html: string) => /<title>(.*)<\/title>/.exec(html)?.[1];

describe('decodeHtml', () => {
  it("reads the charset the page was served with before the page's own (a WARC keeps it)", () => {
    // "Мир" in windows-1251, on a page that declares nothing, or wrongly declares iso-8859-1.
    const mir = [0xcc, 0xe8, 0xf0];
    const bare = new Uint8Array([
      ...new TextEncoder().encode('<html><head><title>'),
      ...mir,
      ...new TextEncoder().encode('</title></head></html>'),
    ]);
    expect(titleOf(decodeHtml(bare, 'windows-1251'))).toBe('Мир');
    expect(titleOf(decodeHtml(page('iso-8859-1', mir), 'windows-1251'))).toBe('Мир');
    expect(titleOf(decodeHtml(bare))).toBe('Ìèð');
    // A label no decoder knows is passed over: the page's own declaration decides.
    expect(titleOf(decodeHtml(page('windows-1251', mir), 'x-no-such-charset'))).toBe('Мир');
    // A byte-order mark still comes first.
    const bom = new Uint8Array([
      0xef,
      0xbb,
      0xbf,
      ...new TextEncoder().encode('<title>Мир</title>'),
    ]);
    expect(titleOf(decodeHtml(bom, 'windows-1251'))).toBe('Мир');
  });

  it('reads a legacy encoding the page declares', () => {
    // "新电脑" in GBK; "£8m" in windows-1252 (declared as iso-8859-1, as classic BBC pages do).
    expect(titleOf(decodeHtml(page('gb2312', [0xd0, 0xc2, 0xb5, 0xe7, 0xc4, 0xd4])))).toBe(
      '新电脑',
    );
    expect(titleOf(decodeHtml(page('iso-8859-1', [0xa3, 0x38, 0x6d])))).toBe('£8m');
  });

  it('reads UTF-8 bytes as UTF-8 under a legacy declaration the page was saved again with', () => {
    const utf8 = [...new TextEncoder().encode('新电脑 – £8m')];
    expect(titleOf(decodeHtml(page('gb2312', utf8)))).toBe('新电脑 – £8m');
    expect(titleOf(decodeHtml(page('windows-1252', utf8)))).toBe('新电脑 – £8m');
    // A <meta> that says UTF-16 on an ASCII-compatible page (browsers read it as UTF-8).
    expect(titleOf(decodeHtml(page('utf-16', utf8)))).toBe('新电脑 – £8m');
    expect(titleOf(decodeHtml(page('utf-16', [0x61, 0xe9, 0x62])))).toBe('a\ufffdb');
  });

  it('reads invalid UTF-8 as declared, and as windows-1252 under no or an unknown label', () => {
    expect(titleOf(decodeHtml(page('utf-8', [0x61, 0xe9, 0x62])))).toBe('a\ufffdb');
    expect(titleOf(decodeHtml(page('no-such-charset', [0x61, 0xe9, 0x62])))).toBe('aéb');
    const undeclared = new Uint8Array([
      ...new TextEncoder().encode('<title>'),
      0x63,
      0x61,
      0x66,
      0xe9,
      ...new TextEncoder().encode('</title>'),
    ]);
    expect(titleOf(decodeHtml(undeclared))).toBe('café');
  });
});
