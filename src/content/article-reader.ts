/**
 * Injected on demand by the background (`content→background:load-reader`) into the frame whose
 * content script was asked for the article (the popup, "Save as JSON", the reader view). It is
 * the whole extraction pipeline: the BBC layouts' readers and the generic one with Readability,
 * which the content script that cleans on every BBC page load does not carry.
 */
import { extractArticle } from '../core/extract';
import { provideArticleReader } from './reader-slot';

provideArticleReader(extractArticle);
