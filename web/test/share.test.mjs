// Share and teach: the short link, its Copy button (honest about the clipboard), its QR code, lesson links.
import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, test } from 'node:test';
import { openBrowser, openPage } from './support/browser.mjs';
import { serverAndBrowser } from './support/fixture.mjs';
import { screenshotDir } from './support/server.mjs';

/** A small network, so the page is ready to share within seconds. */
const RUN = 'layers=784,16,10&workers=1';

/** Opens the page, shares its (untrained) network and returns the link shown. */
async function share(page, url) {
  await page.goto(url);
  await page.waitForSelector('#share:not([disabled])', { timeout: 30_000 });
  // The status line reports loading until the last shard is in: a message about the link would be replaced.
  await page.waitForFunction(() => !document.querySelector('#status').textContent.includes('Loading MNIST'),
    null, { timeout: 60_000 });
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
    await page.waitForFunction(() => document.querySelector('#status').textContent.startsWith('Link copied'), null,
      { timeout: 10_000 }).catch(async (e) => { throw new Error(`status: ${await page.textContent('#status')}: ${e.message}`); });
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
      const file = target === 'wasm' ? 'wasm/qr.wasm' : 'js/qr.js';
      assert.ok(await page.evaluate((name) => performance.getEntriesByType('resource').some((r) => r.name.endsWith(name)), file),
        `the QR module ${file} came with the first Share`);
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

  test('a lesson link hides the parts the teacher ticked and shows the note as plain text; training still works',
    async () => {
      const { page, problems } = await openPage(fixture.browser.context);
      await page.goto(`${fixture.server.url}?${RUN}`);
      await page.waitForSelector('#share:not([disabled])', { timeout: 30_000 });
      await page.click('#lesson-options summary');
      await page.check('#lesson-hide [data-hide="layers"]');
      await page.check('#lesson-hide [data-hide="settings"]');
      const note = 'Watch the <b>loss</b> fall.\nThen draw a 7 & see.';
      await page.fill('#lesson-note-input', note);
      assert.equal(await page.textContent('#lesson-note-count'), `${note.length} of 280 characters`);
      assert.equal(await page.getAttribute('#lesson-note-input', 'maxlength'), '280');
      await page.click('#share');
      await page.waitForSelector('#share-link:not([hidden])', { timeout: 30_000 });
      const link = await page.getAttribute('#share-link', 'href');
      assert.match(link, /\?model=[A-Za-z0-9_-]{22}&hide=layers,settings&note=Watch%20the%20%3Cb%3Eloss%3C%2Fb%3E%20fall\.%0AThen%20draw%20a%207%20%26%20see\.$/);
      await page.waitForFunction((expected) => document.querySelector('#share-qr').getAttribute('aria-label') === expected,
        `QR code of the link ${link}`);
      // Changing the options changes the link at once, without another upload.
      await page.uncheck('#lesson-hide [data-hide="settings"]');
      assert.match(await page.getAttribute('#share-link', 'href'), /&hide=layers&note=/);
      await page.check('#lesson-hide [data-hide="settings"]');
      assert.equal(await page.getAttribute('#share-link', 'href'), link);
      await page.locator('section[aria-labelledby="share-title"]').screenshot({ path: path.join(screenshotDir, 'lesson-options.png') });
      assert.deepEqual(problems, []);
      await page.close();

      // A student's fresh browser.
      const other = await openBrowser();
      try {
        const { page: student, problems: studentProblems } = await openPage(other.context);
        await student.goto(link);
        await student.waitForFunction(() => document.querySelector('#status').textContent.startsWith('Loaded'),
          null, { timeout: 30_000 });
        assert.equal(await student.textContent('#lesson-note-text'), note, 'the note as typed, markup and all');
        assert.equal(await student.locator('#lesson-note b').count(), 0, 'never read as HTML');
        assert.ok(await student.isVisible('#lesson-note'));
        assert.equal(await student.textContent('#lesson-hidden'),
          'Hidden for this lesson: the layers editor, the training settings (optimiser, learning rate, batch, ...).');
        assert.equal(await student.isVisible('#config-form > .layers'), false, 'layers editor hidden');
        assert.equal(await student.isVisible('#config-form [data-key="opt"]'), false, 'settings hidden');
        assert.equal(await student.isVisible('#config-form [data-key="lr"]'), false);
        assert.ok(await student.isVisible('#presets'), 'what was not ticked stays');
        assert.ok(await student.isVisible('#draw-canvas'));
        assert.match(student.url(), /&hide=layers,settings&note=/, 'the address keeps the lesson');
        assert.equal(await student.evaluate(() => performance.getEntriesByType('resource').filter((r) => /\/qr\.(js|wasm)$/.test(r.name)).length), 0,
          'a page that does not share never loads the QR module');
        await student.evaluate(() => window.scrollTo(0, 0));
        await student.screenshot({ path: path.join(screenshotDir, 'lesson-link.png') });
        await student.setViewportSize({ width: 390, height: 844 });
        await student.screenshot({ path: path.join(screenshotDir, 'lesson-link-phone.png') });
        await student.setViewportSize({ width: 1280, height: 900 });

        await student.click('#train');
        await student.waitForFunction(() => Number(document.querySelector('#steps').textContent) > 20, null,
          { timeout: 30_000 });
        await student.click('#pause');
        await student.waitForSelector('#status[data-state="paused"]');
        // Sharing again starts from the lesson the student got.
        assert.equal(await student.isChecked('#lesson-hide [data-hide="layers"]'), true);
        assert.equal(await student.inputValue('#lesson-note-input'), note);
        assert.deepEqual(studentProblems, []);
      } finally {
        await other.close();
      }
    });

  test('a lesson link with unknown parts and an over-long note still opens, cut and ignored with a warning',
    async () => {
      const { page, problems } = await openPage(fixture.browser.context);
      const link = await share(page, `${fixture.server.url}?${RUN}`);
      const long = 'Read this. '.repeat(30).trim();
      await page.goto(`${link}&hide=layers,fancy,Presets&note=${encodeURIComponent(long)}`);
      await page.waitForSelector('#status[data-state="warning"]', { timeout: 30_000 });
      const status = await page.textContent('#status');
      assert.match(status, /The lesson link hides 'fancy', which this page does not have: ignored \(it can hide network, presets, layers, settings, teach, share\)\./);
      assert.match(status, new RegExp(`The lesson note is ${long.length} characters long: only its first 280 are shown\\.`));
      assert.equal(await page.textContent('#lesson-note-text'), long.slice(0, 280).trim());
      assert.equal(await page.isVisible('#config-form > .layers'), false);
      assert.equal(await page.isVisible('#presets'), false, 'names are read in any case');
      await page.waitForSelector('#train:not([disabled])', { timeout: 30_000 });
      await page.click('#train');
      await page.waitForFunction(() => Number(document.querySelector('#steps').textContent) > 20, null,
        { timeout: 30_000 });
      await page.click('#pause');
      assert.deepEqual(problems, []);
      await page.close();
    });
});
