import { createReadStream, existsSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Connect, Plugin } from 'vite';

/**
 * Serves `/models/<id>/...` from the app's own models folder, then from the generated test models.
 * A file that is in neither answers 404, never the SPA's index.html: transformers.js must see a missing
 * local file as missing so that it falls back to the Hub.
 */
export function modelsPlugin(options: { roots: string[] }): Plugin {
  const handler: Connect.NextHandleFunction = (req, res, next) => {
    const url = req.url ?? '';
    if (!url.startsWith('/models/')) return next();
    let relative: string;
    try {
      relative = decodeURIComponent(url.split('?')[0] ?? '').slice('/models/'.length);
    } catch {
      // A malformed percent-escape: a plain 400, never a stack trace that shows the server's paths.
      res.statusCode = 400;
      res.setHeader('Content-Type', 'text/plain');
      res.end('Bad request: the path has a malformed percent-escape.');
      return;
    }
    for (const root of options.roots) {
      const file = path.resolve(root, relative);
      if (!file.startsWith(path.resolve(root) + path.sep)) break; // no path traversal
      if (existsSync(file) && statSync(file).isFile()) {
        res.setHeader('Content-Type', contentType(file));
        res.setHeader('Content-Length', String(statSync(file).size));
        res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
        // The worker asks with HEAD before it downloads (src/rerankers/local/localModelFetch.ts): headers only.
        if (req.method === 'HEAD') res.end();
        else createReadStream(file).pipe(res);
        return;
      }
    }
    res.statusCode = 404;
    res.setHeader('Content-Type', 'text/plain');
    res.end(`Not found: ${url}`);
  };
  return {
    name: 'rerank-playground:models',
    configureServer(server) {
      server.middlewares.use(handler);
    },
    configurePreviewServer(server) {
      server.middlewares.use(handler);
    },
  };
}

function contentType(file: string): string {
  if (file.endsWith('.json')) return 'application/json';
  if (file.endsWith('.txt')) return 'text/plain';
  return 'application/octet-stream';
}
