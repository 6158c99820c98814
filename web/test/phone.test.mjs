// A phone (390x844, touch, device pixel ratio 3): a compact run bar, panels that fold, a few mistakes at a
// time, sample labels one can read.
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { openBrowser, openPage } from './support/browser.mjs';
import { serverAndBrowser } from './support/fixture.mjs';
import { screenshotDir } from './support/server.mjs';

const PHONE = { width: 390, height: 844 };
/** The limit: the sticky run bar takes at most about an eighth of the screen. */
const MOST_RUN_BAR = 0.12 * PHONE.height;
/** SampleGridView's label font, in canvas pixels. */
const SAMPLE_LABEL_PX = 13;

const runBarHeight = (page) => page.$eval('.runbar', (bar) => bar.getBoundingClientRect().height);

describe('on a phone', () => {
  const fixture = serverAndBrowser();
  let phone;
  before(async () => {
    phone = await openBrowser({ viewport: PHONE, isMobile: true, hasTouch: true, deviceScaleFactor: 3 });
  });
  after(async () => phone?.close());

  test('a compact run bar, folding panels, a few mistakes with "Show more", readable samples', async () => {
    const { page, problems } = await openPage(phone.context);
    await page.goto(`${fixture.server.url}?layers=784,32,10&epochs=1&workers=1`);
    await page.waitForSelector('#status[data-state="ready"]', { timeout: 60_000 });
    assert.ok(await runBarHeight(page) <= MOST_RUN_BAR, `run bar ${await runBarHeight(page)} px before training`);

    // Every panel folds from its heading; the ones to start with are open, the others folded.
    const toggles = await page.$$eval('.layout > section.card > h2', (headings) => headings.map((h) => {
      const button = h.querySelector('button.panel-toggle');
      return { title: h.textContent, expanded: button?.getAttribute('aria-expanded'),
        controls: button && document.getElementById(button.getAttribute('aria-controls')) === h.closest('section') };
    }));
    for (const toggle of toggles) {
      assert.ok(toggle.controls, `${toggle.title} folds`);
    }
    const expanded = Object.fromEntries(toggles.map((t) => [t.title, t.expanded]));
    assert.equal(expanded['Network and training'], 'true');
    assert.equal(expanded['Learning curves'], 'true');
    assert.equal(expanded['Draw a digit'], 'true');
    assert.equal(expanded['First-layer weights'], 'false');
    assert.equal(expanded['Training samples'], 'false');
    assert.equal(await page.isVisible('#weights'), false);
    await page.tap('#weights-title button');
    assert.equal(await page.getAttribute('#weights-title button', 'aria-expanded'), 'true');
    assert.equal(await page.isVisible('#weights'), true);
    await page.tap('#samples-title button');
    assert.equal(await page.isVisible('#sample-grid'), true);

    // Sample labels: the grid's label font as drawn on the screen.
    const grid = await page.$eval('#sample-grid', (canvas) => ({ count: Number(canvas.dataset.count),
      scale: canvas.getBoundingClientRect().width / canvas.width }));
    assert.ok(SAMPLE_LABEL_PX * grid.scale >= 11,
      `sample labels drawn at ${(SAMPLE_LABEL_PX * grid.scale).toFixed(1)} px (${grid.count} samples)`);

    await page.tap('#train');
    await page.waitForSelector('#status[data-state="done"]', { timeout: 120_000 });
    assert.ok(await runBarHeight(page) <= MOST_RUN_BAR, `run bar ${await runBarHeight(page)} px after training`);
    const shown = () => page.$eval('#mistakes ul.mistakes', (list) => Number(list.dataset.shown));
    assert.equal(await shown(), 12, 'a few mistakes at first');
    await page.tap('#mistakes .mistakes-more');
    assert.equal(await shown(), 24, 'and more on request');

    const screens = await page.evaluate(() => document.documentElement.scrollHeight / innerHeight);
    console.log(`# phone page after training, two panels opened: ${screens.toFixed(1)} screens`);
    await page.screenshot({ path: path.join(screenshotDir, 'phone-after-training.png') });
    assert.deepEqual(problems, []);
    await page.close();
  });
});
