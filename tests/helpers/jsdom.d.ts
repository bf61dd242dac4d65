/**
 * The part of jsdom's API the tests use directly (the project has no @types/jsdom; the UI tests
 * reach jsdom through Vitest's environment instead).
 */
declare module 'jsdom' {
  /** A console that drops the page's messages unless listened to. */
  export class VirtualConsole {
    on(event: string, listener: (...args: unknown[]) => void): this;
  }
  export class JSDOM {
    constructor(
      html?: string,
      options?: {
        contentType?: string;
        url?: string;
        pretendToBeVisual?: boolean;
        virtualConsole?: VirtualConsole;
        /** `dangerously` runs the page's scripts, and parses `<noscript>` as a browser with
         * scripting on does: as text. */
        runScripts?: 'dangerously' | 'outside-only';
      },
    );
    readonly window: Window & typeof globalThis;
    serialize(): string;
  }
}
