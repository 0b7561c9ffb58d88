/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';
import type { Plugin } from 'vite';
import { modelsPlugin } from './scripts/vite-plugin-models';
import { offlinePlugin } from './scripts/vite-plugin-offline';
import { devSecurityHeaders, securityHeaders } from './scripts/security-headers';

// Every response's headers: cross-origin isolation and the Content-Security-Policy (see the file for why each source).
// The dev server's policy adds what hot reload needs: the React Refresh preamble's hash, inline styles.
const devHeaders = devSecurityHeaders([react.preambleCode.replace('__BASE__', '/')]);

// The dev and preview servers forward /api/cohere to Cohere, so the Cohere reranker works from
// `npm start` whatever Cohere's CORS policy is.
const cohereProxy = {
  '/api/cohere': {
    target: 'https://api.cohere.com',
    changeOrigin: true,
    rewrite: (p: string) => p.replace(/^\/api\/cohere/, ''),
  },
};

/**
 * One copy of the onnxruntime wasm in dist/: the app loads it from /ort/ (copied by scripts/copy-ort-assets.mjs and
 * set as env.backends.onnx.wasm.wasmPaths). onnxruntime-web's bundle also names it in two fallbacks,
 * `new URL("ort-wasm-simd-threaded.asyncify.wasm", import.meta.url)`, used only when no wasmPaths is set; Vite
 * would emit a second 26.9 MB copy into assets/ for them. Point them at /ort/ too (relative to the chunk in
 * assets/, in a form Vite does not take for an asset), and fail the build if a wasm asset is emitted all the same.
 */
export function singleOrtWasm(): Plugin {
  const fallback = /new URL\("(ort-wasm-simd-threaded[\w.]*\.wasm)",\s*import\.meta\.url\)/g;
  return {
    name: 'rerank-playground:single-ort-wasm',
    apply: 'build',
    enforce: 'pre',
    transform(code, id) {
      if (!id.includes('onnxruntime-web')) return null;
      const replaced = code.replace(fallback, (_, file: string) => `new URL("../ort/${file}", import.meta["url"])`);
      return replaced === code ? null : { code: replaced, map: null };
    },
    generateBundle(_, bundle) {
      const wasm = Object.keys(bundle).filter((name) => name.endsWith('.wasm'));
      if (wasm.length > 0) this.error(`vite.config.ts (single-ort-wasm): the build emitted ${wasm.join(', ')}; the app loads the runtime from /ort/ only. Find the new reference to it in onnxruntime-web and point it at /ort/.`);
    },
  };
}

export default defineConfig({
  plugins: [
    react(),
    tailwindcss(),
    // Self-hosted models (public/models, copied to dist/models) first, then the generated test models.
    modelsPlugin({ roots: ['public/models', 'dist/models', 'test-models'] }),
    singleOrtWasm(),
    offlinePlugin(),
  ],
  // Workers are bundled on their own, with only these plugins: the model worker is where onnxruntime-web lives.
  worker: { format: 'es', plugins: () => [singleOrtWasm()] },
  server: { headers: devHeaders, proxy: cohereProxy },
  preview: { headers: securityHeaders, proxy: cohereProxy },
  optimizeDeps: { exclude: ['@huggingface/transformers'] },
  test: {
    include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
    environment: 'node',
  },
});
