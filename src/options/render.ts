/**
 * The options page as a pure function of `Settings`: every control reports a change as an
 * update function over the latest settings, which `main.ts` saves to `storage.sync`.
 */
import { REMOVAL_KINDS, type RemovalKind } from '../core/types';
import type { Settings } from '../shared/settings';
import { accessOffer } from '../ui/access-offer';
import { h, uid } from '../ui/dom';
import { t } from '../ui/i18n';
import { kindLabel } from '../ui/format';
import { readerControls } from '../ui/reader-controls';

export type SettingsUpdate = (current: Settings) => Settings;

/** The browser's access to BBC News sites, which a person can withhold (see shared/site-access). */
export interface SiteAccess {
  granted: boolean;
  /** Asks the browser for it (from the click itself); resolves to whether it was given. */
  request(): Promise<boolean>;
}

function section(title: string, ...children: (HTMLElement | false | null)[]): HTMLElement {
  const id = uid('options-section');
  return h(
    'section',
    { class: 'panel', 'aria-labelledby': id },
    h('h2', { id, tabindex: -1 }, title),
    ...children,
  );
}

function checkbox(label: string, checked: boolean, onToggle: (on: boolean) => void): HTMLElement {
  const id = uid('option');
  return h(
    'div',
    { class: 'check' },
    h('input', {
      id,
      type: 'checkbox',
      checked,
      onchange: (e: Event) => onToggle((e.target as HTMLInputElement).checked),
    }),
    h('label', { for: id }, label),
  );
}

/**
 * The per-site list. Removing a site takes its row out and moves focus to the next row's button
 * (or the previous, or the heading), so a keyboard user never lands on nothing.
 */
function sitesList(sites: string[], onChange: (update: SettingsUpdate) => void): HTMLElement {
  const empty = h('p', { class: 'empty' }, t('optionsSitesEmpty'));
  const list = h('ul', { class: 'sites' });
  const panel = section(
    t('optionsSitesHeading'),
    h('p', { class: 'help' }, t('optionsSitesHelp')),
    list,
    empty,
  );
  const sync = () => {
    list.hidden = list.childElementCount === 0;
    empty.hidden = !list.hidden;
  };
  for (const host of [...sites].sort()) {
    const row = h(
      'li',
      null,
      h('span', { class: 'host' }, host),
      h(
        'button',
        {
          type: 'button',
          class: 'button',
          onclick: () => {
            const next = (row.nextElementSibling ?? row.previousElementSibling)?.querySelector(
              'button',
            );
            row.remove();
            sync();
            (next ?? panel.querySelector<HTMLElement>('h2'))?.focus();
            onChange((s) => ({ ...s, disabledSites: s.disabledSites.filter((x) => x !== host) }));
          },
        },
        t('optionsSiteRemove'),
        h('span', { class: 'visually-hidden' }, ` ${host}`),
      ),
    );
    list.append(row);
  }
  sync();
  return panel;
}

function kindsPanel(keep: RemovalKind[], onChange: (update: SettingsUpdate) => void): HTMLElement {
  return section(
    t('optionsKindsHeading'),
    h('p', { class: 'help' }, t('optionsKindsHelp')),
    h(
      'div',
      { class: 'checks' },
      REMOVAL_KINDS.map((kind) =>
        checkbox(kindLabel(kind), !keep.includes(kind), (on) =>
          onChange((s) => ({
            ...s,
            keepKinds: on
              ? s.keepKinds.filter((k) => k !== kind)
              : [...new Set([...s.keepKinds, kind])],
          })),
        ),
      ),
    ),
  );
}

export function renderOptions(
  settings: Settings,
  onChange: (update: SettingsUpdate) => void,
  access: SiteAccess = { granted: true, request: async () => true },
): HTMLElement {
  return h(
    'div',
    { class: 'options' },
    section(
      t('optionsAutoHeading'),
      checkbox(t('optionsAutoLabel'), settings.autoClean, (on) =>
        onChange((s) => ({ ...s, autoClean: on })),
      ),
      // Under the switch where the browser withholds access: the switch would do nothing.
      !access.granted &&
        accessOffer('help', (note, button) => {
          access
            .request()
            .then((granted) => {
              note.textContent = t(granted ? 'newsAccessAllowed' : 'newsAccessRefused');
              if (granted) button.remove();
            })
            .catch(() => undefined);
        }),
    ),
    sitesList(settings.disabledSites, onChange),
    kindsPanel(settings.keepKinds, onChange),
    section(
      t('optionsReaderHeading'),
      h(
        'div',
        { class: 'reader-fields' },
        readerControls(settings.reader, (reader) => onChange((s) => ({ ...s, reader }))),
      ),
    ),
  );
}
