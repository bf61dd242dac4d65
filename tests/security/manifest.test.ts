/**
 * Permissions, pinned: the manifest's permissions, host permissions, content-script matches and
 * CSP are compared with the reviewed list written out here by hand, so any widening (a new
 * permission, a broader host pattern, a relaxed CSP, a page or extension allowed to talk to us)
 * fails until someone changes this file on purpose. tests/extension/manifest.test.ts checks the
 * same manifest against the content script's own address rules; this file is the review record.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const manifest = JSON.parse(readFileSync(resolve(ROOT, 'manifest.json'), 'utf8')) as Record<
  string,
  unknown
> & {
  permissions: string[];
  host_permissions: string[];
  content_scripts: { matches: string[]; js: string[]; run_at: string; all_frames?: boolean }[];
};

/** Reviewed 2026-11: what each permission is for. */
const REVIEWED_PERMISSIONS = {
  activeTab: 'read the current tab when the user clicks the toolbar button on a non-BBC page',
  scripting: 'inject the content script and the article reader on demand (activeTab pages)',
  storage: 'options (storage.sync) and the reader’s article (storage.session)',
  downloads: 'Save as JSON',
  contextMenus: 'the "Open in reader view" menu item',
};

/** Reviewed 2026-11: BBC News, live and in the Wayback Machine; nothing else, no wildcard host. */
const REVIEWED_HOSTS = [
  '*://news.bbc.co.uk/*',
  '*://www.bbc.co.uk/news/*',
  '*://bbc.co.uk/news/*',
  '*://www.bbc.com/news/*',
  '*://bbc.com/news/*',
  '*://web.archive.org/web/*/news.bbc.co.uk/*',
  '*://web.archive.org/web/*/news.bbc.co.uk:80/*',
  '*://web.archive.org/web/*/www.bbc.co.uk/news/*',
  '*://web.archive.org/web/*/www.bbc.co.uk:80/news/*',
  '*://web.archive.org/web/*/bbc.co.uk/news/*',
  '*://web.archive.org/web/*/www.bbc.com/news/*',
  '*://web.archive.org/web/*/bbc.com/news/*',
];

describe('manifest.json, against the reviewed list', () => {
  it('asks for exactly the reviewed permissions', () => {
    expect([...manifest.permissions].sort()).toEqual(Object.keys(REVIEWED_PERMISSIONS).sort());
  });

  it('asks for exactly the reviewed hosts, none of them a wildcard', () => {
    expect([...manifest.host_permissions].sort()).toEqual([...REVIEWED_HOSTS].sort());
    for (const host of manifest.host_permissions) {
      expect(host).not.toMatch(/^<all_urls>$|^\*:\/\/\*\/|^https?:\/\/\*\//);
    }
  });

  it('runs content scripts only on the reviewed hosts, top frame only', () => {
    for (const script of manifest.content_scripts) {
      expect([...script.matches].sort()).toEqual([...REVIEWED_HOSTS].sort());
      expect(script.all_frames ?? false).toBe(false);
      expect(Object.keys(script).sort()).toEqual(['js', 'matches', 'run_at']);
    }
  });

  it('keeps the default extension CSP and opens no door to pages or other extensions', () => {
    // MV3's default: script-src 'self'; object-src 'self' (no remote code, no eval).
    expect(manifest).not.toHaveProperty('content_security_policy');
    for (const key of [
      'externally_connectable',
      'web_accessible_resources',
      'optional_permissions',
      'optional_host_permissions',
      'sandbox',
      'declarative_net_request',
      'chrome_url_overrides',
      'update_url',
      'key',
    ])
      expect(manifest, key).not.toHaveProperty(key);
  });
});

describe('extension pages', () => {
  it.each(['popup', 'reader', 'options'])(
    '%s/index.html loads only its own module and nothing remote',
    (page) => {
      const html = readFileSync(resolve(ROOT, `src/${page}/index.html`), 'utf8');
      const scripts = [...html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/gi)];
      expect(scripts.map((m) => m[0])).toEqual(['<script type="module" src="./main.ts"></script>']);
      expect(html).not.toMatch(/\b(?:src|href)\s*=\s*["']?(?:https?:)?\/\//i);
      expect(html).not.toMatch(/\son[a-z]+\s*=/i);
      expect(html).not.toMatch(/http-equiv/i);
    },
  );
});
