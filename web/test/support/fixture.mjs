// One server and one browser for a test file: started before its tests, stopped after them.
import { mkdirSync } from 'node:fs';
import { after, before } from 'node:test';
import { openBrowser } from './browser.mjs';
import { screenshotDir, startServer } from './server.mjs';

/** Call at the top of a describe(); the returned object's `server` and `browser` are set before tests run. */
export function serverAndBrowser() {
  const fixture = { server: null, browser: null };
  before(async () => {
    fixture.server = await startServer();
    fixture.browser = await openBrowser();
    mkdirSync(screenshotDir, { recursive: true });
  });
  after(async () => {
    await fixture.browser?.close();
    await fixture.server?.stop();
  });
  return fixture;
}
