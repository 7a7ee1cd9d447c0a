import type { BidiConnection } from './bidi-connection';

interface EvaluateResult {
  type: 'success' | 'exception';
  result: { type: string; value?: unknown };
  exceptionDetails?: { text: string };
}

/** KeyboardEvent key, code and keyCode for the names in a shortcut such as "Alt+Shift+C". */
function keyOf(name: string): [string, string, number] {
  const modifiers: Record<string, [string, string, number]> = {
    Alt: ['Alt', 'AltLeft', 18],
    Shift: ['Shift', 'ShiftLeft', 16],
    Ctrl: ['Control', 'ControlLeft', 17],
    MacCtrl: ['Control', 'ControlLeft', 17],
    Command: ['Meta', 'MetaLeft', 91],
  };
  if (modifiers[name]) return modifiers[name];
  if (/^[A-Z]$/.test(name)) return [name, `Key${name}`, name.charCodeAt(0)];
  if (/^[0-9]$/.test(name)) return [name, `Digit${name}`, name.charCodeAt(0)];
  throw new Error(`no key mapping for "${name}" in a shortcut`);
}

/**
 * Firefox's privileged (chrome) scope, reached over BiDi with --remote-allow-system-access: what a
 * person does through the browser's own UI — the toolbar button, a keyboard shortcut, the context
 * menu, the permission prompt — and what Firefox does by itself (stopping an idle background).
 */
export function chromeScope(bidi: BidiConnection, window: string, extensionId: string) {
  const EXT = `WebExtensionPolicy.getByID(${JSON.stringify(extensionId)}).extension`;
  const GLOBAL = `ChromeUtils.importESModule('resource://gre/modules/ExtensionParent.sys.mjs').ExtensionParent.apiManager.global`;
  /** The <tab> element behind a BiDi top-level context id. */
  const TAB = (context: string) =>
    `ChromeUtils.importESModule('chrome://remote/content/shared/TabManager.sys.mjs').TabManager.getTabForBrowsingContext(` +
    `ChromeUtils.importESModule('chrome://remote/content/shared/NavigableManager.sys.mjs').NavigableManager.getBrowsingContextById(${JSON.stringify(context)}))`;

  const evaluate = async <T>(expression: string): Promise<T> => {
    const r = await bidi.send<EvaluateResult>('script.evaluate', {
      target: { context: window },
      expression,
      awaitPromise: true,
      resultOwnership: 'none',
    });
    if (r.type === 'exception') throw new Error(`chrome scope: ${r.exceptionDetails?.text}\n  in: ${expression.slice(0, 300)}`);
    return r.result.value as T;
  };

  return {
    evaluate,
    backgroundState: () => evaluate<string>(`${EXT}.backgroundState`),
    /** The id `browser.tabs` uses for the tab of a BiDi context. */
    tabIdOf: (context: string) => evaluate<number>(`${GLOBAL}.tabTracker.getId(${TAB(context)})`),
    hasActiveTab: (context: string) => evaluate<boolean>(`${EXT}.tabManager.hasActiveTabPermission(${TAB(context)})`),
    /** A click on the toolbar button of the selected tab: grants activeTab and opens (or closes) the popup. */
    triggerAction: () => evaluate<unknown>(`(${GLOBAL}.browserActionFor(${EXT}).triggerAction(window), true)`),
    /** As Firefox does with an idle background; the next event starts it again. */
    terminateBackground: () => evaluate<unknown>(`${EXT}.terminateBackground({ disableResetIdleForTest: true }).then(() => true)`),
    /** Presses a shortcut ("Alt+Shift+C") in the browser window, where extension shortcuts are handled. */
    pressKeys: (shortcut: string) => {
      const keys = shortcut.split('+').map(keyOf);
      return evaluate<boolean>(`(() => {
        const tip = Cc['@mozilla.org/text-input-processor;1'].createInstance(Ci.nsITextInputProcessor);
        tip.beginInputTransactionForTests(window);
        const keys = ${JSON.stringify(keys)}.map(([key, code, keyCode]) => new KeyboardEvent('', { key, code, keyCode }));
        keys.forEach((k) => tip.keydown(k));
        keys.reverse().forEach((k) => tip.keyup(k));
        return true;
      })()`);
    },
    /** Chooses the extension's item `menuId` in the open content context menu. */
    chooseContextMenuItem: async (menuId: string) => {
      const deadline = Date.now() + 10_000;
      for (;;) {
        const outcome = await evaluate<string>(`(() => {
          const menu = document.getElementById('contentAreaContextMenu');
          if (!menu || menu.state !== 'open') return 'closed';
          const item = menu.querySelector('[id$=' + JSON.stringify('-menuitem-_' + ${JSON.stringify(menuId)}) + ']');
          if (!item) return 'no item: ' + Array.from(menu.querySelectorAll('menuitem[id*="-menuitem-_"]')).map((m) => m.id).join(', ');
          if (typeof menu.activateItem === 'function') menu.activateItem(item);
          else { item.doCommand(); menu.hidePopup(); }
          return 'chosen';
        })()`);
        if (outcome === 'chosen') return;
        if (Date.now() > deadline) throw new Error(`context menu item "${menuId}": ${outcome}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    },
    /** Accepts or declines the "add-on asks for more permissions" prompt; false while none is shown. */
    answerPermissionPrompt: (accept: boolean) =>
      evaluate<boolean>(`(() => {
        const prompt = PopupNotifications._currentNotifications.find((n) => n.id === 'addon-webext-permissions');
        if (!prompt) return false;
        if (${accept}) prompt.mainAction.callback();
        else prompt.secondaryActions[0].callback();
        PopupNotifications.remove(prompt);
        return true;
      })()`),
  };
}
