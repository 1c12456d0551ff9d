import type { ReactNode } from 'react';

/**
 * A table that may scroll sideways on a phone: a named region that takes
 * keyboard focus, so people without a mouse or touch screen can scroll it
 * too (WCAG 2.1.1; axe's scrollable-region-focusable).
 */
export function TableRegion({ label, children }: { label: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must take focus to be scrolled by keyboard
    <section className="table-wrap" aria-label={label} tabIndex={0}>
      {children}
    </section>
  );
}
