/**
 * How each BBC layout family's article is read (its SiteReader), by layout. Kept apart from the
 * rule registry (./index.ts), which detection and cleanup use on every page load: the readers
 * are only needed when someone asks for the article. Pages of no BBC layout, and BBC pages whose
 * reader finds no body, are read by the generic reader (./generic.ts).
 */
import type { Layout } from '../core/types';
import type { SiteReader } from './site';
import { bbcModernReader } from './bbc-modern';
import { bbcStoryBodyReader } from './bbc-story-body';
import { bbcClassicReader } from './bbc-classic';

const BBC_READERS: readonly SiteReader[] = [bbcModernReader, bbcStoryBodyReader, bbcClassicReader];

/** The reader of a BBC layout; null for `generic`. */
export function readerFor(layout: Layout): SiteReader | null {
  return BBC_READERS.find((r) => r.layout === layout) ?? null;
}
