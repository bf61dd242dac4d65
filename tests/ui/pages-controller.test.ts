// @vitest-environment jsdom
/** The reader's and the options page's entry scripts against a fake `browser`. */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { SETTINGS_KEY } from '../../src/shared/settings';
import { control, installShell } from './dom-helpers';
import { makeArticle } from './fixtures';

const fake = vi.hoisted(() => ({
  i18n: { getMessage: () => '', getUILanguage: () => 'en-GB' },
  runtime: { getManifest: () => ({ host_permissions: ['*://news.bbc.co.uk/*'] }) },
  permissions: { contains: vi.fn(), request: vi.fn() },
  storage: {
    session: { get: vi.fn() },
    sync: { get: vi.fn(), set: vi.fn() },
    onChanged: { addListener: vi.fn() },
  },
}));
vi.mock('webextension-polyfill', () => ({ default: fake }));

async function open(page: 'reader' | 'options', search = ''): Promise<HTMLElement> {
  const app = installShell(page);
  window.history.replaceState(null, '', search || '?');
  vi.resetModules();
  await import(`../../src/${page}/main.ts`);
  return app;
}

beforeEach(() => {
  vi.resetAllMocks();
  fake.storage.sync.get.mockResolvedValue({
    [SETTINGS_KEY]: { reader: { theme: 'sepia', font: 'sans', fontSize: 22, width: 56 } },
  });
  fake.storage.sync.set.mockResolvedValue(undefined);
  fake.storage.session.get.mockResolvedValue({});
  fake.permissions.contains.mockResolvedValue(true);
});

describe('reader page', () => {
  it('shows the article stored under reader:<id>, in the reader’s typography', async () => {
    fake.storage.session.get.mockResolvedValue({
      'reader:abc': { article: makeArticle({ title: 'Stored story' }), storedAt: 1 },
    });
    const app = await open('reader', '?id=abc');
    await vi.waitFor(() => expect(app.querySelector('h1')?.textContent).toBe('Stored story'));
    expect(fake.storage.session.get).toHaveBeenCalledWith('reader:abc');
    expect(document.title).toBe('Stored story — Broadsheet');
    const root = document.documentElement;
    expect(root.dataset.theme).toBe('sepia');
    expect(root.dataset.font).toBe('sans');
    expect(root.style.getPropertyValue('--reader-measure')).toBe('56ch');
  });

  it('says the page has expired when nothing is stored', async () => {
    const app = await open('reader', '?id=gone');
    await vi.waitFor(() =>
      expect(app.querySelector('h1')?.textContent).toBe('This reader page has expired'),
    );
  });

  it('treats a stored value of the wrong shape as missing', async () => {
    fake.storage.session.get.mockResolvedValue({ 'reader:x': { article: '<h1>x</h1>' } });
    const app = await open('reader', '?id=x');
    await vi.waitFor(() =>
      expect(app.querySelector('h1')?.textContent).toBe('This reader page has expired'),
    );
  });

  it('remembers a toolbar change in storage.sync', async () => {
    const app = await open('reader', '?id=none');
    await vi.waitFor(() => expect(app.querySelector('h1')).not.toBeNull());
    const theme = control<HTMLSelectElement>(document, 'Theme')!;
    theme.value = 'dark';
    theme.dispatchEvent(new Event('change'));
    expect(document.documentElement.dataset.theme).toBe('dark');
    await vi.waitFor(() => expect(fake.storage.sync.set).toHaveBeenCalled());
    expect(fake.storage.sync.set.mock.calls[0]![0][SETTINGS_KEY].reader).toEqual({
      theme: 'dark',
      font: 'sans',
      fontSize: 22,
      width: 56,
    });
  });
});

describe('options page', () => {
  it('saves each change and says so', async () => {
    const app = await open('options');
    await vi.waitFor(() => expect(app.querySelector('.options')).not.toBeNull());
    expect(document.title).toBe('Broadsheet options');
    control<HTMLInputElement>(app, 'Clean news pages automatically when they load')!.click();
    await vi.waitFor(() => expect(document.getElementById('status')!.textContent).toBe('Saved.'));
    const saved = fake.storage.sync.set.mock.calls[0]![0][SETTINGS_KEY];
    expect(saved.autoClean).toBe(false);
    expect(saved.reader.theme).toBe('sepia');
  });
});
