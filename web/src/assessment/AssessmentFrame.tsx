import { Paragraph } from '@utrecht/component-library-react';
import type { ReactNode } from 'react';
import { Notice } from '../components/Notice.js';
import { PageTitle } from '../components/PageTitle.js';
import { useI18n } from '../i18n/index.js';
import { useRouter } from '../router.js';

/**
 * What every assessment screen starts with: the page's title and intro, and the confirmation the
 * navigation brought along ("Opgeslagen." after the wizard saved).
 */
export const AssessmentFrame = ({ children }: { readonly children: ReactNode }) => {
  const { t } = useI18n();
  const { flash } = useRouter();
  return (
    <>
      <PageTitle>{t.assessments.title}</PageTitle>
      <Paragraph>{t.assessments.intro}</Paragraph>
      <Notice text={flash} />
      {children}
    </>
  );
};
