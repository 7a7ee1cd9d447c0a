/** One text element whose colour does not stand out enough from what is painted behind it. */
export interface ContrastFailure {
  /** Where: tag, id and classes, e.g. `p.sync-state`. */
  element: string;
  /** The text (first 60 characters). */
  text: string;
  /** Foreground and composited background, as `rgb(r g b)`. */
  foreground: string;
  background: string;
  ratio: number;
  /** 4.5, or 3 for large text (24 px, or 18.66 px bold). */
  required: number;
}

export interface ContrastReport {
  /** Visible text elements checked. */
  checked: number;
  failures: ContrastFailure[];
  /** The scheme's canvas colour everything was composited on. */
  canvas: string;
}

/**
 * WCAG 2 contrast (1.4.3) of every visible text element, against the background it is really shown
 * on: the element's and its ancestors' background colours blended (alpha, and `opacity`) over the
 * canvas colour of the page's used colour scheme (white in light; the browser's dark canvas when the
 * page declares `color-scheme: … dark` and the scheme is dark). axe assumes a white canvas and marks
 * such nodes "incomplete"; this catches them. Text drawn over a background image or a gradient is
 * skipped (no one colour to measure), as are disabled controls (WCAG exempts them) and text clipped
 * out of sight (`.sr-only`). Form fields count with their value or, when empty, their placeholder.
 *
 * Runs in the page: self-contained, sent as `(${textContrast})()` to Chromium and Firefox alike.
 */
export function textContrast(): ContrastReport {
  type Rgba = [number, number, number, number];
  // Helpers as methods: esbuild's keepNames wraps `const f = () => …` in a helper the page lacks.
  const the = {
    probe: document.createElement('div'),
    parse(css: string): Rgba {
      // Computed colours are rgb()/rgba() in both browsers; resolve anything else through the probe.
      let m = /^rgba?\(([\d.]+),?\s*([\d.]+),?\s*([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?\)$/.exec(css.trim());
      if (!m) {
        the.probe.style.color = css;
        document.documentElement.append(the.probe);
        const resolved = getComputedStyle(the.probe).color;
        the.probe.remove();
        m = /^rgba?\(([\d.]+),?\s*([\d.]+),?\s*([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?\)$/.exec(resolved);
        if (!m) return [0, 0, 0, 1];
      }
      const alpha = m[4] === undefined ? 1 : m[4].endsWith('%') ? parseFloat(m[4]) / 100 : parseFloat(m[4]);
      return [parseFloat(m[1]!), parseFloat(m[2]!), parseFloat(m[3]!), alpha];
    },
    over(top: Rgba, bottom: Rgba): Rgba {
      const a = top[3];
      return [top[0] * a + bottom[0] * (1 - a), top[1] * a + bottom[1] * (1 - a), top[2] * a + bottom[2] * (1 - a), 1];
    },
    luminance(c: Rgba): number {
      const [r, g, b] = [c[0], c[1], c[2]].map((v) => {
        const s = v / 255;
        return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
    },
    ratio(a: Rgba, b: Rgba): number {
      const [hi, lo] = [the.luminance(a), the.luminance(b)].sort((x, y) => y - x);
      return (hi! + 0.05) / (lo! + 0.05);
    },
    show(c: Rgba): string {
      return `rgb(${c.slice(0, 3).map(Math.round).join(' ')})`;
    },
    name(el: Element): string {
      return el.tagName.toLowerCase() + (el.id ? `#${el.id}` : '') + Array.from(el.classList, (c) => `.${c}`).join('');
    },
    /** The canvas colour: `Canvas` in the root's used colour scheme. */
    canvas(): Rgba {
      the.probe.style.cssText = 'background-color: Canvas; color-scheme: inherit';
      document.documentElement.append(the.probe);
      const canvas = the.parse(getComputedStyle(the.probe).backgroundColor);
      the.probe.remove();
      the.probe.style.cssText = '';
      return canvas;
    },
    /** The background behind `el`, or null when an ancestor paints an image or gradient. */
    background(el: Element, canvas: Rgba): Rgba | null {
      const layers: Rgba[] = [];
      for (let e: Element | null = el; e; e = e.parentElement) {
        const style = getComputedStyle(e);
        if (style.backgroundImage !== 'none') return null;
        const colour = the.parse(style.backgroundColor);
        const opacity = parseFloat(style.opacity);
        if (colour[3] > 0) layers.push([colour[0], colour[1], colour[2], colour[3] * opacity]);
      }
      return layers.reduceRight<Rgba>((below, layer) => the.over(layer, below), canvas);
    },
    /** The product of the element's and its ancestors' opacity. */
    opacity(el: Element): number {
      let o = 1;
      for (let e: Element | null = el; e; e = e.parentElement) o *= parseFloat(getComputedStyle(e).opacity);
      return o;
    },
    shown(el: Element): boolean {
      const box = el.getBoundingClientRect();
      if (box.width <= 1 || box.height <= 1) return false;
      const style = getComputedStyle(el);
      if (style.visibility !== 'visible' || style.display === 'none') return false;
      for (let d = el.closest('details'); d; d = d.parentElement?.closest('details') ?? null)
        if (!d.open && !el.closest('summary')) return false;
      // Clipped out of sight (the visually hidden pattern) by an ancestor's 1 px box.
      for (let e: Element | null = el; e; e = e.parentElement) {
        const b = e.getBoundingClientRect();
        if (getComputedStyle(e).overflow === 'hidden' && (b.width <= 1 || b.height <= 1)) return false;
      }
      return true;
    },
    text(el: Element): string {
      if (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement) return el.value || el.placeholder;
      if (el instanceof HTMLSelectElement) return el.selectedOptions[0]?.label ?? '';
      return Array.from(el.childNodes)
        .filter((n) => n.nodeType === Node.TEXT_NODE)
        .map((n) => n.textContent ?? '')
        .join('')
        .trim();
    },
  };

  const canvas = the.canvas();
  const failures: ContrastFailure[] = [];
  let checked = 0;
  for (const el of Array.from(document.body.querySelectorAll('*'))) {
    if (/^(SCRIPT|STYLE|NOSCRIPT|TEMPLATE|IFRAME|OPTION|OPTGROUP)$/.test(el.tagName)) continue;
    const words = the.text(el);
    if (!words) continue;
    if (el.closest(':disabled') || (el instanceof HTMLInputElement && /^(checkbox|radio|file|hidden|range|color)$/.test(el.type))) continue;
    if (!the.shown(el)) continue;
    const back = the.background(el, canvas);
    if (!back) continue;
    const style = getComputedStyle(el);
    const placeholder = (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement) && !el.value;
    const ink = the.parse(placeholder ? getComputedStyle(el, '::placeholder').color : style.color);
    const fore = the.over([ink[0], ink[1], ink[2], ink[3] * the.opacity(el)], back);
    const size = parseFloat(style.fontSize);
    const large = size >= 24 || (size >= 18.66 && parseInt(style.fontWeight, 10) >= 700);
    const required = large ? 3 : 4.5;
    const ratio = Math.round(the.ratio(fore, back) * 100) / 100;
    checked += 1;
    if (ratio < required)
      failures.push({
        element: the.name(el) + (placeholder ? '::placeholder' : ''),
        text: words.replace(/\s+/g, ' ').slice(0, 60),
        foreground: the.show(fore),
        background: the.show(back),
        ratio,
        required,
      });
  }
  return { checked, failures, canvas: the.show(canvas) };
}
