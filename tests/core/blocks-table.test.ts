/**
 * Tables in an article: a table of data becomes one `table` block (and tab-separated lines of
 * text); a table that lays out the page or its pictures is read through, as before.
 */
import { describe, expect, it } from 'vitest';
import { blocksToText, readBlocks } from '../../src/core/blocks';
import type { Block } from '../../src/core/types';
import { parseHtml } from '../../src/node/load';

function blocksOf(html: string): Block[] {
  const doc = parseHtml(`<!doctype html><html><body><div id="root">${html}</div></body></html>`);
  return readBlocks(doc.getElementById('root')!, { resolve: (href) => href });
}

const kinds = (blocks: Block[]) => blocks.map((b) => b.type);

describe('a table of data', () => {
  it('is one block with its caption, header rows and rows', () => {
    const blocks = blocksOf(`<p>Standings after 36 races:</p>
      <table><caption>Cup Series, 2019</caption>
        <thead><tr><th>Pos.</th><th>Driver</th><th>Points</th></tr></thead>
        <tbody><tr><td>1</td><td>Kyle <b>Busch</b></td><td>5040</td></tr>
          <tr><td>2</td><td>Martin Truex Jr.</td><td>5035</td></tr></tbody>
      </table><p>After it.</p>`);
    expect(blocks).toEqual([
      { type: 'paragraph', text: 'Standings after 36 races:' },
      {
        type: 'table',
        caption: 'Cup Series, 2019',
        head: [['Pos.', 'Driver', 'Points']],
        rows: [
          ['1', 'Kyle Busch', '5040'],
          ['2', 'Martin Truex Jr.', '5035'],
        ],
      },
      { type: 'paragraph', text: 'After it.' },
    ]);
    expect(blocksToText(blocks)).toBe(
      'Standings after 36 races:\n\nCup Series, 2019\nPos.\tDriver\tPoints\n1\tKyle Busch\t5040\n' +
        '2\tMartin Truex Jr.\t5035\n\nAfter it.',
    );
  });

  it('takes leading rows of header cells as its head, without a <thead>', () => {
    const [table] = blocksOf(`<table>
      <tr><th>Symptom</th><th>Cause</th></tr>
      <tr><td>Serving HTTP 500s</td><td>Database servers are refusing connections</td></tr>
      <tr><th>Total</th><td>1</td></tr></table>`);
    expect(table).toEqual({
      type: 'table',
      caption: null,
      head: [['Symptom', 'Cause']],
      rows: [
        ['Serving HTTP 500s', 'Database servers are refusing connections'],
        ['Total', '1'],
      ],
    });
  });

  it('says a footer that repeats its header once, and puts another footer last', () => {
    const table = (foot: string) =>
      blocksOf(`<table><thead><tr><th>Pos</th><th>Player</th></tr></thead>
        <tfoot><tr>${foot}</tr></tfoot>
        <tbody><tr><td>DL</td><td>Larry Ogunjobi</td></tr></tbody></table>`)[0];
    expect(table('<th>Pos</th><th>Player</th>')).toMatchObject({
      head: [['Pos', 'Player']],
      rows: [['DL', 'Larry Ogunjobi']],
    });
    expect(table('<td>Total</td><td>1 player</td>')).toMatchObject({
      rows: [
        ['DL', 'Larry Ogunjobi'],
        ['Total', '1 player'],
      ],
    });
  });

  it('leaves out rows the page hides', () => {
    const [table] = blocksOf(`<table><tr><td>a</td><td>1</td></tr>
      <tr hidden><td>b</td><td>2</td></tr><tr><td>c</td><td>3</td></tr></table>`);
    expect(table).toMatchObject({
      rows: [
        ['a', '1'],
        ['c', '3'],
      ],
    });
  });
});

describe('a table that lays out the page', () => {
  it.each([
    [
      'cells holding paragraphs of story',
      '<table><tr><td><p>First paragraph.</p><p>Second paragraph.</p></td><td>Side</td></tr><tr><td>x</td><td>y</td></tr></table>',
    ],
    [
      'a table inside it',
      '<table><tr><td><table><tr><td>a</td><td>b</td></tr></table></td><td>c</td></tr><tr><td>d</td><td>e</td></tr></table>',
    ],
    [
      'role=presentation',
      '<table role="presentation"><tr><td>a</td><td>b</td></tr><tr><td>c</td><td>d</td></tr></table>',
    ],
    ['one column', '<table><tr><td>First line.</td></tr><tr><td>Second line.</td></tr></table>'],
    ['one row', '<table><tr><td>Left.</td><td>Right.</td></tr></table>'],
    [
      'a cell as long as a story',
      `<table><tr><td>${'A long sentence of the story. '.repeat(12)}</td><td>b</td></tr><tr><td>c</td><td>d</td></tr></table>`,
    ],
    [
      'mostly empty cells',
      '<table><tr><td>a</td><td></td><td></td></tr><tr><td></td><td></td><td>b</td></tr></table>',
    ],
  ])('is read through (%s)', (_, html) => {
    expect(kinds(blocksOf(html))).not.toContain('table');
    expect(blocksOf(html).length).toBeGreaterThan(0);
  });

  it('keeps a picture it lays out as an image with its caption text', () => {
    const blocks = blocksOf(`<table><tr><td><img src="https://news.example/a.jpg" alt="A"></td>
      <td><img src="https://news.example/b.jpg" alt="B"></td></tr>
      <tr><td>Caption one</td><td>Caption two</td></tr></table>`);
    expect(kinds(blocks)).toEqual(['image', 'image', 'paragraph', 'paragraph']);
  });
});

describe('a table written without header cells', () => {
  it('has its opening row of labels as its head when a column below is all figures', () => {
    const [table] = blocksOf(`<table>
      <tr><td>Pos.</td><td>Piloto</td><td>Pontos</td></tr>
      <tr><td>1</td><td>Kyle Busch</td><td>5040</td></tr>
      <tr><td>2</td><td>Martin Truex Jr.</td><td>5035</td></tr></table>`);
    expect(table).toMatchObject({
      head: [['Pos.', 'Piloto', 'Pontos']],
      rows: [
        ['1', 'Kyle Busch', '5040'],
        ['2', 'Martin Truex Jr.', '5035'],
      ],
    });
  });

  it('keeps its opening row as a row when nothing marks it as labels', () => {
    const [table] = blocksOf(`<table>
      <tr><td>Monday</td><td>Closed</td></tr>
      <tr><td>Tuesday</td><td>9am to 5pm</td></tr>
      <tr><td>Wednesday</td><td>9am to 1pm</td></tr></table>`);
    expect(table).toMatchObject({
      head: [],
      rows: [['Monday', 'Closed'], expect.anything(), expect.anything()],
    });
  });
});
