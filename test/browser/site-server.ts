/**
 * Serve the built site (build/site) for a test, on a free port, with
 * scripts/serve.ts. Fails with a clear message when the site is not built.
 */
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { DEFAULT_ROOT, serve } from '../../scripts/serve.ts';

export type SiteServer = { url: string; close(): Promise<void> };

/** Serve any folder with scripts/serve.ts on a free port of 127.0.0.1. */
export async function serveFolder(root: string): Promise<SiteServer> {
  const server = await serve({ root, port: 0, host: '127.0.0.1', quiet: true });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((ok) => { server.closeAllConnections(); server.close(() => ok()); }),
  };
}

/** Serve the built site; fails with how to build it when it is not built. */
export async function startSite(root: string = DEFAULT_ROOT): Promise<SiteServer> {
  if (!existsSync(join(root, 'index.html')) || !existsSync(join(root, 'pagefind', 'pagefind.js'))) {
    throw new Error(`No built site in ${root}: run \`npm run build\` (or \`npm run build:site\`) before the tests.`);
  }
  return serveFolder(root);
}
