import { useEffect, useRef, type ReactNode } from 'react';
import { KioskHeader, type KioskStep } from './KioskHeader.tsx';
import '../kiosk.css';

/**
 * One kiosk screen after the attract one: the header, the heading (focused on arrival, so a screen
 * reader starts there), the content, and the actions pinned at the bottom so that they are always
 * on screen without scrolling, whatever the content and the on-screen keyboard take.
 */
export function KioskScreen({
  name,
  title,
  step = null,
  languages = true,
  finish = false,
  actions,
  dock,
  keyboard = null,
  children,
}: {
  /** The `data-screen` hook (docs/data-hooks.md). */
  name: string;
  title: string;
  step?: KioskStep | null;
  languages?: boolean;
  finish?: boolean;
  actions?: ReactNode;
  /** Under the content, always in sight: the on-screen keyboard, or what must stay on screen. */
  dock?: ReactNode;
  /** Where the open keyboard is: under the content, or beside it (a number pad is narrow and tall). */
  keyboard?: 'bottom' | 'side' | null;
  children: ReactNode;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus({ preventScroll: true }), []);
  return (
    <section className="kiosk-screen" data-screen={name}>
      <KioskHeader step={step} languages={languages} finish={finish} />
      <div className={keyboard ? `kiosk-middle kiosk-middle-${keyboard}` : 'kiosk-middle'}>
        <div className="kiosk-body">
          <h1 ref={heading} tabIndex={-1} className="kiosk-title">
            {title}
          </h1>
          {children}
        </div>
        {dock}
      </div>
      {actions && <footer className="kiosk-actions">{actions}</footer>}
    </section>
  );
}
