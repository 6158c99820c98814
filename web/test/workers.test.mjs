// Data-parallel training: the training worker and a replica worker share the work over a SharedArrayBuffer
// when the page is cross-origin isolated, and training stays in one worker when it is not.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { openPage } from './support/browser.mjs';
import { serverAndBrowser } from './support/fixture.mjs';

const RUN = 'layers=784,64,10&act=relu&opt=adam&lr=0.002&batch=32&epochs=1&seed=1';
const percent = async (page) => parseFloat((await page.textContent('#test-accuracy')).replace('%', ''));

/** One epoch of RUN on the given page address; resolves to what the page showed. */
async function trainOneEpoch(page, url) {
  await page.goto(url);
  await page.waitForSelector('#train:not([disabled])', { timeout: 30_000 });
  const started = Date.now();
  await page.click('#train');
  await page.waitForSelector('#status[data-state="done"]', { timeout: 120_000 });
  return {
    seconds: (Date.now() - started) / 1000,
    accuracy: await percent(page),
    workers: await page.textContent('#workers'),
    speed: await page.textContent('#examples-per-second'),
    isolated: await page.evaluate(() => self.crossOriginIsolated),
  };
}

describe('data-parallel training', () => {
  const fixture = serverAndBrowser();

  test('two workers learn as much per epoch as one, in both builds', async () => {
    const results = {};
    for (const [target, workers] of [['wasm', 1], ['wasm', 2], ['js', 2]]) {
      const { page, problems } = await openPage(fixture.browser.context);
      const result = await trainOneEpoch(page, `${fixture.server.url}?${RUN}&target=${target}&workers=${workers}`);
      console.log(`# ${target}, ${workers} worker(s): one epoch in ${result.seconds.toFixed(1)} s, test accuracy `
        + `${result.accuracy}%, ${result.speed} examples/s`);
      assert.equal(result.isolated, true);
      assert.equal(result.workers, String(workers));
      assert.ok(result.accuracy > 90, `test accuracy ${result.accuracy}%`);
      assert.deepEqual(problems, []);
      results[`${target}${workers}`] = result.accuracy;
      await page.close();
    }
    // The same rounds in both builds: the same accuracy; and within a point of one worker.
    assert.ok(Math.abs(results.wasm2 - results.js2) <= 0.1, JSON.stringify(results));
    assert.ok(Math.abs(results.wasm2 - results.wasm1) <= 1, JSON.stringify(results));
  });

  test('step trains one mini-batch even with two workers', async () => {
    const { page, problems } = await openPage(fixture.browser.context);
    await page.goto(`${fixture.server.url}?layers=784,16,10&batch=32&workers=2`);
    await page.waitForSelector('#train:not([disabled])', { timeout: 30_000 });
    // All training images in: one batch is 32 of the 55,000 that train (60,000 less 5,000 held out).
    await page.waitForFunction(() => !document.querySelector('#status').textContent.includes('Loading MNIST'),
      null, { timeout: 60_000 });
    await page.click('#step');
    await page.waitForFunction(() => document.querySelector('#steps').textContent === '1');
    const progress = Number(await page.getAttribute('#epoch-progress', 'value'));
    assert.ok(Math.abs(progress - 32 / 55000) < 1e-9, `epoch progress ${progress} after one step`);
    assert.equal(await page.textContent('#workers'), '2');
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('without cross-origin isolation training stays in one worker', async () => {
    const { page, problems } = await openPage(fixture.browser.context);
    // The same server, minus the two headers that make the page cross-origin isolated.
    await page.route('**/*', async (route) => {
      const response = await route.fetch();
      const headers = response.headers();
      delete headers['cross-origin-opener-policy'];
      delete headers['cross-origin-embedder-policy'];
      await route.fulfill({ response, headers });
    });
    const result = await trainOneEpoch(page, `${fixture.server.url}?layers=784,16,10&epochs=1&workers=2`);
    assert.equal(result.isolated, false);
    assert.equal(result.workers, '1');
    assert.ok(result.accuracy > 85, `test accuracy ${result.accuracy}%`);
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('where the training worker may not start workers of its own, one worker trains', async () => {
    // The training worker's script served with a CSP that forbids it to start workers: its replica fires an
    // error instead of starting, and Train goes on in one worker at once (not after the join timeout).
    const { page, problems } = await openPage(fixture.browser.context);
    await page.route('**/js/worker-wasm.js', async (route) => {
      const response = await route.fetch();
      const headers = response.headers();
      headers['content-security-policy'] = headers['content-security-policy']
        .replace(/worker-src [^;]*/, "worker-src 'none'");
      await route.fulfill({ response, headers });
    });
    const started = Date.now();
    const result = await trainOneEpoch(page, `${fixture.server.url}?layers=784,16,10&epochs=1&target=wasm&workers=2`);
    const seconds = (Date.now() - started) / 1000;
    console.log(`# no nested workers: one epoch ${seconds.toFixed(1)} s after navigation`);
    assert.ok(seconds < 60, 'the refused worker was seen at once, not after the 60 s join timeout');
    assert.equal(result.isolated, true);
    assert.equal(result.workers, '1');
    assert.ok(result.accuracy > 85, `test accuracy ${result.accuracy}%`);
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('a bad workers parameter is reported and the choice is automatic', async () => {
    const { page, problems } = await openPage(fixture.browser.context);
    await page.goto(`${fixture.server.url}?layers=784,16,10&workers=many`);
    await page.waitForSelector('#train:not([disabled])', { timeout: 30_000 });
    assert.match(await page.textContent('#status'), /workers must be auto or 1 to 8, got 'many'/);
    assert.deepEqual(problems, []);
    await page.close();
  });
});
