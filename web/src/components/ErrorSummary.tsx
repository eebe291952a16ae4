import { Alert, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useRef } from 'react';
import type { FormErrors } from '../hooks.js';
import { useI18n } from '../i18n/index.js';
import { LinkList } from './LinkList.js';

export interface ErrorSummaryProps {
  readonly errors: FormErrors;
  /** Visible labels of the fields, by element id, for the summary's links. */
  readonly labels: Readonly<Record<string, string>>;
}

/**
 * The error summary above a form: receives focus when it appears and links every message to
 * its field (WCAG 3.3.1); a click moves focus into the field.
 */
export const ErrorSummary = ({ errors, labels }: ErrorSummaryProps) => {
  const { t } = useI18n();
  const ref = useRef<HTMLDivElement>(null);
  const fieldIds = Object.keys(errors.fields);
  const shown = errors.summary !== undefined || fieldIds.length > 0;
  useEffect(() => {
    if (shown) ref.current?.focus();
  }, [errors, shown]);
  if (!shown) return null;
  return (
    <div ref={ref} tabIndex={-1} className="pp-error-summary">
      <Alert type="error">
        <Heading2>{t.errorSummaryTitle}</Heading2>
        {errors.summary ? <Paragraph>{errors.summary}</Paragraph> : null}
        {fieldIds.length > 0 ? (
          <LinkList
            links={fieldIds.map((id) => ({
              href: `#${id}`,
              text: `${labels[id] ?? id}: ${errors.fields[id]}`,
              onClick: (e) => {
                e.preventDefault();
                document.getElementById(id)?.focus();
              },
            }))}
          />
        ) : null}
      </Alert>
    </div>
  );
};
