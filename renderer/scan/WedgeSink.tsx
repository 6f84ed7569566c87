import { useEffect, useRef } from 'react';

// Characters that arrive as text insertion without a key event (Alt codes, an input method, some
// drivers) only reach the page through a focused editable element. On screens where no field has
// the focus, this invisible textarea keeps it, so they reach the wedge capture (wedge-capture.ts);
// it steps aside whenever a real field is focused and takes the focus back when that field is left.
// What lands in it is never kept.

function isRealField(element: Element | null): boolean {
  if (!element || element.hasAttribute('data-scan-sink')) return false;
  return (
    element instanceof HTMLInputElement ||
    element instanceof HTMLTextAreaElement ||
    element instanceof HTMLSelectElement ||
    (element instanceof HTMLElement && element.isContentEditable)
  );
}

export function WedgeSink() {
  const sinkRef = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    const sink = sinkRef.current;
    if (!sink) return;
    const refocus = () =>
      setTimeout(() => {
        if (!isRealField(document.activeElement) && sink.isConnected) sink.focus({ preventScroll: true });
      }, 0);
    const clear = () => {
      sink.value = '';
    };
    sink.addEventListener('input', clear);
    document.addEventListener('focusout', refocus);
    refocus();
    return () => {
      sink.removeEventListener('input', clear);
      document.removeEventListener('focusout', refocus);
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
