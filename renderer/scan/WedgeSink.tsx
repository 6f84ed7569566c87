import { useEffect, useRef } from 'react';

// Characters that arrive as text insertion without a key event (Alt codes, an input method, some
// drivers) only reach the page through a focused editable element. On screens where no field has
// the focus, this invisible textarea keeps it, so they reach the wedge capture (wedge-capture.ts);
// it steps aside whenever a real field is focused and takes the focus back when that field is left.
// It never takes the focus from a keyboard user (Tab must be able to rest on a button), from a
// dialog, or from an element a screen focused on purpose (tabindex -1: a result, a dialog): only
// from nothing, or from a button that was just clicked. What lands in it is never kept.

function isRealField(element: Element | null): boolean {
  if (!element || element.hasAttribute('data-scan-sink')) return false;
  return (
    element instanceof HTMLInputElement ||
    element instanceof HTMLTextAreaElement ||
    element instanceof HTMLSelectElement ||
    (element instanceof HTMLElement && element.isContentEditable)
  );
}

/** Whether the focused element keeps the focus rather than give it to the sink. */
export function keepsFocus(element: Element | null, lastInputWasPointer: boolean): boolean {
  if (!element || element === document.body || element === document.documentElement) return false;
  if (element.hasAttribute('data-scan-sink') || isRealField(element)) return true;
  if (element.closest('[role="dialog"]') || element.getAttribute('tabindex') === '-1') return true;
  return !lastInputWasPointer;
}

export function WedgeSink() {
  const sinkRef = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    const sink = sinkRef.current;
    if (!sink) return;
    let lastInputWasPointer = true;
    const pointer = () => {
      lastInputWasPointer = true;
    };
    const key = (event: KeyboardEvent) => {
      if (event.key === 'Tab') lastInputWasPointer = false;
    };
    const refocus = () =>
      setTimeout(() => {
        if (!keepsFocus(document.activeElement, lastInputWasPointer) && sink.isConnected)
          sink.focus({ preventScroll: true });
      }, 0);
    // A clicked button keeps the focus in Chromium; once the click is done, the sink takes it back.
    const afterClick = () => {
      if (lastInputWasPointer) refocus();
    };
    const clear = () => {
      sink.value = '';
    };
    sink.addEventListener('input', clear);
    document.addEventListener('focusout', refocus);
    document.addEventListener('pointerdown', pointer, true);
    document.addEventListener('keydown', key, true);
    document.addEventListener('click', afterClick);
    refocus();
    return () => {
      sink.removeEventListener('input', clear);
      document.removeEventListener('focusout', refocus);
      document.removeEventListener('pointerdown', pointer, true);
      document.removeEventListener('keydown', key, true);
      document.removeEventListener('click', afterClick);
    };
  }, []);
  return (
    <textarea
      ref={sinkRef}
      className="scan-sink"
      data-scan-sink=""
      data-testid="scan-sink"
      aria-hidden="true"
      tabIndex={-1}
      autoComplete="off"
      spellCheck={false}
      defaultValue=""
    />
  );
}
