import { readFile, stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
};

/** The strictest policy a host might set: nothing inline, nothing evaluated, calls only to itself and the portal. */
export const strictCsp = (portalOrigin: string) =>
  `default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'self' ${portalOrigin}`;

export interface HostServer {
  origin: string;
  /** Serves `folder` under the URL path `prefix` (e.g. '/react/'); later mounts win. */
  mount(prefix: string, folder: string): void;
  /** Where the pages' `{{PORTAL_API_BASE}}` points, and the token /api/portal-token hands out. */
  connect(portalOrigin: string, token: string): void;
  close(): Promise<void>;
}

/**
 * A host product's web server on a free loopback port: its static files under the strict CSP, its
 * HTML templated with the portal's URL, and the backend route that hands the signed-in user a
 * portal token.
 */
export async function startHostServer(): Promise<HostServer> {
  const mounts: [string, string][] = [];
  let portal = { origin: '', token: '' };

  const server: Server = createServer(async (request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://host').pathname));
    const headers = { 'Content-Security-Policy': strictCsp(portal.origin), 'Cache-Control': 'no-store' };
    if (path === '/api/portal-token') {
      response.writeHead(200, { ...headers, 'Content-Type': 'application/json' }).end(JSON.stringify({ token: portal.token }));
      return;
    }
    const file = await findFile(mounts, path);
    if (!file) {
      response.writeHead(404, headers).end();
      return;
    }
    const type = contentTypes[extname(file)] ?? 'application/octet-stream';
    const body = await readFile(file);
    response
      .writeHead(200, { ...headers, 'Content-Type': type })
      .end(type.startsWith('text/html') ? body.toString('utf8').replaceAll('{{PORTAL_API_BASE}}', portal.origin) : body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));

  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    mount: (prefix, folder) => void mounts.unshift([prefix, folder]),
    connect: (origin, token) => void (portal = { origin, token }),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

async function findFile(mounts: [string, string][], path: string): Promise<string | undefined> {
  for (const [prefix, folder] of mounts) {
    if (!path.startsWith(prefix)) continue;
    const relative = path.slice(prefix.length);
    const file = join(folder, relative === '' || relative.endsWith('/') ? `${relative}index.html` : relative);
    if (!file.startsWith(folder)) continue;
    if ((await stat(file).catch(() => undefined))?.isFile()) return file;
  }
  return undefined;
}
