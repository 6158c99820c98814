// A settings change that builds a new network asks first once the network has learned something, so one
// arrow key on a menu cannot throw a trained model away; before any training it applies at once.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { openPage } from './support/browser.mjs';
import { serverAndBrowser } from './support/fixture.mjs';

const loss = '#config-form [data-key="loss"]';
const steps = async (page) => Number(await page.textContent('#steps'));
const query = (page, key) => page.evaluate((k) => new URLSearchParams(location.search).get(k), key);

describe('asking before a trained network is thrown away', () => {
  const fixture = serverAndBrowser();

  test('an arrow key on a menu after training asks; keeping restores the form, building starts afresh', async () => {
    const { page, problems } = await openPage(fixture.browser.context);
    await page.goto(`${fixture.server.url}?layers=784,16,10&workers=1`);
    await page.waitForSelector('#status[data-state="ready"]', { timeout: 60_000 });

    // Untrained: a change builds the new network at once, no question.
    await page.selectOption('#config-form [data-key="init"]', 'xavier');
    await page.waitForFunction(() => new URLSearchParams(location.search).get('init') === 'xavier');
    assert.equal(await page.isVisible('#rebuild-confirm'), false);

    await page.waitForSelector('#step:not([disabled])');
    await page.click('#step');
    await page.waitForFunction(() => Number(document.querySelector('#steps').textContent) > 0);
    const trainedSteps = await steps(page);

    await page.focus(loss);
    await page.keyboard.press('ArrowDown');
    await page.waitForSelector('#rebuild-confirm:not([hidden])');
    assert.match(await page.textContent('#rebuild-question'),
      new RegExp(`builds a new network: the one trained for ${trainedSteps} steps? would be lost`));
    assert.equal(await query(page, 'loss'), 'softmax', 'nothing applied yet');
    assert.equal(await page.inputValue(loss), 'logistic', 'the form shows the change it asks about');
    await page.keyboard.press('ArrowDown'); // the menu keeps working while the question waits
    assert.equal(await page.inputValue(loss), 'quadratic');
    assert.equal(await page.isVisible('#rebuild-confirm'), true);

    await page.click('#rebuild-confirm [data-answer="keep"]');
    assert.equal(await page.isVisible('#rebuild-confirm'), false);
    assert.equal(await page.inputValue(loss), 'softmax', 'the form is back to the trained network\'s settings');
    await page.waitForTimeout(300);
    assert.equal(await steps(page), trainedSteps, 'the trained network stays');

    await page.selectOption(loss, 'logistic');
    await page.waitForSelector('#rebuild-confirm:not([hidden])');
    await page.click('#rebuild-confirm [data-answer="rebuild"]');
    await page.waitForFunction(() => new URLSearchParams(location.search).get('loss') === 'logistic');
    await page.waitForFunction(() => document.querySelector('#steps').textContent === '0');
    assert.equal(await page.isVisible('#rebuild-confirm'), false);

    // A live change (the learning rate) never asks: the trained network goes on with it.
    await page.click('#step');
    await page.waitForFunction(() => Number(document.querySelector('#steps').textContent) > 0);
    await page.fill('#config-form [data-key="lr"]', '0.002');
    await page.dispatchEvent('#config-form [data-key="lr"]', 'change');
    await page.waitForFunction(() => new URLSearchParams(location.search).get('lr') === '0.002');
    assert.equal(await page.isVisible('#rebuild-confirm'), false);
    assert.ok(await steps(page) > 0);
    assert.deepEqual(problems, []);
    await page.close();
  });
});
