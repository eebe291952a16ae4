import { Heading1 } from '@utrecht/component-library-react';
import { useEffect, useRef } from 'react';
import { useI18n } from '../i18n/index.js';
import { useRouter } from '../router.js';

/**
 * The page's h1. After a client-side navigation focus moves here, so screen-reader users hear
 * the new page (WCAG 2.4.3); the document title follows (2.4.2).
 */
export const PageTitle = ({ children }: { children: string }) => {
  const ref = useRef<HTMLHeadingElement>(null);
  const { navigations } = useRouter();
  const { t } = useI18n();
  useEffect(() => {
    document.title = `${children} — ${t.appName}`;
  }, [children, t.appName]);
  useEffect(() => {
    if (navigations > 0) ref.current?.focus();
  }, [navigations]);
  return (
    <Heading1 ref={ref} tabIndex={-1} className="pp-page-title">
      {children}
    </Heading1>
  );
};
