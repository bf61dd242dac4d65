/**
 * The core without extraction: what the content script carries onto every BBC page load
 * (detection and cleanup). The article is read by `extractArticle` (./extract.ts), which the
 * extension loads on demand (src/content/article-reader.ts); Node and the CLI use `./index`.
 */
export { detectLayout } from './detect';
export { cleanPage, emptyCounts, restoreHidden } from './clean';
export type { Article, CleanReport, LayoutDetection, RemovalKind } from './types';
