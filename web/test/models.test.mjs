// Saving, sharing and loading models: the exact network comes back, bad files are refused clearly.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import { openBrowser, openPage } from './support/browser.mjs';
import { serverAndBrowser } from './support/fixture.mjs';
import { screenshotDir } from './support/server.mjs';

const RUN = 'layers=784,32,10&act=relu&opt=adam&lr=0.002&epochs=1&seed=3';

/** Trains one epoch and returns what the page shows about the network. */
async function trainOneEpoch(page, url) {
  await page.goto(url);
  await page.waitForSelector('#train:not([disabled])', { timeout: 30_000 });
  await page.click('#train');
  await page.waitForSelector('#status[data-state="done"]', { timeout: 60_000 });
  return snapshot(page);
}

/** The test accuracy and the prediction for the inspected test image (test image 0 by default). */
async function snapshot(page) {
  await page.waitForSelector('#activations [data-top]');
  return {
    accuracy: await page.textContent('#test-accuracy'),
    prediction: await page.getAttribute('#activations .prob-bars', 'aria-label'),
  };
}

describe('models', () => {
  const fixture = serverAndBrowser();
  const downloads = mkdtempSync(path.join(tmpdir(), 'digit-lab-downloads-'));

  test('a downloaded model loads back into a fresh page with the same predictions', async () => {
    const { page, problems } = await openPage(fixture.browser.context);
    const trained = await trainOneEpoch(page, `${fixture.server.url}?${RUN}`);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download-model')]);
    assert.equal(download.suggestedFilename(), 'digit-lab-784-32-10.dlnn');
    const file = path.join(downloads, download.suggestedFilename());
    await download.saveAs(file);
    assert.equal(readFileSync(file).subarray(0, 4).toString('latin1'), 'DLNN');

    const { page: fresh, problems: freshProblems } = await openPage(fixture.browser.context);
    await fresh.goto(`${fixture.server.url}?layers=784,100,10`);
    await fresh.waitForSelector('#train:not([disabled])', { timeout: 30_000 });
    await fresh.setInputFiles('#model-file', file);
    await fresh.waitForFunction(() => document.querySelector('#status').textContent.startsWith('Loaded'));
    await fresh.waitForFunction((expected) => document.querySelector('#test-accuracy').textContent === expected,
      trained.accuracy, { timeout: 30_000 });
    assert.deepEqual(await snapshot(fresh), trained);
    assert.match(fresh.url(), /layers=784,32,10/, 'the address shows the loaded architecture');
    await fresh.screenshot({ path: path.join(screenshotDir, 'model-loaded.png') });
    assert.deepEqual([...problems, ...freshProblems], []);
    await page.close();
    await fresh.close();
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

  test('Share gives a link that opens the exact model in a fresh browser', async () => {
    const { page, problems } = await openPage(fixture.browser.context);
    const trained = await trainOneEpoch(page, `${fixture.server.url}?${RUN}&target=js`);
    await page.click('#share');
    await page.waitForSelector('#share-link:not([hidden])', { timeout: 30_000 });
    const link = await page.getAttribute('#share-link', 'href');
    assert.match(link, /[?&]model=[A-Za-z0-9_-]{22}/);
    assert.match(link, /layers=784,32,10/, 'the link carries the run configuration too');
    assert.match(page.url(), /model=/, 'the address now names the shared model');

    // A different browser profile, as a student opening the teacher's link.
    const other = await openBrowser();
    try {
      const { page: opened, problems: openedProblems } = await openPage(other.context);
      await opened.goto(link);
      await opened.waitForFunction(() => document.querySelector('#status').textContent.startsWith('Loaded'),
        null, { timeout: 30_000 });
      await opened.waitForFunction((expected) => document.querySelector('#test-accuracy').textContent === expected,
        trained.accuracy, { timeout: 30_000 });
      assert.deepEqual(await snapshot(opened), trained);
      await opened.screenshot({ path: path.join(screenshotDir, 'shared-model.png') });
      assert.deepEqual([...problems, ...openedProblems], []);
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
