/**
 * The fixture server: serves saved pages at their real addresses. Chromium's
 * `--host-resolver-rules` sends news.bbc.co.uk, www.bbc.co.uk, web.archive.org… here, so the
 * extension's manifest matches see real BBC URLs. www.bbc.co.uk and www.bbc.com are on the HSTS
 * preload list, so they are served over HTTPS with a certificate made for the run. Firefox has no
 * host resolver rules: it uses the HTTP port as its proxy for every address (HTTPS hosts through
 * a `CONNECT` tunnel to the HTTPS port), and the server answers only for the routes' hosts.
 */
import { execFileSync } from 'node:child_process';
import { gunzipSync } from 'node:zlib';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { connect } from 'node:net';
import type { AddressInfo, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface FixtureRoute {
  /** The page's real address, e.g. `http://news.bbc.co.uk/1/hi/world/europe/6658741.stm`. */
  url: string;
  /** The saved page, served byte for byte (a `.gz` file is served unzipped). */
  file: string;
  contentType?: string;
  /** Further response headers (a strict `content-security-policy`, say). */
  headers?: Record<string, string>;
}

export interface RecordedRequest {
  url: string;
  status: number;
}

export interface FixtureServer {
  httpPort: number;
  httpsPort: number;
  /** Every request that reached the server, in order. */
  requests: RecordedRequest[];
  /** `--host-resolver-rules` that send every route's host here and every other name nowhere. */
  hostResolverRules(): string;
  close(): Promise<void>;
}

/**
 * A throwaway self-signed certificate for the HTTPS hosts (Chromium runs with
 * `--ignore-certificate-errors`, so any certificate would do; this one names the hosts anyway).
 */
function makeCertificate(hosts: string[]): { key: Buffer; cert: Buffer } {
  const dir = mkdtempSync(join(tmpdir(), 'broadsheet-cert-'));
  try {
    const names = hosts.map((h) => `DNS:${h}`).join(',') || 'DNS:localhost';
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '2',
        '-keyout',
        join(dir, 'key.pem'),
        '-out',
        join(dir, 'cert.pem'),
        '-subj',
        '/CN=broadsheet-fixtures',
        '-addext',
        `subjectAltName=${names}`,
      ],
      { stdio: 'ignore' },
    );
    return { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The pause between a page's two halves (see `handle`). */
const ARRIVAL_GAP_MS = 40;

/** Reads a route's file: the page as saved. */
export function routeBody(route: FixtureRoute): Buffer {
  const bytes = readFileSync(route.file);
  return route.file.endsWith('.gz') ? gunzipSync(bytes) : bytes;
}

export async function startFixtureServer(routes: FixtureRoute[]): Promise<FixtureServer> {
  const byAddress = new Map<string, FixtureRoute>();
  // A host is served over one scheme: the one its routes use (HSTS-preloaded hosts such as
  // www.bbc.co.uk must be HTTPS, news.bbc.co.uk and web.archive.org work over HTTP).
  const schemeOf = new Map<string, string>();
  for (const route of routes) {
    const u = new URL(route.url);
    byAddress.set(`${u.hostname}${u.pathname}${u.search}`, route);
    if ((schemeOf.get(u.hostname) ?? u.protocol) !== u.protocol)
      throw new Error(`${u.hostname} is routed over both http and https`);
    schemeOf.set(u.hostname, u.protocol);
  }
  const httpsHosts = [...schemeOf].filter(([, s]) => s === 'https:').map(([h]) => h);
  const requests: RecordedRequest[] = [];

  const handle = (scheme: 'http' | 'https') => (req: IncomingMessage, res: ServerResponse) => {
    // A browser using this server as its HTTP proxy (Firefox, which has no host resolver rules)
    // asks for the absolute address; everything else asks for the path on the Host header's host.
    const target = new URL(req.url ?? '/', `${scheme}://${req.headers.host ?? 'localhost'}`);
    const host = target.hostname;
    const path = `${target.pathname}${target.search}`;
    const url = `${scheme}://${host}${path}`;
    const route = byAddress.get(`${host}${path}`);
    const status = route ? 200 : 404;
    requests.push({ url, status });
    if (!route) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not a fixture');
      return;
    }
    res.writeHead(200, {
      'content-type': route.contentType ?? 'text/html',
      'cache-control': 'no-store',
      ...route.headers,
    });
    // Pages arrive over a network in pieces, and browsers start parsing (and may paint) before
    // the last one: the first half now, the rest a moment later, as a real server would.
    const body = routeBody(route);
    const half = Math.floor(body.length / 2);
    res.write(body.subarray(0, half));
    setTimeout(() => res.end(body.subarray(half)), ARRIVAL_GAP_MS);
  };

  const http = createHttpServer(handle('http'));
  const https = createHttpsServer(makeCertificate(httpsHosts), handle('https'));
  const tunnels = new Set<Socket>();
  // As a proxy: a tunnel to the HTTPS port for the HTTPS routes' hosts, none for anything else.
  http.on('connect', (req: IncomingMessage, client: Socket, head: Buffer) => {
    const host = (req.url ?? '').replace(/:\d+$/, '');
    requests.push({
      url: `https://${req.url ?? ''}`,
      status: httpsHosts.includes(host) ? 200 : 403,
    });
    if (!httpsHosts.includes(host)) {
      client.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      return;
    }
    const upstream = connect(httpsPort, '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    for (const socket of [client, upstream]) {
      tunnels.add(socket);
      socket.on('error', () => socket.destroy());
      socket.on('close', () => {
        tunnels.delete(socket);
        (socket === client ? upstream : client).destroy();
      });
    }
  });
  const listen = (server: Server) =>
    new Promise<number>((resolve) =>
      server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)),
    );
  const [httpPort, httpsPort] = await Promise.all([listen(http), listen(https)]);

  return {
    httpPort,
    httpsPort,
    requests,
    hostResolverRules() {
      const rules = [...schemeOf].map(
        ([host, scheme]) => `MAP ${host} 127.0.0.1:${scheme === 'https:' ? httpsPort : httpPort}`,
      );
      // Everything else resolves nowhere: a test run never reaches the internet.
      return [...rules, 'MAP * ~NOTFOUND', 'EXCLUDE 127.0.0.1'].join(', ');
    },
    async close() {
      const closing = (server: Server) =>
        new Promise<void>((resolve) => {
          server.closeAllConnections();
          server.close(() => resolve());
        });
      for (const socket of tunnels) socket.destroy();
      await Promise.all([closing(http), closing(https)]);
    },
  };
}
