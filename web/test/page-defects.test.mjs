// Defects a newcomer met (issue 14): a progress bar that mixed loading with training, a settings error that
// outlived its cause, a cut-off menu, panels stretched empty, and overlay curves that all had one label.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { openPage } from './support/browser.mjs';
import { serverAndBrowser } from './support/fixture.mjs';

const EPOCH_BAR = 'Progress through the current epoch';

/** Sets a setting's control and lets the page see the change, as a person typing and leaving it does. */
async function setSetting(page, key, value) {
  const selector = `#config-form [data-key="${key}"]`;
  if (await page.$eval(selector, (control) => control.tagName === 'SELECT')) {
    await page.selectOption(selector, value);
  } else {
    await page.fill(selector, value);
    await page.dispatchEvent(selector, 'change');
  }
}

/** After training, a change that builds a new network asks first: say yes when it does. */
async function confirmRebuild(page) {
  const confirm = await page.$('#rebuild-confirm:not([hidden]) [data-answer="rebuild"]');
  if (confirm) await confirm.click();
}

const query = (page, key) => page.evaluate((k) => new URLSearchParams(location.search).get(k), key);

describe('defects of the first look', () => {
  const fixture = serverAndBrowser();

  test('the progress bar shows loading, then only the epoch, never going back', async () => {
    const { page, problems } = await openPage(fixture.browser.context);
    // Slow shards, so training starts while most of MNIST is still on its way.
    await page.route('**/data/shards/**', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 400));
      await route.continue();
    });
    await page.addInitScript(() => {
      window.barSamples = [];
      setInterval(() => {
        const bar = document.querySelector('#epoch-progress');
        const status = document.querySelector('#status');
        if (!bar || !status) return;
        window.barSamples.push({
          label: bar.getAttribute('aria-label'), value: bar.value,
          epoch: document.querySelector('#epoch').textContent, loading: /Loading MNIST/.test(status.textContent),
        });
      }, 40);
    });
    await page.goto(`${fixture.server.url}?layers=784,32,10&workers=1`);
    await page.waitForSelector('#train:not([disabled])', { timeout: 60_000 });
    await page.click('#train');
    await page.waitForFunction(() => !/Loading MNIST/.test(document.querySelector('#status').textContent)
      && Number(document.querySelector('#epoch').textContent) > 0.2, null, { timeout: 120_000 });
    await page.click('#pause');
    const samples = await page.evaluate(() => window.barSamples);
    assert.ok(samples.some((s) => s.label === 'MNIST images loaded'), 'the bar says it shows the loading first');
    const firstEpoch = samples.findIndex((s) => s.label === EPOCH_BAR);
    assert.ok(firstEpoch > 0, 'then the epoch');
    const afterwards = samples.slice(firstEpoch);
    assert.ok(afterwards.some((s) => s.loading), 'training went on while shards were loading');
    let lastEpoch = 0;
    for (const sample of afterwards) {
      assert.equal(sample.label, EPOCH_BAR, 'the bar never goes back to the loading');
      const epoch = Number(sample.epoch);
      assert.ok(epoch >= lastEpoch, `the epoch readout never goes backwards (${lastEpoch} then ${epoch})`);
      lastEpoch = epoch;
      assert.ok(Math.abs(sample.value - (epoch - Math.floor(epoch))) < 0.011,
        `the bar is the epoch's progress: ${sample.value} at epoch ${sample.epoch}`);
    }
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('a bad learning rate is marked and named, the run keeps its rate, and a good value ends the error', async () => {
    const { page, problems } = await openPage(fixture.browser.context);
    await page.goto(`${fixture.server.url}?layers=784,32,10&workers=1`);
    await page.waitForSelector('#status[data-state="ready"]', { timeout: 60_000 });
    const lr = '#config-form [data-key="lr"]';
    await setSetting(page, 'lr', '0');
    assert.equal(await page.getAttribute('#status', 'data-state'), 'error');
    assert.match(await page.textContent('#status'), /^Check the settings: lr .*The run keeps lr 0\.001\.$/);
    assert.equal(await page.getAttribute(lr, 'aria-invalid'), 'true');
    assert.equal(await query(page, 'lr'), '0.001');

    await setSetting(page, 'lr', '0.001'); // back to the run's own value: nothing to change, but no error either
    assert.notEqual(await page.getAttribute('#status', 'data-state'), 'error');
    assert.equal(await page.getAttribute(lr, 'aria-invalid'), null);

    await setSetting(page, 'lr', '0');
    await setSetting(page, 'lr', '0.002');
    assert.notEqual(await page.getAttribute('#status', 'data-state'), 'error');
    assert.equal(await query(page, 'lr'), '0.002');
    assert.deepEqual(problems, []);
    await page.close();
  });

  for (const viewport of [{ width: 1400, height: 900 }, { width: 390, height: 844 }]) {
    test(`menus show their longest choice whole and cards end with their content (${viewport.width}px)`, async () => {
      const { page, problems } = await openPage(fixture.browser.context);
      await page.setViewportSize(viewport);
      await page.goto(`${fixture.server.url}?workers=1`);
      await page.waitForSelector('#status[data-state="ready"]', { timeout: 60_000 });
      const cut = await page.$$eval('#config-form select', (selects) => {
        const context = document.createElement('canvas').getContext('2d');
        return selects.filter((select) => select.offsetParent !== null).flatMap((select) => {
          const style = getComputedStyle(select);
          context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
          // The text, the padding and the menu's arrow (about 20 px) must fit inside the control.
          const room = select.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - 20;
          return [...select.options].filter((option) => context.measureText(option.text).width > room)
            .map((option) => `${select.dataset.key}: '${option.text}' in ${room.toFixed(0)} px`);
        });
      });
      assert.deepEqual(cut, [], 'no menu choice is cut off');

      const stretched = await page.$$eval('.layout > .card', (cards) => cards.flatMap((card) => {
        const visible = [...card.children].filter((child) => child.getClientRects().length > 0);
        const contentEnd = Math.max(...visible.map((child) => child.getBoundingClientRect().bottom));
        const gap = card.getBoundingClientRect().bottom - contentEnd;
        // The card's own padding (16 px) and a child's bottom margin are fine; an empty panel is not.
        return gap > 40 ? [`${card.querySelector('h2').textContent}: ${gap.toFixed(0)} px empty`] : [];
      }));
      assert.deepEqual(stretched, [], 'no card stretches beyond its content');
      assert.deepEqual(problems, []);
      await page.close();
    });
  }

  test('the kept curves of earlier runs say what sets each apart, a live rate change included', async () => {
    const { page, problems } = await openPage(fixture.browser.context);
    await page.goto(`${fixture.server.url}?layers=784,16,10&workers=1&seed=1`);
    await page.waitForSelector('#status[data-state="ready"]', { timeout: 60_000 });
    const stepSome = async () => {
      const before = Number(await page.textContent('#steps'));
      await page.click('#step');
      await page.waitForFunction((n) => Number(document.querySelector('#steps').textContent) > n, before);
      await page.click('#step');
      await page.waitForFunction((n) => Number(document.querySelector('#steps').textContent) > n + 1, before);
    };
    const newNetwork = async (key, value) => {
      await setSetting(page, key, value);
      await confirmRebuild(page);
      await page.waitForFunction(() => document.querySelector('#steps').textContent === '0');
      await page.waitForSelector('#step:not([disabled])');
    };
    await stepSome();
    await newNetwork('seed', '2');
    await stepSome();
    await setSetting(page, 'lr', '0.01'); // live: the same network goes on with the new rate
    await stepSome();
    await newNetwork('seed', '3');
    await stepSome();
    const overlays = await page.$$eval('#loss-chart .chart-key.is-overlay', (keys) => keys.map((k) => k.textContent));
    assert.equal(overlays.length, 2, overlays.join(' | '));
    assert.match(overlays[0], /^run 2: .*seed 2/);
    assert.match(overlays[0], /lr 0\.001 → 0\.01 at \d/);
    assert.equal(overlays[1], 'run 1: lr 0.001, seed 1', 'the run now trains at 0.01');
    assert.deepEqual(problems, []);
    await page.close();
  });
});
