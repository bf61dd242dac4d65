/**
 * What the popup and the options page show where the browser withholds Broadsheet's access to
 * BBC News sites (../shared/site-access.ts): what is missing, and a button that asks for it.
 */
import { h, uid } from './dom';
import { t } from './i18n';

/** `allow` runs from the button's click (a user gesture), handed the offer's note and button. */
export function accessOffer(
  noteClass: string,
  allow: (note: HTMLElement, button: HTMLElement) => void,
): HTMLElement {
  const id = uid('site-access');
  const note = h('p', { id, class: noteClass }, t('newsAccessMissing'));
  const button: HTMLElement = h(
    'button',
    { type: 'button', class: 'button', 'aria-describedby': id, onclick: () => allow(note, button) },
    t('allowNewsAccess'),
  );
  return h('div', { class: 'site-access' }, note, button);
}
