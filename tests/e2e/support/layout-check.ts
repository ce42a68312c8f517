// What the layout check looks for on a screen as it is shown, in either engine (a script string:
// Playwright evaluates it in Chromium, WebDriver executes it in WebKitGTK).
// - The page scrolls sideways.
// - A control (input, select, textarea, button, link styled as a button) sticks out of the nearest
//   box that holds it: its form, card, dialog or popover, or the viewport.
// - Text is cut inside a control: an input's placeholder wider than its text box, a select's
//   chosen option wider than the room beside its arrow, a button's label overflowing.
// Each problem is one line naming the control and the size, for the test's message.
export const LAYOUT_PROBLEMS_SCRIPT = `(() => {
  const problems = [];
  const root = document.documentElement;
  if (root.scrollWidth > root.clientWidth + 1) problems.push('the page scrolls sideways: ' + root.scrollWidth + ' px in ' + root.clientWidth);
  const name = (el) => {
    const labelled = el.labels && el.labels[0] ? (el.labels[0].textContent || '').trim().slice(0, 30) : '';
    const label = el.getAttribute('aria-label') || labelled || el.getAttribute('name') || el.getAttribute('placeholder') || (el.textContent || '').trim().slice(0, 30) || el.tagName.toLowerCase();
    return el.tagName.toLowerCase() + ' "' + label + '"';
  };
  const visible = (el) => {
    const r = el.getBoundingClientRect();
    if (r.width < 1 || r.height < 1) return false;
    const style = getComputedStyle(el);
    return style.visibility !== 'hidden' && style.display !== 'none';
  };
  const BOX = 'dialog, [role="dialog"], [role="menu"], [role="listbox"], [data-popover], form, [class*="card"], [class*="Card"]';
  const canvas = document.createElement('canvas').getContext('2d');
  const textWidth = (text, style) => {
    canvas.font = style.fontStyle + ' ' + style.fontWeight + ' ' + style.fontSize + ' ' + style.fontFamily;
    return canvas.measureText(text).width;
  };
  const controls = [...document.querySelectorAll('input:not([type="hidden"]), select, textarea, button, a.button, [role="button"]')].filter(visible);
  for (const el of controls) {
    const r = el.getBoundingClientRect();
    if (r.left < -1 || r.right > root.clientWidth + 1) problems.push(name(el) + ' leaves the screen (' + Math.round(r.left) + '..' + Math.round(r.right) + ' of ' + root.clientWidth + ')');
    const box = el.parentElement && el.parentElement.closest(BOX);
    if (box) {
      const b = box.getBoundingClientRect();
      if (r.left < b.left - 1 || r.right > b.right + 1) problems.push(name(el) + ' sticks out of its ' + (box.getAttribute('data-testid') || box.tagName.toLowerCase()) + ' (' + Math.round(r.left) + '..' + Math.round(r.right) + ' in ' + Math.round(b.left) + '..' + Math.round(b.right) + ')');
    }
    const style = getComputedStyle(el);
    const inner = el.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    const tag = el.tagName;
    const type = (el.getAttribute('type') || 'text').toLowerCase();
    if (tag === 'INPUT' && ['text', 'search', 'email', 'password', 'number', 'url', 'tel', ''].includes(type) && el.placeholder && !el.value) {
      const room = inner - (type === 'number' ? 16 : 0);
      if (textWidth(el.placeholder, style) > room + 1) problems.push(name(el) + ': its placeholder is cut (' + Math.round(textWidth(el.placeholder, style)) + ' px in ' + Math.round(room) + ')');
    } else if (tag === 'SELECT' && el.selectedOptions.length) {
      const room = inner - 18;
      const text = el.selectedOptions[0].textContent || '';
      if (textWidth(text, style) > room + 1) problems.push(name(el) + ': "' + text + '" is cut (' + Math.round(textWidth(text, style)) + ' px in ' + Math.round(room) + ')');
    } else if ((tag === 'BUTTON' || tag === 'A') && el.scrollWidth > el.clientWidth + 1 && style.overflow !== 'visible') {
      problems.push(name(el) + ': its label is cut');
    }
  }
  return problems;
})()`;
