import { Alert, Paragraph } from '@utrecht/component-library-react';

/** A short confirmation ("Opgeslagen.") announced politely to screen readers. */
export const Notice = ({ text }: { text: string | undefined }) => (
  <div role="status" aria-live="polite" className="pp-notice">
    {text ? (
      <Alert type="ok" role="presentation">
        <Paragraph>{text}</Paragraph>
      </Alert>
    ) : null}
  </div>
);
