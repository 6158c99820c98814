// Share and teach: the short link, its Copy button (honest about the clipboard), its QR code, lesson links.
import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, test } from 'node:test';
import { openPage } from './support/browser.mjs';
import { serverAndBrowser } from './support/fixture.mjs';
import { screenshotDir } from './support/server.mjs';

/** A small network, so the page is ready to share within seconds. */
const RUN = 'layers=784,16,10&workers=1';

/** Opens the page, shares its (untrained) network and returns the link shown. */
async function share(page, url) {
  await page.goto(url);
  await page.waitForSelector('#share:not([disabled])', { timeout: 30_000 });
  await page.click('#share');
  await page.waitForSelector('#share-link:not([hidden])', { timeout: 30_000 });
  return page.getAttribute('#share-link', 'href');
}

describe('share', () => {
  const fixture = serverAndBrowser();

  test('Copy puts the short link on the clipboard and says so only then', async () => {
    const { context } = fixture.browser;
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(fixture.server.url).origin });
    const { page, problems } = await openPage(context);
    const link = await share(page, `${fixture.server.url}?${RUN}`);
    assert.match(link, /\?model=[A-Za-z0-9_-]{22}$/);
    assert.equal(await page.textContent('#share-link'), link);
    assert.ok(link.length < 60, link);
    const lines = await page.evaluate(() => [...document.querySelector('#share-link').getClientRects()]
      .map((box) => Math.round(box.top)).filter((top, i, tops) => tops.indexOf(top) === i).length);
    assert.ok(lines <= 2, `the link takes one line, or two where the card is narrow (${lines})`);
    assert.equal(await page.textContent('#share-link .share-query'), link.slice(link.indexOf('?')),
      'the model id in one piece');
    assert.doesNotMatch(await page.textContent('#status'), /copied/i, 'nothing was copied yet');
    await page.evaluate(() => navigator.clipboard.writeText('something else'));

    await page.click('#copy-link');
    await page.waitForFunction(() => document.querySelector('#status').textContent.startsWith('Link copied'));
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), link);
    await page.locator('#share-result').screenshot({ path: path.join(screenshotDir, 'share-link.png') });
    assert.deepEqual(problems, []);
    await page.close();
  });

  for (const target of ['wasm', 'js']) {
    test(`${target}: the link has a QR code, painted dark on light with its quiet zone, that can fill the screen`, async () => {
      const { page, problems } = await openPage(fixture.browser.context);
      await page.setViewportSize({ width: 1400, height: 900 });
      const link = await share(page, `${fixture.server.url}?${RUN}&target=${target}`);
      await page.waitForSelector('#share-qr[data-version]:not([hidden])');
      const version = Number(await page.getAttribute('#share-qr', 'data-version'));
      const modules = Number(await page.getAttribute('#share-qr', 'data-modules'));
      assert.ok(version >= 2 && version <= 5, `a ${link.length}-character link: version ${version}`);
      assert.equal(modules, 17 + 4 * version + 8, 'the code and a quiet zone of 4 modules each side');
      assert.equal(await page.getAttribute('#share-qr', 'aria-label'), `QR code of the link ${link}`);
      // Module centres: the quiet zone white, the top-left finder pattern's rings black, white, black.
      const rows = await page.evaluate((side) => {
        const canvas = document.querySelector('#share-qr');
        const scale = canvas.width / side;
        const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
        const dark = (x, y) => pixels[(Math.floor((y + 0.5) * scale) * canvas.width + Math.floor((x + 0.5) * scale)) * 4] < 128;
        return [3, 4, 5, 6, 7].map((y) => [3, 4, 5, 6, 7, 8, 9, 10, 11].map((x) => (dark(x, y) ? '#' : '.')).join(''));
      }, modules);
      assert.deepEqual(rows, ['.........', '.#######.', '.#.....#.', '.#.###.#.', '.#.###.#.']);
      const small = await page.locator('#share-qr').boundingBox();
      assert.ok(small.width >= 150 && small.width <= 200, `${small.width} px in the card`);

      await page.click('#share-qr-large');
      assert.equal(await page.getAttribute('#share-qr-large', 'aria-pressed'), 'true');
      const large = await page.locator('#share-qr').boundingBox();
      assert.ok(large.width >= 700, `${large.width} px shown large on a 1400x900 screen`);
      await page.screenshot({ path: path.join(screenshotDir, `share-qr-large-${target}.png`) });
      await page.keyboard.press('Escape');
      assert.equal(await page.textContent('#share-qr-large'), 'Show large');
      assert.equal((await page.locator('#share-qr').boundingBox()).width, small.width);
      await page.locator('section[aria-labelledby="share-title"]').screenshot({ path: path.join(screenshotDir, `share-panel-${target}.png`) });
      assert.deepEqual(problems, []);
      await page.close();
    });
  }

  test('when the clipboard refuses, the status says why and the link is selected to copy by hand', async () => {
    const { page, problems } = await openPage(fixture.browser.context);
    await page.addInitScript(() => {
      navigator.clipboard.writeText = () => Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError'));
    });
    const link = await share(page, `${fixture.server.url}?${RUN}`);
    await page.click('#copy-link');
    await page.waitForSelector('#status[data-state="error"]');
    assert.match(await page.textContent('#status'),
      /^Copying failed \(Write permission denied\.\): the link is selected, copy it with Ctrl\+C/);
    assert.doesNotMatch(await page.textContent('#status'), /Link copied/);
    assert.equal(await page.evaluate(() => String(getSelection())), link);
    assert.deepEqual(problems, []);
    await page.close();
  });
});
