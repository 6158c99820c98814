// The drawing pad under many random digits that fill it to its edges, in the Wasm build (which traps on
// an index out of bounds where the JavaScript build reads undefined silently): no page or console error.
// The strokes come from a seeded generator; DRAW_SEED=<n> replays a run, and the test prints its seed.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { openPage } from './support/browser.mjs';
import { DESKTOP, openDevice, PHONE } from './support/devices.mjs';
import { startServer } from './support/server.mjs';

const DIGITS = Number(process.env.DRAW_DIGITS ?? 200);
const SEED = Number(process.env.DRAW_SEED ?? Date.now() % 2 ** 31);

/** mulberry32: a small seeded generator of numbers in [0, 1). */
function generator(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

/**
 * One to three strokes of three to five points in pad units (0..1): large and slanted, each starting on
 * the pad (often right at an edge, since a stroke must start on it) and going to and beyond the edges.
 */
function randomDigit(random) {
  const between = (low, high) => low + (high - low) * random();
  // Near an edge or beyond it half the time, anywhere on the pad otherwise.
  const reach = () => (random() < 0.5 ? (random() < 0.5 ? between(-0.25, 0.03) : between(0.97, 1.25)) : random());
  // A start on the pad: at an edge (3 px in at 300 px) 40% of the time (not in a corner, which the rounded border cuts off).
  const start = () => {
    const along = between(0.1, 0.9);
    if (random() < 0.6) return [between(0.02, 0.98), between(0.02, 0.98)];
    const edge = random() < 0.5 ? 0.01 : 0.99;
    return random() < 0.5 ? [edge, along] : [along, edge];
  };
  const slant = between(-0.4, 0.4);
  const strokes = [];
  const count = 1 + Math.floor(random() * 3);
  for (let s = 0; s < count; s++) {
    const stroke = [start()];
    const points = 3 + Math.floor(random() * 3);
    for (let p = 1; p < points; p++) {
      const y = reach();
      stroke.push([reach() + slant * (y - 0.5), y]);
    }
    strokes.push(stroke);
  }
  return strokes;
}

/** Draws with the mouse: CDP mouse events, one per point, no steps in between. */
async function drawWithMouse(cdp, box, strokes) {
  const mouse = (type, [x, y], buttons) => cdp.send('Input.dispatchMouseEvent', {
    type, x: box.x + x * box.width, y: box.y + y * box.height, button: 'left', buttons, clickCount: 1,
  });
  for (const stroke of strokes) {
    await mouse('mouseMoved', stroke[0], 0);
    await mouse('mousePressed', stroke[0], 1);
    for (const point of stroke.slice(1)) {
      await mouse('mouseMoved', point, 1);
    }
    await mouse('mouseReleased', stroke.at(-1), 0);
  }
}

/** Draws with a finger (CDP touch events), each point clamped to the window as a real finger is. */
async function drawWithFinger(cdp, box, viewport, strokes) {
  const at = ([x, y]) => ({
    x: Math.max(0, Math.min(viewport.width - 1, box.x + x * box.width)),
    y: Math.max(0, Math.min(viewport.height - 1, box.y + y * box.height)),
  });
  for (const stroke of strokes) {
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [at(stroke[0])] });
    for (const point of stroke.slice(1)) {
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [at(point)] });
    }
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  }
}

describe('drawing pad robustness (Wasm build)', () => {
  let server;
  before(async () => { server = await startServer(); });
  after(async () => { await server?.stop(); });

  for (const device of [PHONE, DESKTOP]) {
    test(`${DIGITS} random digits filling the pad to its edges, no error (${device.name})`, async () => {
      const seed = SEED + (device === PHONE ? 0 : 1);
      console.log(`# ${device.name}: seed ${seed} (DRAW_SEED=${SEED} replays this run)`);
      const random = generator(seed);
      const browser = await openDevice(device);
      try {
        const { page, problems } = await openPage(browser.context);
        await page.goto(`${server.url}?layers=784,32,10&target=wasm`);
        await page.waitForSelector('#train:not([disabled])', { timeout: 30_000 });
        assert.equal(await page.textContent('#build'), 'Wasm GC');
        await page.evaluate(() => document.querySelector('#draw-canvas').scrollIntoView({ block: 'center' }));
        const box = await page.locator('#draw-canvas').boundingBox();
        const cdp = await browser.context.newCDPSession(page);
        const started = Date.now();
        for (let digit = 0; digit < DIGITS; digit++) {
          const strokes = randomDigit(random);
          if (device.hasTouch) {
            await drawWithFinger(cdp, box, device.viewport, strokes);
          } else {
            await drawWithMouse(cdp, box, strokes);
          }
          // The stroke's end asks the network at once; wait for its answer from the worker, then read the
          // pad's stroke count (every stroke landed).
          const answered = await page.waitForFunction(() => document.querySelector('.draw-panel').dataset.state !== 'waiting'
            && document.querySelector('#draw-canvas').dataset.strokes);
          const failed = `digit ${digit} of seed ${seed}: ${JSON.stringify(strokes)}`;
          assert.equal(await answered.jsonValue(), String(strokes.length), failed);
          assert.deepEqual(problems, [], failed);
          await page.keyboard.press('Escape'); // the pad took the focus: Escape clears it
        }
        await page.waitForTimeout(200); // a last throttled update, if any, has run
        assert.deepEqual(problems, []);
        console.log(`# ${device.name}: ${DIGITS} digits in ${((Date.now() - started) / 1000).toFixed(1)} s`);
      } finally {
        await browser.close();
      }
    });
  }
});
