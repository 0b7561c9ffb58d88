import { defineConfig } from '@playwright/test';
import { chromiumArgs, findChromium } from './e2e/browser';

// E2E_PORT lets a second checkout run its tests while another one holds 4173.
const port = Number(process.env.E2E_PORT ?? 4173);
// E2E_DIST serves another build folder (e.g. one built with `vite build --outDir dist-x`), so parallel work can test its own build.
const outDirFlag = process.env.E2E_DIST ? ` --outDir ${process.env.E2E_DIST}` : '';
const executablePath = findChromium();

export default defineConfig({
  testDir: './e2e',
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  workers: 1, // two cores: the model runs use both, parallel tests would starve each other
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: process.env.CI ? 'list' : [['list']],
  use: {
    baseURL: `http://localhost:${port}`,
    trace: 'on-first-retry',
    // The service worker is tested in e2e/offline.spec.ts; elsewhere it would hide requests from page.route.
    serviceWorkers: 'block',
    launchOptions: { executablePath, args: chromiumArgs },
  },
  webServer: {
    command: `npx vite preview --port ${port} --strictPort${outDirFlag}`,
    url: `http://localhost:${port}`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
