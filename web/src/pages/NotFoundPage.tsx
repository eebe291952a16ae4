import { Paragraph } from '@utrecht/component-library-react';
import { AppLink } from '../components/AppLink.js';
import { PageTitle } from '../components/PageTitle.js';
import { useI18n } from '../i18n/index.js';

export const NotFoundPage = () => {
  const { t } = useI18n();
  return (
    <>
      <PageTitle>{t.notFound.title}</PageTitle>
      <Paragraph>{t.notFound.body}</Paragraph>
      <Paragraph>
        <AppLink href="/">{t.noAccess.back}</AppLink>
      </Paragraph>
    </>
  );
};
