/** Values vite.config.ts computes at build time (`define`). */

/** The anti-flash stylesheet: every BBC layout's clutter selectors (see early-css.ts). */
declare const __BROADSHEET_CLUTTER_CSS__: string;

/** The Wayback Machine's toolbar, for captures (core/clean/archive-toolbar.ts). */
declare const __BROADSHEET_WAYBACK_CSS__: string;
