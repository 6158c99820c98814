// A run that blows up or dies is stopped with its likely cause, and chance-level accuracy never looks like success.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { openPage } from './support/browser.mjs';
import { serverAndBrowser } from './support/fixture.mjs';

describe('divergence', () => {
  const fixture = serverAndBrowser();

  for (const target of ['wasm', 'js']) {
    test(`SGD at lr 50 is stopped with the cause and a highlighted Reset (${target})`, async () => {
      const { page, problems } = await openPage(fixture.browser.context);
      await page.goto(`${fixture.server.url}?layers=784,32,10&act=relu&opt=sgd&lr=50&epochs=3&workers=1&target=${target}`);
      await page.waitForSelector('#train:not([disabled])', { timeout: 30_000 });
      await page.click('#train');
      await page.waitForSelector('#status[data-state="error"]', { timeout: 60_000 });
      const text = await page.textContent('#status');
      assert.match(text, /dead ReLUs/);
      assert.match(text, /learning rate/);
      assert.match(text, /Reset/);
      // Stopped early, not after the planned three epochs.
      assert.ok(Number(await page.textContent('#steps')) < 1875, 'stopped within the first epoch');
      assert.equal(await page.getAttribute('#reset', 'class'), 'attention');
      assert.ok(!(await page.isDisabled('#reset')));
      const level = await page.getAttribute('#test-accuracy', 'data-level');
      assert.notEqual(level, 'learned', 'a dead network\'s accuracy is not shown as success');
      assert.deepEqual(problems, []);
      await page.close();
    });
  }
});
