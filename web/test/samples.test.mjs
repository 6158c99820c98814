// The first screen: the app boots in each build, loads MNIST shards and draws 100 labelled samples.
import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, test } from 'node:test';
import { openPage } from './support/browser.mjs';
import { serverAndBrowser } from './support/fixture.mjs';
import { screenshotDir } from './support/server.mjs';

describe('sample grid', () => {
  const fixture = serverAndBrowser();

  for (const target of ['js', 'wasm']) {
    test(`draws 100 labelled training digits in the ${target} build`, async () => {
      const { page, problems } = await openPage(fixture.browser.context);
      await page.goto(`${fixture.server.url}?target=${target}`);
      await page.waitForSelector('#sample-grid[data-count], #status[data-state="error"]', { timeout: 30_000 });

      assert.notEqual(await page.getAttribute('#status', 'data-state'), 'error', await page.textContent('#status'));
      assert.equal(await page.getAttribute('html', 'data-target'), target);

      const grid = await page.$eval('#sample-grid', (canvas) => {
        const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
        let bright = 0;
        for (let i = 0; i < pixels.length; i += 4) if (pixels[i] > 200) bright++;
        return {
          count: Number(canvas.dataset.count),
          labels: canvas.dataset.labels.split(','),
          drawnMs: Number(canvas.dataset.drawnMs),
          brightFraction: bright / (pixels.length / 4),
        };
      });
      assert.equal(grid.count, 100);
      assert.equal(grid.labels.length, 100);
      assert.ok(grid.labels.every((label) => /^[0-9]$/.test(label)), `labels: ${grid.labels}`);
      assert.ok(new Set(grid.labels).size === 10, `all ten digits appear among the samples: ${grid.labels}`);
      // MNIST digits cover roughly a fifth of each cell with ink; an empty or garbled grid would not.
      assert.ok(grid.brightFraction > 0.05 && grid.brightFraction < 0.4, `bright fraction ${grid.brightFraction}`);

      await page.screenshot({ path: path.join(screenshotDir, `samples-${target}.png`), fullPage: true });
      console.log(`# ${target}: grid drawn ${grid.drawnMs} ms after navigation start`);
      assert.deepEqual(problems, []);
      await page.close();
    });
  }

  test('picks the Wasm GC build when the browser supports it', async () => {
    const { page, problems } = await openPage(fixture.browser.context);
    await page.goto(fixture.server.url);
    await page.waitForSelector('#sample-grid[data-count]', { timeout: 30_000 });
    assert.equal(await page.getAttribute('html', 'data-target'), 'wasm');
    assert.equal(await page.textContent('#build'), 'Wasm GC');
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('says so when ?target names no build', async () => {
    const { page } = await openPage(fixture.browser.context);
    await page.goto(`${fixture.server.url}?target=fortran`);
    await page.waitForSelector('#status[data-state="error"]');
    assert.match(await page.textContent('#status'), /Unknown \?target=fortran/);
    await page.close();
  });
});
