// Views of a convolutional network: the first convolution's filters in the weights view, every
// convolution's filters in their panel, and feature maps for convolutions and pools, for a test image
// and for a drawing; a dense network keeps its pictures and hides the filters panel.
import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, test } from 'node:test';
import { openPage } from './support/browser.mjs';
import { serverAndBrowser } from './support/fixture.mjs';
import { screenshotDir } from './support/server.mjs';

const CNN = 'layers=784,c4k5,p2,c6k3,10&act=relu&opt=adam&lr=0.002&workers=1&seed=3';

/** Draws one vertical stroke on the pad and waits for the network's answer to it. */
async function drawStroke(page) {
  await page.evaluate(() => document.querySelector('#draw-canvas').scrollIntoView({ block: 'center' }));
  const box = await page.locator('#draw-canvas').boundingBox();
  await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.15);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.85, { steps: 12 });
  await page.mouse.up();
  await page.waitForSelector('.draw-panel[data-state="predicted"]');
  await page.waitForTimeout(300);
}

/** The figures of a layer-by-layer view: kind, shape and maps of each. */
const figures = (page, selector) => page.$$eval(selector, (all) => all.filter((f) => !f.hidden).map((f) => ({
  kind: f.dataset.kind, shape: f.dataset.shape, maps: f.dataset.maps,
  canvas: f.querySelector('canvas').className, label: f.querySelector('canvas').getAttribute('aria-label'),
  role: f.querySelector('canvas').getAttribute('role'), width: f.querySelector('canvas').width,
})));

const EXPECTED = [
  { kind: 'conv', shape: '4x28x28', maps: '4' },
  { kind: 'pool', shape: '4x14x14', maps: '4' },
  { kind: 'conv', shape: '6x14x14', maps: '6' },
];

describe('views of a convolutional network', () => {
  const fixture = serverAndBrowser();

  for (const target of ['wasm', 'js']) {
    test(`filters, feature maps of a test image and of a drawing (${target})`, async () => {
      const { page, problems } = await openPage(fixture.browser.context);
      await page.goto(`${fixture.server.url}?${CNN}&target=${target}`);
      await page.waitForSelector('#train:not([disabled])', { timeout: 30_000 });
      await page.waitForSelector('#weights[data-kind="conv"]', { timeout: 30_000 });
      const before = await page.getAttribute('#weights', 'data-checksum');
      const filtersBefore = await page.$$eval('#filters .filter-layer', (all) => all.map((f) => f.dataset.checksum));

      await page.click('#train');
      await page.waitForSelector('#status[data-state="training"]');
      await page.waitForTimeout(3000);
      await page.click('#pause');
      await page.waitForTimeout(500);

      const weights = await page.$eval('#weights', (c) => ({ ...c.dataset, label: c.getAttribute('aria-label') }));
      assert.equal(weights.kind, 'conv');
      assert.equal(weights.picture, '5x5');
      assert.equal(weights.units, '4');
      assert.equal(weights.shown, '4');
      assert.match(weights.label, /4 filters of 5 by 5/);
      assert.notEqual(weights.checksum, before, 'the filters changed while training');

      assert.equal(await page.getAttribute('#filters', 'data-layers'), '4x1x5x5,6x4x3x3');
      const panels = await page.$$eval('#filters .filter-layer:not([hidden])', (all) => all.map((f) => ({
        ...f.dataset, role: f.querySelector('canvas').getAttribute('role'),
        label: f.querySelector('canvas').getAttribute('aria-label'), width: f.querySelector('canvas').width,
      })));
      assert.deepEqual(panels.map((p) => [p.layer, p.filters, p.channels, p.kernel]),
        [['1', '4', '1', '5'], ['3', '6', '4', '3']]);
      for (const [i, p] of panels.entries()) {
        assert.equal(p.role, 'img');
        assert.match(p.label, /Convolution filters of layer/);
        assert.ok(p.width > 10, `filter picture ${i} has pixels`);
        assert.notEqual(p.checksum, filtersBefore[i], `the filters of convolution ${i + 1} changed`);
      }
      assert.equal(await page.isVisible('#filters .filters-empty'), false);

      // Inside the network: feature maps for the convolutions and the pool, no strip of 3136 cells.
      await page.waitForSelector('.activations[data-maps="true"]');
      assert.equal(await page.getAttribute('.activations', 'data-shapes'),
        '1x28x28,4x28x28,4x14x14,6x14x14,10x1x1');
      const inside = await figures(page, '.act-layer');
      assert.deepEqual(inside.map(({ kind, shape, maps }) => ({ kind, shape, maps })), EXPECTED);
      for (const layer of inside) {
        assert.match(layer.canvas, /act-maps/);
        assert.equal(layer.role, 'img');
        assert.match(layer.label, /feature maps of \d+ by \d+/);
      }
      assert.match(await page.textContent('.act-layer[data-kind="pool"] figcaption'), /max-pool 2x2 → 4x14x14/);

      await drawStroke(page);
      const drawn = await figures(page, '#draw-activations .draw-layer');
      assert.deepEqual(drawn.map(({ kind, shape, maps }) => ({ kind, shape, maps })), EXPECTED);
      assert.ok(drawn.every((layer) => /draw-maps/.test(layer.canvas) && layer.role === 'img'));

      await page.screenshot({ path: path.join(screenshotDir, `cnn-views-${target}.png`), fullPage: true });
      assert.deepEqual(problems, []);
      await page.close();
    });
  }

  test('a dense network keeps its weight pictures and strips, and hides the filters', async () => {
    const { page, problems } = await openPage(fixture.browser.context);
    await page.goto(`${fixture.server.url}?layers=784,16,10&workers=1`);
    await page.waitForSelector('#train:not([disabled])', { timeout: 30_000 });
    await page.waitForSelector('#weights[data-kind="dense"]', { timeout: 30_000 });
    assert.equal(await page.getAttribute('#weights', 'data-picture'), '28x28');
    assert.equal(await page.getAttribute('#weights', 'data-units'), '16');
    await page.click('#step');
    await page.waitForSelector('.activations[data-maps="false"]');
    const inside = await figures(page, '.act-layer');
    assert.deepEqual(inside.map(({ kind, shape }) => ({ kind, shape })), [{ kind: 'dense', shape: '16x1x1' }]);
    assert.match(inside[0].canvas, /act-cells/);
    assert.equal(await page.getAttribute('#filters', 'data-layers'), '');
    assert.equal(await page.isVisible('#filters .filters-empty'), true);
    assert.equal(await page.locator('#filters .filter-layer:visible').count(), 0);
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('a pool first has no first-layer weights to show, and the filters of the convolution above it', async () => {
    const { page, problems } = await openPage(fixture.browser.context);
    await page.goto(`${fixture.server.url}?layers=784,p2,c4k3,10&act=relu&workers=1`);
    await page.waitForSelector('#train:not([disabled])', { timeout: 30_000 });
    await page.waitForSelector('#weights[data-kind="none"]', { timeout: 30_000 });
    assert.match(await page.getAttribute('#weights', 'aria-label'), /no weights/);
    await page.waitForSelector('#filters[data-layers="4x1x3x3"]');
    assert.equal(await page.getAttribute('#filters .filter-layer', 'data-layer'), '2');
    await page.waitForSelector('.activations[data-maps="true"]');
    const inside = await figures(page, '.act-layer');
    assert.deepEqual(inside.map(({ kind, shape }) => ({ kind, shape })),
      [{ kind: 'pool', shape: '1x14x14' }, { kind: 'conv', shape: '4x14x14' }]);
    assert.deepEqual(problems, []);
    await page.close();
  });
});
