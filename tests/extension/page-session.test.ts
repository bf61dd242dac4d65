// @vitest-environment jsdom
/**
 * The content script's page session when the page changes address under it. Client-rendered news
 * pages move from story to story with `history.pushState`: the content script stays, so the
 * address it reports, extracts under and saves must be the page's address now, not the one it
 * was injected at.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PageSession } from '../../src/content/page-session';
import { extractArticle } from '../../src/core';

const PAGE = readFileSync(
  resolve(import.meta.dirname, '../fixtures/bbc-classic--2007-no-breakthrough/page.html'),
  'utf8',
);
const STORY = 'http://news.bbc.co.uk/1/hi/world/europe/6658741.stm';

function sessionAt(address: { now: string }) {
  const doc = new DOMParser().parseFromString(PAGE, 'text/html');
  const cleans: number[] = [];
  const session = new PageSession(
    doc,
    () => address.now,
    (total) => cleans.push(total),
    () => false,
    async () => extractArticle,
  );
  return { doc, session, cleans };
}

describe('PageSession', () => {
  it('reports and extracts under the address the page has now', async () => {
    const address = { now: STORY };
    const { session } = sessionAt(address);
    session.clean();
    const first = await session.state(true);
    expect(first.url).toBe(STORY);
    expect(first.article?.url).toBe(STORY);
    expect(first.archive).toBeNull();

    // The page moves by script into a Wayback capture of itself (as a replay's own navigation
    // does): the address, the archive and the article's links follow.
    const capture = `https://web.archive.org/web/20070516000000/${STORY}`;
    address.now = capture;
    const moved = await session.state(true);
    expect(moved.url).toBe(capture);
    expect(moved.archive).toMatchObject({ service: 'wayback', originalUrl: STORY });
    expect(moved.article?.url).toBe(STORY);
    expect(moved.article?.archive).toEqual({
      service: 'wayback',
      url: capture,
      capturedAt: '2007-05-16T00:00:00Z',
    });

    // And back: the first reading again.
    address.now = STORY;
    const back = await session.state(true);
    expect(back.article?.archive).toBeNull();
    expect({ ...back.article, extractedAt: null }).toEqual({ ...first.article, extractedAt: null });
  });

  it('tells once that the page has moved to another address, and not again until it moves', () => {
    const address = { now: STORY };
    const { session } = sessionAt(address);
    session.clean();
    expect(session.moved()).toBe(false);

    const next = 'http://news.bbc.co.uk/1/hi/world/americas/6387081.stm';
    address.now = next;
    expect(session.moved()).toBe(true);
    // The content script has cleaned for the new address by now: asked again, nothing has moved.
    expect(session.moved()).toBe(false);
    // A link within the story (a footnote, a section) is not another story, nor is the site's
    // script taking tracking parameters off its address.
    address.now = `${next}#story_continues_1`;
    expect(session.moved()).toBe(false);
    address.now = `${next}?at_medium=RSS&at_campaign=KARANGA`;
    expect(session.moved()).toBe(false);
    address.now = STORY;
    expect(session.moved()).toBe(true);
  });

  it('cleans after a move only where the page is not already cleaned for its new address', () => {
    const address = { now: STORY };
    const { doc, session, cleans } = sessionAt(address);
    session.clean();
    expect(cleans).toHaveLength(1);
    const hidden = () => doc.querySelectorAll('[data-broadsheet-hidden]').length;
    expect(hidden()).toBeGreaterThan(0);

    // Moved, with the cleanup still the old address's: cleaned again for the new one.
    address.now = 'http://news.bbc.co.uk/1/hi/world/americas/6387081.stm';
    session.cleanAfterMove();
    expect(cleans).toHaveLength(2);
    // Already cleaned for this address (as the late-clutter watch does when the story comes in):
    // not again, the same cleanup stays.
    const before = hidden();
    session.cleanAfterMove();
    expect(cleans).toHaveLength(2);
    expect(hidden()).toBe(before);
    // After Show original there is nothing in place: cleaned.
    session.undo();
    expect(hidden()).toBe(0);
    session.cleanAfterMove();
    expect(cleans).toHaveLength(3);
    expect(hidden()).toBe(before);
    session.undo();
  });
});
