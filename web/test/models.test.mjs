// Saving, sharing and loading models: the exact network comes back, bad files are refused clearly.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { openBrowser, openPage } from './support/browser.mjs';
import { screenshotDir, startServer } from './support/server.mjs';

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
  let server;
  let browser;
  const downloads = mkdtempSync(path.join(tmpdir(), 'digit-lab-downloads-'));

  before(async () => {
    server = await startServer();
    browser = await openBrowser();
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('a downloaded model loads back into a fresh page with the same predictions', async () => {
    const { page, problems } = await openPage(browser.context);
    const trained = await trainOneEpoch(page, `${server.url}?${RUN}`);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download-model')]);
    assert.equal(download.suggestedFilename(), 'digit-lab-784-32-10.dlnn');
    const file = path.join(downloads, download.suggestedFilename());
    await download.saveAs(file);
    assert.equal(readFileSync(file).subarray(0, 4).toString('latin1'), 'DLNN');

    const { page: fresh, problems: freshProblems } = await openPage(browser.context);
    await fresh.goto(`${server.url}?layers=784,100,10`);
    await fresh.waitForSelector('#train:not([disabled])', { timeout: 30_000 });
    await fresh.setInputFiles('#model-file', file);
    await fresh.waitForFunction(() => document.querySelector('#status').textContent.startsWith('Loaded'));
    await fresh.waitForFunction((expected) => document.querySelector('#test-accuracy').textContent === expected,
      trained.accuracy, { timeout: 30_000 });
    assert.deepEqual(await snapshot(fresh), trained);
    assert.match(fresh.url(), /layers=784,32,10/, 'the address shows the loaded architecture');
    assert.deepEqual([...problems, ...freshProblems], []);
    await page.close();
    await fresh.close();
  });

  test('a file that is not a model is refused with a clear message and changes nothing', async () => {
    const { page } = await openPage(browser.context);
    await page.goto(`${server.url}?layers=784,20,10`);
    await page.waitForSelector('#train:not([disabled])', { timeout: 30_000 });
    await page.setInputFiles('#model-file', { name: 'notes.dlnn', mimeType: 'text/plain',
      buffer: Buffer.from('these are my notes, not a model') });
    await page.waitForSelector('#status[data-state="error"]');
    assert.match(await page.textContent('#status'), /not a Digit Lab model/);
    assert.match(page.url(), /layers=784,20,10/);
    assert.equal(await page.isDisabled('#train'), false, 'the current network is still there');
    await page.close();
  });
});
