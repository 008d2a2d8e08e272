// Playwright fixtures: a headless Berth per test file, and a page opened on it.
import { test as base, expect } from '@playwright/test';
import { startBerthServer, type BerthServer } from './berth-server';

export const test = base.extend<{ berthPage: void }, { berth: BerthServer }>({
  berth: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const server = await startBerthServer();
      await use(server);
      await server.stop();
    },
    { scope: 'worker' },
  ],
  berthPage: async ({ page, berth }, use) => {
    await page.goto(berth.url);
    await use();
  },
});

export { expect };
