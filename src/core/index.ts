/**
 * Broadsheet's core: pure functions over a `Document` and a URL. No browser globals, so the same
 * code runs in the content script, the popup and Node (linkedom).
 */
export { detectLayout } from './detect';
export { cleanPage, restoreHidden, stepsFor, HIDDEN_ATTR } from './clean';
export { extractArticle } from './extract';
export { NoArticleError, REMOVAL_KINDS } from './types';
export type {
  Article,
  ArchiveInfo,
  ArticleArchive,
  Block,
  CleanOptions,
  CleanReport,
  ExtractOptions,
  ImageRef,
  Layout,
  LayoutDetection,
  RelatedLink,
  Removal,
  RemovalKind,
} from './types';
