import type { ReactNode } from 'react';

/**
 * A wide table that may scroll sideways on small screens. The scroll box is focusable and named,
 * so keyboard users can scroll it too (WCAG 2.1.1; axe scrollable-region-focusable).
 */
export const TableScroll = ({
  label,
  children,
}: {
  readonly label: string;
  readonly children: ReactNode;
}) => (
  <div className="pp-table-scroll" role="region" aria-label={label} tabIndex={0}>
    {children}
  </div>
);
