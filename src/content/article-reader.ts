/**
 * Injected on demand by the background (`content→background:load-generic-reader`) into a frame
 * whose content script needs to read a page no BBC rule reads: a non-BBC page opened from the
 * toolbar, or a BBC page whose site rule finds no story body. It carries Readability, so the
 * content script that runs on every BBC page load does not.
 */
import { readGenericArticle } from '../sites/generic';
import { provideGenericReader } from './generic-slot';

provideGenericReader(readGenericArticle);
