/**
 * The part of jsdom's API these suites use (the project has no @types/jsdom; the UI tests reach
 * jsdom through Vitest's environment instead).
 */
declare module 'jsdom' {
  export class JSDOM {
    constructor(
      html?: string,
      options?: { contentType?: string; url?: string; pretendToBeVisual?: boolean },
    );
    readonly window: Window & typeof globalThis;
    serialize(): string;
  }
}
