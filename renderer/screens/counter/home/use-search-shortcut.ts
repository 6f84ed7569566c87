import { useEffect, type RefObject } from 'react';

// `/` or F3 puts the cursor in the search box, as in a browser. A keyboard-wedge scan also arrives
// as keystrokes: the wedge capture (renderer/scan/wedge-capture.ts) sees every key first, in the
// window's capture phase, and swallows a burst from its second key on — but a burst's first key
// cannot be told from a person's and reaches this listener. The recognizer has already counted it,
// so taking it here never shortens a scan; all this listener may do with it is move the focus,
// which the wedge capture copes with (a scan never lands in a field). F3 is never part of a scan.

function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement) || target.hasAttribute('data-scan-sink')) return false;
  return (
    target instanceof HTMLInputElement ||
    target instanceof HTMLTextAreaElement ||
    target instanceof HTMLSelectElement ||
    target.isContentEditable
  );
}

export function useSearchShortcut(input: RefObject<HTMLInputElement | null>): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
      const slash = event.key === '/' && !isTypingTarget(event.target);
      if (event.key !== 'F3' && !slash) return;
      const field = input.current;
      if (!field) return;
      // F3 is the browser's "find again": the counter's search replaces it.
      event.preventDefault();
      field.focus();
      field.select();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [input]);
}
