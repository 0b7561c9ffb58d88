import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

/**
 * Where the end-to-end tests get their browser: $CHROME_PATH, then Debian's /usr/bin/chromium,
 * then Playwright's own download. With none of them, stop with a message that says how to get one.
 */
export function findChromium(): string | undefined {
  const candidates = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  for (const candidate of candidates) {
    if (candidate && existsSync(candidate)) return candidate;
  }
  let bundled: string | undefined;
  try {
    bundled = chromium.executablePath();
  } catch {
    bundled = undefined;
  }
  if (bundled && existsSync(bundled)) return undefined; // Playwright's own browser: no executablePath needed.
  throw new Error(
    'No Chromium found for the end-to-end tests. Set CHROME_PATH to a Chromium or Chrome binary, ' +
      'or install one: `apt-get install -y chromium` (Debian) or `npx playwright install chromium`.',
  );
}

export const chromiumArgs = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  // WebGPU on a software adapter, so the WebGPU path can be tested headless.
  '--enable-unsafe-webgpu',
  '--use-webgpu-adapter=swiftshader',
  '--enable-features=Vulkan',
];
