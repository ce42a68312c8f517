import { test as base, type APIRequestContext } from '@playwright/test';
import { E2E } from './servers';

/**
 * `freshClient()`: a client of the console with a cookie jar of its own (another browser, another
 * device), disposed when the test ends.
 */
export const test = base.extend<{ freshClient: () => Promise<APIRequestContext> }>({
  freshClient: async ({ playwright }, use) => {
    const clients: APIRequestContext[] = [];
    await use(async () => {
      const client = await playwright.request.newContext({ baseURL: E2E.consoleUrl });
      clients.push(client);
      return client;
    });
    await Promise.all(clients.map((client) => client.dispose()));
  },
});

export { expect } from '@playwright/test';
