import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Logger } from 'pino';
import type { Route } from '../../../src/server/http.js';
import { acceptsGzip, SECURITY_HEADERS } from './respond.js';

// The console's own files, served from the repository (no CDN): plain CSS from
// adapters/web/public and the client modules tsc compiles to dist/adapters/web/client.
// Each is read and gzipped once at start. Pages link them with ?v=<hash>, so a browser keeps
// them for a year and a new build is fetched at once.

const TYPES: Record<string, string> = {
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
};

export interface Asset {
  type: string;
  body: Buffer;
  gzip: Buffer;
  hash: string;
}

export type Assets = Map<string, Asset>;

export function loadAssets(dirs: string[], log: Logger): Assets {
  const assets: Assets = new Map();
  for (const dir of dirs) {
    if (!existsSync(dir)) {
      log.warn({ dir }, 'web console assets missing: run `npm run build`');
      continue;
    }
    for (const name of readdirSync(dir)) {
      const type = TYPES[extname(name)];
      if (!type) continue;
      const body = readFileSync(join(dir, name));
      assets.set(name, { type, body, gzip: gzipSync(body, { level: 9 }), hash: createHash('sha256').update(body).digest('hex').slice(0, 12) });
    }
  }
  return assets;
}

export const assetUrl = (assets: Assets, name: string): string => `/assets/${name}?v=${assets.get(name)?.hash ?? 'missing'}`;

export function assetRoutes(assets: Assets): Route[] {
  return [...assets.entries()].map(([name, asset]) => ({
    method: 'GET' as const,
    path: `/assets/${name}`,
    handler(req, res) {
      const versioned = new URL(req.url ?? '/', 'http://localhost').searchParams.get('v') === asset.hash;
      const etag = `"${asset.hash}"`;
      const headers: Record<string, string> = {
        ...SECURITY_HEADERS, 'content-type': asset.type, etag, vary: 'accept-encoding',
        // Module imports carry no ?v: those revalidate with the ETag instead.
        'cache-control': versioned ? 'public, max-age=31536000, immutable' : 'no-cache',
      };
      if (req.headers['if-none-match'] === etag) {
        res.writeHead(304, headers);
        return void res.end();
      }
      const gzip = acceptsGzip(req);
      const body = gzip ? asset.gzip : asset.body;
      res.writeHead(200, { ...headers, 'content-length': String(body.length), ...(gzip ? { 'content-encoding': 'gzip' } : {}) });
      res.end(body);
    },
  }));
}
