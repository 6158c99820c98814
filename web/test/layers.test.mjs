// Links with convolutional layers that cannot be built (zero filters, a kernel larger than its maps, pools
// that empty them): the page names the layer and why, keeps the other settings of the link, builds the
// default layers and trains: never a dead page.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { openPage } from './support/browser.mjs';
import { serverAndBrowser } from './support/fixture.mjs';

const CASES = [
  ['784,c0k5,10', /layers 'c0k5' \(layer 1\): a convolution needs 1 to 1024 filters, got 0/],
  ['784,c8k29,10', /layers 'c8k29' \(layer 1\) on 1x28x28: a 29x29 kernel is larger than its 28x28 input maps/],
  ['784,p2,p2,p2,p2,p2,10', /'p2' \(layer 5\) on 1x1x1: a 2x2 pool is larger than its 1x1 input maps/],
];

describe('convolutional layers in the address', () => {
  const fixture = serverAndBrowser();

  for (const target of ['wasm', 'js']) {
    test(`each is refused with the reason and the page opens with the default layers (${target})`, async () => {
      for (const [layers, reason] of CASES) {
        const { page, problems } = await openPage(fixture.browser.context);
        await page.goto(`${fixture.server.url}?layers=${layers}&seed=5&workers=1&target=${target}`);
        await page.waitForSelector('#train:not([disabled])', { timeout: 30_000 });
        const text = await page.textContent('#status');
        assert.match(text, reason, layers);
        assert.match(text, /takes its default; the rest of the address applies/, layers);
        const params = await page.evaluate(() => Object.fromEntries(new URLSearchParams(location.search)));
        assert.equal(params.layers, '784,128,10', layers);
        assert.equal(params.seed, '5', `${layers}: the link's other settings stay`);
        assert.deepEqual(problems, [], layers);
        await page.close();
      }
    });
  }
});
