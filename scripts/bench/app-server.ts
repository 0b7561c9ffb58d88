/**
 * The built app for the browser sections of the benchmark: builds it when dist/ or the test models are missing,
 * then serves it with `vite preview` (the same COOP/COEP headers as production) on a free port.
 * BENCH_URL reuses a server that is already running instead (the smoke test uses Playwright's); BENCH_DIST serves
 * another build folder than dist/ (one made with `vite build --outDir`).
 */
import { execSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import net from 'node:net';
import { preview } from 'vite';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (address && typeof address === 'object' ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** Builds when something the benchmark needs is missing; otherwise says which build it uses. */
function ensureBuilt(modelDir: string): void {
  if (existsSync('dist/index.html') && existsSync(modelDir)) {
    console.log(`using the existing build: dist/ from ${statSync('dist/index.html').mtime.toISOString()} (run \`npm run build\` after changing src/)`);
    return;
  }
  console.log('dist/ or the test models are missing: building the app with `npm run build` ...');
  execSync('npm run build', { stdio: ['ignore', 'ignore', 'inherit'] });
  console.log('built the app.');
}

let shared: Promise<{ url: string; close: () => Promise<void> }> | undefined;

async function start(): Promise<{ url: string; close: () => Promise<void> }> {
  const reuse = process.env.BENCH_URL;
  if (reuse) {
    console.log(`using the running app at ${reuse} (BENCH_URL)`);
    return { url: new URL('/', reuse).href, close: async () => undefined };
  }
  const outDir = process.env.BENCH_DIST ?? 'dist';
  if (outDir === 'dist') ensureBuilt('test-models/test/minilm-l6-random');
  const port = await freePort();
  const server = await preview({ logLevel: 'error', build: { outDir }, preview: { port, strictPort: true, host: '127.0.0.1', open: false } });
  const url = `http://127.0.0.1:${port}/`;
  console.log(`serving ${outDir}/ with vite preview at ${url}`);
  return { url, close: () => new Promise<void>((resolve, reject) => server.httpServer.close((error) => (error ? reject(error) : resolve()))) };
}

/** The app's URL, one server for every section; stopAppServer() ends it. */
export async function withAppServer<T>(task: (url: string) => Promise<T>): Promise<T> {
  shared ??= start();
  return task((await shared).url);
}

export async function stopAppServer(): Promise<void> {
  if (shared) await (await shared).close();
  shared = undefined;
}
