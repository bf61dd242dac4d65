/**
 * The content script: a thin adapter over the core. On BBC News addresses (manifest matches) it
 * starts at document_start, when nothing of the page exists yet: it hides every BBC layout's known
 * clutter by CSS before the first paint and asks for the settings; as soon as the parser has the
 * whole DOM (readyState `interactive`, before DOMContentLoaded is dispatched) it cleans the page
 * when the settings allow, takes the stylesheet out again, and keeps late clutter hidden for a
 * while. Anywhere (it is also injected on demand from the toolbar, on a finished page) it answers
 * the popup's and the background's messages. It never throws into the page.
 */
import type { Runtime } from 'webextension-polyfill';
import { isToContent } from '../shared/messages';
import type { Reply, ToContent } from '../shared/messages';
import {
  autoCleanFor,
  DEFAULT_SETTINGS,
  normalizeSettings,
  SETTINGS_KEY,
} from '../shared/settings';
import type { Settings } from '../shared/settings';
import type { RemovalKind } from '../core/lite';
import { restoreHidden } from '../core/lite';
import { isBbcNewsAddress } from './bbc-address';
import { injectEarlyStyle, removeEarlyStyle } from './early-style';
import { parseWaybackUrl } from '../core/archive';
import { extension, onRuntimeMessage } from './extension-api';
import { providedArticleReader } from './reader-slot';
import type { ArticleReader } from './reader-slot';
import { createIndicator, INDICATOR_ATTR } from './indicator';
import { PageSession } from './page-session';
import { announceStart, retireOnHandover } from './handover';

/** Set on the content script's global, so a second injection (toolbar on a BBC tab) is a no-op. */
const LOADED = Symbol.for('broadsheet.content');

const scope = globalThis as typeof globalThis & { [LOADED]?: true };
if (!scope[LOADED]) {
  scope[LOADED] = true;
  try {
    start();
  } catch {
    removeEarlyStyle(document);
  }
}

function start(): void {
  // A content script of an earlier install still in this page (the extension was updated or
  // reloaded since) puts the page back before this one looks at it (./handover.ts). Where it
  // cannot (Firefox ends an updated extension's scripts, and injects the new ones into open
  // tabs), the marks its cleanup left in the page put it back, and its note goes.
  announceStart(document);
  restoreHidden(document);
  for (const note of Array.from(document.querySelectorAll(`:root > [${INDICATOR_ATTR}]`)))
    note.remove();
  const url = location.href;
  const onBbcNews = isBbcNewsAddress(url);
  // (isBbcNewsAddress also checks a Wayback capture's original address, which the manifest's
  // match patterns cannot look inside.)
  if (onBbcNews && document.readyState === 'loading') {
    const capture = parseWaybackUrl(url) !== null;
    injectEarlyStyle(
      document,
      capture
        ? `${__BROADSHEET_CLUTTER_CSS__}\n${__BROADSHEET_WAYBACK_CSS__}`
        : __BROADSHEET_CLUTTER_CSS__,
    );
  }
  const indicator = createIndicator(document);
  let settings: Settings = DEFAULT_SETTINGS;
  let shownTotal = -1;
  let firstCleaned: () => void = () => {};
  const firstCleanDone = new Promise<void>((resolve) => (firstCleaned = resolve));

  const session = new PageSession(
    document,
    () => location.href,
    (total, counts) => {
      if (total === shownTotal) return;
      shownTotal = total;
      if (total > 0)
        indicator.show(
          total === 1
            ? message('indicatorHiddenOne', 'Broadsheet hid 1 item')
            : message('indicatorHiddenMany', `Broadsheet hid ${total} items`, String(total)),
          // One-click undo, from the note itself; the note after it cleans again.
          {
            label: message('showOriginal', 'Show original'),
            run: () =>
              safely(() => {
                // The note stays (with the focus on its button, for a keyboard user) and changes.
                showOriginal({ keepNote: true });
                indicator.show(message('indicatorOriginalShown', 'Showing the original page'), {
                  label: message('cleanPage', 'Clean page'),
                  run: () => safely(() => session.clean(settings.keepKinds)),
                });
              }),
          },
        );
      // Before the load event the background does not need telling: it asks for the counts when
      // the tab has loaded (background→content:tab-updated). A runtime.sendMessage from here
      // held the page's main thread 0.1–9 ms on a BBC page load in Chromium (the bench).
      if (document.readyState === 'complete') tellBackground(counts);
    },
    (node) => indicator.owns(node),
    loadArticleReader,
  );

  // Cut off from the extension (updated or reloaded since), this script hands the page, as the
  // site made it, to the one that replaces it, and stops.
  let retired = false;
  retireOnHandover(document, connected, () =>
    safely(() => {
      retired = true;
      session.undo();
      indicator.hide();
      removeEarlyStyle(document);
    }),
  );

  /** The page as the site made it: cleanup undone, its note gone, the toolbar count cleared. */
  function showOriginal({ keepNote = false } = {}): void {
    session.undo();
    shownTotal = -1;
    if (!keepNote) indicator.hide();
    if (document.readyState === 'complete') tellBackground(session.counts);
  }

  onRuntimeMessage((message: unknown, sender: Runtime.MessageSender) => {
    if (sender.id !== extension.runtime.id || !isToContent(message)) return undefined;
    return answer(message);
  });

  async function answer(message: ToContent): Promise<Reply<unknown>> {
    try {
      switch (message.type) {
        case 'popup→content:get-state':
          break;
        case 'popup→content:undo':
          showOriginal();
          break;
        case 'popup→content:clean':
          session.clean(settings.keepKinds);
          break;
        case 'background→content:tab-updated':
          await firstCleanDone;
          followAddress();
          return { ok: true, value: session.counts };
        case 'background→content:get-article': {
          const result = await session.article();
          return result.ok ? { ok: true, value: result.article } : result;
        }
      }
      return { ok: true, value: await session.state(autoCleanFor(settings, location.hostname)) };
    } catch (err) {
      return { ok: false, error: { code: 'page-error', message: String(err) } };
    }
  }

  extension.storage.onChanged.addListener((changes, area) => {
    if (area !== 'sync' || !(SETTINGS_KEY in changes)) return;
    const before = settings.keepKinds.join();
    settings = normalizeSettings(changes[SETTINGS_KEY]?.newValue);
    // A page already cleaned follows a change of what to keep at once.
    if (session.cleaned && settings.keepKinds.join() !== before)
      safely(() => session.clean(settings.keepKinds));
  });

  // Settings are asked for now, while the page is still arriving, so that they are usually known
  // by the time the DOM is complete. When they are not (Firefox's storage answered after a small
  // page had parsed, in the e2e run), the first clean does not wait for them: it runs on the
  // defaults at once, as the early stylesheet already does, so clutter the stylesheet cannot
  // select (boxes known by their heading's text, directive text) is still hidden before
  // DOMContentLoaded; when the settings arrive the page follows them (undone exactly for a site
  // the user does not want cleaned, cleaned again for kinds to keep).
  let settingsLoaded = false;
  let cleanedFirst = false;
  // The address now, not the one loaded: a page that moves by script may leave BBC News.
  const autoCleanHere = () =>
    isBbcNewsAddress(location.href) &&
    autoCleanFor(settings, location.hostname) &&
    session.layout().layout !== 'generic';
  const firstClean = () => {
    if (cleanedFirst || retired || document.readyState === 'loading') return;
    cleanedFirst = true;
    safely(() => {
      if (autoCleanHere()) session.clean(settings.keepKinds);
    });
    // Cleanup has hidden (and recorded) what the stylesheet hid, or the page is left as it is.
    removeEarlyStyle(document);
    if (settingsLoaded) firstCleaned();
  };
  const followSettings = (cleanedOn: Settings) => {
    safely(() => {
      if (!session.cleaned) return;
      if (!autoCleanHere()) {
        showOriginal();
      } else if (settings.keepKinds.join() !== cleanedOn.keepKinds.join()) {
        session.clean(settings.keepKinds);
      }
    });
  };
  /**
   * A page that moves by script (history.pushState: client-rendered news sites go from story to
   * story without a page load) keeps this script and its cleanup, but shows another story; the
   * page's history (below) or the background says when the tab's address changes, and the new
   * story is cleaned as a page load would clean it (and watched for late clutter again), or the
   * page is put back where the new address is not one to clean. "Show original" was for the
   * story it was clicked on.
   */
  const followAddress = () =>
    safely(() => {
      if (retired || !cleanedFirst || !session.moved()) return;
      if (autoCleanHere()) session.cleanAfterMove(settings.keepKinds);
      else if (session.cleaned) showOriginal();
    });
  // Where the browser has the Navigation API, the page's own history tells at once that it has
  // moved (pushState, replaceState, back and forward within the document): the new story is then
  // cleaned before it is painted even when the late-clutter watch is over (after its 90 seconds,
  // or after Show original), and a move to an address that is not BBC News puts the page back.
  // After the observer's callback for the same task (a microtask too), so that a story the watch
  // already cleaned is not cleaned twice. The background's word comes a frame or more later.
  // Only where the script started on BBC News: on another site (the toolbar's injection) a page
  // cleaned by hand stays as it was made, as the background never tells of moves there.
  const navigation = (globalThis as { navigation?: EventTarget }).navigation;
  if (onBbcNews)
    navigation?.addEventListener('currententrychange', () => queueMicrotask(followAddress));
  if (document.readyState === 'loading')
    document.addEventListener('readystatechange', firstClean, { once: true });
  void loadSettings().then((loaded) => {
    const cleanedOn = settings;
    settings = loaded;
    settingsLoaded = true;
    if (cleanedFirst) {
      followSettings(cleanedOn);
      firstCleaned();
    } else firstClean();
  });
}

async function loadSettings(): Promise<Settings> {
  try {
    const stored = await extension.storage.sync.get(SETTINGS_KEY);
    return normalizeSettings(stored[SETTINGS_KEY]);
  } catch {
    return DEFAULT_SETTINGS;
  }
}

/**
 * The article reader (extraction, Readability included) is a file of its own that the background
 * injects into this frame on request (article-reader.ts), so that BBC page loads do not carry it.
 */
async function loadArticleReader(): Promise<ArticleReader> {
  const loaded = providedArticleReader();
  if (loaded) return loaded;
  const reply = (await extension.runtime.sendMessage({
    type: 'content→background:load-reader',
  })) as Reply<null> | undefined;
  if (!reply) throw new Error('the extension did not answer');
  if (!reply.ok) throw new Error(reply.error.message);
  const reader = providedArticleReader();
  if (!reader) throw new Error('the article reader did not load');
  return reader;
}

/** A UI string from _locales (the fallback only where the i18n API is missing). */
function message(key: string, fallback: string, substitution?: string): string {
  try {
    return extension.i18n.getMessage(key, substitution) || fallback;
  } catch {
    return fallback;
  }
}

function tellBackground(counts: Record<RemovalKind, number>): void {
  if (!connected()) return;
  extension.runtime
    .sendMessage({ type: 'content→background:cleaned', counts })
    .catch(() => undefined);
}

/**
 * Whether the extension that injected this script is still there: after an update or a reload,
 * Chromium leaves the script running with `runtime.id` gone (and its calls throwing).
 */
function connected(): boolean {
  try {
    return Boolean(extension.runtime?.id);
  } catch {
    return false;
  }
}

function safely(run: () => void): void {
  try {
    run();
  } catch {
    // Never throw into the page: a failed clean leaves the page as the site made it.
  }
}
