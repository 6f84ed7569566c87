import { useState } from 'react';

/**
 * The shift key of a touch keyboard, kept simple: one tap capitalises the next letter, a second tap
 * locks capitals (for a name in capitals), a third tap turns them off. A long press would hide the
 * lock from citizens who do not know the gesture; taps are visible on the key.
 */
export type ShiftMode = 'off' | 'once' | 'locked';

const nextMode: Readonly<Record<ShiftMode, ShiftMode>> = { off: 'once', once: 'locked', locked: 'off' };

export function useShiftMode() {
  const [mode, setMode] = useState<ShiftMode>('off');
  return {
    mode,
    /** The shift key was tapped. */
    tap: () => setMode((current) => nextMode[current]),
    /** A letter was typed: a one-shot shift is used up. */
    letterTyped: () => setMode((current) => (current === 'once' ? 'off' : current)),
  };
}
