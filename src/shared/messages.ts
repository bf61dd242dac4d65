/**
 * Typed messages between the extension's parts. Names say the direction:
 * `popup→content`, `background→content`, `content→background`. Every receiver validates the
 * shape with `isBroadsheetMessage` and ignores anything else (and anything not from the
 * extension itself: `sender.id === runtime.id`).
 */
import type { Article, Layout, Removal, RemovalKind, ArchiveInfo } from '../core/types';

/** What the content script knows about its page, for the popup. */
export interface PageState {
  url: string;
  layout: Layout;
  archive: ArchiveInfo | null;
  signals: string[];
  /** True while cleanup is applied (hidden clutter), false after "Show original". */
  cleaned: boolean;
  /** Whether automatic cleanup applies to this site (options). */
  autoClean: boolean;
  removals: Removal[];
  counts: Record<RemovalKind, number>;
  /** The article, or null with `error` saying why. */
  article: Article | null;
  error: { code: 'no-article' | 'too-large' | 'page-error'; message: string } | null;
}

export type ToContent =
  | { type: 'popup→content:get-state' }
  | { type: 'popup→content:undo' }
  | { type: 'popup→content:clean' }
  | { type: 'background→content:get-article' }
  /**
   * The tab has loaded, or moved to another address by script: follow it (clean the story now
   * shown, as a page load would) and answer the removal counts, for the toolbar badge.
   */
  | { type: 'background→content:tab-updated' };

export type ToBackground =
  /** Inject the content script on demand (activeTab + scripting) where no manifest match ran it. */
  | { type: 'popup→background:inject'; tabId: number }
  | { type: 'popup→background:open-reader'; tabId: number }
  | { type: 'popup→background:save-json'; tabId: number }
  | { type: 'content→background:cleaned'; counts: Record<RemovalKind, number> }
  /** Inject the article reader into the sender's frame: it is not in the content script. */
  | { type: 'content→background:load-reader' };

export type Reply<T> =
  { ok: true; value: T } | { ok: false; error: { code: string; message: string } };

const TO_CONTENT = new Set<string>([
  'popup→content:get-state',
  'popup→content:undo',
  'popup→content:clean',
  'background→content:get-article',
  'background→content:tab-updated',
]);
const TO_BACKGROUND = new Set<string>([
  'popup→background:inject',
  'popup→background:open-reader',
  'popup→background:save-json',
  'content→background:cleaned',
  'content→background:load-reader',
]);

function hasType(value: unknown): value is { type: string } {
  return (
    typeof value === 'object' &&
    value !== null &&
    // Its own `type`: a shape that only inherits one is not a message (tests/security/messages).
    Object.prototype.hasOwnProperty.call(value, 'type') &&
    typeof (value as { type?: unknown }).type === 'string'
  );
}

/**
 * Removal counts: an object of whole, non-negative numbers. `typeof null === 'object'`, so the
 * old check let `{ counts: null }` and `{ counts: ['x'] }` through (tests/security/messages).
 */
function isCounts(value: unknown): value is Record<RemovalKind, number> {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.values(value).every((n) => Number.isInteger(n) && (n as number) >= 0)
  );
}

export function isToContent(value: unknown): value is ToContent {
  return hasType(value) && TO_CONTENT.has(value.type);
}

export function isToBackground(value: unknown): value is ToBackground {
  if (!hasType(value) || !TO_BACKGROUND.has(value.type)) return false;
  if (value.type === 'content→background:cleaned')
    return isCounts((value as { counts?: unknown }).counts);
  if (value.type === 'content→background:load-reader') return true;
  const tabId = (value as { tabId?: unknown }).tabId;
  return typeof tabId === 'number' && Number.isInteger(tabId) && tabId >= 0;
}
