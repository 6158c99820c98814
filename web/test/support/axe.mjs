// axe-core (from npm) run inside a page, for the accessibility tests.
import { createRequire } from 'node:module';

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
/** A same-origin address the tests answer themselves, so the page's CSP (script-src 'self') lets axe in. */
const AXE_URL_PATH = '/__test__/axe.min.js';

/** The rules that run: axe's defaults plus the WCAG 2.2 target-size rule (24x24 CSS pixels). */
const OPTIONS = { rules: { 'target-size': { enabled: true } }, resultTypes: ['violations'] };

/** Resolves to axe's violations on the page as { id, impact, help, targets: [selector...] }. */
export async function axeViolations(page) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) {
    await page.route(`**${AXE_URL_PATH}`, (route) => route.fulfill({ path: axePath, contentType: 'text/javascript' }));
    await page.addScriptTag({ url: new URL(AXE_URL_PATH, page.url()).href });
  }
  return page.evaluate(async (options) => {
    const results = await window.axe.run(document, options);
    return results.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      targets: violation.nodes.map((node) => node.target.join(' ')),
    }));
  }, OPTIONS);
}

/** One line per violated rule: its id, what it asks, and the elements that break it. */
export function describeViolations(violations) {
  return violations.map((v) => `${v.id} (${v.impact}: ${v.help}): ${v.targets.join(', ')}`).join('\n');
}
