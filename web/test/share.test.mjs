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
