import { test as base } from '@playwright/test';
import { PlaygroundPage } from './pages/PlaygroundPage';

/** Each test starts as a first visit: a fresh context has empty localStorage. */
export const test = base.extend<{ playground: PlaygroundPage }>({
  playground: async ({ page }, use) => {
    const playground = new PlaygroundPage(page);
    await playground.goto();
    await use(playground);
  },
});

export { expect } from '@playwright/test';
