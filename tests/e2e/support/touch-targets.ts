// What the touch-target check measures on a screen as shown (a script string, so either engine can
// run it): every visible control a finger taps (button, link styled as a button, [role=button],
// input, select, textarea, slider) must give a hit area of at least 44 x 44 CSS px (Apple's HIG).
// The hit area of a checkbox or radio is its label when the label wraps it (tapping the text works).
// Returns how many controls were measured, and one line per control under the size (name and size).
export const MIN_TOUCH_PX = 44;

export const TOUCH_TARGET_PROBLEMS_SCRIPT = `(() => {
  const MIN = ${MIN_TOUCH_PX};
  const problems = [];
  const visible = (el) => {
    const r = el.getBoundingClientRect();
    if (r.width < 1 || r.height < 1) return false;
    const style = getComputedStyle(el);
    if (style.visibility === 'hidden' || style.display === 'none' || Number(style.opacity) === 0) return false;
    // Visually hidden (screen-reader only) controls are not touch targets.
    return !(r.width <= 1 && r.height <= 1);
  };
  const name = (el) => {
    const label = el.getAttribute('aria-label') || (el.labels && el.labels[0] ? (el.labels[0].textContent || '').trim() : '') || (el.textContent || '').trim() || el.getAttribute('placeholder') || el.getAttribute('type') || '';
    return el.tagName.toLowerCase() + (el.getAttribute('type') ? '[' + el.getAttribute('type') + ']' : '') + ' "' + label.replace(/\\s+/g, ' ').slice(0, 40) + '"';
  };
  let checked = 0;
  const SELECTOR = 'button, a.button, a[class*="button"], a[class*="Button"], [role="button"], input:not([type="hidden"]), select, textarea, [role="slider"]';
  for (const el of document.querySelectorAll(SELECTOR)) {
    if (!visible(el)) continue;
    checked += 1;
    let r = el.getBoundingClientRect();
    const type = (el.getAttribute('type') || '').toLowerCase();
    if (el.tagName === 'INPUT' && (type === 'checkbox' || type === 'radio')) {
      const label = el.closest('label');
      if (label) r = label.getBoundingClientRect();
    }
    if (r.width + 0.5 < MIN || r.height + 0.5 < MIN) problems.push(name(el) + ': ' + Math.round(r.width) + 'x' + Math.round(r.height));
  }
  return { checked, problems: [...new Set(problems)] };
})()`;
