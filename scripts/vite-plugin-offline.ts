import { VitePWA } from 'vite-plugin-pwa';

/**
 * The service worker that lets a second visit work with no network (vite-plugin-pwa's generateSW, i.e. Workbox).
 *
 * - Precached at the first visit: the app shell (index.html, the main script and styles, the icon). Not the
 *   workers: the model worker's script holds onnxruntime-web, and nothing of the ML runtime is fetched before the
 *   first rerank. The worker scripts are cached when first used (their names are content-hashed: cache first).
 * - The onnxruntime wasm and the models are not in the service worker's caches: transformers.js keeps every file
 *   it loads in its own Cache API store ("transformers-cache"), and a second copy would double 27 MB plus models.
 * - Cross-origin isolation survives: a cached response keeps the headers the server sent (COOP, COEP, CSP).
 * - skipWaiting + clientsClaim: the first visit's page is controlled at once, so its first rerank's worker
 *   scripts are cached and a workshop needs only one visit.
 */
export function offlinePlugin() {
  return VitePWA({
    registerType: 'autoUpdate',
    injectRegister: false, // src/features/offline/startOfflineSupport.ts registers it and reports its state
    manifest: {
      name: 'Rerank Playground',
      short_name: 'Rerank',
      description: 'See what a reranker does: a first stage, a cross-encoder, and the difference.',
      theme_color: '#4f46e5',
      background_color: '#ffffff',
      display: 'standalone',
      icons: [{ src: 'favicon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' }],
    },
    workbox: {
      globPatterns: ['**/*.{html,js,css}'],
      globIgnores: ['**/worker-*.js', 'ort/**', 'models/**'],
      navigateFallback: 'index.html',
      // Model files, the runtime and the Cohere proxy are never answered with the app's page.
      navigateFallbackDenylist: [/\/models\//, /\/ort\//, /\/api\//],
      skipWaiting: true,
      clientsClaim: true,
      cleanupOutdatedCaches: true,
      runtimeCaching: [
        {
          urlPattern: ({ url, sameOrigin }) => sameOrigin && /\/assets\/worker-[\w-]+\.js$/.test(url.pathname),
          handler: 'CacheFirst',
          options: { cacheName: 'rerank-worker-scripts', expiration: { maxEntries: 16 } },
        },
      ],
    },
  });
}
