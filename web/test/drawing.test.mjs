// Drawing a digit: the pad feeds the network MNIST-style input and shows what it reads.
import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, test } from 'node:test';
import { openPage } from './support/browser.mjs';
import { draw } from './support/drawing.mjs';
import { serverAndBrowser } from './support/fixture.mjs';
import { screenshotDir } from './support/server.mjs';

const RUN = 'layers=784,128,10&act=relu&opt=adam&lr=0.001&epochs=2&seed=1';

/** The 28x28 preview as the network sees it: centre of mass and ink bounding box. */
function previewGeometry(page) {
  return page.$eval('#draw-preview', (canvas) => {
    const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
    const side = canvas.width;
    const cell = side / 28;
    let mass = 0; let sx = 0; let sy = 0;
    let minX = 28; let minY = 28; let maxX = -1; let maxY = -1;
    for (let y = 0; y < 28; y++) {
      for (let x = 0; x < 28; x++) {
        const at = (Math.floor((y + 0.5) * cell) * side + Math.floor((x + 0.5) * cell)) * 4;
        const ink = data[at];
        if (ink > 30) {
          mass += ink; sx += ink * x; sy += ink * y;
          minX = Math.min(minX, x); maxX = Math.max(maxX, x); minY = Math.min(minY, y); maxY = Math.max(maxY, y);
        }
      }
    }
    return { cx: sx / mass, cy: sy / mass, width: maxX - minX + 1, height: maxY - minY + 1 };
  });
}

async function probabilitiesSum(page) {
  const values = await page.$$eval('#probabilities .prob-value', (cells) => cells.map((c) => parseFloat(c.textContent)));
  assert.equal(values.length, 10);
  return values.reduce((a, b) => a + b, 0);
}

const circle = (cx, cy, r) => [Array.from({ length: 25 }, (_, i) => {
  const angle = (i / 24) * 2 * Math.PI;
  return [cx + r * Math.sin(angle), cy - r * 1.3 * Math.cos(angle)];
})];

describe('drawing a digit', () => {
  const fixture = serverAndBrowser();

  for (const target of ['wasm', 'js']) {
    test(`a trained network reads drawn digits, written small and off-centre too (${target})`, async () => {
      const { page, problems } = await openPage(fixture.browser.context);
      await page.goto(`${fixture.server.url}?${RUN}&target=${target}`);
      await page.waitForSelector('#train:not([disabled])', { timeout: 30_000 });
      await page.click('#train');
      await page.waitForSelector('#status[data-state="done"]', { timeout: 120_000 });
      assert.equal(await page.textContent('#prediction'), '–', 'an empty pad shows no prediction');

      const results = [];
      const cases = [
        { digit: '1', strokes: [[[0.5, 0.15], [0.5, 0.85]]] },
        { digit: '0', strokes: circle(0.5, 0.5, 0.22) },
        // Small and in a corner: preprocessing fits and centres it.
        { digit: '1', strokes: [[[0.2, 0.1], [0.2, 0.35]]], small: true },
        { digit: '7', strokes: [[[0.3, 0.2], [0.72, 0.2], [0.45, 0.85]]] },
      ];
      for (const { digit, strokes, small } of cases) {
        if (await page.isEnabled('#clear')) {
          await page.click('#clear');
        }
        await draw(page, strokes);
        const seen = await page.textContent('#prediction');
        const geometry = await previewGeometry(page);
        results.push(`${digit}${small ? ' (small, off-centre)' : ''} -> ${seen}`);
        assert.ok(Math.abs(geometry.cx - 13.5) <= 1.2 && Math.abs(geometry.cy - 13.5) <= 1.2,
          `centre of mass at ${geometry.cx.toFixed(2)}, ${geometry.cy.toFixed(2)}`);
        assert.ok(geometry.height <= 21 && geometry.width <= 21, `ink box ${geometry.width}x${geometry.height}`);
        assert.ok(Math.abs(await probabilitiesSum(page) - 100) < 1, 'probabilities add up to 100%');
        if (digit === '1' || digit === '0') {
          assert.equal(seen, digit, `drew a ${digit}, the network read ${seen}`);
        }
      }
      console.log(`# ${target}: ${results.join('; ')}`);

      await page.screenshot({ path: path.join(screenshotDir, `drawing-${target}.png`) });
      await page.click('#clear');
      await page.waitForSelector('.draw-panel[data-state="empty"]');
      assert.equal(await page.textContent('#prediction'), '–');
      assert.deepEqual(problems, []);
      await page.close();
    });
  }

  test('my digits are kept in the browser and survive a reload', async () => {
    const { page, problems } = await openPage(fixture.browser.context);
    await page.goto(`${fixture.server.url}?layers=784,16,10`);
    await page.waitForSelector('#train:not([disabled])', { timeout: 30_000 });
    await draw(page, [[[0.5, 0.15], [0.5, 0.85]]]);
    await page.check('#draw-labels input[value="1"]');
    await page.click('#add-digit');
    await page.waitForFunction(() => /1 of your digits|1 digit/.test(document.querySelector('#my-digits-count').textContent));
    await page.reload();
    await page.waitForSelector('#train:not([disabled])', { timeout: 30_000 });
    assert.match(await page.textContent('#my-digits-count'), /1/);
    await page.click('#clear-my-digits');
    await page.click('#clear-my-digits'); // the panel asks for a second click before throwing digits away
    await page.waitForFunction(() => /None/.test(document.querySelector('#my-digits-count').textContent));
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('teaching keys, button texts, thumbnails and the clear confirmation', async () => {
    const { page, problems } = await openPage(fixture.browser.context);
    await page.goto(`${fixture.server.url}?layers=784,16,10`);
    await page.waitForSelector('#train:not([disabled])', { timeout: 30_000 });
    assert.equal(await page.$$eval('#draw-labels .label-choice input[type="radio"][name="draw-label"]', (inputs) =>
      inputs.map((input) => input.value).join('')), '0123456789');
    assert.equal(await page.textContent('#add-digit'), 'Add to my digits');
    assert.equal(await page.isDisabled('#add-digit'), true, 'nothing drawn: nothing to add');
    assert.equal(await page.isDisabled('#clear-my-digits'), true);
    assert.equal(await page.isDisabled('#export-my-digits'), true);
    assert.equal(await page.getAttribute('#my-digits-count', 'data-count'), '0');
    assert.equal(await page.isHidden('#my-digits'), true);

    await draw(page, [[[0.5, 0.15], [0.5, 0.85]]]);
    assert.equal(await page.isDisabled('#add-digit'), false);
    await page.focus('#draw-canvas');
    await page.keyboard.press('Enter'); // no label picked yet
    assert.match(await page.textContent('#my-digits-count'), /^Pick which digit you drew first\. None of your digits yet\.$/);
    await page.focus('#draw-canvas');
    await page.keyboard.press('7'); // a digit key picks the label
    assert.equal(await page.isChecked('#draw-labels input[value="7"]'), true);
    assert.equal(await page.textContent('#add-digit'), 'Add as 7');
    await page.keyboard.press('Enter'); // adds, and clears the pad
    await page.waitForSelector('#my-digits-count[data-count="1"]');
    assert.equal(await page.textContent('#my-digits-count'), 'Added your 7 (1 of your 7s). 1 of your digits.');
    assert.equal(await page.getAttribute('#draw-canvas', 'data-strokes'), '0');
    assert.equal(await page.getAttribute('.draw-panel', 'data-state'), 'empty');
    assert.equal(await page.isDisabled('#add-digit'), true, 'the pad was cleared');
    assert.equal(await page.isHidden('#my-digits'), false);
    assert.equal(await page.getAttribute('#my-digits', 'aria-label'), 'Your newest digits: 7');

    await draw(page, [[[0.5, 0.15], [0.5, 0.85]]]);
    await page.check('#draw-labels input[value="1"]');
    await page.click('#add-digit');
    await page.waitForSelector('#my-digits-count[data-count="2"]');
    assert.equal(await page.getAttribute('#my-digits', 'aria-label'), 'Your newest digits: 1, 7');
    assert.equal(await page.isDisabled('#export-my-digits'), false);

    await page.click('#clear-my-digits');
    assert.equal(await page.textContent('#clear-my-digits'), 'Click again to clear 2 digits');
    assert.equal(await page.getAttribute('#clear-my-digits', 'class'), 'attention');
    await page.click('#clear-my-digits');
    await page.waitForSelector('#my-digits-count[data-count="0"]');
    assert.equal(await page.textContent('#my-digits-count'), 'Cleared your digits. None of your digits yet.');
    assert.equal(await page.textContent('#clear-my-digits'), 'Clear my digits');
    assert.equal(await page.getAttribute('#clear-my-digits', 'class'), '');
    assert.equal(await page.isHidden('#my-digits'), true);
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('a finger draws on the pad without scrolling the page', async () => {
    const { page, problems } = await openPage(fixture.browser.context);
    await page.goto(`${fixture.server.url}?layers=784,16,10`);
    await page.waitForSelector('#train:not([disabled])', { timeout: 30_000 });
    await page.evaluate(() => document.querySelector('#draw-canvas').scrollIntoView({ block: 'center' }));
    const scrolledBefore = await page.evaluate(() => window.scrollY);
    const box = await page.locator('#draw-canvas').boundingBox();
    const cdp = await page.context().newCDPSession(page);
    const touch = (type, y) => cdp.send('Input.dispatchTouchEvent', {
      type, touchPoints: type === 'touchEnd' ? [] : [{ x: box.x + box.width / 2, y: box.y + y * box.height }],
    });
    await touch('touchStart', 0.2);
    for (let y = 0.25; y <= 0.8; y += 0.05) {
      await touch('touchMove', y);
    }
    await touch('touchEnd', 0.8);
    await page.waitForSelector('.draw-panel[data-state="predicted"]');
    assert.equal(await page.getAttribute('#draw-canvas', 'data-strokes'), '1');
    assert.equal(await page.evaluate(() => window.scrollY), scrolledBefore, 'the page did not scroll');
    assert.deepEqual(problems, []);
    await page.close();
  });
});
