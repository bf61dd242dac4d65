// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import { renderOptions, type SettingsUpdate } from '../../src/options/render';
import { DEFAULT_SETTINGS, type Settings } from '../../src/shared/settings';
import { axeViolations, button, control, installShell } from './dom-helpers';

let app: HTMLElement;
beforeEach(() => {
  app = installShell('options');
});

/** Renders the page and keeps the settings a save would store, update after update. */
function show(initial: Settings) {
  const saved = { current: initial };
  const el = renderOptions(initial, (update: SettingsUpdate) => {
    saved.current = update(saved.current);
  });
  app.replaceChildren(el);
  return { el, saved };
}

const SETTINGS: Settings = {
  ...DEFAULT_SETTINGS,
  disabledSites: ['www.bbc.co.uk', 'news.bbc.co.uk', 'web.archive.org'],
  keepKinds: ['related'],
};

describe('options page', () => {
  it('says under the switch when the browser withholds access to BBC News sites, and asks for it', async () => {
    let asked = 0;
    const el = renderOptions(SETTINGS, () => {}, {
      granted: false,
      request: async () => (asked++, true),
    });
    app.replaceChildren(el);
    const allow = button(el, 'Allow on BBC News sites')!;
    const note = document.getElementById(allow.getAttribute('aria-describedby')!)!;
    expect(note.textContent).toBe(
      'Broadsheet is not allowed on BBC News sites, so it cannot clean their pages as they load.',
    );
    allow.click();
    expect(asked).toBe(1);
    await expect
      .poll(() => note.textContent)
      .toBe('Allowed: BBC News pages are cleaned as they load.');
    expect(button(el, 'Allow on BBC News sites')).toBeUndefined();

    // With access, nothing is said.
    expect(button(show(SETTINGS).el, 'Allow on BBC News sites')).toBeUndefined();
  });

  it('switches automatic cleanup off and on', () => {
    const { el, saved } = show(SETTINGS);
    const auto = control<HTMLInputElement>(el, 'Clean news pages automatically when they load')!;
    expect(auto.checked).toBe(true);
    auto.click();
    expect(saved.current.autoClean).toBe(false);
    auto.click();
    expect(saved.current.autoClean).toBe(true);
  });

  it('lists the sites left alone, each with a Remove button naming it', () => {
    const { el, saved } = show(SETTINGS);
    const hosts = [...el.querySelectorAll('.sites .host')].map((h) => h.textContent);
    expect(hosts).toEqual(['news.bbc.co.uk', 'web.archive.org', 'www.bbc.co.uk']);
    const remove = button(el, 'Remove web.archive.org')!;
    remove.focus();
    remove.click();
    expect(saved.current.disabledSites).toEqual(['www.bbc.co.uk', 'news.bbc.co.uk']);
    expect([...el.querySelectorAll('.sites .host')].map((h) => h.textContent)).toEqual([
      'news.bbc.co.uk',
      'www.bbc.co.uk',
    ]);
    // Focus moves on to the next row's button, not into the void.
    expect(document.activeElement).toBe(button(el, 'Remove www.bbc.co.uk'));
  });

  it('says so when no site is left, and keeps focus in the section', () => {
    const { el, saved } = show({ ...DEFAULT_SETTINGS, disabledSites: ['example.com'] });
    expect(el.querySelector<HTMLElement>('.empty')!.hidden).toBe(true);
    button(el, 'Remove example.com')!.click();
    expect(saved.current.disabledSites).toEqual([]);
    expect(el.querySelector<HTMLElement>('.empty')!.hidden).toBe(false);
    expect(el.querySelector('.empty')!.textContent).toBe('No sites yet.');
    expect(document.activeElement!.textContent).toBe('Sites left as they are');
  });

  it('chooses which kinds of clutter to remove', () => {
    const { el, saved } = show(SETTINGS);
    const related = control<HTMLInputElement>(el, 'Related links')!;
    const ads = control<HTMLInputElement>(el, 'Advertising')!;
    expect(related.checked).toBe(false);
    expect(ads.checked).toBe(true);
    ads.click();
    related.click();
    expect(saved.current.keepKinds).toEqual(['ad']);
    expect(el.querySelectorAll('.checks input')).toHaveLength(7);
  });

  it('sets the reader defaults', () => {
    const { el, saved } = show(SETTINGS);
    const theme = control<HTMLSelectElement>(el, 'Theme')!;
    theme.value = 'dark';
    theme.dispatchEvent(new Event('change'));
    const font = control<HTMLSelectElement>(el, 'Font')!;
    font.value = 'sans';
    font.dispatchEvent(new Event('change'));
    expect(saved.current.reader).toEqual({
      ...DEFAULT_SETTINGS.reader,
      theme: 'dark',
      font: 'sans',
    });
    // Other settings are untouched by reader changes.
    expect(saved.current.disabledSites).toEqual(SETTINGS.disabledSites);
  });

  it('passes axe-core, with sites listed and with none', async () => {
    show(SETTINGS);
    expect(await axeViolations()).toEqual([]);
    show(DEFAULT_SETTINGS);
    expect(await axeViolations()).toEqual([]);
    // Where the browser withholds access to BBC News sites.
    app.replaceChildren(
      renderOptions(SETTINGS, () => {}, { granted: false, request: async () => false }),
    );
    expect(await axeViolations()).toEqual([]);
  });
});
