import type { BrowserTab } from './extension-browser';

/**
 * The reads every driver's tab does the same way, by evaluating an expression in the page: a field's
 * value, an element's visible text, a count, the address. A tab class extends it and supplies
 * `evaluate` (over Playwright, the DevTools protocol or WebDriver BiDi).
 */
export abstract class PageReads implements Pick<BrowserTab, 'value' | 'text' | 'count' | 'url' | 'focused'> {
  abstract evaluate<T>(expression: string): Promise<T>;

  value(selector: string): Promise<string> {
    return this.evaluate(`document.querySelector(${JSON.stringify(selector)})?.value ?? ''`);
  }

  text(selector: string): Promise<string> {
    return this.evaluate(`document.querySelector(${JSON.stringify(selector)})?.innerText ?? ''`);
  }

  count(selector: string): Promise<number> {
    return this.evaluate(`document.querySelectorAll(${JSON.stringify(selector)}).length`);
  }

  url(): Promise<string> {
    return this.evaluate('location.href');
  }

  focused(): Promise<string> {
    return this.evaluate(`(() => {
      const el = document.activeElement;
      if (!el || el === document.body || el === document.documentElement) return 'body';
      const label = el.getAttribute('aria-label') ?? el.labels?.[0]?.innerText.replace(/\\s+/g, ' ').trim();
      if (label) return label;
      const text = (el.innerText ?? el.textContent ?? '').replace(/\\s+/g, ' ').trim().slice(0, 80);
      return (el.getAttribute('data-testid') ?? el.tagName.toLowerCase()) + ': ' + text;
    })()`);
  }
}

/** The toolbar popup, in either browser: read like any page, but it has no file input and sizes itself. */
export abstract class ToolbarPopupReads extends PageReads {
  setFiles(): Promise<void> {
    throw new Error('the toolbar popup has no file input');
  }

  setViewport(): Promise<void> {
    throw new Error('the toolbar popup sizes itself to its content');
  }
}
