/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';
import { modelsPlugin } from './scripts/vite-plugin-models';

// Cross-origin isolation lets onnxruntime-web use SharedArrayBuffer, hence WASM threads.
const isolationHeaders = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

// The dev and preview servers forward /api/cohere to Cohere, so the Cohere reranker works from
// `npm start` whatever Cohere's CORS policy is.
const cohereProxy = {
  '/api/cohere': {
    target: 'https://api.cohere.com',
    changeOrigin: true,
    rewrite: (p: string) => p.replace(/^\/api\/cohere/, ''),
  },
};

export default defineConfig({
  plugins: [
    react(),
    tailwindcss(),
    // Self-hosted models (public/models, copied to dist/models) first, then the generated test models.
    modelsPlugin({ roots: ['public/models', 'dist/models', 'test-models'] }),
  ],
  worker: { format: 'es' },
  server: { headers: isolationHeaders, proxy: cohereProxy },
  preview: { headers: isolationHeaders, proxy: cohereProxy },
  optimizeDeps: { exclude: ['@huggingface/transformers'] },
  test: {
    include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
    environment: 'node',
  },
});
