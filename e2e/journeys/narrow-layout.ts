/**
 * What stops a page from working on a narrow touch screen (Firefox for Android opens the popup as a
 * full page, 360 × 640 CSS px): horizontal scrolling, interactive targets smaller than 24 × 24 CSS px
 * (WCAG 2.5.8; links inside running text are exempt), and, on the clip form, the summary, section
 * and Save button out of reach. Returns the problems in plain words; [] when there are none.
 *
 * Runs in the page: self-contained (no imports, nothing from this module), sent as the string
 * `(${narrowLayoutProblems})()` to Chromium and Firefox alike.
 */
export function narrowLayoutProblems(): string[] {
  const problems: string[] = [];
  const width = window.innerWidth;
  // Helpers as methods: bundlers that keep function names (esbuild's keepNames, as tsx runs) wrap
  // `const f = () => …` in a helper the page does not have, but leave methods alone.
  const the = {
    name(el: Element): string {
      return el.tagName.toLowerCase() + (el.id ? `#${el.id}` : '') + Array.from(el.classList, (c) => `.${c}`).join('');
    },
    overflows(el: Element | null): boolean {
      return !!el && el !== document.documentElement && el.getBoundingClientRect().right + window.scrollX > width + 1;
    },
    shown(el: Element): boolean {
      const box = el.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) return false;
      const style = getComputedStyle(el);
      if (style.display === 'none' || style.visibility === 'hidden') return false;
      // Inside a closed <details>, only its own <summary> is on screen.
      for (let d = el.parentElement?.closest('details'); d; d = d.parentElement?.closest('details')) {
        if (!d.open && !(el.tagName === 'SUMMARY' && el.parentElement === d)) return false;
      }
      return true;
    },
  };

  const scrollWidth = document.documentElement.scrollWidth;
  if (scrollWidth > width + 1) {
    // Where the overflow starts: elements wider than the viewport whose parent is not.
    const wide = [document.body, ...Array.from(document.body.querySelectorAll('*'))]
      .filter((el) => the.overflows(el) && !the.overflows(el.parentElement) && the.shown(el))
      .map((el) => ({ el, box: el.getBoundingClientRect() }))
      .sort((a, b) => b.box.width - a.box.width)
      .slice(0, 5)
      .map(({ el, box }) => `${the.name(el)} (${Math.round(box.width)} px wide, right edge at ${Math.round(box.right)})`);
    problems.push(`scrolls sideways: ${scrollWidth} px wide in a ${width} px viewport; widest: ${wide.join(', ') || 'none found'}`);
  }

  const selector = 'button, a, input, select, textarea, summary, [role=button]';
  for (const found of Array.from(document.querySelectorAll<HTMLElement>(selector))) {
    let el: HTMLElement = found;
    // A file input hidden inside a styled label: the label is what is tapped.
    if (el instanceof HTMLInputElement && el.type === 'file') {
      const label = el.closest('label');
      if (label && (!the.shown(el) || el.getBoundingClientRect().width <= 1)) el = label;
    }
    if (!the.shown(el)) continue;
    if (el.tagName === 'A') {
      // A link in running text: its nearest block is a paragraph or list item with more words than the link.
      let block = el.parentElement;
      while (block && getComputedStyle(block).display.startsWith('inline')) block = block.parentElement;
      if (block && /^(P|LI)$/.test(block.tagName) && (block.textContent ?? '').trim() !== (el.textContent ?? '').trim()) continue;
    }
    const box = el.getBoundingClientRect();
    if (box.width < 24 || box.height < 24) {
      const field = el as HTMLInputElement;
      const words =
        el.getAttribute('aria-label') || field.labels?.[0]?.textContent || field.placeholder || el.textContent || field.type || '';
      const label = (el.id ? `#${el.id} ` : '') + `“${words.trim().replace(/\s+/g, ' ').slice(0, 50)}”`;
      problems.push(
        `${el.tagName.toLowerCase()} ${label} is ${Math.round(box.width * 10) / 10} × ${Math.round(box.height * 10) / 10} px, under 24 × 24`,
      );
    }
  }

  if (document.querySelector('#summary')) {
    const targets: [string, Element | null][] = [
      ['the summary field (#summary)', document.querySelector('#summary')],
      ['the section picker (#section)', document.querySelector('#section')],
      ['the Save button', document.querySelector('button[type=submit]')],
    ];
    for (const [what, el] of targets) {
      if (!el) problems.push(`${what} is missing`);
      else {
        const box = el.getBoundingClientRect();
        if (box.left < 0 || box.right > width + 1 || box.width === 0)
          problems.push(`${what} is not within the ${width} px viewport (${Math.round(box.left)}–${Math.round(box.right)} px)`);
      }
    }
  }
  return problems;
}
