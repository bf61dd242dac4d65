/**
 * What a saved article is checked against, in both browsers: the export schema, and the CLI's
 * output for the same saved page (the same core, run in Node).
 */
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { articleSchema } from '../../../src/export/schema';

const ROOT = resolve(import.meta.dirname, '../../..');

const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats.default(ajv);
const validate = ajv.compile(articleSchema);

/** The schema's complaints about `json` (empty when it is a valid Article). */
export function schemaErrors(json: unknown): string[] {
  return validate(json)
    ? []
    : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`);
}

/** `broadsheet extract --url <url> <file>`: the article the CLI reads from the saved page. */
export function cliArticle(url: string, file: string): Record<string, unknown> {
  return JSON.parse(
    execFileSync('npx', ['tsx', 'src/cli/main.ts', 'extract', '--url', url, file], {
      cwd: ROOT,
      encoding: 'utf8',
    }),
  ) as Record<string, unknown>;
}
