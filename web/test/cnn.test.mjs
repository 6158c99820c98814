// A convolutional network end to end, in both builds: it trains past 97% in a fixed number of steps, Step
// and Pause work, it reads a drawing, and its link and its file bring back the exact network elsewhere.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { openBrowser, openPage } from './support/browser.mjs';
import { draw } from './support/drawing.mjs';
import { serverAndBrowser } from './support/fixture.mjs';

// One epoch of the 60,000 training images in batches of 32 (1,875 steps) on two workers.
const LAYERS = '784,c8k5,p2,c16k5,p2,10';
const RUN = `layers=${LAYERS}&act=relu&opt=adam&lr=0.002&batch=32&epochs=1&valid=0&seed=3&workers=2`;
const STEPS = Math.ceil(60000 / 32);

const percent = (text) => Number(text.replace('%', ''));

describe('a convolutional network', () => {
  const fixture = serverAndBrowser();

  for (const target of ['wasm', 'js']) {
    test(`trains past 97%, draws, shares and reloads (${target})`, { timeout: 360_000 }, async () => {
      const { page, problems } = await openPage(fixture.browser.context);
      await page.goto(`${fixture.server.url}?${RUN}&target=${target}`);
      await page.waitForFunction(() => !document.querySelector('#status').textContent.includes('Loading MNIST')
        && !document.querySelector('#train').disabled, null, { timeout: 60_000 });
      assert.match(await page.textContent('#status'), /784-c8k5-p2-c16k5-p2-10/);

      // Step trains one batch; Reset goes back to the seed's first weights.
      await page.click('#step');
      await page.waitForFunction(() => document.querySelector('#steps').textContent === '1');
      await page.click('#reset');
      await page.waitForSelector('#status[data-state="ready"]');

      await page.click('#train');
      await page.waitForFunction(() => Number(document.querySelector('#steps').textContent) > 50);
      await page.click('#pause');
      await page.waitForSelector('#status[data-state="paused"]');
      const paused = Number(await page.textContent('#steps'));
      await page.waitForTimeout(500);
      assert.equal(Number(await page.textContent('#steps')), paused, 'Pause stops training');
      await page.click('#train');
      await page.waitForSelector('#status[data-state="done"]', { timeout: 240_000 });
      assert.equal(Number(await page.textContent('#steps')), STEPS);
      const accuracy = await page.textContent('#test-accuracy');
      console.log(`# ${target}: ${LAYERS} after ${STEPS} steps: ${accuracy}, `
        + `${await page.textContent('#examples-per-second')} examples/s`);
      assert.ok(percent(accuracy) > 97, `${accuracy} on the test set`);

      await draw(page, [[[0.3, 0.2], [0.72, 0.2], [0.45, 0.85]]]);
      assert.equal(await page.textContent('#prediction'), '7', 'it reads a drawn 7');

      const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download-model')]);
      const file = await download.path();
      await page.click('#share');
      await page.waitForSelector('#share-link:not([hidden])', { timeout: 30_000 });
      const link = await page.getAttribute('#share-link', 'href');
      assert.match(link, /\?model=[A-Za-z0-9_-]{22}$/, 'the short link: the model file brings its layers');

      // A student's fresh browser opens the link; another page loads the downloaded file.
      const other = await openBrowser();
      try {
        const { page: opened, problems: openedProblems } = await openPage(other.context);
        await opened.goto(link);
        await opened.waitForFunction(() => document.querySelector('#status').textContent.startsWith('Loaded'),
          null, { timeout: 30_000 });
        await opened.waitForFunction((expected) => document.querySelector('#test-accuracy').textContent === expected,
          accuracy, { timeout: 60_000 });
        assert.match(opened.url(), new RegExp(`layers=${LAYERS.replaceAll(',', '(,|%2C)')}`));

        const { page: loaded, problems: loadedProblems } = await openPage(other.context);
        await loaded.goto(`${fixture.server.url}?target=${target}`);
        await loaded.waitForSelector('#train:not([disabled])', { timeout: 30_000 });
        await loaded.setInputFiles('#model-file', file);
        await loaded.waitForFunction(() => document.querySelector('#status').textContent.startsWith('Loaded'));
        await loaded.waitForFunction((expected) => document.querySelector('#test-accuracy').textContent === expected,
          accuracy, { timeout: 60_000 });
        assert.deepEqual([...problems, ...openedProblems, ...loadedProblems], []);
      } finally {
        await other.close();
      }
      await page.close();
    });
  }
});
