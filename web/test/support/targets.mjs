// Touch targets: how large each control of the page is on screen.

/** What a person taps or clicks (and what takes the keyboard focus). */
const INTERACTIVE = 'button, a[href], input, select, textarea, [tabindex="0"], [role="gridcell"]';

/**
 * Resolves to the visible interactive elements smaller than `min` x `min` CSS pixels, as "what: WxH".
 * An input counts with its label (a tap on the label works it); a link inside text (display inline) is
 * exempt, as WCAG 2.5.8 exempts targets in a sentence.
 */
export function smallTargets(page, min = 24) {
  return page.evaluate(({ selector, min }) => {
    const describe = (element) => {
      const name = element.id ? `#${element.id}`
        : `${element.tagName.toLowerCase()}${element.className ? `.${String(element.className).split(' ').join('.')}` : ''}`;
      const text = (element.getAttribute('aria-label') ?? element.textContent ?? '').trim().slice(0, 30);
      return text ? `${name} "${text}"` : name;
    };
    const small = [];
    for (const element of document.querySelectorAll(selector)) {
      if (!element.checkVisibility({ opacityProperty: true, visibilityProperty: true })) continue;
      if (element.tagName === 'A' && getComputedStyle(element).display === 'inline') continue;
      const boxes = [element, ...(element.labels ?? [])].map((e) => e.getBoundingClientRect());
      const width = Math.max(...boxes.map((box) => box.width));
      const height = Math.max(...boxes.map((box) => box.height));
      if (width === 0 && height === 0) continue;
      if (width < min - 0.01 || height < min - 0.01) {
        small.push(`${describe(element)}: ${width.toFixed(1)}x${height.toFixed(1)}`);
      }
    }
    return small;
  }, { selector: INTERACTIVE, min });
}
