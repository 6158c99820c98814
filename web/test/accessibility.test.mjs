// Accessibility: axe-core finds nothing on a desktop and a phone, before and after training and with a
// drawing on the pad; every control is a 24x24 target on the phone; the keyboard paths work (skip link,
// Train/Pause keeping the focus, the confusion matrix as one grid).
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { axeViolations, describeViolations } from './support/axe.mjs';
import { openPage } from './support/browser.mjs';
import { DESKTOP, openDevice, PHONE } from './support/devices.mjs';
import { draw } from './support/drawing.mjs';
import { screenshotDir, startServer } from './support/server.mjs';
import { smallTargets } from './support/targets.mjs';

// Small and quick, long enough (two epochs) to press Pause while it trains.
const RUN = 'layers=784,32,10&epochs=2&seed=1';

async function assertNoViolations(page, where) {
  const violations = await axeViolations(page);
  assert.equal(violations.length, 0, `axe, ${where}:\n${describeViolations(violations)}`);
}

async function assertTargetsAtLeast24(page, where) {
  const small = await smallTargets(page, 24);
  assert.deepEqual(small, [], `targets smaller than 24x24 CSS px, ${where}:\n${small.join('\n')}`);
}

/** The focused element's id, or its tag and class. */
const focused = (page) => page.evaluate(() => {
  const element = document.activeElement;
  return element?.id || `${element?.tagName.toLowerCase()}.${element?.className}`;
});

const waitForFocus = (page, id) => page.waitForFunction((wanted) => document.activeElement?.id === wanted, id,
  { timeout: 30_000 }).catch(async () => assert.fail(`focus on ${await focused(page)}, expected #${id}`));

describe('accessibility', () => {
  let server;
  before(async () => { server = await startServer(); });
  after(async () => { await server?.stop(); });

  for (const device of [DESKTOP, PHONE]) {
    test(`no axe violations, 24 px targets and keyboard paths before and after training (${device.name})`, async () => {
      const browser = await openDevice(device);
      try {
        const { page, problems } = await openPage(browser.context);
        await page.goto(`${server.url}?${RUN}`);
        await page.waitForSelector('#train:not([disabled])', { timeout: 30_000 });
        await assertNoViolations(page, `${device.name}, before training`);
        if (device === PHONE) await assertTargetsAtLeast24(page, 'phone, before training');

        // The first Tab stop is the skip link, shown when focused; Train comes next.
        await page.keyboard.press('Tab');
        assert.equal(await focused(page), 'a.skip-link');
        const skip = await page.locator('.skip-link').boundingBox();
        assert.ok(skip.y >= 0 && skip.x >= 0 && skip.height >= 24, `skip link on screen: ${JSON.stringify(skip)}`);
        await page.keyboard.press('Tab');
        assert.equal(await focused(page), 'train');

        // Enter on Train: Train turns off and the focus goes to Pause; Enter on Pause: back to Train.
        await page.keyboard.press('Enter');
        await waitForFocus(page, 'pause');
        await page.keyboard.press('Enter');
        await page.waitForSelector('#status[data-state="paused"]', { timeout: 30_000 });
        await waitForFocus(page, 'train');
        await page.keyboard.press('Enter');
        await page.waitForSelector('#status[data-state="done"]', { timeout: 120_000 });
        // Train and Pause are off at the end: the focus stays on the run bar's buttons.
        await waitForFocus(page, 'reset');

        await page.waitForSelector('ul.mistakes:not([data-shown="0"])');
        await assertNoViolations(page, `${device.name}, after training`);
        if (device === PHONE) await assertTargetsAtLeast24(page, 'phone, after training');

        // The confusion matrix is one Tab stop; arrows, Home and End move in it; Enter shows a cell's mistakes.
        assert.equal(await page.locator('.confusion [tabindex="0"]').count(), 1, 'one Tab stop in the matrix');
        await page.focus('.confusion [tabindex="0"]');
        assert.equal(await page.$eval(':focus', (cell) => `${cell.dataset.true},${cell.dataset.predicted}`), '0,0');
        for (const key of ['ArrowDown', 'ArrowDown', 'ArrowDown', 'ArrowDown', 'End', 'ArrowRight']) {
          await page.keyboard.press(key);
        }
        const cell = page.locator('.confusion-cell[data-true="4"][data-predicted="9"]');
        assert.equal(await cell.evaluate((element) => element === document.activeElement), true, 'on true 4, predicted 9');
        assert.match(await cell.getAttribute('aria-label'), /^true 4, predicted 9: \d+ images?/);
        await page.keyboard.press('Enter');
        assert.equal(await page.getAttribute('ul.mistakes', 'data-filter'), '4,9');
        assert.equal(await cell.getAttribute('aria-selected'), 'true');
        await page.keyboard.press('Home');
        await page.keyboard.press('ArrowRight');
        await page.keyboard.press(' ');
        assert.equal(await page.getAttribute('ul.mistakes', 'data-filter'), '4,1', 'Space chooses too');
        assert.equal(await cell.getAttribute('aria-selected'), 'false');
        assert.equal(await page.locator('.confusion [tabindex="0"]').count(), 1, 'still one Tab stop');
        await page.keyboard.press('Tab');
        assert.equal(await page.evaluate(() => document.activeElement.closest('.confusion')), null, 'Tab leaves the grid');

        await draw(page, [[[0.3, 0.2], [0.72, 0.2], [0.45, 0.85]]]);
        await assertNoViolations(page, `${device.name}, after drawing`);
        if (device === PHONE) await assertTargetsAtLeast24(page, 'phone, after drawing');

        // The skip link jumps past the settings to the views: the next Tab lands in them.
        await page.focus('.skip-link');
        await page.keyboard.press('Enter');
        await page.keyboard.press('Tab');
        assert.equal(await page.evaluate(() => document.activeElement.closest('section')?.getAttribute('aria-labelledby')),
          'curves-title');
        await page.screenshot({ path: path.join(screenshotDir, `accessibility-${device.name}.png`) });
        assert.deepEqual(problems, []);
      } finally {
        await browser.close();
      }
    });
  }
});
