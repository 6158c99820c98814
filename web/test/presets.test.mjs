// One-click starting points: a preset sets every setting it names, says why, and stays marked only while
// the run is exactly that preset.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { openPage } from './support/browser.mjs';
import { serverAndBrowser } from './support/fixture.mjs';

describe('presets and links', () => {
  const fixture = serverAndBrowser();

  test('the classic tutorial preset sets up Ng\'s network and L-BFGS, and a change unmarks it', async () => {
    const { page, problems } = await openPage(fixture.browser.context);
    await page.goto(`${fixture.server.url}?workers=1`);
    await page.waitForSelector('#train:not([disabled])', { timeout: 30_000 });
    // The default run is the fast MLP preset.
    assert.equal(await page.getAttribute('[data-preset="relu-mlp"]', 'aria-pressed'), 'true');
    await page.click('[data-preset="classic"]');
    await page.waitForFunction(() => new URLSearchParams(location.search).get('opt') === 'lbfgs');
    const params = await page.evaluate(() => Object.fromEntries(new URLSearchParams(location.search)));
    assert.equal(params.layers, '784,25,10');
    assert.equal(params.act, 'sigmoid');
    assert.equal(params.loss, 'logistic');
    assert.equal(params.lambda, '1');
    assert.equal(params.workers, '1', 'the page\'s own parameters stay');
    assert.equal(await page.getAttribute('[data-preset="classic"]', 'aria-pressed'), 'true');
    assert.equal(await page.getAttribute('[data-preset="relu-mlp"]', 'aria-pressed'), 'false');
    assert.match(await page.textContent('#preset-why'), /Andrew Ng's exercise/);
    assert.equal(await page.inputValue('#config-form [data-key="opt"]'), 'lbfgs');
    assert.deepEqual(await page.$$eval('.layer-units', (inputs) => inputs.map((input) => input.value)), ['25']);
    // The status said "ready" for the network before the click too: wait for the new network's sentence.
    await page.waitForFunction(() => {
      const status = document.querySelector('#status');
      return status.dataset.state === 'ready' && /784-25-10/.test(status.textContent);
    }, null, { timeout: 30_000 });

    await page.fill('#config-form [data-key="lambda"]', '0.5');
    await page.dispatchEvent('#config-form [data-key="lambda"]', 'change');
    await page.waitForFunction(() => new URLSearchParams(location.search).get('lambda') === '0.5');
    assert.equal(await page.getAttribute('[data-preset="classic"]', 'aria-pressed'), 'false');
    assert.equal(await page.textContent('#preset-why'), '');
    assert.deepEqual(problems, []);
    await page.close();
  });

  for (const viewport of [{ width: 1400, height: 900 }, { width: 390, height: 844 }]) {
    test(`every starting point shows its sentence of why beside it (${viewport.width}px)`, async () => {
      const { page, problems } = await openPage(fixture.browser.context);
      await page.setViewportSize(viewport);
      await page.goto(`${fixture.server.url}?workers=1`);
      await page.waitForSelector('[data-preset]');
      const presets = await page.$$eval('[data-preset]', (buttons) => buttons.map((button) => {
        const why = document.getElementById(button.getAttribute('aria-describedby'));
        const box = why?.getBoundingClientRect();
        return { id: button.dataset.preset, name: button.textContent, why: why?.textContent ?? '',
          shown: !!box && box.width > 50 && box.height > 10 && getComputedStyle(why).visibility === 'visible' };
      }));
      assert.deepEqual(presets.map((p) => p.id),
        ['classic', 'classic-20', 'nielsen', 'relu-mlp', 'convnetjs', 'best-cnn']);
      for (const preset of presets) {
        assert.ok(preset.shown, `${preset.name}: its sentence is on the screen`);
        assert.ok(preset.why.length > 40, `${preset.name}: '${preset.why}'`);
      }
      assert.match(presets[0].why, /25 sigmoid hidden units.*logistic cost.*λ = 1.*L-BFGS/);
      assert.match(presets.find((p) => p.id === 'relu-mlp').name, /Fast and accurate/);
      assert.deepEqual(problems, []);
      await page.close();
    });
  }

  test('a link with a mistake keeps every other setting and says what it set aside', async () => {
    const { page, problems } = await openPage(fixture.browser.context);
    await page.goto(`${fixture.server.url}?layers=784,32,10&opt=sgd&lr=abc&seed=7&workers=1`);
    await page.waitForSelector('#train:not([disabled])', { timeout: 30_000 });
    assert.equal(await page.textContent('#status'),
      "The address has a bad setting (lr must be a number, got 'abc'): it takes its default; the rest of the address applies.");
    const params = await page.evaluate(() => Object.fromEntries(new URLSearchParams(location.search)));
    assert.equal(params.layers, '784,32,10');
    assert.equal(params.opt, 'sgd');
    assert.equal(params.lr, '0.1', 'sgd\'s default learning rate');
    assert.equal(params.seed, '7');
    assert.deepEqual(problems, []);
    await page.close();
  });

  for (const [id, layers, why, kinds] of [
    ['convnetjs', '784,c8k5,p2,c16k5,p3,10', /Karpathy's in-browser demo/, ['conv', 'pool', 'conv', 'pool']],
    ['best-cnn', null, /LeNet/, null],
  ]) {
    test(`the ${id} preset builds its CNN in the layers editor and says why`, async () => {
      const { page, problems } = await openPage(fixture.browser.context);
      await page.goto(`${fixture.server.url}?workers=1`);
      await page.waitForSelector('#train:not([disabled])', { timeout: 30_000 });
      await page.click(`[data-preset="${id}"]`);
      await page.waitForFunction(() => /,c\d/.test(new URLSearchParams(location.search).get('layers') ?? ''));
      const params = await page.evaluate(() => Object.fromEntries(new URLSearchParams(location.search)));
      if (layers) assert.equal(params.layers, layers);
      assert.equal(params.act, 'relu');
      assert.equal(params.loss, 'softmax');
      assert.equal(params.opt, 'adam');
      assert.equal(await page.getAttribute(`[data-preset="${id}"]`, 'aria-pressed'), 'true');
      assert.match(await page.textContent('#preset-why'), why);
      const rows = await page.$$eval('#hidden-layers .layer-row', (items) => items.map((row) => row.dataset.kind));
      if (kinds) assert.deepEqual(rows, kinds);
      const built = ['784', ...await page.$$eval('#hidden-layers .layer-row', (items) => items.map((row) => {
        const value = (selector) => row.querySelector(selector)?.value;
        if (row.dataset.kind === 'dense') return value('.layer-units');
        if (row.dataset.kind === 'pool') return `p${value('.layer-size')}`;
        const stride = value('.layer-stride') === '1' ? '' : `s${value('.layer-stride')}`;
        return `c${value('.layer-filters')}k${value('.layer-kernel')}${stride}${value('.layer-padding') === 'valid' ? 'v' : ''}`;
      })), '10'].join(',');
      assert.equal(built, params.layers, 'the rows are the preset\'s layers');
      if (id === 'convnetjs') {
        assert.deepEqual(await page.$$eval('#hidden-layers .layer-shape', (shapes) => shapes.map((s) => s.textContent)),
          ['8x28x28', '8x14x14', '16x14x14', '16x4x4']);
        assert.equal(await page.textContent('#layers-total'), '5,994 parameters in all');
      }
      await page.waitForFunction(() => /New network 784-c/.test(document.querySelector('#status').textContent), null,
        { timeout: 30_000 });
      assert.deepEqual(problems, []);
      await page.close();
    });
  }
});
