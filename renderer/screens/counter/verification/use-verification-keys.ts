import { useEffect, type RefObject } from 'react';

// The verification's shortcuts. Function keys and Esc/Enter only: a keyboard-wedge scanner types
// printable characters machine-fast and the page captures them as scans (wedge-capture.ts), so a
// printable shortcut would fire in the middle of a scan. (A scan's own Enter is swallowed there.)
// Each shortcut presses the button on screen, so the keyboard can never do what the screen would
// refuse (approve is refused while something does not match).

export const verificationShortcuts = [
  { key: 'F8', action: 'approve' },
  { key: 'F4', action: 'override' },
  { key: 'F9', action: 'reject' },
  { key: 'F6', action: 'reprint' },
  { key: 'Enter', action: 'confirm' },
  { key: 'Esc', action: 'home' },
] as const;

function isTypingField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement) || target.hasAttribute('data-scan-sink')) return false;
  return (
    target instanceof HTMLInputElement ||
    target instanceof HTMLTextAreaElement ||
    target instanceof HTMLSelectElement ||
    target instanceof HTMLButtonElement ||
    target.isContentEditable
  );
}

export function useVerificationKeys(root: RefObject<HTMLElement | null>, goHome: () => void): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const scope = root.current;
      if (!scope || event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
      // A held key repeats: one decision step per press, never a run of them.
      if (event.repeat) {
        if (['F8', 'F9', 'F4', 'F6', 'Enter', 'Escape'].includes(event.key)) event.preventDefault();
        return;
      }
      // The print preview is a dialog of its own: its keys are its own.
      if (document.querySelector('[data-screen="print-preview"]')) return;
      const find = <T extends HTMLElement>(selector: string) => scope.querySelector<T>(selector);
      const press = (action: string): boolean => {
        const button = find<HTMLButtonElement>(`button[data-action="${action}"]`);
        if (!button || button.disabled) return false;
        button.click();
        return true;
      };
      const handled = (() => {
        switch (event.key) {
          case 'F8': {
            // Writing the override's note: F8 must not throw the note away by closing its form.
            const note = find<HTMLTextAreaElement>('.override-form textarea[name="note"]');
            if (note) note.focus();
            else press('approve');
            return true;
          }
          case 'F9': {
            const select = find<HTMLSelectElement>('select[name="reasonCode"]');
            if (select) select.focus();
            else press('reject');
            return true;
          }
          case 'F4': {
            const note = find<HTMLTextAreaElement>('.override-form textarea[name="note"]');
            if (note) note.focus();
            else press('override');
            return true;
          }
          case 'F6':
            return press('reprint') || true;
          case 'Escape':
            // In the confirm step Esc only cancels, and does nothing while the decision is being sent.
            if (find('[data-testid="decision-confirm"]')) press('cancel');
            else if (!press('cancel')) goHome();
            return true;
          case 'Enter':
            if (!find('[data-action="confirm"]') || isTypingField(event.target)) return false;
            return press('confirm');
          default:
            return false;
        }
      })();
      if (handled) event.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [root, goHome]);
}
