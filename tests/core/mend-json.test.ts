import { describe, expect, it } from 'vitest';
import { mendJson } from '../../src/core/dom';

describe('mendJson', () => {
  it('drops a comma before ] and }, and comments, outside strings only', () => {
    const text = '{"a": [1, 2, ], /* b: 1, */ "c": "x, ] // y /* z */", // note\n "d": {"e": 1,},}';
    expect(JSON.parse(mendJson(text))).toEqual({ a: [1, 2], c: 'x, ] // y /* z */', d: { e: 1 } });
  });

  it('escapes control characters typed inside strings and keeps escapes', () => {
    const text = '{"a": "one\ntwo\tthree", "b": "say \\"hi\\", ok\\\\", "c": "\u0001"}';
    expect(JSON.parse(mendJson(text))).toEqual({
      a: 'one\ntwo\tthree',
      b: 'say "hi", ok\\',
      c: '\u0001',
    });
  });

  it('leaves valid JSON as it is', () => {
    const text = '{"url": "https://example.com/a//b", "list": [1, {"x": null}], "s": "a,]"}';
    expect(mendJson(text)).toBe(text);
  });

  it('keeps what it cannot mend unparseable', () => {
    expect(() => JSON.parse(mendJson("{'single': 'quotes'}"))).toThrow();
    expect(() => JSON.parse(mendJson('{"open": "string'))).toThrow();
  });
});
