// The two screens the pages are checked on: a desktop window and a phone (touch, dense pixels).
import { chromium } from 'playwright-core';
import { executablePath, FLAGS } from './browser.mjs';

export const DESKTOP = { name: 'desktop', viewport: { width: 1400, height: 900 } };
export const PHONE = {
  name: 'phone', viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true,
};

/**
 * Resolves to { context, close() }: a browser context emulating `device` (its `name` aside). Playwright
 * gives the launched browser a fresh temporary profile and removes it on close.
 */
export async function openDevice({ name, ...options }) {
  const browser = await chromium.launch({ executablePath, headless: true, args: FLAGS });
  const context = await browser.newContext(options);
  return {
    name,
    context,
    async close() {
      await context.close();
      await browser.close();
    },
  };
}
