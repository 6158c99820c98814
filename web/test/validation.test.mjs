// Training steered by held-out training images, never the test set; full-batch runs count iterations.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { openPage } from './support/browser.mjs';
import { serverAndBrowser } from './support/fixture.mjs';

const visible = (page, key) => page.isVisible(`#config-form [data-key="${key}"]`);

describe('validation and full-batch runs', () => {
  const fixture = serverAndBrowser();

  test('a target accuracy is checked on the validation images as the curve is drawn, within the first epoch', async () => {
    const { page, problems } = await openPage(fixture.browser.context);
    await page.goto(`${fixture.server.url}?layers=784,64,10&opt=adam&lr=0.002&epochs=5&targetacc=0.9&workers=1`);
    await page.waitForSelector('#train:not([disabled])', { timeout: 30_000 });
    await page.click('#train');
    await page.waitForSelector('#status[data-state="done"]', { timeout: 60_000 });
    assert.match(await page.textContent('#status'), /validation images reached the target accuracy/);
    assert.ok(Number(await page.textContent('#epoch')) < 1, 'stopped before the end of the first epoch');
    const validation = parseFloat(await page.textContent('#validation-accuracy'));
    assert.ok(validation >= 90, `validation accuracy ${validation}%`);
    assert.equal(await page.textContent('#validation-accuracy-basis'), '5,000 held-out images');
    // The test accuracy is measured when the run stops, and only ever on the whole test set.
    await page.waitForSelector('#test-accuracy[data-source="test-set"]');
    assert.equal(await page.textContent('#test-accuracy-basis'), 'all 10,000 test images');
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('L-BFGS shows its own settings, counts iterations and reports each one', async () => {
    const { page, problems } = await openPage(fixture.browser.context);
    await page.goto(`${fixture.server.url}?layers=784,25,10&act=sigmoid&loss=logistic&lambda=1&opt=lbfgs`
      + '&iters=3&train=5000&workers=1');
    await page.waitForSelector('#train:not([disabled])', { timeout: 30_000 });
    for (const key of ['iters', 'memory', 'lambda']) {
      assert.ok(await visible(page, key), `${key} is shown for L-BFGS`);
    }
    for (const key of ['lr', 'momentum', 'batch', 'epochs', 'sched']) {
      assert.ok(!(await visible(page, key)), `${key} is hidden for L-BFGS`);
    }
    await page.click('#train');
    await page.waitForSelector('#status[data-state="done"]', { timeout: 60_000 });
    assert.equal(await page.textContent('#status'), 'Finished 3 iterations.');
    assert.equal(await page.textContent('#epoch-label'), 'Iteration');
    assert.equal(await page.textContent('#epoch'), '3 of 3');
    // Switching to SGD brings the mini-batch settings back (a new network: the page asks first, as this one
    // has trained).
    await page.selectOption('#config-form [data-key="opt"]', 'sgd');
    await page.click('#rebuild-confirm [data-answer="rebuild"]');
    await page.waitForFunction(() => new URLSearchParams(location.search).get('opt') === 'sgd');
    for (const key of ['lr', 'batch', 'epochs']) {
      assert.ok(await visible(page, key), `${key} is shown for SGD`);
    }
    assert.ok(!(await visible(page, 'iters')));
    assert.deepEqual(problems, []);
    await page.close();
  });
});
