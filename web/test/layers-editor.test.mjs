// The layers editor builds CNNs: convolution, max-pool and dense rows added through the page, each with
// its inferred shape and parameters; the address gets the layer grammar; an impossible layer shows the
// core's reason on its row and is not applied, and the page keeps working; a reload keeps the CNN.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { openPage } from './support/browser.mjs';
import { serverAndBrowser } from './support/fixture.mjs';

async function rowsOf(page) {
  return page.$$eval('#hidden-layers .layer-row', (rows) => rows.map((row) => ({
    kind: row.dataset.kind,
    name: row.querySelector('.layer-name').textContent,
    shape: row.querySelector('.layer-shape').textContent,
    params: row.querySelector('.layer-params').textContent,
    error: row.querySelector('.layer-error').hidden ? null : row.querySelector('.layer-error').textContent,
  })));
}

async function setNumber(page, selector, value) {
  await page.fill(selector, String(value));
  await page.dispatchEvent(selector, 'change');
}

describe('the layers editor', () => {
  const fixture = serverAndBrowser();

  for (const target of ['wasm', 'js']) {
    test(`adds convolution, pool and dense layers and refuses an impossible one (${target})`, async () => {
      const { page, problems } = await openPage(fixture.browser.context);
      await page.goto(`${fixture.server.url}?workers=1&seed=3&target=${target}`);
      await page.waitForSelector('#train:not([disabled])', { timeout: 30_000 });
      assert.deepEqual(await rowsOf(page), [{
        kind: 'dense', name: 'Layer 1: Dense', shape: '784 -> 128', params: '100,480 parameters', error: null,
      }]);
      // Every control has a label.
      const unlabelled = await page.$$eval('#hidden-layers input, #hidden-layers select',
        (controls) => controls.filter((control) => !control.closest('label')).length);
      assert.equal(unlabelled, 0);

      await page.click('#hidden-layers .remove-layer');
      await page.waitForFunction(() => new URLSearchParams(location.search).get('layers') === '784,10');
      await page.click('#add-conv');
      await page.click('#add-pool');
      await page.click('#add-layer');
      await page.waitForFunction(() => new URLSearchParams(location.search).get('layers') === '784,c8k5,p2,64,10');
      assert.deepEqual(await rowsOf(page), [
        { kind: 'conv', name: 'Layer 1: Convolution', shape: '8x28x28', params: '208 parameters', error: null },
        { kind: 'pool', name: 'Layer 2: Max-pool', shape: '8x14x14', params: 'no parameters', error: null },
        { kind: 'dense', name: 'Layer 3: Dense', shape: '1,568 -> 64', params: '100,416 parameters', error: null },
      ]);
      assert.equal(await page.textContent('#output-shape'), '· 64 -> 10 · 650 parameters');
      assert.equal(await page.textContent('#layers-total'), '101,274 parameters in all');
      assert.equal(await page.getAttribute('#hidden-layers .remove-layer >> nth=1', 'aria-label'), 'Remove layer 2');
      await page.waitForFunction(() => /New network 784-c8k5-p2-64-10 /.test(document.querySelector('#status').textContent),
        null, { timeout: 30_000 });

      // A pool larger than its maps: the reason on its row, the address unchanged, nothing rebuilt.
      await setNumber(page, '#hidden-layers .layer-row[data-kind="pool"] .layer-size', 29);
      const refused = "'p29s2' (layer 2) on 8x28x28: a 29x29 pool is larger than its 28x28 input maps and would leave nothing";
      assert.equal((await rowsOf(page))[1].error, refused);
      assert.equal((await rowsOf(page))[2].shape, '', 'nothing is inferred past the refusal');
      assert.equal(await page.getAttribute('.layer-row[data-kind="pool"] .layer-size', 'aria-invalid'), 'true');
      assert.match(await page.textContent('#status'), /p29s2/);
      assert.match(await page.textContent('#layers-total'), /Not applied until the layers fit/);
      assert.equal(await page.evaluate(() => new URLSearchParams(location.search).get('layers')), '784,c8k5,p2,64,10');

      // Fixed, and a change after it applies; the network takes a step.
      await setNumber(page, '#hidden-layers .layer-row[data-kind="pool"] .layer-size', 2);
      assert.equal((await rowsOf(page))[1].error, null);
      await setNumber(page, '#hidden-layers .layer-row[data-kind="dense"] .layer-units', 32);
      await page.selectOption('#hidden-layers .layer-row[data-kind="conv"] .layer-padding', 'valid');
      await page.waitForFunction(() => new URLSearchParams(location.search).get('layers') === '784,c8k5v,p2,32,10');
      assert.deepEqual((await rowsOf(page)).map((row) => row.shape), ['8x24x24', '8x12x12', '1,152 -> 32']);
      await page.waitForFunction(() => /New network 784-c8k5v-p2-32-10 /.test(document.querySelector('#status').textContent),
        null, { timeout: 30_000 });
      await page.waitForSelector('#step:not([disabled])', { timeout: 30_000 });
      await page.click('#step');
      await page.waitForFunction(() => document.querySelector('#steps').textContent.trim() === '1', null,
        { timeout: 30_000 });

      // A reload keeps the CNN.
      await page.reload();
      await page.waitForSelector('#train:not([disabled])', { timeout: 30_000 });
      assert.deepEqual((await rowsOf(page)).map((row) => `${row.kind} ${row.shape}`),
        ['conv 8x24x24', 'pool 8x12x12', 'dense 1,152 -> 32']);
      assert.equal(await page.inputValue('.layer-row[data-kind="conv"] .layer-padding'), 'valid');
      assert.deepEqual(problems, []);
      await page.close();
    });
  }
});
