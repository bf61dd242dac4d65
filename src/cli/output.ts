/** Writing records as they are made, so a run over hundreds of pages holds one page at a time. */
import { once } from 'node:events';
import type { Writable } from 'node:stream';

/** Writes one record and waits while the reader is behind (a slow pipe), so memory stays flat. */
export async function writeRecord(out: Writable, record: unknown, pretty: boolean): Promise<void> {
  const text = JSON.stringify(record, null, pretty ? 2 : undefined) + '\n';
  if (!out.write(text)) await once(out, 'drain');
}
