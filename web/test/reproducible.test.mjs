// Same settings, seed and worker count give the same run: on a fresh page whose data is still
// downloading, after Reset with all data there, and on a fresh page that waited for all data.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { openPage } from './support/browser.mjs';
import { serverAndBrowser } from './support/fixture.mjs';

const RUN = 'layers=784,16,10&act=relu&opt=adam&lr=0.002&batch=32&epochs=1&seed=1';
const steps = async (page) => Number(await page.textContent('#steps'));

/** Waits for the page's run to end; resolves to the test accuracy and a hash of the model file. */
async function result(page) {
  await page.waitForSelector('#status[data-state="done"]', { timeout: 120_000 });
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download-model')]);
  const model = createHash('sha256').update(readFileSync(await download.path())).digest('hex');
  // The workers that trained it: a worker left out would make it another run (the status says so).
  return { accuracy: await page.textContent('#test-accuracy'), model, workers: await page.textContent('#workers') };
}

describe('reproducible runs', () => {
  const fixture = serverAndBrowser();

  for (const workers of [1, 2]) {
    test(`a fresh page, Reset and a page with all data train the same network (${workers} worker(s))`, async () => {
      const { page, problems } = await openPage(fixture.browser.context);
      // The second training shard waits until the first one has been trained on, so the fresh run
      // starts while data is still arriving and has to wait for it.
      let release;
      const held = new Promise((resolve) => { release = resolve; });
      await page.route('**/data/shards/train-001-*', async (route) => {
        await held;
        await route.continue();
      });
      await page.goto(`${fixture.server.url}?${RUN}&workers=${workers}`);
      await page.waitForSelector('#train:not([disabled])', { timeout: 30_000 });
      await page.click('#train');
      await page.waitForFunction(() => Number(document.querySelector('#steps').textContent) >= 96);
      await page.waitForTimeout(500);
      const waiting = await steps(page);
      await page.waitForTimeout(500);
      assert.equal(await steps(page), waiting, 'training waits for the held shard');
      assert.ok(waiting <= Math.ceil(5000 / 32), `${waiting} steps on the first shard of 5,000 images`);
      release();
      const fresh = await result(page);

      await page.click('#reset');
      await page.waitForSelector('#status[data-state="ready"]');
      await page.click('#train');
      const reset = await result(page);

      const { page: other, problems: otherProblems } = await openPage(fixture.browser.context);
      await other.goto(`${fixture.server.url}?${RUN}&workers=${workers}`);
      await other.waitForFunction(() => !document.querySelector('#status').textContent.includes('Loading MNIST')
        && !document.querySelector('#train').disabled, null, { timeout: 60_000 });
      await other.click('#train');
      const allData = await result(other);

      console.log(`# ${workers} worker(s): fresh ${fresh.accuracy}, reset ${reset.accuracy}, `
        + `all data first ${allData.accuracy}`);
      for (const run of [fresh, reset, allData]) {
        assert.equal(run.workers, String(workers), 'every run trained in the workers asked for');
      }
      assert.deepEqual(reset, fresh, 'Reset repeats the fresh run');
      assert.deepEqual(allData, fresh, 'a page that waited for all data trains the same network');
      assert.deepEqual([...problems, ...otherProblems], []);
      await page.close();
      await other.close();
    });
  }
});
