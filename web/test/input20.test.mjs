// The tutorials' 20x20 input: `400,25,10` reads each digit's ink box area-averaged to 20x20 (MNIST images
// and drawings alike), trains with the exercise's settings, reads a drawing, and its link brings it back.
import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, test } from 'node:test';
import { openBrowser, openPage } from './support/browser.mjs';
import { draw } from './support/drawing.mjs';
import { serverAndBrowser } from './support/fixture.mjs';
import { screenshotDir } from './support/server.mjs';

const RUN = 'layers=400,25,10&act=sigmoid&loss=logistic&lambda=1&opt=lbfgs&iters=20&init=uniform&seed=1';

const percent = (text) => Number(text.replace('%', ''));

describe('the 20x20 tutorial input', () => {
  const fixture = serverAndBrowser();

  test('400-25-10 trains on digit boxes, reads a drawing in 20x20, shares and reloads', { timeout: 360_000 },
    async () => {
      const { page, problems } = await openPage(fixture.browser.context);
      await page.goto(`${fixture.server.url}?${RUN}`);
      await page.waitForFunction(() => !document.querySelector('#status').textContent.includes('Loading MNIST')
        && !document.querySelector('#train').disabled, null, { timeout: 60_000 });
      assert.match(await page.textContent('#status'), /400-25-10/);

      await page.click('#train');
      await page.waitForSelector('#status[data-state="done"]', { timeout: 240_000 });
      await page.waitForSelector('#test-accuracy[data-source="test-set"]', { timeout: 30_000 });
      const accuracy = await page.textContent('#test-accuracy');
      console.log(`# 400-25-10 after 20 L-BFGS iterations: ${accuracy} on the test set`);
      assert.ok(percent(accuracy) > 85, `${accuracy} on the test set`);
      assert.equal(await page.getAttribute('#weights', 'data-picture'), '20x20', 'each hidden unit reads 20x20');
      // Inside the network: the test image as the network reads it, its 20x20 box (4 screen pixels a pixel).
      await page.click('#next-example');
      await page.waitForSelector('#activations .activations[data-index="1"] [data-top]');
      assert.equal(await page.getAttribute('#activations .activations', 'data-shapes'), '1x20x20,25x1x1,10x1x1');
      assert.equal(await page.$eval('#activations .act-image', (canvas) => canvas.width), 20 * 4);

      // The preview shows what the network reads: the ink's box, filling the 20x20 frame.
      await draw(page, [[[0.5, 0.15], [0.5, 0.85]]]);
      const preview = await page.$eval('#draw-preview', (canvas) => {
        const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
        let top = canvas.height; let bottom = -1;
        for (let y = 0; y < canvas.height; y++) {
          for (let x = 0; x < canvas.width; x++) {
            if (data[(y * canvas.width + x) * 4] > 30) {
              top = Math.min(top, y); bottom = Math.max(bottom, y);
            }
          }
        }
        return { width: canvas.width, height: canvas.height, inkRows: bottom - top + 1 };
      });
      assert.deepEqual(preview, { width: 20, height: 20, inkRows: 20 }, 'a tall stroke spans the 20 rows');
      assert.equal(await page.textContent('#prediction'), '1', 'it reads a drawn 1');
      await draw(page, [[[0.3, 0.2], [0.72, 0.2], [0.45, 0.85]]]);
      assert.match(await page.textContent('#prediction'), /^[0-9]$/);
      await page.locator('.draw-panel').scrollIntoViewIfNeeded();
      await page.screenshot({ path: path.join(screenshotDir, 'input20-drawing.png') });

      await page.click('#share');
      await page.waitForSelector('#share-link:not([hidden])', { timeout: 30_000 });
      const link = await page.getAttribute('#share-link', 'href');
      assert.match(link, /\?model=[A-Za-z0-9_-]{22}$/, 'the short link: the model file brings the layers');
      const other = await openBrowser();
      try {
        const { page: opened, problems: openedProblems } = await openPage(other.context);
        await opened.goto(link);
        await opened.waitForFunction(() => document.querySelector('#status').textContent.startsWith('Loaded'),
          null, { timeout: 30_000 });
        assert.match(await opened.textContent('#status'), /400-25-10/);
        await opened.waitForFunction((expected) => document.querySelector('#test-accuracy').textContent === expected,
          accuracy, { timeout: 60_000 });
        assert.deepEqual([...problems, ...openedProblems], []);
      } finally {
        await other.close();
      }
      await page.close();
    });

  test('an address whose input is no digit picture opens with the default layers and says why', async () => {
    const { page, problems } = await openPage(fixture.browser.context);
    await page.goto(`${fixture.server.url}?layers=401,25,10&seed=5`);
    await page.waitForSelector('#train:not([disabled])', { timeout: 30_000 });
    const text = await page.textContent('#status');
    assert.match(text, /layers '401,25,10': it takes 401 inputs, but a digit is 28x28 = 784 pixels/);
    assert.match(text, /20x20 = 400 pixels/);
    const params = await page.evaluate(() => Object.fromEntries(new URLSearchParams(location.search)));
    assert.equal(params.layers, '784,128,10');
    assert.equal(params.seed, '5', 'the link\'s other settings stay');
    assert.deepEqual(problems, []);
    await page.close();
  });
});
