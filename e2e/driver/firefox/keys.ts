/** WebDriver's code points for the keys a journey presses (WebDriver spec, "Keyboard actions"). */
const KEYS: Record<string, string> = {
  Shift: '\uE008',
  Control: '\uE009',
  Alt: '\uE00A',
  Meta: '\uE03D',
  Enter: '\uE007',
  Tab: '\uE004',
  Escape: '\uE00C',
  Backspace: '\uE003',
  Delete: '\uE017',
  Space: ' ',
  ArrowLeft: '\uE012',
  ArrowUp: '\uE013',
  ArrowRight: '\uE014',
  ArrowDown: '\uE015',
};

type KeyAction = { type: 'keyDown' | 'keyUp'; value: string };

function keyValue(name: string): string {
  const value = KEYS[name] ?? (name.length === 1 ? name : undefined);
  if (value === undefined) throw new Error(`unknown key "${name}"`);
  return value;
}

/** BiDi key actions for typing text (a newline is the Enter key) and for chords such as 'Control+Enter'. */
export const keyActions = {
  forText(text: string): KeyAction[] {
    return [...text].flatMap((char) => {
      const value = char === '\n' ? KEYS.Enter! : char;
      return [
        { type: 'keyDown', value },
        { type: 'keyUp', value },
      ];
    });
  },
  forChord(chord: string): KeyAction[] {
    const values = chord.split('+').map(keyValue);
    return [
      ...values.map((value): KeyAction => ({ type: 'keyDown', value })),
      ...values.reverse().map((value): KeyAction => ({ type: 'keyUp', value })),
    ];
  },
};
