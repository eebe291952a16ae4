import { PageFooter, PageHeader, Paragraph, SkipLink } from '@utrecht/component-library-react';
import type { ReactNode } from 'react';
import { useI18n } from '../i18n/index.js';

export interface ShellFrameProps {
  /** The application's name at the top left (a link home once signed in). */
  readonly brand: ReactNode;
  /** Top right: the user menu, or only the language switch before login. */
  readonly menu: ReactNode;
  /** The main navigation, between the header and the main landmark. */
  readonly nav?: ReactNode;
  readonly mainClassName: string;
  readonly children: ReactNode;
}

/** The landmarks every screen has, signed in or not: skip link, header, main, footer. */
export const ShellFrame = ({ brand, menu, nav, mainClassName, children }: ShellFrameProps) => {
  const { t } = useI18n();
  return (
    <div className="pp-shell">
      <SkipLink href="#main">{t.skipLink}</SkipLink>
      <PageHeader className="pp-header">
        <div className="pp-header__inner">
          <div>
            <Paragraph className="pp-brand">{brand}</Paragraph>
            <Paragraph appearance="small">{t.appTagline}</Paragraph>
          </div>
          {menu}
        </div>
      </PageHeader>
      {nav}
      <main id="main" tabIndex={-1} className={mainClassName}>
        {children}
      </main>
      <PageFooter className="pp-footer">
        <Paragraph appearance="small">{t.appName} · EUPL-1.2</Paragraph>
      </PageFooter>
    </div>
  );
};
