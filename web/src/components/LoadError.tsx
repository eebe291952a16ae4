import { Alert, Paragraph } from '@utrecht/component-library-react';
import { problemText } from '../hooks.js';
import { useI18n } from '../i18n/index.js';

/** A failed load: the problem's text in an error alert. */
export const LoadError = ({ error }: { error: unknown }) => {
  const { t } = useI18n();
  return (
    <Alert type="error">
      <Paragraph>{problemText(t, error)}</Paragraph>
    </Alert>
  );
};
