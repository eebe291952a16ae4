import { Paragraph } from '@utrecht/component-library-react';
import { useI18n } from '../i18n/index.js';

export const Loading = () => {
  const { t } = useI18n();
  return (
    <Paragraph role="status" aria-live="polite">
      {t.loading}
    </Paragraph>
  );
};
