import { useEffect, useRef } from 'react';
import { WedgeDetector, type WedgeDetectorOptions } from './wedge-detector.ts';

// A keyboard-wedge scanner types into whatever has focus. On screens without text fields, an
// invisible textarea keeps the focus so every character reaches the detector: key presses, and
// also characters that arrive as text insertion without a key event (Alt-codes, an input method,
// test drivers). When the officer clicks a real text field, the sink steps aside; it takes the
// focus back as soon as the field is left.

function isEditable(element: Element | null): boolean {
  if (!element || element.getAttribute('data-scan-sink') !== null) return false;
  return (
    element instanceof HTMLInputElement ||
    element instanceof HTMLTextAreaElement ||
    element instanceof HTMLSelectElement ||
    (element instanceof HTMLElement && element.isContentEditable)
  );
}

export function KeyboardWedgeSink({
  options,
  onScan,
}: {
  options: WedgeDetectorOptions;
  onScan: (payload: string) => void;
}) {
  const sinkRef = useRef<HTMLTextAreaElement>(null);
  const onScanRef = useRef(onScan);
  useEffect(() => {
    onScanRef.current = onScan;
  }, [onScan]);

  useEffect(() => {
    const sink = sinkRef.current;
    if (!sink) return;
    const detector = new WedgeDetector(options);

    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Enter' || event.key === 'Tab') {
        event.preventDefault();
        const payload = detector.terminator(event.timeStamp);
        if (payload !== null) onScanRef.current(payload);
        return;
      }
      if (event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey) {
        event.preventDefault();
        detector.character(event.key, event.timeStamp);
      }
    };
    const onBeforeInput = (event: InputEvent) => {
      event.preventDefault();
      if (event.data) detector.character(event.data, event.timeStamp);
    };
    const refocus = () => {
      setTimeout(() => {
        if (!isEditable(document.activeElement)) sink.focus({ preventScroll: true });
      }, 0);
    };

    sink.addEventListener('keydown', onKeyDown);
    sink.addEventListener('beforeinput', onBeforeInput);
    sink.addEventListener('blur', refocus);
    document.addEventListener('focusout', refocus);
    sink.focus({ preventScroll: true });
    return () => {
      sink.removeEventListener('keydown', onKeyDown);
      sink.removeEventListener('beforeinput', onBeforeInput);
      sink.removeEventListener('blur', refocus);
      document.removeEventListener('focusout', refocus);
    };
  }, [options]);

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
