/**
 * The extension's message boundary: receivers accept only the protocol's exact shapes, and only
 * from the extension itself. Pages cannot reach `runtime.onMessage` (no externally_connectable:
 * see manifest.test.ts), but a compromised or confused sender could send anything, so each shape
 * is validated: wrong types, foreign shapes and the other direction's messages are refused.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isToBackground, isToContent } from '../../src/shared/messages';
import { REMOVAL_KINDS } from '../../src/core';

const ROOT = resolve(import.meta.dirname, '../..');
const counts = Object.fromEntries(REMOVAL_KINDS.map((k) => [k, 1]));

describe('isToContent', () => {
  it.each([
    'popup→content:get-state',
    'popup→content:undo',
    'popup→content:clean',
    'background→content:get-article',
    'background→content:tab-updated',
  ])('accepts %s', (type) => expect(isToContent({ type })).toBe(true));

  it.each([
    ['null', null],
    ['undefined', undefined],
    ['a string', 'popup→content:undo'],
    ['a number', 1],
    ['an array', [{ type: 'popup→content:undo' }]],
    ['an empty object', {}],
    ['a non-string type', { type: 1 }],
    ['an unknown type', { type: 'popup→content:eval' }],
    ['a near miss', { type: 'popup->content:undo' }],
    ['a type with padding', { type: ' popup→content:undo' }],
    ['a message for the background', { type: 'popup→background:save-json', tabId: 1 }],
    ['an inherited type', Object.create({ type: 'popup→content:undo' })],
    ['a page postMessage shape', { source: 'page', data: { type: 'popup→content:undo' } }],
  ])('refuses %s', (_name, value) => expect(isToContent(value)).toBe(false));
});

describe('isToBackground', () => {
  it.each([
    [{ type: 'popup→background:inject', tabId: 3 }],
    [{ type: 'popup→background:open-reader', tabId: 0 }],
    [{ type: 'popup→background:save-json', tabId: 12345 }],
    [{ type: 'content→background:cleaned', counts }],
    [{ type: 'content→background:load-reader' }],
  ])('accepts %j', (value) => expect(isToBackground(value)).toBe(true));

  it.each([
    ['no tab id', { type: 'popup→background:save-json' }],
    ['a string tab id', { type: 'popup→background:save-json', tabId: '3' }],
    ['a negative tab id', { type: 'popup→background:inject', tabId: -1 }],
    ['a fractional tab id', { type: 'popup→background:inject', tabId: 1.5 }],
    ['NaN', { type: 'popup→background:inject', tabId: NaN }],
    ['Infinity', { type: 'popup→background:open-reader', tabId: Infinity }],
    ['null counts', { type: 'content→background:cleaned', counts: null }],
    ['array counts', { type: 'content→background:cleaned', counts: ['ad'] }],
    ['string counts', { type: 'content→background:cleaned', counts: { ad: '3' } }],
    ['negative counts', { type: 'content→background:cleaned', counts: { ad: -1 } }],
    ['no counts', { type: 'content→background:cleaned' }],
    ['a message for the content script', { type: 'popup→content:undo' }],
    ['an inherited type', Object.create({ type: 'content→background:load-reader' })],
    ['null', null],
    ['a string', 'content→background:load-reader'],
  ])('refuses %s', (_name, value) => expect(isToBackground(value)).toBe(false));

  it('refuses every random value that is not exactly a protocol message', () => {
    const known = new Set([
      'popup→content:get-state',
      'popup→content:undo',
      'popup→content:clean',
      'background→content:get-article',
      'background→content:tab-updated',
      'popup→background:inject',
      'popup→background:open-reader',
      'popup→background:save-json',
      'content→background:cleaned',
      'content→background:load-reader',
    ]);
    fc.assert(
      fc.property(fc.anything(), (value) => {
        const type = (value as { type?: unknown } | null)?.type;
        if (typeof type === 'string' && known.has(type)) return true;
        return !isToContent(value) && !isToBackground(value);
      }),
      { numRuns: 2_000 },
    );
  });
});

describe('every receiver checks the sender and the shape', () => {
  const sources = ['src/background', 'src/content', 'src/popup', 'src/reader', 'src/options']
    .flatMap((dir) =>
      readdirSync(join(ROOT, dir))
        .filter((f) => f.endsWith('.ts'))
        .map((f) => join(dir, f)),
    )
    .map((path) => ({ path, text: readFileSync(join(ROOT, path), 'utf8') }));

  it('no listener for other extensions, pages or ports', () => {
    for (const { path, text } of sources) {
      expect(text, path).not.toMatch(/onMessageExternal|onConnectExternal|onConnect\b/);
      expect(text, path).not.toMatch(/addEventListener\(\s*['"]message['"]/);
      expect(text, path).not.toMatch(/\bonmessage\s*=/);
    }
  });

  it('each runtime message listener refuses other senders and unknown shapes first', () => {
    let listeners = 0;
    for (const { path, text } of sources) {
      if (path.endsWith('extension-api.ts')) continue; // the wrapper that registers listeners
      for (const m of text.matchAll(/onMessage\.addListener\(|onRuntimeMessage\(/g)) {
        listeners++;
        const head = text.slice(m.index, m.index + 300);
        expect(head, path).toMatch(/sender\.id !== \w+\.runtime\.id/);
        expect(head, path).toMatch(/!isTo(?:Content|Background)\(message\)/);
      }
    }
    expect(listeners).toBeGreaterThanOrEqual(2);
  });
});
