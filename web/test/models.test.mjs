// Saving, sharing and loading models: the exact network comes back, bad files are refused clearly.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import { openBrowser, openPage } from './support/browser.mjs';
import { serverAndBrowser } from './support/fixture.mjs';
import { repoDir, screenshotDir } from './support/server.mjs';

// Away from the form's defaults (Adam, lr 0.001, seed 1, batch 32, 10 epochs, all examples), so a page that
// fell back to them would show. One worker: the same settings then train exactly the same run.
const RUN = 'layers=784,32,10&act=relu&opt=momentum&lr=0.02&batch=64&epochs=1&seed=7&train=12000&workers=1';
/** A model file written before files carried their run settings (format version 1; see ModelFormatTest). */
const VERSION_ONE_FILE = path.join(repoDir, 'frontend-java/core/src/test/resources/digitlab/core/model/model-v1.dlnn');

/** Trains one epoch and returns what the page shows about the network. */
async function trainOneEpoch(page, url) {
  await page.goto(url);
  await page.waitForSelector('#train:not([disabled])', { timeout: 30_000 });
  // A network built while shards still arrive meets the late ones in another order than one built on all of
  // them: Reset once every shard is in, so this run is the one a Reset on any other page trains.
  await page.waitForFunction(() => !document.querySelector('#status').textContent.includes('Loading MNIST'),
    null, { timeout: 60_000 });
  await page.click('#reset');
  await page.click('#train');
  await page.waitForSelector('#status[data-state="done"]', { timeout: 60_000 });
  return snapshot(page);
}

/** The settings form's values for the keys the test runs set. */
async function form(page) {
  const values = {};
  for (const key of ['opt', 'lr', 'batch', 'epochs', 'seed']) {
    values[key] = await page.inputValue(`#config-form [data-key="${key}"]`);
  }
  return values;
}

/** Loads a model file into the page and waits until the worker has it. */
async function loadFile(page, file) {
  await page.setInputFiles('#model-file', file);
  await page.waitForFunction(() => document.querySelector('#status').textContent.startsWith('Loaded'));
}

/**
 * The test accuracy and the prediction for test image 1, asked for now (once per page, from image 0): the
 * prediction on screen when training stops can still be the last one from during training.
 */
async function snapshot(page) {
  await page.click('#next-example');
  await page.waitForSelector('#activations .activations[data-index="1"] [data-top]');
  return {
    accuracy: await page.textContent('#test-accuracy'),
    prediction: await page.getAttribute('#activations .prob-bars', 'aria-label'),
  };
}

/** A screenshot of the top of the page (status, settings), where "Another image" scrolled away from. */
async function screenshot(page, name) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(screenshotDir, name) });
}

describe('models', () => {
  const fixture = serverAndBrowser();
  const downloads = mkdtempSync(path.join(tmpdir(), 'digit-lab-downloads-'));

  test('a downloaded model loads into a fresh page with the same predictions and its settings', async () => {
    const { page, problems } = await openPage(fixture.browser.context);
    const trained = await trainOneEpoch(page, `${fixture.server.url}?${RUN}`);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download-model')]);
    assert.equal(download.suggestedFilename(), 'digit-lab-784-32-10.dlnn');
    const file = path.join(downloads, download.suggestedFilename());
    await download.saveAs(file);
    assert.equal(readFileSync(file).subarray(0, 4).toString('latin1'), 'DLNN');

    // A page with the default settings and another network.
    const { page: fresh, problems: freshProblems } = await openPage(fixture.browser.context);
    await fresh.goto(`${fixture.server.url}?layers=784,100,10&workers=1`);
    await fresh.waitForSelector('#train:not([disabled])', { timeout: 30_000 });
    await loadFile(fresh, file);
    await fresh.waitForFunction((expected) => document.querySelector('#test-accuracy').textContent === expected,
      trained.accuracy, { timeout: 30_000 });
    assert.deepEqual(await snapshot(fresh), trained);
    assert.match(fresh.url(), /layers=784,32,10/, 'the address shows the loaded architecture');
    await screenshot(fresh, 'model-loaded.png');

    // The file carries its run's settings: the form shows them, and Reset trains that very run again.
    assert.deepEqual(await form(fresh), { opt: 'momentum', lr: '0.02', batch: '64', epochs: '1', seed: '7' });
    assert.match(fresh.url(), /opt=momentum&lr=0.02&.*batch=64&.*seed=7&epochs=1&.*train=12000&/,
      'the address shows the settings, those without a control too');
    assert.doesNotMatch(await fresh.textContent('#status'), /The file/, 'nothing to say about the settings');
    await fresh.click('#reset');
    await fresh.waitForFunction(() => document.querySelector('#status').textContent.startsWith('New network'));
    await fresh.click('#train');
    await fresh.waitForSelector('#status[data-state="done"]', { timeout: 60_000 });
    assert.equal(await fresh.textContent('#test-accuracy'), trained.accuracy, 'the same run as the first page\'s');

    // A file from a newer version with a setting this one does not know: it loads, and the page says so.
    const bytes = readFileSync(file);
    const at = bytes.indexOf('memory=10');
    assert.ok(at > 0, 'the settings are in the file as text');
    bytes.write('valsp=512', at, 'latin1');
    const newer = path.join(downloads, 'newer.dlnn');
    writeFileSync(newer, bytes);
    await loadFile(fresh, newer);
    assert.match(await fresh.textContent('#status'), /less those unknown to this version: valsp\./);
    assert.deepEqual(await form(fresh), { opt: 'momentum', lr: '0.02', batch: '64', epochs: '1', seed: '7' });
    assert.deepEqual([...problems, ...freshProblems], []);
    await page.close();
    await fresh.close();
  });

  test('a model file from before files carried settings loads, and the page keeps its settings and says so',
    async () => {
      const { page, problems } = await openPage(fixture.browser.context);
      await page.goto(`${fixture.server.url}?opt=sgd&lr=0.2&seed=5&workers=1`);
      await page.waitForSelector('#train:not([disabled])', { timeout: 30_000 });
      await loadFile(page, VERSION_ONE_FILE);
      assert.match(await page.textContent('#status'), new RegExp('^Loaded a model trained for 1 epoch on 6000'
        + " examples: 784-8-10 .* The file does not record its training settings: the settings other than the"
        + " network's shape stay as they were\\."));
      assert.deepEqual(await form(page), { opt: 'sgd', lr: '0.2', batch: '32', epochs: '10', seed: '5' });
      assert.match(page.url(), /layers=784,8,10&.*opt=sgd&lr=0.2&/);
      await screenshot(page, 'model-v1-loaded.png');
      assert.deepEqual(problems, []);
      await page.close();
    });

  test('a file that is not a model is refused with a clear message and changes nothing', async () => {
    const { page } = await openPage(fixture.browser.context);
    await page.goto(`${fixture.server.url}?layers=784,20,10`);
    await page.waitForSelector('#train:not([disabled])', { timeout: 30_000 });
    await page.setInputFiles('#model-file', { name: 'notes.dlnn', mimeType: 'text/plain',
      buffer: Buffer.from('these are my notes, not a model') });
    await page.waitForSelector('#status[data-state="error"]');
    assert.match(await page.textContent('#status'), /not a Digit Lab model/);
    assert.match(page.url(), /layers=784,20,10/);
    assert.equal(await page.isDisabled('#train'), false, 'the current network is still there');
    await page.close();
  });

  test('Share gives a short link that opens the exact model, its settings too, in a fresh browser; so does the old long link',
    async () => {
      const { page, problems } = await openPage(fixture.browser.context);
      const trained = await trainOneEpoch(page, `${fixture.server.url}?${RUN}&target=js`);
      await page.click('#share');
      await page.waitForSelector('#share-link:not([hidden])', { timeout: 30_000 });
      const link = await page.getAttribute('#share-link', 'href');
      const base = new URL(fixture.server.url);
      assert.match(link, new RegExp(`^${base.origin}${base.pathname}\\?model=[A-Za-z0-9_-]{22}$`),
        'the model id is the whole query: the file carries the rest');
      assert.equal(await page.textContent('#share-link'), link);
      assert.match(page.url(), /model=/, 'the address now names the shared model');
      assert.match(page.url(), /layers=784,32,10/, 'and still shows the run');
      const id = new URL(link).searchParams.get('model');
      // The form links took before: the model and every setting (still opened as before).
      const longLink = `${fixture.server.url}?model=${id}&${RUN.replace('&workers=1', '')}`;

      // A different browser profile, as a student opening the teacher's link.
      const other = await openBrowser();
      try {
        for (const [opening, name] of [[link, 'shared-model.png'], [longLink, null]]) {
          const { page: opened, problems: openedProblems } = await openPage(other.context);
          await opened.goto(opening);
          await opened.waitForFunction(() => document.querySelector('#status').textContent.startsWith('Loaded'),
            null, { timeout: 30_000 });
          await opened.waitForFunction((expected) => document.querySelector('#test-accuracy').textContent === expected,
            trained.accuracy, { timeout: 30_000 });
          assert.deepEqual(await snapshot(opened), trained, opening);
          assert.deepEqual(await form(opened), { opt: 'momentum', lr: '0.02', batch: '64', epochs: '1', seed: '7' },
            opening);
          assert.match(opened.url(), /layers=784,32,10&.*train=12000&/, 'the address shows the settings the file brought');
          assert.match(opened.url(), new RegExp(`model=${id}`));
          if (name) {
            await screenshot(opened, name);
          }
          assert.deepEqual(openedProblems, [], opening);
          await opened.close();
        }
        assert.deepEqual(problems, []);
      } finally {
        await other.close();
      }
      await page.close();
    });

  test('a link to a model that does not exist says so', async () => {
    const { page } = await openPage(fixture.browser.context);
    await page.goto(`${fixture.server.url}?model=AAAAAAAAAAAAAAAAAAAAAA`);
    await page.waitForSelector('#status[data-state="error"]', { timeout: 30_000 });
    assert.match(await page.textContent('#status'), /Could not load the shared model .*no such model/);
    await page.close();
  });
});
