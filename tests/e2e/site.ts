/**
 * Building and serving sites for end-to-end tests: `buildSite` runs the real `astro build` on a
 * folder of articles; `serve` serves a built folder on 127.0.0.1 under an optional base path.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { promisify } from 'node:util';
import sirv from 'sirv';

export const ROOT = path.resolve(import.meta.dirname, '../..');
const run = promisify(execFile);

export interface SiteBuild {
  /** Folder of articles, relative to the project root. */
  input: string;
  /** Name of this build: its content goes to .test-out/<name>/content, its site to .test-out/<name>/dist. */
  name: string;
  base?: string;
  env?: Record<string, string>;
}

/** Runs `astro build` for a corpus; returns the dist folder. */
export async function buildSite({ input, name, base = '/', env = {} }: SiteBuild): Promise<string> {
  const out = path.join(ROOT, '.test-out', name);
  const dist = path.join(out, 'dist');
  await run(path.join(ROOT, 'node_modules/.bin/astro'), ['build', '--outDir', dist], {
    cwd: ROOT,
    env: { ...process.env, ...env, BRIEFINGS_INPUT: input, BRIEFINGS_OUTPUT: path.join(out, 'content'), BASE_PATH: base, ASTRO_TELEMETRY_DISABLED: '1' },
    maxBuffer: 64 * 1024 * 1024,
  });
  return dist;
}

/** Serves `dist` at http://127.0.0.1:<port><base>; resolves to the origin and a close function. */
export async function serve(dist: string, base = '/'): Promise<{ origin: string; close: () => Promise<void> }> {
  if (!fs.existsSync(dist)) throw new Error(`nothing built at ${dist}`);
  const handler = sirv(dist, { dev: true, extensions: ['html'] });
  const prefix = base.replace(/\/?$/, '/');
  const server = http.createServer((req, res) => {
    const url = req.url ?? '/';
    if (!url.startsWith(prefix)) {
      res.statusCode = 404;
      res.end('outside the base path');
      return;
    }
    req.url = `/${url.slice(prefix.length)}`;
    handler(req, res, () => {
      res.statusCode = 404;
      res.setHeader('content-type', 'text/html');
      res.end(fs.existsSync(path.join(dist, '404.html')) ? fs.readFileSync(path.join(dist, '404.html')) : 'not found');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  // A browser page left open keeps its connections alive, which `close` alone would wait for.
  const close = () => new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
  return { origin: `http://127.0.0.1:${port}`, close };
}
