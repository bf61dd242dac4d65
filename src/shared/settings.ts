/**
 * User settings, kept in `storage.sync` under one key. Shared by the content script (what to
 * clean), the popup (per-site switch), the reader (typography) and the options page.
 */
import type { RemovalKind } from '../core/types';

export type ReaderTheme = 'system' | 'light' | 'sepia' | 'dark';
export type ReaderFont = 'serif' | 'sans';

export interface Settings {
  /** Clean matched pages automatically on load. */
  autoClean: boolean;
  /** Hostnames where automatic cleanup is off (the popup's "Clean this site automatically"). */
  disabledSites: string[];
  /** Kinds of clutter left alone. */
  keepKinds: RemovalKind[];
  reader: {
    theme: ReaderTheme;
    font: ReaderFont;
    /** Font size in CSS pixels. */
    fontSize: number;
    /** Line width in `ch`. */
    width: number;
  };
}

export const SETTINGS_KEY = 'broadsheet.settings';

export const DEFAULT_SETTINGS: Settings = {
  autoClean: true,
  disabledSites: [],
  keepKinds: [],
  reader: { theme: 'system', font: 'serif', fontSize: 20, width: 66 },
};

const THEMES: ReaderTheme[] = ['system', 'light', 'sepia', 'dark'];

/** Merges whatever storage holds (possibly old or hand-edited) over the defaults, field by field. */
export function normalizeSettings(raw: unknown): Settings {
  const r = (raw && typeof raw === 'object' ? raw : {}) as Partial<Settings> & {
    reader?: Partial<Settings['reader']>;
  };
  const reader: Partial<Settings['reader']> =
    r.reader && typeof r.reader === 'object' ? r.reader : {};
  const num = (v: unknown, min: number, max: number, d: number) =>
    typeof v === 'number' && Number.isFinite(v) ? Math.min(max, Math.max(min, v)) : d;
  return {
    autoClean: typeof r.autoClean === 'boolean' ? r.autoClean : DEFAULT_SETTINGS.autoClean,
    disabledSites: Array.isArray(r.disabledSites)
      ? r.disabledSites.filter((s): s is string => typeof s === 'string')
      : [],
    keepKinds: Array.isArray(r.keepKinds)
      ? (r.keepKinds.filter((k) => typeof k === 'string') as RemovalKind[])
      : [],
    reader: {
      theme: THEMES.includes(reader.theme as ReaderTheme)
        ? (reader.theme as ReaderTheme)
        : DEFAULT_SETTINGS.reader.theme,
      font: reader.font === 'sans' ? 'sans' : 'serif',
      fontSize: num(reader.fontSize, 12, 40, DEFAULT_SETTINGS.reader.fontSize),
      width: num(reader.width, 40, 100, DEFAULT_SETTINGS.reader.width),
    },
  };
}

/** Whether pages on `hostname` are cleaned automatically under `settings`. */
export function autoCleanFor(settings: Settings, hostname: string): boolean {
  return settings.autoClean && !settings.disabledSites.includes(hostname);
}
