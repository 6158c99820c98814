// The network diagram: every layer a column of units coloured by their values, live while training;
// selecting a unit by click, tap or arrow keys shows its value (read out) and its incoming weights.
import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, test } from 'node:test';
import { openPage } from './support/browser.mjs';
import { draw } from './support/drawing.mjs';
import { serverAndBrowser } from './support/fixture.mjs';
import { screenshotDir } from './support/server.mjs';

/** Pixels of the diagram that differ from its background: the nodes and edges painted. */
const painted = (page) => page.$eval('#network-diagram', (canvas) => {
  const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
  let count = 0;
  for (let i = 0; i < data.length; i += 4) {
    if (data[i] !== 0x10 || data[i + 1] !== 0x13 || data[i + 2] !== 0x1a) count++;
  }
  return count;
});

/** The box of layer `l`'s column in CSS pixels, relative to the page. */
async function column(page, l) {
  const box = await page.locator('#network-diagram').boundingBox();
  const [left, top, width, height] = (await page.getAttribute('#network-diagram', 'data-columns'))
    .split(';')[l].split(',').map(Number);
  return { x: box.x + left, y: box.y + top, width, height };
}

/** Waits until the incoming-weights picture shows the selected node (the worker answers asynchronously). */
async function weightsShown(page) {
  await page.waitForSelector('#diagram-weights[data-kind="weights"]:not([hidden])', { timeout: 20_000 });
  return page.$eval('#diagram-weights', (c) => ({ width: c.width, height: c.height, label: c.getAttribute('aria-label'),
    checksum: c.dataset.checksum }));
}

const selection = (page) => page.textContent('#diagram-selection');
const selected = (page) => page.getAttribute('#network-diagram', 'data-selected');

describe('the network diagram', () => {
  const fixture = serverAndBrowser();

  for (const target of ['wasm', 'js']) {
    test(`784-32-10: painted before and during training, selected by click and keys (${target})`, async () => {
      const { page, problems } = await openPage(fixture.browser.context);
      await page.goto(`${fixture.server.url}?layers=784,32,10&workers=1&seed=3&target=${target}`);
      await page.waitForSelector('#train:not([disabled])', { timeout: 30_000 });
      await page.waitForSelector('#network-diagram[data-selected^="2:"]', { timeout: 30_000 });
      assert.equal(await page.getAttribute('#network-diagram', 'data-layers'), '784,32,10');
      assert.equal(await page.getAttribute('#network-diagram', 'data-source'), 'test');
      assert.ok(await painted(page) > 2000, 'the diagram is painted before training');
      assert.match(await selection(page), /^Output \d: probability \d\.\d\d$/, 'the prediction is selected first');
      const output = await weightsShown(page);
      assert.match(output.label, /32 weights/);

      await page.click('#train');
      await page.waitForSelector('#status[data-state="training"]');
      const before = await page.getAttribute('#network-diagram', 'data-checksum');
      await page.waitForFunction((b) => document.querySelector('#network-diagram').dataset.checksum !== b, before,
        { timeout: 20_000 });
      assert.ok(await painted(page) > 2000, 'painted while training');

      // A click on the hidden column selects one of its units and shows its 28x28 incoming weights.
      await page.locator('#diagram').scrollIntoViewIfNeeded();
      const hidden = await column(page, 1);
      await page.mouse.click(hidden.x + 3, hidden.y + 3);
      assert.match(await selected(page), /^1:0$/);
      assert.match(await selection(page), /^Hidden layer 1, unit 0: activation -?\d+\.\d\d$/);
      const first = await weightsShown(page);
      assert.equal(first.width, first.height, 'a square picture');
      assert.match(first.label, /Hidden layer 1, unit 0: 784 weights as a 28×28 image/);
      assert.match(await page.textContent('#diagram-weights-caption'), /28×28/);

      // Keys: down to the next unit, right to an output, left twice into the input block.
      await page.focus('#network-diagram');
      await page.keyboard.press('ArrowDown');
      assert.equal(await selected(page), '1:1');
      assert.match(await selection(page), /^Hidden layer 1, unit 1: activation/);
      await page.waitForFunction((c) => document.querySelector('#diagram-weights').dataset.checksum !== c
        && document.querySelector('#diagram-weights').dataset.kind === 'weights', first.checksum, { timeout: 20_000 });
      await page.keyboard.press('ArrowRight');
      assert.match(await selected(page), /^2:\d$/);
      assert.match(await selection(page), /^Output \d: probability/);
      assert.match((await weightsShown(page)).label, /32 weights, 6 a row/);
      await page.keyboard.press('ArrowLeft');
      await page.keyboard.press('ArrowLeft');
      assert.match(await selected(page), /^0:\d+$/);
      assert.match(await selection(page), /^Input, pixel \(27, \d+\): ink \d\.\d\d$/);
      assert.match(await page.textContent('#diagram-weights-caption'), /no incoming weights/);
      assert.equal(await page.isVisible('#diagram-weights'), false);
      assert.equal(await page.getAttribute('#diagram-selection', 'aria-live'), 'polite');
      await page.click('#pause');
      await page.waitForSelector('#status[data-state="paused"]');

      // While a digit is on the pad the diagram shows it; cleared, the test image again.
      await draw(page, [[[0.5, 0.15], [0.5, 0.85]]]);
      await page.waitForSelector('#network-diagram[data-source="drawing"]');
      assert.match(await page.textContent('#diagram-source'), /your drawing/);
      await page.click('#clear');
      await page.waitForSelector('#network-diagram[data-source="test"]');

      await page.locator('#diagram').screenshot({ path: path.join(screenshotDir, `diagram-${target}.png`) });
      assert.deepEqual(problems, []);
      await page.close();
    });
  }

  test('test shards that come after the network: the inspected image and the diagram appear when they do', async () => {
    // The page asks for the inspected test image once, when its network is built; the worker answers when the
    // first test shard is in (before, the question was dropped and the diagram stayed empty until Train).
    const { page, problems } = await openPage(fixture.browser.context);
    let delayed = 0;
    await page.route('**/data/shards/test-*', async (route) => {
      delayed++;
      await new Promise((resolve) => setTimeout(resolve, 3000));
      await route.continue();
    });
    await page.goto(`${fixture.server.url}?layers=784,32,10&workers=1&seed=3`);
    await page.waitForSelector('#train:not([disabled])', { timeout: 30_000 });
    await page.waitForSelector('#network-diagram[data-selected^="2:"]', { timeout: 30_000 });
    assert.ok(delayed > 0, 'the test shards were held back');
    assert.equal(await page.getAttribute('#network-diagram', 'data-source'), 'test');
    assert.equal(await page.getAttribute('#status', 'data-state'), 'ready', 'not trained: the answer came unasked');
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('a small CNN: feature-map tiles, a filter as the incoming weights, a pool without weights', async () => {
    const { page, problems } = await openPage(fixture.browser.context);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${fixture.server.url}?layers=784,c4k5,p2,10&act=relu&workers=1&seed=3`);
    await page.waitForSelector('#train:not([disabled])', { timeout: 30_000 });
    await page.waitForSelector('#network-diagram[data-selected^="3:"]', { timeout: 30_000 });
    assert.ok(await painted(page) > 2000);
    await page.locator('#diagram').scrollIntoViewIfNeeded();
    const conv = await column(page, 1);
    await page.mouse.click(conv.x + 3, conv.y + 3);
    assert.equal(await selected(page), '1:0');
    assert.match(await selection(page), /^Layer 1 \(conv 4@5x5 same\), map 0: mean -?\d\.\d\d, largest -?\d+\.\d\d$/);
    assert.match((await weightsShown(page)).label, /its filter: 5×5/);
    await page.keyboard.press('ArrowRight');
    assert.match(await selection(page), /^Layer 2 \(max-pool 2x2\), map \d: mean/);
    assert.match(await page.textContent('#diagram-weights-caption'), /A pool has no weights/);
    await page.keyboard.press('ArrowRight');
    assert.match(await selection(page), /^Output \d: probability/);
    assert.match((await weightsShown(page)).label, /784 weights as 4 maps of 14×14/);
    await page.locator('#diagram').screenshot({ path: path.join(screenshotDir, 'diagram-cnn-phone.png') });
    assert.deepEqual(problems, []);
    await page.close();
  });
});
