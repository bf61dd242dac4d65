/**
 * The core without the generic reader, and so without Readability (two thirds of the content
 * script before this entry existed): what the content script carries onto every BBC page load.
 * It extracts with `extractArticleWith`, handing it the generic reader once the page needs one
 * (src/content/generic-reader.ts is injected on demand). Node and the CLI use `./index`.
 */
export { detectLayout } from './detect';
export { cleanPage, emptyCounts } from './clean';
export { extractArticleWith } from './pipeline';
export { NoArticleError } from './types';
export type { Article, CleanReport, LayoutDetection, RemovalKind } from './types';
export type { GenericReader } from '../sites/site';
