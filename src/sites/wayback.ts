/** Wayback Machine captures saved from any address. (Placeholder until the archive change lands.) */
import type { ArchiveInfo } from '../core/types';

export function archiveFromDocument(_doc: Document, _url: string): ArchiveInfo | null {
  return null;
}
