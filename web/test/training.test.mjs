// The live-training screen: a worker trains while the page stays responsive and shows what happens.
import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, test } from 'node:test';
import { openPage } from './support/browser.mjs';
import { serverAndBrowser } from './support/fixture.mjs';
import { screenshotDir } from './support/server.mjs';

const RUN = 'layers=784,64,10&act=relu&opt=adam&lr=0.002&batch=32&epochs=1&seed=1';

/** Counts animation frames and the longest gap between two, to see whether the page's thread was free. */
function watchFrames(page) {
  return page.evaluate(() => {
    window.frameWatch = { frames: 0, longestGapMs: 0, last: performance.now() };
    const tick = (now) => {
      const watch = window.frameWatch;
      watch.frames++;
      watch.longestGapMs = Math.max(watch.longestGapMs, now - watch.last);
      watch.last = now;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
}

const readFrames = (page) => page.evaluate(() => ({ ...window.frameWatch }));
const percent = async (page) => parseFloat((await page.textContent('#test-accuracy')).replace('%', ''));
const steps = async (page) => Number(await page.textContent('#steps'));

describe('live training', () => {
  const fixture = serverAndBrowser();

  for (const target of ['wasm', 'js']) {
    test(`trains 784-64-10 past 90% test accuracy with a responsive page (${target})`, async () => {
      const { page, problems } = await openPage(fixture.browser.context);
      await page.goto(`${fixture.server.url}?${RUN}&target=${target}`);
      await page.waitForSelector('#train:not([disabled])', { timeout: 30_000 });
      const weightsBefore = await page.getAttribute('#weights', 'data-checksum');

      await watchFrames(page);
      // Every weight picture painted while the run trains (an epoch here can take about a second, so a
      // look at a fixed moment could come after the end).
      await page.evaluate(() => {
        window.weightsWhileTraining = [];
        const weights = document.querySelector('#weights');
        new MutationObserver(() => {
          if (document.querySelector('#status').dataset.state === 'training') {
            window.weightsWhileTraining.push(weights.dataset.checksum);
          }
        }).observe(weights, { attributes: true, attributeFilter: ['data-checksum'] });
      });
      const started = Date.now();
      await page.click('#train');
      await page.waitForSelector('#status[data-state="done"]', { timeout: 120_000 });
      const seconds = (Date.now() - started) / 1000;

      const frames = await readFrames(page);
      const accuracy = await percent(page);
      const speed = await page.textContent('#examples-per-second');
      console.log(`# ${target}: one epoch in ${seconds.toFixed(1)} s, test accuracy ${accuracy}%, `
        + `${speed} examples/s, ${frames.frames} frames, longest frame gap ${frames.longestGapMs.toFixed(0)} ms`);

      assert.equal(await page.getAttribute('#test-accuracy', 'data-source'), 'test-set');
      assert.ok(accuracy > 90, `test accuracy ${accuracy}%`);
      // The page's own thread never trains: frames kept coming while the worker was busy.
      assert.ok(frames.frames > seconds * 20, `${frames.frames} frames in ${seconds} s`);
      assert.ok(frames.longestGapMs < 500, `longest gap between frames ${frames.longestGapMs} ms`);
      const during = await page.evaluate(() => window.weightsWhileTraining);
      assert.ok(during.some((checksum) => checksum !== weightsBefore), 'the weight images changed while training');
      assert.notEqual(await page.getAttribute('#weights', 'data-checksum'), weightsBefore);

      await page.waitForSelector('#sample-grid[data-predictions]');
      const grid = await page.$eval('#sample-grid', (canvas) => ({
        labels: canvas.dataset.labels.split(','), predictions: canvas.dataset.predictions.split(','),
      }));
      const right = grid.labels.filter((label, i) => label === grid.predictions[i]).length;
      assert.ok(right >= 85, `the sample grid shows ${right} of 100 predictions right`);
      // A mistake cell of the confusion matrix filters the misclassified images to that cell.
      await page.click('.confusion-cell[data-true="4"][data-predicted="9"]');
      const filter = await page.getAttribute('ul.mistakes', 'data-filter');
      assert.equal(filter, '4,9');

      await page.screenshot({ path: path.join(screenshotDir, `training-${target}.png`), fullPage: true });
      assert.deepEqual(problems, []);
      await page.close();
    });
  }

  test('the test accuracy says which images it was measured on and waits for the whole test set', async () => {
    /** Holds back the last test shard until release() is called. */
    const holdLastTestShard = async (page) => {
      let release;
      const held = new Promise((resolve) => { release = resolve; });
      await page.route('**/data/shards/test-001-*', async (route) => {
        await held;
        await route.continue();
      });
      return release;
    };
    /** Records every state of the test accuracy readout from now on, in window.accuracyStates. */
    const recordAccuracy = (page) => page.evaluate(() => {
      const figure = document.querySelector('#test-accuracy');
      const basis = document.querySelector('#test-accuracy-basis');
      window.accuracyStates = [];
      const record = () => window.accuracyStates.push({
        text: figure.textContent, source: figure.dataset.source ?? null, basis: basis?.textContent ?? null,
      });
      const observer = new MutationObserver(record);
      for (const node of [figure, basis].filter(Boolean)) {
        observer.observe(node, { attributes: true, childList: true, characterData: true, subtree: true });
      }
    });
    const states = (page) => page.evaluate(() => window.accuracyStates);
    const shown = async (page) => ({
      text: await page.textContent('#test-accuracy'), source: await page.getAttribute('#test-accuracy', 'data-source'),
      basis: await page.textContent('#test-accuracy-basis'),
    });

    // A short run that ends while the second half of the test set is still downloading.
    const { page, problems } = await openPage(fixture.browser.context);
    const release = await holdLastTestShard(page);
    await page.goto(`${fixture.server.url}?layers=784,16,10&epochs=1&train=2000&seed=1`);
    await recordAccuracy(page);
    await page.waitForSelector('#train:not([disabled])', { timeout: 30_000 });
    await page.click('#train');
    await page.waitForSelector('#status[data-state="done"]', { timeout: 60_000 });
    await page.waitForTimeout(1000);
    assert.deepEqual((await states(page)).filter((state) => state.source === 'test-set'), [],
      'no figure is called the test set before all of it is in');
    // No stand-in for the test set meanwhile: the images that steer training are shown apart.
    assert.deepEqual(await shown(page), { text: '–', source: null, basis: 'after the first epoch' });
    // The run ended before the last training shard (the validation images) came in: measured on arrival.
    await page.waitForFunction(() => document.querySelector('#validation-accuracy').textContent.endsWith('%'));
    const validation = await page.textContent('#validation-accuracy');
    assert.equal(await page.textContent('#validation-accuracy-basis'), '5,000 held-out images');
    release();
    await page.waitForSelector('#test-accuracy[data-source="test-set"]', { timeout: 30_000 });
    const whole = await shown(page);
    console.log(`# after 2,000 examples: ${validation} on the 5,000 validation images, ${whole.text} on all test images`);
    assert.equal(whole.basis, 'all 10,000 test images');
    assert.match(await page.getAttribute('#test-accuracy', 'title'), /all 10,000 test images/);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download-model')]);

    // The same network loaded into a page whose test set is still downloading: the validation figure
    // first, then the whole test set, never a figure over part of it.
    const { page: loaded, problems: loadedProblems } = await openPage(fixture.browser.context);
    const releaseLoaded = await holdLastTestShard(loaded);
    await loaded.goto(`${fixture.server.url}?layers=784,16,10`);
    await recordAccuracy(loaded);
    await loaded.waitForSelector('#train:not([disabled])', { timeout: 30_000 });
    await loaded.setInputFiles('#model-file', await download.path());
    await loaded.waitForFunction(() => document.querySelector('#status').textContent.startsWith('Loaded'));
    await loaded.waitForFunction(() => document.querySelector('#validation-accuracy').textContent.endsWith('%'));
    await loaded.waitForTimeout(1000);
    assert.deepEqual((await states(loaded)).filter((state) => state.source === 'test-set'), []);
    assert.equal(await loaded.textContent('#validation-accuracy'), validation,
      'the same network, the same images, the same figure');
    releaseLoaded();
    await loaded.waitForSelector('#test-accuracy[data-source="test-set"]', { timeout: 30_000 });
    assert.deepEqual(await shown(loaded), whole);
    assert.deepEqual([...problems, ...loadedProblems], []);
    await page.close();
    await loaded.close();
  });

  test('pause stops training and step trains exactly one mini-batch', async () => {
    const { page, problems } = await openPage(fixture.browser.context);
    await page.goto(`${fixture.server.url}?layers=784,32,10&epochs=50`);
    await page.waitForSelector('#train:not([disabled])', { timeout: 30_000 });
    await page.click('#train');
    await page.waitForFunction(() => Number(document.querySelector('#steps').textContent) > 50);
    await page.click('#pause');
    await page.waitForSelector('#status[data-state="paused"]');
    const paused = await steps(page);
    await page.waitForTimeout(1000);
    assert.equal(await steps(page), paused, 'no steps after pause');

    await page.click('#step');
    await page.waitForFunction((before) => Number(document.querySelector('#steps').textContent) === before + 1,
      paused);

    // A new learning rate applies to the same network: no reset, the address follows.
    await page.fill('[data-key="lr"]', '0.0005');
    await page.dispatchEvent('[data-key="lr"]', 'change');
    await page.waitForFunction(() => location.search.includes('lr=0.0005'));
    await page.click('#step');
    await page.waitForFunction((before) => Number(document.querySelector('#steps').textContent) === before + 2,
      paused);
    assert.equal(await page.getAttribute('#status', 'data-state'), 'paused');
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('more epochs let a finished run train further from where it stopped', async () => {
    const { page, problems } = await openPage(fixture.browser.context);
    await page.goto(`${fixture.server.url}?layers=784,16,10&epochs=1`);
    await page.waitForSelector('#train:not([disabled])', { timeout: 30_000 });
    await page.click('#train');
    await page.waitForSelector('#status[data-state="done"]', { timeout: 60_000 });
    const stepsAfterOne = await steps(page);
    await page.fill('[data-key="epochs"]', '2');
    await page.dispatchEvent('[data-key="epochs"]', 'change');
    await page.waitForSelector('#train:not([disabled])');
    assert.equal(await steps(page), stepsAfterOne, 'the network was kept');
    await page.click('#train');
    await page.waitForSelector('#status[data-state="done"]', { timeout: 60_000 });
    assert.equal(await page.textContent('#epoch'), '2.00');
    assert.equal(await steps(page), 2 * stepsAfterOne);
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('the address keeps the settings: a reload restores them', async () => {
    const { page, problems } = await openPage(fixture.browser.context);
    await page.goto(`${fixture.server.url}?layers=784,48,10&target=js`);
    await page.waitForSelector('#train:not([disabled])', { timeout: 30_000 });
    await page.fill('[data-key="batch"]', '64');
    await page.dispatchEvent('[data-key="batch"]', 'change');
    await page.selectOption('[data-key="opt"]', 'momentum');
    await page.selectOption('[data-key="loss"]', 'quadratic');
    await page.selectOption('[data-key="init"]', 'normal');
    await page.click('#add-layer');
    await page.waitForFunction(() => ['batch=64', 'opt=momentum', 'loss=quadratic', 'init=normal']
      .every((setting) => location.search.includes(setting)));
    const address = page.url();
    assert.match(address, /target=js/, 'page parameters are kept');
    assert.match(address, /layers=784,48,24,10/);

    await page.reload();
    await page.waitForSelector('#train:not([disabled])', { timeout: 30_000 });
    assert.equal(await page.inputValue('[data-key="batch"]'), '64');
    assert.equal(await page.inputValue('[data-key="opt"]'), 'momentum');
    assert.equal(await page.inputValue('[data-key="loss"]'), 'quadratic');
    assert.equal(await page.inputValue('[data-key="init"]'), 'normal');
    assert.deepEqual(await page.$$eval('.layer-units', (inputs) => inputs.map((input) => input.value)), ['48', '24']);
    assert.match(await page.textContent('#status'), /784-48-24-10/);
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('a diverging run says so and offers a reset', async () => {
    const { page } = await openPage(fixture.browser.context);
    await page.goto(`${fixture.server.url}?layers=784,32,10&act=linear&opt=sgd&lr=1000000&epochs=5`);
    await page.waitForSelector('#train:not([disabled])', { timeout: 30_000 });
    await page.click('#train');
    await page.waitForSelector('#status[data-state="error"]', { timeout: 30_000 });
    assert.match(await page.textContent('#status'), /diverged.*NaN or infinite/);
    assert.equal(await page.getAttribute('#reset', 'class'), 'attention');
    await page.click('#reset');
    await page.waitForSelector('#status[data-state="ready"]');
    await page.close();
  });
});
