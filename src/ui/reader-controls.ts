/**
 * The reader's typography choices (theme, font, size, line width) as labelled selects. The
 * reader's toolbar and the options page's "Reader view" section are the same controls.
 */
import type { ReaderFont, ReaderTheme, Settings } from '../shared/settings';
import { h, uid } from './dom';
import { t, type MessageKey } from './i18n';

export type ReaderSettings = Settings['reader'];

const THEMES: [ReaderTheme, MessageKey][] = [
  ['system', 'themeSystem'],
  ['light', 'themeLight'],
  ['sepia', 'themeSepia'],
  ['dark', 'themeDark'],
];
const FONTS: [ReaderFont, MessageKey][] = [
  ['serif', 'fontSerif'],
  ['sans', 'fontSans'],
];
/** Sizes in CSS px, around the 20 px default; normalizeSettings allows 12–40. */
const FONT_SIZES = [14, 16, 18, 20, 22, 24, 28, 32];
/** Measures in `ch`: 66 is the classic comfortable line (Bringhurst's 45–75 characters). */
const WIDTHS: [number, MessageKey][] = [
  [56, 'widthNarrow'],
  [66, 'widthMedium'],
  [80, 'widthWide'],
  [100, 'widthWidest'],
];

function select(
  label: string,
  options: [string, string][],
  current: string,
  onChange: (value: string) => void,
): HTMLElement {
  const id = uid('reader-setting');
  return h(
    'div',
    { class: 'field' },
    h('label', { for: id }, label),
    h(
      'select',
      { id, onchange: (e: Event) => onChange((e.target as HTMLSelectElement).value) },
      options.map(([value, text]) => h('option', { value, selected: value === current }, text)),
    ),
  );
}

/** Adds `current` to a list of numeric choices when storage holds a value the list lacks. */
function withCurrent(values: number[], current: number): number[] {
  return values.includes(current) ? values : [...values, current].sort((a, b) => a - b);
}

export function readerControls(
  reader: ReaderSettings,
  onChange: (next: ReaderSettings) => void,
): HTMLElement[] {
  const widthNames = new Map(WIDTHS);
  // Each control changes one field of the latest settings, not of the ones it was built with.
  let state = reader;
  const change = (patch: Partial<ReaderSettings>) => {
    state = { ...state, ...patch };
    onChange(state);
  };
  return [
    select(
      t('themeLabel'),
      THEMES.map(([v, k]) => [v, t(k)]),
      reader.theme,
      (v) => change({ theme: v as ReaderTheme }),
    ),
    select(
      t('fontLabel'),
      FONTS.map(([v, k]) => [v, t(k)]),
      reader.font,
      (v) => change({ font: v as ReaderFont }),
    ),
    select(
      t('fontSizeLabel'),
      withCurrent(FONT_SIZES, reader.fontSize).map((n) => [String(n), t('fontSizeValue', n)]),
      String(reader.fontSize),
      (v) => change({ fontSize: Number(v) }),
    ),
    select(
      t('widthLabel'),
      withCurrent(
        WIDTHS.map(([n]) => n),
        reader.width,
      ).map((n) => {
        const key = widthNames.get(n);
        return [String(n), key ? t(key) : t('widthCustom', n)];
      }),
      String(reader.width),
      (v) => change({ width: Number(v) }),
    ),
  ];
}
