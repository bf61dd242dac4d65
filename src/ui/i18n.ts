/**
 * UI strings, all from `_locales/<lang>/messages.json`. In the extension they come from the
 * browser's i18n API (which picks the user's language); in unit tests and static previews, where
 * there is no such API, from the English catalogue bundled here.
 */
import catalogue from '../../_locales/en/messages.json';

export type MessageKey = keyof typeof catalogue;

type Entry = { message: string; placeholders?: Record<string, { content: string }> };
type GetMessage = (key: string, substitutions?: string[]) => string;

/** Chrome's format: `$NAME$` names a placeholder whose content is `$1`…`$9`; `$$` is a dollar. */
function fromCatalogue(key: string, substitutions: string[] = []): string {
  const entry = (catalogue as Record<string, Entry | undefined>)[key];
  if (!entry) return '';
  const placeholders = entry.placeholders ?? {};
  return entry.message
    .replace(/\$([a-z0-9_@]+)\$/gi, (whole, name: string) => {
      const content = placeholders[name.toLowerCase()]?.content;
      return content ?? whole;
    })
    .replace(/\$(\$|[1-9])/g, (_whole, which: string) =>
      which === '$' ? '$' : (substitutions[Number(which) - 1] ?? ''),
    );
}

let source: GetMessage = fromCatalogue;

/** Called once by each page's entry with `browser.i18n.getMessage`. */
export function useMessageSource(getMessage: GetMessage): void {
  source = getMessage;
}

/** The UI string `key`, with `$1`… filled from `substitutions`. */
export function t(key: MessageKey, ...substitutions: (string | number)[]): string {
  const subs = substitutions.map(String);
  // An empty answer means the key is missing from the user's language: English, not a blank.
  return source(key, subs) || fromCatalogue(key, subs) || key;
}
