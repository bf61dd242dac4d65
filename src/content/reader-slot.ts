/**
 * Where the on-demand generic reader (generic-reader.ts) leaves itself for the content script.
 * Both run in the extension's isolated world of the same frame (the background injects the
 * reader with `scripting.executeScript`), so they share this global and nothing else: the reader
 * is a separate file so that the content script every BBC page load runs carries no Readability.
 */
import type { GenericReader } from '../core/lite';

const SLOT = Symbol.for('broadsheet.generic-reader');

type Scope = typeof globalThis & { [SLOT]?: GenericReader };

export function provideGenericReader(reader: GenericReader): void {
  (globalThis as Scope)[SLOT] = reader;
}

/** The reader, once the background has injected it into this frame. */
export function providedGenericReader(): GenericReader | undefined {
  return (globalThis as Scope)[SLOT];
}
