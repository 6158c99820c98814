// The page explains itself: a "?" beside the labels that use a term (Tab, Enter, Space, Escape, a tap),
// a Glossary panel with every term, and notes on what each panel will show until the network has learned.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { openBrowser, openPage } from './support/browser.mjs';
import { serverAndBrowser } from './support/fixture.mjs';

const THE_ISSUES_JARGON = ['epoch', 'loss', 'learning-rate', 'batch', 'lambda', 'init', 'momentum', 'nesterov', 'adam',
  'lbfgs', 'cosine', 'test-set', 'hidden-unit', 'activation'];

/** The explanation a "?" button opens, and whether it is shown. */
const explanation = (page, button) => page.$eval(button, (b) => {
  const pop = document.getElementById(b.getAttribute('aria-controls'));
  return { expanded: b.getAttribute('aria-expanded'), shown: !pop.hidden && pop.getClientRects().length > 0,
    text: pop.textContent };
});

describe('a page that explains itself', () => {
  const fixture = serverAndBrowser();
  let phone;
  before(async () => {
    phone = await openBrowser({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true,
      deviceScaleFactor: 3 });
  });
  after(async () => phone?.close());

  test('the Glossary lists every term, the issue\'s jargon included, each with its sentences', async () => {
    const { page, problems } = await openPage(fixture.browser.context);
    await page.goto(`${fixture.server.url}?workers=1`);
    await page.waitForSelector('#glossary dt');
    const terms = await page.$$eval('#glossary dt', (names) => names.map((dt) => ({
      id: dt.id.replace('glossary-', ''), text: dt.nextElementSibling.textContent })));
    for (const id of THE_ISSUES_JARGON) {
      const term = terms.find((t) => t.id === id);
      assert.ok(term, `the Glossary explains ${id}`);
      assert.ok(term.text.length > 40, `${id}: '${term.text}'`);
    }
    // Every "?" on the page opens an explanation that exists.
    const buttons = await page.$$eval('.term-button', (all) => all.map((b) => b.dataset.terms));
    assert.ok(buttons.length >= 12, `${buttons.length} "?" buttons`);
    for (const ids of buttons) {
      for (const id of ids.split(' ')) assert.ok(terms.some((t) => t.id === id), id);
    }
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('the keyboard reaches a "?" by Tab, opens it with Enter or Space and closes it with Escape', async () => {
    const { page, problems } = await openPage(fixture.browser.context);
    await page.goto(`${fixture.server.url}?workers=1`);
    await page.waitForSelector('#status[data-state="ready"]', { timeout: 60_000 });
    await page.focus('#config-form [data-key="loss"]');
    await page.keyboard.press('Tab'); // the next stop is the Optimiser's "?"
    const focused = await page.evaluate(() => document.activeElement.dataset.terms);
    assert.equal(focused, 'sgd momentum nesterov adam lbfgs');
    const optimiser = '#config-form .term-button[data-terms="sgd momentum nesterov adam lbfgs"]';
    assert.equal((await explanation(page, optimiser)).shown, false);
    await page.keyboard.press('Enter');
    let shown = await explanation(page, optimiser);
    assert.equal(shown.expanded, 'true');
    assert.ok(shown.shown);
    assert.match(shown.text, /Adam.*own step size/);
    assert.match(shown.text, /L-BFGS.*curvature/);
    await page.keyboard.press('Escape');
    shown = await explanation(page, optimiser);
    assert.equal(shown.expanded, 'false');
    assert.equal(shown.shown, false);
    assert.equal(await page.evaluate(() => document.activeElement.dataset.terms), focused, 'focus stays on the "?"');

    const rate = '#config-form .term-button[data-terms="learning-rate"]';
    await page.focus(rate);
    await page.keyboard.press('Space');
    assert.match((await explanation(page, rate)).text, /How far the weights move/);
    // Opening another closes the first: one explanation at a time.
    await page.focus(optimiser);
    await page.keyboard.press('Enter');
    assert.equal((await explanation(page, rate)).shown, false);
    assert.equal((await explanation(page, optimiser)).shown, true);
    assert.equal(await page.getAttribute('#config-form [data-key="lr"]', 'aria-label'), 'Learning rate',
      'the control keeps its own name');
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('on a phone a tap opens and closes an explanation', async () => {
    const { page, problems } = await openPage(phone.context);
    await page.goto(`${fixture.server.url}?workers=1`);
    await page.waitForSelector('#status[data-state="ready"]', { timeout: 60_000 });
    const layers = 'legend .term-button';
    await page.tap(layers);
    const shown = await explanation(page, layers);
    assert.ok(shown.shown);
    assert.match(shown.text, /Hidden unit.*Activation/);
    const box = await page.$eval(`#${await page.getAttribute(layers, 'aria-controls')}`,
      (pop) => pop.getBoundingClientRect().toJSON());
    assert.ok(box.left >= 0 && box.right <= 390, `the explanation fits the screen: ${JSON.stringify(box)}`);
    await page.tap(layers);
    assert.equal((await explanation(page, layers)).shown, false);
    const size = await page.$eval(layers, (b) => b.getBoundingClientRect().toJSON());
    assert.ok(size.width >= 24 && size.height >= 24, 'a target a finger can hit');
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('each panel says what it will show until the network has learned something', async () => {
    const { page, problems } = await openPage(fixture.browser.context);
    await page.goto(`${fixture.server.url}?layers=784,16,10&workers=1`);
    await page.waitForSelector('#status[data-state="ready"]', { timeout: 60_000 });
    const visibleNotes = () => page.$$eval('.empty-note', (notes) => notes
      .filter((note) => note.getClientRects().length > 0)
      .map((note) => note.closest('section').querySelector('h2').textContent));
    const before = await visibleNotes();
    for (const panel of ['Learning curves', 'First-layer weights', 'Inside the network', 'Confusion matrix (test set)',
      'Training samples']) {
      assert.ok(before.includes(panel), `${panel} says what will appear (${before.join(', ')})`);
    }
    await page.click('#step');
    await page.waitForFunction(() => document.body.dataset.trained === 'true');
    assert.deepEqual(await visibleNotes(), [], 'the notes go once there is something to see');
    assert.deepEqual(problems, []);
    await page.close();
  });
});
