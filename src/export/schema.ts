/**
 * The Article JSON Schema (src/export/article.schema.json), the one source of truth for the
 * export format, as a typed import for code that validates or publishes it.
 */
import schema from './article.schema.json';

export const ARTICLE_SCHEMA_ID = 'urn:broadsheet:schema:article:1';

export const articleSchema: Readonly<Record<string, unknown>> = schema;
