/**
 * The part of jsdom's API these suites use (the project has no @types/jsdom; the UI tests reach
 * jsdom through Vitest's environment instead).
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
      },
    );
    readonly window: Window & typeof globalThis;
    serialize(): string;
  }
}
