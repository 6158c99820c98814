// Drawing on the page's pad as a person would, for the tests.

/** Draws strokes given in unit coordinates of the pad (0..1), with the mouse, in many small moves. */
export async function draw(page, strokes) {
  await page.locator('#draw-canvas').scrollIntoViewIfNeeded();
  await page.evaluate(() => document.querySelector('#draw-canvas').scrollIntoView({ block: 'center' }));
  const box = await page.locator('#draw-canvas').boundingBox();
  const at = ([x, y]) => [box.x + x * box.width, box.y + y * box.height];
  for (const stroke of strokes) {
    await page.mouse.move(...at(stroke[0]));
    await page.mouse.down();
    for (const point of stroke.slice(1)) {
      await page.mouse.move(...at(point), { steps: 6 });
    }
    await page.mouse.up();
  }
  await page.waitForSelector('.draw-panel[data-state="predicted"]');
  // The last answer is for the finished drawing once nothing is pending any more.
  await page.waitForTimeout(300);
}
