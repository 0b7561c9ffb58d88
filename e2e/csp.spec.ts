import { expect, test as base } from '@playwright/test';
import { CohereColumn } from './pages/CohereColumn';
import { PlaygroundPage } from './pages/PlaygroundPage';
import { type CspWatch, watchCsp } from './support/cspViolations';
import { type CohereStub, startCohereStub } from './support/cohereStub';

// The policy the built app must be served with (scripts/security-headers.ts says why each source is there).
const POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval' blob:",
  "worker-src 'self' blob:",
  "connect-src 'self' https: http:",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const test = base.extend<{ csp: CspWatch; playground: PlaygroundPage }>({
  csp: async ({ page, baseURL }, use) => {
    const watch = await watchCsp(page, new URL(baseURL ?? '').origin);
    await use(watch);
    await watch.close();
  },
  playground: async ({ page, csp }, use) => {
    void csp; // routes and listeners first, then the first visit
    const playground = new PlaygroundPage(page);
    await playground.goto();
    await use(playground);
  },
});

test('the app, its runtime files and its workers are served with the policy', async ({ request }) => {
  // Documents and scripts: a policy governs the document or worker it is delivered with.
  for (const path of ['/', '/index.html', '/ort/ort-wasm-simd-threaded.asyncify.mjs']) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(200);
    expect(response.headers()['content-security-policy'], path).toBe(POLICY);
  }
  const html = await (await request.get('/')).text();
  const mainScript = /assets\/index-[\w-]+\.js/.exec(html);
  expect(mainScript, 'the main script in index.html').not.toBeNull();
  const main = await (await request.get(`/${mainScript?.[0] ?? ''}`)).text();
  const workerScripts = [...main.matchAll(/\/assets\/worker-[\w-]+\.js/g)].map((m) => m[0]);
  expect(workerScripts.length).toBeGreaterThanOrEqual(2); // the model worker and the compute worker
  for (const path of workerScripts) expect((await request.get(path)).headers()['content-security-policy'], path).toBe(POLICY);
});

test.describe('with every violation watched', () => {
  // The service worker answers the worker scripts from its cache, past page.route: blocked here, so every script
  // the app runs comes through the route that adds the violation listener (the service worker has its own test).
  // A worker script answered by route.fulfill has no address, so Chromium counts it as public, and its reports to the
  // collector on 127.0.0.1 would need Local Network Access: granted (the app's own calls never need it).
  test.use({ serviceWorkers: 'block', permissions: ['local-network-access'] });

  for (const [model, dtype] of [['test/overlap-reranker', 'fp32'], ['test/minilm-l6-random', 'q8']] as const) {
    test(`a local rerank with ${model} (${dtype}) runs with no violation in the page or its workers`, async ({ playground, page, csp }) => {
      expect(await page.evaluate(() => self.crossOriginIsolated)).toBe(true);
      await playground.useLocalModel(model, { device: 'wasm', dtype });
      await playground.rerankButton.click();
      await expect(playground.column().rows).toHaveCount(4, { timeout: 40_000 });
      await expect(playground.column().rows.getByTestId('score').first()).toHaveText(/\d/);
      // The WASM threads (blob: workers started by the runtime) have had time to start and report.
      await expect.poll(() => page.workers().length).toBeGreaterThanOrEqual(2);
      expect(csp.lines()).toEqual([]);
    });
  }

  test.describe('a Cohere-compatible server', () => {
    let stub: CohereStub;
    test.beforeEach(async () => {
      stub = await startCohereStub();
    });
    test.afterEach(async () => {
      await stub.close();
    });

    // The stand-in listens on http://127.0.0.1:<port>, as a local server would: plain http is allowed.
    test('on 127.0.0.1 is reached with no violation (the /api/cohere proxy is the app origin: e2e/cohere.spec.ts)', async ({ playground, page, csp }) => {
      const cohere = new CohereColumn(page);
      await cohere.addAlone();
      await cohere.useServer(stub.url, { key: 'co-csp-key' });
      await playground.rerankButton.click();
      await expect(cohere.rows.getByTestId('doc-id')).toHaveText(['doc_101', 'doc_450', 'doc_312', 'doc_205']);
      expect(stub.requests.filter((r) => r.method === 'POST')).toHaveLength(1);
      expect(csp.lines()).toEqual([]);
    });
  });

  test('document text that holds markup is shown as text, and injected inline script is refused', async ({ playground, page, csp }) => {
    const payloads = ['<script>window.pwned = "script"</script>', '<img src=x onerror="window.pwned = \'img\'">', '<svg onload="window.pwned = \'svg\'"></svg>'];
    await playground.pasteDocuments(payloads.join('\n'));
    await expect(playground.firstStageRows).toHaveCount(3);
    await expect(playground.firstStageRows.first()).toContainText('<script>');
    expect(await page.evaluate(() => (window as { pwned?: string }).pwned)).toBeUndefined();
    expect(csp.lines()).toEqual([]); // the app never renders HTML: nothing even tried to run

    // Were markup ever put into the page, the policy stops it: an inline <script> element is not run.
    await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.pwned = "inline"';
      document.body.append(script);
    });
    await expect.poll(() => csp.violations.filter((v) => v.via === 'page').map((v) => v.directive)).toEqual(['script-src-elem']);
    expect(await page.evaluate(() => (window as { pwned?: string }).pwned)).toBeUndefined();
  });

  test('a worker connecting where the policy forbids is reported by its event and by report-uri', async ({ playground, page, csp }) => {
    await playground.useLocalModel('test/overlap-reranker', { device: 'wasm', dtype: 'fp32' });
    await playground.rerankButton.click();
    await expect(playground.column().rows).toHaveCount(4, { timeout: 40_000 });
    const blocked = (via: string, url: string) => () => csp.violations.some((v) => v.via === via && v.directive === 'connect-src' && v.blocked.startsWith(url));
    // A data: URL is outside connect-src (only the app, http: and https: are in).
    const appWorker = page.workers().find((w) => /\/assets\/worker-/.test(w.url()));
    await appWorker?.evaluate(() => fetch('data:text/plain,from-worker').catch(() => undefined));
    await expect.poll(blocked('worker', 'data')).toBe(true);
    // The report-uri added to the worker's policy reports it too: the WASM threads (blob: workers, busy in WebAssembly
    // and so out of reach of evaluate) inherit that policy, so their violations arrive the same way.
    await expect.poll(blocked('report', 'data')).toBe(true);
  });
});

test.describe('the service worker', () => {
  test.use({ serviceWorkers: 'allow' });
  test('registers and takes control under the policy', async ({ page }) => {
    const violations: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy/.test(m.text())) violations.push(m.text());
    });
    await page.goto('/');
    await page.waitForFunction(() => navigator.serviceWorker.controller?.state === 'activated', null, { timeout: 30_000 });
    expect(violations).toEqual([]);
  });
});
