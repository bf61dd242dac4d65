// @vitest-environment jsdom
/**
 * The popup's controller (src/popup/main.ts) against a fake `browser`: which messages it sends,
 * in which order, and what it shows for each answer.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SETTINGS_KEY } from '../../src/shared/settings';
import { button, control, installShell } from './dom-helpers';
import { makeArticle, makeState } from './fixtures';

const fake = vi.hoisted(() => ({
  tabs: { query: vi.fn(), get: vi.fn(), sendMessage: vi.fn() },
  runtime: { sendMessage: vi.fn(), openOptionsPage: vi.fn(), getManifest: vi.fn() },
  permissions: { contains: vi.fn(), request: vi.fn() },
  extension: { isAllowedFileSchemeAccess: vi.fn() },
  i18n: { getMessage: () => '', getUILanguage: () => 'en-GB' },
  storage: {
    sync: { get: vi.fn(), set: vi.fn() },
    onChanged: { addListener: () => {} },
  },
}));
vi.mock('webextension-polyfill', () => ({ default: fake }));

const NEWS_ORIGINS = ['*://news.bbc.co.uk/*', '*://www.bbc.co.uk/news/*'];
const NO_RECEIVER = new Error('Could not establish connection. Receiving end does not exist.');
const URL_ = 'https://www.bbc.co.uk/news/world-12345678';
const ok = <T>(value: T) => ({ ok: true, value });

function tab(overrides: Record<string, unknown> = {}) {
  return { id: 7, url: URL_, status: 'complete', ...overrides };
}

async function openPopup(): Promise<HTMLElement> {
  const app = installShell('popup');
  vi.resetModules();
  await import('../../src/popup/main');
  return app;
}

beforeEach(() => {
  vi.resetAllMocks();
  fake.tabs.query.mockResolvedValue([tab()]);
  fake.tabs.get.mockResolvedValue(tab());
  fake.extension.isAllowedFileSchemeAccess.mockResolvedValue(false);
  fake.storage.sync.get.mockResolvedValue({});
  fake.storage.sync.set.mockResolvedValue(undefined);
  fake.permissions.contains.mockResolvedValue(true);
  fake.runtime.getManifest.mockReturnValue({ host_permissions: NEWS_ORIGINS });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('popup controller', () => {
  it('asks the active tab for its state and shows the article', async () => {
    fake.tabs.sendMessage.mockResolvedValue(ok(makeState()));
    const app = await openPopup();
    await vi.waitFor(() => expect(app.querySelector('h1')?.textContent).toBe('A headline'));
    expect(fake.tabs.sendMessage).toHaveBeenCalledWith(7, { type: 'popup→content:get-state' });
    expect(fake.runtime.sendMessage).not.toHaveBeenCalled();
    expect(document.title).toBe('Broadsheet');
  });

  it('has the background inject the content script where none answers, then asks again', async () => {
    fake.tabs.sendMessage
      .mockRejectedValueOnce(NO_RECEIVER)
      .mockResolvedValue(ok(makeState({ article: makeArticle({ title: 'Injected' }) })));
    fake.runtime.sendMessage.mockResolvedValue(ok(null));
    const app = await openPopup();
    await vi.waitFor(() => expect(app.querySelector('h1')?.textContent).toBe('Injected'));
    expect(fake.runtime.sendMessage).toHaveBeenCalledWith({
      type: 'popup→background:inject',
      tabId: 7,
    });
  });

  it('says the page is still loading instead of injecting into it', async () => {
    fake.tabs.sendMessage.mockRejectedValue(NO_RECEIVER);
    fake.tabs.get.mockResolvedValue(tab({ status: 'loading' }));
    const app = await openPopup();
    await vi.waitFor(() =>
      expect(app.querySelector('h1')?.textContent).toBe('The page is still loading'),
    );
    expect(fake.runtime.sendMessage).not.toHaveBeenCalled();
  });

  it('never messages a restricted page', async () => {
    fake.tabs.query.mockResolvedValue([tab({ url: 'chrome://extensions/' })]);
    const app = await openPopup();
    await vi.waitFor(() =>
      expect(app.querySelector('h1')?.textContent).toBe('Broadsheet can’t read this page'),
    );
    expect(fake.tabs.sendMessage).not.toHaveBeenCalled();
    expect(fake.runtime.sendMessage).not.toHaveBeenCalled();
  });

  it('passes on the background’s reason when it refuses to inject', async () => {
    fake.tabs.sendMessage.mockRejectedValue(NO_RECEIVER);
    fake.runtime.sendMessage.mockResolvedValue({
      ok: false,
      error: { code: 'restricted', message: 'The add-on store cannot be read.' },
    });
    const app = await openPopup();
    await vi.waitFor(() =>
      expect(app.querySelector('p')?.textContent).toBe('The add-on store cannot be read.'),
    );
  });

  it('saves JSON through the background and says so', async () => {
    fake.tabs.sendMessage.mockResolvedValue(ok(makeState()));
    fake.runtime.sendMessage.mockResolvedValue(ok({ downloadId: 3 }));
    const app = await openPopup();
    await vi.waitFor(() => expect(button(app, 'Save as JSON')).toBeDefined());
    button(app, 'Save as JSON')!.click();
    await vi.waitFor(() =>
      expect(document.getElementById('status')!.textContent).toBe('Saved the article as JSON.'),
    );
    expect(fake.runtime.sendMessage).toHaveBeenCalledWith({
      type: 'popup→background:save-json',
      tabId: 7,
    });
  });

  it('acts on ?tabId=N instead of the active tab', async () => {
    window.history.replaceState(null, '', '?tabId=42');
    fake.tabs.get.mockResolvedValue(tab({ id: 42 }));
    fake.tabs.sendMessage.mockResolvedValue(ok(makeState()));
    const app = await openPopup();
    await vi.waitFor(() => expect(app.querySelector('h1')?.textContent).toBe('A headline'));
    expect(fake.tabs.get).toHaveBeenCalledWith(42);
    expect(fake.tabs.query).not.toHaveBeenCalled();
    expect(fake.tabs.sendMessage).toHaveBeenCalledWith(42, { type: 'popup→content:get-state' });
    window.history.replaceState(null, '', '?');
  });

  it('turns the page back to the original and shows the new state', async () => {
    fake.tabs.sendMessage.mockImplementation(async (_id: number, message: { type: string }) =>
      message.type === 'popup→content:undo'
        ? ok(null)
        : ok(makeState({ cleaned: fake.tabs.sendMessage.mock.calls.length < 2 })),
    );
    const app = await openPopup();
    await vi.waitFor(() => expect(button(app, 'Show original')).toBeDefined());
    button(app, 'Show original')!.click();
    await vi.waitFor(() => expect(button(app, 'Clean page')).toBeDefined());
    expect(fake.tabs.sendMessage).toHaveBeenCalledWith(7, { type: 'popup→content:undo' });
    expect(document.activeElement).toBe(button(app, 'Clean page'));
  });

  it('keeps the per-site choice in storage.sync, without losing other settings', async () => {
    fake.tabs.sendMessage.mockResolvedValue(ok(makeState()));
    fake.storage.sync.get.mockResolvedValue({
      [SETTINGS_KEY]: { autoClean: true, disabledSites: ['example.com'], keepKinds: ['ad'] },
    });
    const app = await openPopup();
    await vi.waitFor(() => expect(control(app, 'Clean this site automatically')).not.toBeNull());
    control<HTMLInputElement>(app, 'Clean this site automatically')!.click();
    await vi.waitFor(() => expect(fake.storage.sync.set).toHaveBeenCalled());
    const saved = fake.storage.sync.set.mock.calls[0]![0][SETTINGS_KEY];
    expect(saved.disabledSites).toEqual(['example.com', 'www.bbc.co.uk']);
    expect(saved.keepKinds).toEqual(['ad']);
  });

  it('where the browser withholds access to the page, asks for it from the click, and says so', async () => {
    fake.tabs.sendMessage.mockResolvedValue(ok(makeState()));
    fake.permissions.contains.mockResolvedValue(false);
    const app = await openPopup();
    await vi.waitFor(() => expect(button(app, 'Allow on BBC News sites')).toBeDefined());
    expect(fake.permissions.contains).toHaveBeenCalledWith({
      origins: ['https://www.bbc.co.uk/news/world-12345678'],
    });
    expect(control(app, 'Clean this site automatically')).toBeNull();

    fake.permissions.request.mockResolvedValue(true);
    fake.permissions.contains.mockResolvedValue(true);
    button(app, 'Allow on BBC News sites')!.click();
    // Called in the click's own task (a user gesture), with every BBC News address at once.
    expect(fake.permissions.request).toHaveBeenCalledWith({ origins: NEWS_ORIGINS });
    await vi.waitFor(() => expect(control(app, 'Clean this site automatically')).not.toBeNull());
    expect(document.getElementById('status')!.textContent).toBe(
      'Allowed: BBC News pages are cleaned as they load.',
    );
  });

  it('keeps the offer when the person declines', async () => {
    fake.tabs.sendMessage.mockResolvedValue(ok(makeState()));
    fake.permissions.contains.mockResolvedValue(false);
    fake.permissions.request.mockResolvedValue(false);
    const app = await openPopup();
    await vi.waitFor(() => expect(button(app, 'Allow on BBC News sites')).toBeDefined());
    button(app, 'Allow on BBC News sites')!.click();
    await vi.waitFor(() =>
      expect(document.getElementById('status')!.textContent).toBe(
        'Not allowed: BBC News pages are cleaned only when you ask.',
      ),
    );
    expect(button(app, 'Allow on BBC News sites')).toBeDefined();
  });
});
